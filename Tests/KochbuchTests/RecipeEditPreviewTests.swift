import Foundation
import Kochbuch
import KochbuchModel
import Testing

/// The preview's first answer to a saved recipe: the pages it makes at once are byte for byte the
/// pages of the whole build that follows, and every change it cannot answer is left to that build.
@Suite(.serialized) struct RecipeEditPreviewTests {
    private struct Workspace {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-edit-preview-\(UUID().uuidString)")
        var book: URL { folder.appendingPathComponent("Recipes") }
        var location: BookLocation { BookLocation(path: book.path) }

        init() throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: BuilderTests.recipes, to: book)
        }

        /// The preview's website (drafts shown) built into `output`; returns its HTML folder.
        func build(into output: URL) throws -> URL {
            var options = Builder.Options(editions: [.html], output: folder.appendingPathComponent(output.lastPathComponent))
            options.includesUnlistedDrafts = true
            options.usesCache = false
            _ = try Builder(book: location, options: options).build()
            return folder.appendingPathComponent(output.lastPathComponent).appendingPathComponent("html")
        }

        func edit(_ name: String, _ change: (String) -> String) throws {
            let url = book.appendingPathComponent(name)
            let before = try String(contentsOf: url, encoding: .utf8)
            let after = change(before)
            #expect(after != before, "the change to \(name) changed nothing")
            try after.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    @Test func thePagesMadeFirstAreThePagesOfTheWholeBuild() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.folder) }
        let served = try space.build(into: URL(fileURLWithPath: "served"))
        var preview = RecipeEditPreview(book: space.location, theme: nil)
        #expect(try preview.updatePages(in: served) == [])

        try space.edit("sperrmuell.xml") { $0.replacingOccurrences(of: "<title>", with: "<title>Neu: ") }
        let pages = try #require(try preview.updatePages(in: served))
        #expect(pages.contains("rezepte/sperrmuell.html"))
        #expect(pages.count > 2, "the recipe's page and the pages that link to it or lie beside it: \(pages)")
        let whole = try space.build(into: URL(fileURLWithPath: "whole"))
        for page in pages {
            let first = try Data(contentsOf: served.appendingPathComponent(page))
            #expect(first == (try Data(contentsOf: whole.appendingPathComponent(page))), "\(page) differs from the whole build's")
        }
        #expect(String(decoding: try Data(contentsOf: served.appendingPathComponent("rezepte/sperrmuell.html")), as: UTF8.self).contains("Neu: "))
        // The negative control: a page of the whole build before the change is not the page made first.
        let before = try Data(contentsOf: space.folder.appendingPathComponent("whole/html/rezepte/sperrmuell.html"))
        try space.edit("sperrmuell.xml") { $0.replacingOccurrences(of: "<title>Neu: ", with: "<title>Wieder neu: ") }
        #expect(try preview.updatePages(in: served) != nil)
        #expect(try Data(contentsOf: served.appendingPathComponent("rezepte/sperrmuell.html")) != before)
        #expect(try preview.updatePages(in: served) == [], "nothing changed since")
    }

    @Test func whatItCannotAnswerIsLeftToTheWholeBuild() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.folder) }
        let served = try space.build(into: URL(fileURLWithPath: "served"))
        var preview = RecipeEditPreview(book: space.location, theme: nil)
        let page = served.appendingPathComponent("rezepte/sperrmuell.html")
        let shown = try Data(contentsOf: page)

        // A law.
        try space.edit("catalogs/laws/egovg.xml") { $0.replacingOccurrences(of: "title=\"Geltungsbereich\"", with: "title=\"Geltungsbereich und Zweck\"") }
        #expect(try preview.updatePages(in: served) == nil)
        preview.reload()
        #expect(try preview.updatePages(in: served) == [])

        // A recipe with an error: its page stays as it was; the whole build shows the error.
        try space.edit("sperrmuell.xml") { $0.replacingOccurrences(of: "</title>", with: "</titel>") }
        #expect(try preview.updatePages(in: served) == nil)
        #expect(try Data(contentsOf: page) == shown)

        // A new file, once the book has no error again.
        try space.edit("sperrmuell.xml") { $0.replacingOccurrences(of: "</titel>", with: "</title>") }
        preview.reload()
        #expect(try preview.updatePages(in: served) == [])
        try FileManager.default.copyItem(at: space.book.appendingPathComponent("e-akte.xml"), to: space.book.appendingPathComponent("kopie.xml"))
        #expect(try preview.updatePages(in: served) == nil)
    }
}
