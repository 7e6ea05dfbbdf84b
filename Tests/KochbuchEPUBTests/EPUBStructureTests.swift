import Foundation
import Kochbuch
import KochbuchHTML
import KochbuchModel
import Testing
@testable import KochbuchEPUB

/// What a reader meets beyond the recipes: the conformance claim, chapter title pages in the
/// reading order and the table of contents, the landmarks.
@Suite struct EPUBStructureTests {
    static func documents(_ book: EPUBBook) throws -> [String: String] {
        Dictionary(try book.files().map { ($0.path, String(decoding: $0.data, as: UTF8.self)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The spine's documents in order (hrefs), with the non-linear ones left out.
    static func spine(_ opf: String) -> [String] {
        var hrefs: [String: String] = [:]
        for item in opf.components(separatedBy: "<item ").dropFirst() {
            hrefs[attribute("id", item)] = attribute("href", item)
        }
        return opf.components(separatedBy: "<itemref ").dropFirst()
            .filter { !$0.prefix { $0 != ">" }.contains("linear=\"no\"") }
            .compactMap { hrefs[attribute("idref", $0)] }
    }

    static func attribute(_ name: String, _ tag: String) -> String {
        guard let range = tag.range(of: " \(name)=\"") ?? (tag.hasPrefix("\(name)=\"") ? tag.range(of: "\(name)=\"") : nil) else { return "" }
        return String(tag[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The documents the table of contents leads to, in its order, each once.
    static func tocOrder(_ nav: String) -> [String] {
        let toc = String(nav[nav.range(of: "<nav epub:type=\"toc\"")!.lowerBound..<nav.range(of: "</nav>")!.lowerBound])
        var seen: Set<String> = []
        return toc.components(separatedBy: "<a href=\"").dropFirst()
            .map { String($0.prefix { $0 != "\"" && $0 != "#" }) }
            .filter { seen.insert($0).inserted }
    }

    @Test func packageDocumentClaimsConformanceToEPUBAccessibility() throws {
        for directory in [EPUBBookTests.shipped, EPUBBookTests.miniBook] {
            let opf = try #require(try Self.documents(EPUBBookTests.epub(directory))["content.opf"])
            #expect(opf.contains("<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>"))
            #expect(opf.components(separatedBy: "dcterms:conformsTo").count == 2, "one claim")
            // The claim sits with the discovery metadata EPUB Accessibility 1.1 requires beside it.
            for property in ["schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                             "schema:accessibilityHazard", "schema:accessibilitySummary"] {
                #expect(opf.contains("<meta property=\"\(property)\">"), "\(property)")
            }
            #expect(opf.contains("erfüllt EPUB Accessibility 1.1 und die WCAG 2.1 auf Stufe AA"), "the summary says what the claim says")
            // Nobody certified the book: no certifier is named.
            #expect(!opf.contains("a11y:certifiedBy") && !opf.contains("a11y:certifierCredential"))
        }
    }

    @Test func everyChapterHasATitlePageBeforeItsRecipes() throws {
        let epub = EPUBBookTests.epub(EPUBBookTests.shipped)
        let documents = try Self.documents(epub)
        let spine = Self.spine(try #require(documents["content.opf"]))
        let chapters = try #require(epub.book.book.manifest?.chapters)
        #expect(chapters.count == 5)
        var previousEnd = spine.firstIndex(of: EPUBPaths.titlePage)!
        for chapter in chapters {
            let path = "kapitel/\(chapter.id).xhtml"
            let page = try #require(documents[path], "no title page for \(chapter.id)")
            #expect(page.contains("<h1 id=\"kapitel\">\(HTML.escape(chapter.title))</h1>"))
            #expect(page.contains("epub:type=\"part\" role=\"doc-part\""))
            #expect(page.contains("<link rel=\"stylesheet\" type=\"text/css\" href=\"../style.css\" />"))
            let position = try #require(spine.firstIndex(of: path), "\(path) is not in the spine")
            #expect(position == previousEnd + 1, "\(path) comes right after the previous chapter's last recipe")
            for (offset, entry) in chapter.recipes.enumerated() {
                let recipe = try #require(epub.book.recipesByID[entry.id])
                #expect(page.contains("<li><a href=\"../rezepte/\(recipe.id).xhtml\">\(HTML.escape(recipe.title))</a></li>"))
                #expect(spine.firstIndex(of: EPUBPaths.recipe(recipe.id)) == position + 1 + offset, "\(recipe.id) follows its chapter's title page")
            }
            #expect(page.contains("\(chapter.recipes.count) Rezepte in diesem Kapitel"))
            previousEnd = position + chapter.recipes.count
        }
        #expect(spine[previousEnd + 1] == EPUBPaths.appendix)
    }

    @Test func aSubsetHasTitlePagesOnlyForItsChaptersListingOnlyItsRecipes() throws {
        let epub = EPUBBookTests.epub(EPUBBookTests.shipped, EPUBSelection(recipes: ["e-akte"]))
        let documents = try Self.documents(epub)
        let pages = documents.keys.filter { $0.hasPrefix("kapitel/") }
        #expect(pages.count == 1, "\(pages)")
        let page = try #require(pages.first.flatMap { documents[$0] })
        #expect(page.contains("1 Rezept in diesem Kapitel"))
        #expect(page.components(separatedBy: "<li>").count == 2)
        #expect(page.contains("href=\"../rezepte/e-akte.xhtml\""))
    }

    @Test func tableOfContentsLeadsToEachChapterPageInReadingOrder() throws {
        for selection in [EPUBSelection(), EPUBSelection(topics: ["bauen-wohnen"])] {
            let epub = EPUBBookTests.epub(EPUBBookTests.shipped, selection)
            let documents = try Self.documents(epub)
            let nav = try #require(documents["nav.xhtml"])
            let toc = String(nav[..<nav.range(of: "<nav epub:type=\"landmarks\"")!.lowerBound])
            for chapter in epub.book.book.manifest?.chapters ?? [] where documents["kapitel/\(chapter.id).xhtml"] != nil {
                #expect(toc.contains("<li><a href=\"kapitel/\(chapter.id).xhtml\">\(HTML.escape(chapter.title))</a>\n<ol>"), "\(chapter.id)")
            }
            #expect(!toc.contains("<span>"), "every chapter entry is a link")
            // The table of contents and the spine agree (epubcheck 5 warns otherwise, NAV-011).
            let spine = Self.spine(try #require(documents["content.opf"]))
            #expect(Self.tocOrder(nav) == spine.filter { $0 != EPUBPaths.cover }, "\(selection.key)")
        }
    }

    @Test func landmarksLeadToTheLegalAppendix() throws {
        let nav = try #require(try Self.documents(EPUBBookTests.epub(EPUBBookTests.shipped))["nav.xhtml"])
        let landmarks = String(nav[nav.range(of: "<nav epub:type=\"landmarks\"")!.lowerBound...])
        #expect(landmarks.contains("<li><a epub:type=\"appendix\" href=\"anhang-gesetze.xhtml\">Anhang: Die zitierten Vorschriften</a></li>"))
        // In reading order: body, appendix, glossary, index; the body starts at the first chapter's title page.
        let types = landmarks.components(separatedBy: "epub:type=\"").dropFirst(2).map { String($0.prefix { $0 != "\"" }) }
        #expect(types == ["cover", "titlepage", "toc", "bodymatter", "appendix", "glossary", "index"])
        #expect(landmarks.contains("<a epub:type=\"bodymatter\" href=\"kapitel/erste-schritte-und-handwerkszeug.xhtml\">"))
    }

    @Test func recipesInNoChapterFollowTheChaptersWithoutATitlePage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-epub-rest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: EPUBBookTests.miniBook, to: folder)
        let manifest = folder.appendingPathComponent("book.xml")
        let source = try String(contentsOf: manifest, encoding: .utf8)
        try source.replacingOccurrences(of: "      <recipe ref=\"scannen\"/>\n", with: "").write(to: manifest, atomically: true, encoding: .utf8)
        let loaded = BookLocation(path: folder.path).loader.load()
        let epub = EPUBBook(book: SiteBook(book: loaded.book), bookDirectory: folder)
        let order = ReadingOrder(book: epub.book, recipes: epub.recipes)
        #expect(order.documents == ["kapitel/akten.xhtml", "rezepte/everything.xhtml", "rezepte/e-akte.xhtml", "rezepte/scannen.xhtml"])
        let nav = NavigationDocument(book: epub.book).xhtml(order: order, title: "Test")
        #expect(nav.contains("<li><span>Weitere Rezepte</span>\n<ol>\n<li><a href=\"rezepte/scannen.xhtml\">"))
    }
}
