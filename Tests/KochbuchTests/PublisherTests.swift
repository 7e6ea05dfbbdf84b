import Foundation
import Kochbuch
import KochbuchModel
import Testing

@Suite struct PublisherTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-publish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func publishesAndReplacesWholeEditions() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let publisher = Publisher(target: folder.appendingPathComponent("html"))
        try publisher.publish([("index.html", Data("alt".utf8)), ("rezepte/a.html", Data("a".utf8))])
        try publisher.publish([("index.html", Data("neu".utf8))])
        #expect(try String(contentsOf: folder.appendingPathComponent("html/index.html"), encoding: .utf8) == "neu")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("html/rezepte/a.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["html"])
    }

    /// The replaced edition is removed folder by folder; links someone put into it are removed, not followed.
    @Test func removingTheReplacedEditionFollowsNoLink() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = folder.appendingPathComponent("fremd")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("tief"), withIntermediateDirectories: true)
        try Data("bleibt".utf8).write(to: outside.appendingPathComponent("tief/datei.txt"))
        let publisher = Publisher(target: folder.appendingPathComponent("html"))
        try publisher.publish([("index.html", Data("alt".utf8)), ("rezepte/a.html", Data("a".utf8)), ("assets/suche/t0.js", Data("t".utf8))])
        let published = folder.appendingPathComponent("html")
        try FileManager.default.createSymbolicLink(at: published.appendingPathComponent("verweis"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: published.appendingPathComponent("rezepte/verweis"), withDestinationURL: outside)
        try publisher.publish([("index.html", Data("neu".utf8))])
        #expect(try String(contentsOf: outside.appendingPathComponent("tief/datei.txt"), encoding: .utf8) == "bleibt")
        #expect(try FileManager.default.contentsOfDirectory(atPath: published.path).filter { !$0.hasPrefix(".") } == ["index.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["fremd", "html"])
    }

    @Test func aFailedPublicationLeavesTheOldEditionIntact() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let publisher = Publisher(target: folder.appendingPathComponent("html"))
        try publisher.publish([("index.html", Data("gut".utf8))])
        #expect(throws: Publisher.PublishError.self) {
            try publisher.publish([("index.html", Data("halb".utf8)), ("../ausbruch.html", Data("x".utf8))])
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("html/index.html"), encoding: .utf8) == "gut")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["html"])
    }

    /// A file written in pieces is compared with the published one as it comes: kept (same inode)
    /// when every byte and the length are the same, written anew otherwise.
    @Test func aFileWrittenInPiecesIsKeptOnlyWhenAllOfItIsTheSame() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let publisher = Publisher(target: folder.appendingPathComponent("html"))
        let file = folder.appendingPathComponent("html/assets/gross.js")
        func publish(_ pieces: [String]) throws -> Publisher.Totals {
            try publisher.publish { sink in
                try sink.write("assets/gross.js") { piece in
                    for text in pieces { try Array(text.utf8).withUnsafeBytes { try piece($0) } }
                }
            }
        }
        func inode() throws -> Int { try (FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int) ?? -1 }

        _ = try publish(["eins", "zwei", ""])
        let first = try inode()
        #expect(try publish(["ein", "szwei"]).unchanged == 1, "the same bytes in other pieces")
        #expect(try inode() == first)
        #expect(try String(contentsOf: file, encoding: .utf8) == "einszwei")

        #expect(try publish(["eins", "zwei", "drei"]).unchanged == 0, "longer")
        #expect(try String(contentsOf: file, encoding: .utf8) == "einszweidrei")
        let second = try inode()
        #expect(second != first)
        #expect(try publish(["eins", "zwei"]).unchanged == 0, "shorter")
        #expect(try publish(["eins", "zwoi"]).unchanged == 0, "one byte differs")
        #expect(try String(contentsOf: file, encoding: .utf8) == "einszwoi")
    }

    /// A file kept from the published edition (a hard link) and then written after all gets a file
    /// of its own: the published edition is never written through the link.
    @Test func aKeptFileWrittenAgainLeavesThePublishedCopyAlone() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let publisher = Publisher(target: folder.appendingPathComponent("html"))
        let published = folder.appendingPathComponent("html/seite.html")
        let large = folder.appendingPathComponent("html/gross.js")
        _ = try publisher.publish { sink in
            try sink.write("seite.html", text: "alt")
            try sink.write("gross.js", text: "alt")
        }
        _ = try publisher.publish { sink in
            #expect(sink.reuse("seite.html") && sink.reuse("gross.js"))
            try sink.write("seite.html", text: "neu")
            try sink.write("gross.js") { piece in try Array("neu".utf8).withUnsafeBytes { try piece($0) } }
            #expect(try String(contentsOf: published, encoding: .utf8) == "alt", "the published page was written through the link")
            #expect(try String(contentsOf: large, encoding: .utf8) == "alt", "the published file was written through the link")
        }
        #expect(try String(contentsOf: published, encoding: .utf8) == "neu")
        #expect(try String(contentsOf: large, encoding: .utf8) == "neu")
    }

    /// Only a folder the tool made is replaced: an edition carries a marker; a folder without it,
    /// or a file, at the edition's place is left as it is and the publication refused.
    @Test func aFolderTheToolDidNotMakeIsNeverReplaced() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("html")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("meins".utf8).write(to: target.appendingPathComponent("notizen.txt"))
        #expect(throws: OutputOwnership.Refusal.self) {
            try Publisher(target: target).publish([("index.html", Data("neu".utf8))])
        }
        #expect(try String(contentsOf: target.appendingPathComponent("notizen.txt"), encoding: .utf8) == "meins")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["html"])

        let file = folder.appendingPathComponent("text")
        try Data("eine Datei".utf8).write(to: file)
        #expect(throws: OutputOwnership.Refusal.self) { try Publisher(target: file).publish([("a.txt", Data("a".utf8))]) }
        #expect(try String(contentsOf: file, encoding: .utf8) == "eine Datei")

        let own = folder.appendingPathComponent("epub")
        try Publisher(target: own).publish([("a.epub", Data("1".utf8))])
        #expect(FileManager.default.fileExists(atPath: own.appendingPathComponent(OutputOwnership.markerName).path))
        try Publisher(target: own).publish([("a.epub", Data("2".utf8))])
        #expect(try String(contentsOf: own.appendingPathComponent("a.epub"), encoding: .utf8) == "2")
    }

    @Test func theOutputMayNotBeTheBookNorLieInsideOrAboveIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("Recipes")
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        for output in [book, book.appendingPathComponent("Exports"), folder, URL(fileURLWithPath: "/")] {
            #expect(throws: OutputOwnership.Refusal.self, "\(output.path)") { try OutputOwnership.checkOutput(output, book: book) }
        }
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link"), withDestinationURL: book)
        #expect(throws: OutputOwnership.Refusal.self) {
            try OutputOwnership.checkOutput(folder.appendingPathComponent("link/x"), book: book)
        }
        try OutputOwnership.checkOutput(folder.appendingPathComponent("Exports"), book: book)
    }

    @Test func anInterruptedSwapIsRepaired() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("html")
        try Publisher(target: target).publish([("index.html", Data("gut".utf8))])
        try FileManager.default.moveItem(at: target, to: folder.appendingPathComponent(".html.previous"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".html.staging-999999"), withIntermediateDirectories: true)
        try Publisher(target: target).recover()
        #expect(try String(contentsOf: target.appendingPathComponent("index.html"), encoding: .utf8) == "gut")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["html"])
    }
}

