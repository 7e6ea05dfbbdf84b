import Foundation
import Kochbuch
import KochbuchHTML
import KochbuchModel
import Testing

/// Hostile recipe text comes out as inert text; unsafe link targets never become links.
@Suite struct InjectionTests {
    @Test func scriptsAndJavascriptURLsComeOutInert() throws {
        var book = BookLocation(path: SiteFixture.miniBook.path).loader.load().book
        let index = try #require(book.recipes.firstIndex { $0.id == "e-akte" })
        let here = SourceLocation(path: "e-akte.xml", line: 1)
        book.recipes[index].title = "<script>alert('titel')</script>\"><img src=x onerror=alert(1)>"
        book.recipes[index].summary = [
            .text("<script>alert(1)</script>"),
            .link(ExternalLink(href: "javascript:alert(2)", content: [.text("Klick")], location: here)),
            .link(ExternalLink(href: "https://example.org/\"onmouseover=\"alert(3)", content: [.text("Zitat")], location: here)),
            .abbreviation(text: "X", title: "\" onfocus=\"alert(4)"),
        ]
        book.recipes[index].steps[0].body = [.figure(Figure(source: "images/ablauf.svg", alternativeText: "\"><script>alert(5)</script>",
                                                           caption: [], location: here))]
        book.recipes[index].sources = [Source(href: "data:text/html,<script>alert(6)</script>", citation: [.text("Quelle")])]
        let site = try SiteFixture(book: book, bookDirectory: SiteFixture.miniBook)
        for (path, html) in site.files where path.hasSuffix(".html") || path.hasSuffix(".js") {
            let withoutOwnScripts = html.replacingOccurrences(of: #"<script src="assets/suche/meta-[0-9a-f]+\.js"></script>"#, with: "",
                                                              options: .regularExpression)
                .replacingOccurrences(of: "<script src=\"assets/search.js\"></script>", with: "")
                .replacingOccurrences(of: "<script type=\"application/ld+json\">", with: "")
            if path.hasSuffix(".html") {
                #expect(!withoutOwnScripts.contains("<script>"), "\(path) contains a script element")
                for tag in SiteFixture.tags(html) {
                    let lower = tag.lowercased()
                    #expect(!lower.hasPrefix("<img src=x"), "\(path): \(tag)")
                    let names = lower.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                        .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
                    #expect(!names.contains(" on"), "\(path): event handler in \(tag)")
                }
                for value in SiteFixture.attributeValues("href", in: html) + SiteFixture.attributeValues("src", in: html) {
                    let lower = value.lowercased()
                    #expect(!lower.hasPrefix("javascript:") && !lower.hasPrefix("data:"), "\(path): \(value)")
                }
            }
            #expect(!html.contains("href=\"javascript:"), "\(path)")
            #expect(!html.contains("href=\"data:"), "\(path)")
            #expect(!html.contains("</script>\"><img"), "\(path)")
        }
        let page = try #require(site.files["rezepte/e-akte.html"])
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(SiteFixture.text(page).contains("Klick"))
        let jsonLD = try #require(page.components(separatedBy: "<script type=\"application/ld+json\">").last?.components(separatedBy: "</script>").first)
        #expect(!jsonLD.contains("</"))
    }

    /// The escaping works on bytes: a combining mark after `<` (one Character, "≮") does not hide
    /// it, and text with nothing to escape stays as it is.
    @Test func escapingSeesEveryMarkupCharacter() {
        #expect(HTML.escape("a<\u{0338}b") == "a&lt;\u{0338}b")
        #expect(HTML.escape("\"\u{0301}><&'") == "&quot;\u{0301}&gt;&lt;&amp;&#39;")
        #expect(HTML.escape("Bürgerbüro – Öffnungszeiten") == "Bürgerbüro – Öffnungszeiten")
        #expect(HTML.escape("") == "")
    }
}
