import Foundation
import Testing

/// The site on a phone: the navigation in whole rows, and the start page's title said once.
@Suite struct NarrowScreenTests {
    @Test func theNavigationNeverLeavesAnEntryAloneOnALine() throws {
        let result = try SiteValidationTests.tool("check_layout.py", [
            SiteValidationTests.site.path, "index.html", "rezepte/e-akte.html", "gesetze/egovg.html", "suche.html",
        ])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("at 320 px"))
    }

    @Test func theLayoutCheckFindsAnEntryLeftAlone() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-narrow-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: SiteValidationTests.site, to: copy)
        let style = copy.appendingPathComponent("assets/style.css")
        let css = try String(contentsOf: style, encoding: .utf8)
        let start = try #require(css.range(of: "@media (max-width: 26em)"))
        // The published style sheet is minified: the block ends at its rule's and its own brace.
        let end = try #require(css.range(of: "}}", range: start.upperBound..<css.endIndex))
        try (String(css[..<start.lowerBound]) + String(css[end.upperBound...])).write(to: style, atomically: true, encoding: .utf8)
        let result = try SiteValidationTests.tool("check_layout.py", [copy.path, "index.html", "--widths", "360"])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("leaves an entry alone on a line"))
    }

    @Test func theStartPageSaysTheBooksTitleOnce() throws {
        let index = try String(contentsOf: SiteValidationTests.site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<title>Kochbuch E-Government – Rezepte für die digitale Kommunalverwaltung</title>"))
        let recipe = try String(contentsOf: SiteValidationTests.site.appendingPathComponent("rezepte/e-akte.html"), encoding: .utf8)
        #expect(recipe.contains(" – Kochbuch E-Government</title>"))
        #expect(!recipe.contains("Kochbuch E-Government – Kochbuch E-Government"))
    }
}