@Suite struct BuilderTests {
    static let recipes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Recipes")

    @Test func aBookWithErrorsPublishesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-build-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("Recipes")
        try FileManager.default.copyItem(at: Self.recipes, to: book)
        let output = folder.appendingPathComponent("Exports")
        let builder = Builder(book: BookLocation(path: book.path), options: .init(editions: [.html], output: output))
        let summary = try builder.build()
        #expect(summary.editions.first?.files ?? 0 > 100)
        let index = output.appendingPathComponent("html/index.html")
        let before = try Data(contentsOf: index)
        try "<recipe xmlns=\"urn:kochbuch:1.0\" id=\"kaputt\"".write(to: book.appendingPathComponent("kaputt.xml"), atomically: true, encoding: .utf8)
        #expect(throws: Builder.InvalidBook.self) { try builder.build() }
        #expect(try Data(contentsOf: index) == before)
    }
}

@Suite struct IncrementalPublishingTests {
    private struct Snapshot {
        var inodes: [String: UInt64] = [:]
        var contents: [String: Data] = [:]

        init(_ folder: URL) throws {
            let enumerator = FileManager.default.enumerator(atPath: folder.path)
            while let path = enumerator?.nextObject() as? String {
                let url = folder.appendingPathComponent(path)
                var status = stat()
                guard stat(url.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
                inodes[path] = UInt64(status.st_ino)
                contents[path] = try Data(contentsOf: url)
            }
        }
    }

    @Test func aChangedRecipeRewritesOnlyTheFilesThatDependOnIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-incremental-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("Recipes")
        try FileManager.default.copyItem(at: BuilderTests.recipes, to: book)
        let output = folder.appendingPathComponent("Exports")
        func build(into output: URL) throws -> Builder.Summary {
            try Builder(book: BookLocation(path: book.path), options: .init(editions: [.html, .text], output: output)).build()
        }
        _ = try build(into: output)
        let before = try Snapshot(output.appendingPathComponent("html"))

        let recipe = book.appendingPathComponent("e-akte.xml")
        let source = try String(contentsOf: recipe, encoding: .utf8)
        let changed = source.replacingOccurrences(of: "<title>Die E-Akte einführen</title>",
                                                  with: "<title>Die E-Akte einführen und pflegen</title>")
        #expect(changed != source)
        try changed.write(to: recipe, atomically: true, encoding: .utf8)
        let summary = try build(into: output)
        let after = try Snapshot(output.appendingPathComponent("html"))

        let rewritten = Set(after.inodes.keys.filter { after.inodes[$0] != before.inodes[$0] })
        for path in after.inodes.keys {
            if rewritten.contains(path) {
                #expect(after.contents[path] != before.contents[path], "\(path) was rewritten with the same bytes")
            } else {
                #expect(after.contents[path] == before.contents[path], "\(path) kept its file but not its bytes")
            }
        }
        #expect(rewritten.isSuperset(of: ["rezepte/e-akte.html", "a-z.html", "index.html", "suche.html"]))
        // Its page, the pages linking to it or listing it, each with its Markdown copy, llms.txt, and
        // of the search index's fragments the meta fragment and the groups holding the recipe's document, its
        // title's words and its word positions (a longer title moves every later position of the recipe).
        let fragments = rewritten.filter { $0.hasPrefix("assets/suche/") }
        #expect(fragments.contains { $0.hasPrefix("assets/suche/meta-") })
        let allFragments = after.inodes.keys.filter { $0.hasPrefix("assets/suche/") }
        #expect(fragments.count * 2 < allFragments.count, "\(fragments.count) of \(allFragments.count) search fragments rewritten: \(fragments.sorted())")
        #expect(rewritten.count - fragments.count < 60 && after.inodes.count > 100, "\(rewritten.count) of \(after.inodes.count) rewritten")
        let html = try #require(summary.editions.first { $0.edition == .html })
        #expect(html.rewritten == rewritten.count)
        let pages = try #require(summary.recipePages)
        #expect(pages.rendered >= 1 && pages.rendered < pages.of / 2, "\(pages.rendered) of \(pages.of) recipe pages rendered")
        // The other pages are kept unrendered when their key is unchanged: the glossary and the
        // laws the recipe does not cite; the A–Z list and the start page show its title.
        let others = try #require(summary.otherPages)
        #expect(others.rendered >= 2 && others.rendered * 2 < others.of, "\(others.rendered) of \(others.of) other pages rendered")
        #expect(summary.description(in: .german).contains(
            ", \(pages.rendered) von \(pages.of) Rezeptseiten und \(others.rendered) von \(others.of) weiteren Seiten neu erzeugt, "),
            "\(summary.description(in: .german))")
        try expectSameAsColdBuild(output, book: book, in: folder, build: build)

        // A catalog change reaches every page that shows it, and only those are rendered again.
        let law = book.appendingPathComponent("catalogs/laws/egovg.xml")
        let lawText = try String(contentsOf: law, encoding: .utf8)
        let renamed = lawText.replacingOccurrences(of: "title=\"Elektronische Aktenführung\"", with: "title=\"Elektronische Akte\"")
        #expect(renamed != lawText)
        try renamed.write(to: law, atomically: true, encoding: .utf8)
        let second = try build(into: output)
        let again = try #require(second.recipePages)
        #expect(again.rendered >= 1 && again.rendered < again.of, "\(again.rendered) of \(again.of) recipe pages rendered")
        try expectSameAsColdBuild(output, book: book, in: folder, build: build)
    }

    private func expectSameAsColdBuild(_ output: URL, book: URL, in folder: URL, build: (URL) throws -> Builder.Summary) throws {
        let cold = folder.appendingPathComponent("Cold-\(UUID().uuidString)")
        _ = try build(cold)
        for edition in ["html", "text"] {
            let fresh = try Snapshot(cold.appendingPathComponent(edition))
            let incremental = try Snapshot(output.appendingPathComponent(edition))
            #expect(fresh.contents == incremental.contents, "the \(edition) edition differs from a cold build")
        }
    }
}
