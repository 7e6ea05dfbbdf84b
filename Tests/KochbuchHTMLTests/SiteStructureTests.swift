import Foundation
import Kochbuch
import KochbuchHTML
import KochbuchModel
import Testing

@Suite struct SiteStructureTests {
    /// Every relative link and image of the shipped book's site reaches a file, and every
    /// fragment an element with that id.
    @Test func everyInternalLinkResolves() throws {
        let site = try SiteFixture(bookDirectory: SiteFixture.shippedBook)
        var broken: [String] = []
        var checked = 0
        for (path, html) in site.files where path.hasSuffix(".html") {
            let directory = (path as NSString).deletingLastPathComponent
            for target in SiteFixture.attributeValues("href", in: html) + SiteFixture.attributeValues("src", in: html) {
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
                #expect(!target.contains(":"), "\(path): unexpected scheme in \(target)")
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let file = parts[0].isEmpty ? path : Self.resolve(parts[0], from: directory)
                checked += 1
                guard let targetHTML = site.files[file] else {
                    broken.append("\(path) → \(target) (no file \(file))")
                    continue
                }
                if parts.count == 2, !parts[1].isEmpty, !targetHTML.contains("id=\"\(parts[1])\"") {
                    broken.append("\(path) → \(target) (no id)")
                }
            }
        }
        #expect(broken.isEmpty, "\(broken.prefix(20))")
        #expect(checked > 1000)
    }

    /// A relative link resolved against the folder of the page it is on.
    static func resolve(_ link: String, from directory: String) -> String {
        var components = directory.split(separator: "/").map(String.init)
        for part in link.split(separator: "/") {
            if part == ".." { if !components.isEmpty { components.removeLast() } } else if part != "." { components.append(String(part)) }
        }
        return components.joined(separator: "/")
    }

    @Test func siteHasEveryPageKind() throws {
        let site = try SiteFixture(bookDirectory: SiteFixture.shippedBook)
        for path in ["index.html", "suche.html", "glossar.html", "a-z.html", "ozg-leistungen.html", "gesetze.html", "abdeckung.html",
                     "barrierefreiheit.html", "anleitung.html", "referenz.html", "meldungen.html", "rezepte/e-akte.html", "gesetze/egovg.html", "gesetze/ozg-entwurf-2023.html",
                     "themen/bauen-wohnen.html", "lebenslagen/wohnen-umzug.html", "assets/style.css", "assets/search.js",
                     "images/rechnungsworkflow.svg", "assets/favicon.svg", "404.html", "llms.txt",
                     "rezepte/e-akte.md", "gesetze/egovg.md"] {
            #expect(site.files[path] != nil, "missing \(path)")
        }
        // The search index in fragments, the first named by the search page; the single file of old is gone.
        let meta = try #require(site.files.keys.first { $0.hasPrefix("assets/suche/meta-") && $0.hasSuffix(".js") })
        #expect(try #require(site.files["suche.html"]).contains("<script src=\"\(meta)\"></script>"))
        #expect(site.files.keys.contains { $0.hasPrefix("assets/suche/t0-") } && site.files.keys.contains { $0.hasPrefix("assets/suche/d0-") })
        #expect(site.files["assets/search-index.js"] == nil)
        let law = try #require(site.files["gesetze/egovg.html"])
        #expect(law.contains("id=\"p6\""))
        #expect(law.contains("id=\"p4a\""))
        #expect(SiteFixture.text(law).contains("Kein Rezept zitiert diesen Paragrafen"))
        #expect(SiteFixture.text(law).contains("Das Verwaltungsportal des Bundes nach § 1a Absatz 1 des Onlinezugangsgesetzes"), "§ 9a text in force")
        #expect(law.contains("id=\"p6a\""))
        #expect(law.contains("href=\"egovg-geschichte.html\""))
        #expect(!law.contains("(nil)"))
        #expect(try #require(site.files["index.html"]).contains("<link rel=\"icon\" href=\"assets/favicon.svg\" type=\"image/svg+xml\">"))
        #expect(try #require(site.files["rezepte/e-akte.html"]).contains("<link rel=\"alternate\" type=\"text/markdown\" href=\"e-akte.md\">"))
        #expect(try #require(site.files["404.html"]).contains("Seite nicht gefunden"))
        // With the site's address, the 404 page links absolutely (it is shown at any depth) and is no page of the sitemap.
        let online = try SiteFixture(bookDirectory: SiteFixture.shippedBook, baseURL: "https://kochbuch.example/")
        #expect(try #require(online.files["404.html"]).contains("href=\"https://kochbuch.example/suche.html\""))
        #expect(try #require(online.files["sitemap.xml"]).contains("a-z.html") && !(online.files["sitemap.xml"] ?? "").contains("404.html"))
        let history = try #require(site.files["gesetze/egovg-geschichte.html"])
        #expect(history.contains("Fassung vom 24. Juli 2024"))
        #expect(history.contains("<ins>") && history.contains("<del>"))
    }

    @Test func guidesAreEscapedAndLinkToEachOther() throws {
        let site = try SiteFixture(bookDirectory: SiteFixture.shippedBook)
        let guide = try #require(site.files["anleitung.html"])
        #expect(guide.contains("<h2 id=\"1-ihr-erstes-rezept\">"))
        #expect(guide.contains("href=\"referenz.html"))
        #expect(guide.contains("&lt;recipe xmlns=&quot;urn:kochbuch:1.0&quot;"))
        #expect(!guide.contains("<recipe "))
        #expect(site.files["index.html"]?.contains("href=\"anleitung.html\">Anleitung für Autorinnen und Autoren</a>") == true)
    }

    /// A guide is read only as a regular file: a symbolic link (to a system file, say) is not
    /// published, and neither is a file over the size limit.
    @Test func guidesAreReadOnlyFromRegularFilesOfLimitedSize() throws {
        let docs = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: docs) }
        try "# Meldungen\n\nText.\n".write(to: docs.appendingPathComponent("diagnostics.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: docs.appendingPathComponent("authoring.md"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        try Data(repeating: 0x61, count: Guide.maximumSize + 1).write(to: docs.appendingPathComponent("reference.md"))
        #expect(Guide.load(from: docs).map(\.sourceName) == ["diagnostics.md"])
    }

    @Test func noPageRequestsAnythingFromElsewhere() throws {
        let site = try SiteFixture(bookDirectory: SiteFixture.shippedBook)
        for (path, html) in site.files where path.hasSuffix(".html") || path.hasSuffix(".css") {
            for attribute in ["src", "srcset", "data", "poster"] {
                for value in SiteFixture.attributeValues(attribute, in: html) {
                    #expect(!value.contains("//"), "\(path) loads \(value)")
                }
            }
            #expect(!html.contains("<link rel=\"stylesheet\" href=\"http"), "\(path)")
            #expect(!html.contains("@import"), "\(path)")
            #expect(!html.contains("url(http") && !html.contains("url(\"http") && !html.contains("url('http"), "\(path)")
        }
    }

    @Test func outputIsDeterministic() throws {
        let first = try SiteFixture(bookDirectory: SiteFixture.shippedBook).files
        let second = try SiteFixture(bookDirectory: SiteFixture.shippedBook).files
        #expect(first == second)
    }

    @Test func themeReplacesTemplatesAndAddsItsStyles() throws {
        let theme = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: theme) }
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try "<h1>{{title}}</h1><p class=\"themed\">Eigenes Layout</p>".write(to: theme.appendingPathComponent("templates/recipe.mustache"), atomically: true, encoding: .utf8)
        try ":root { --accent: #004b87; }".write(to: theme.appendingPathComponent("assets/theme.css"), atomically: true, encoding: .utf8)
        try "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".write(to: theme.appendingPathComponent("assets/logo.svg"), atomically: true, encoding: .utf8)
        try #"{"logo": "logo.svg", "logoAlt": "Stadt Musterstadt", "imprintURL": "https://www.musterstadt.de/impressum", "privacyURL": "javascript:alert(1)", "accessibilityContact": "barrierefrei@musterstadt.de"}"#
            .write(to: theme.appendingPathComponent("theme.json"), atomically: true, encoding: .utf8)
        let site = try SiteFixture(bookDirectory: SiteFixture.miniBook, theme: try Theme.load(from: theme))
        let page = try #require(site.files["rezepte/e-akte.html"])
        #expect(page.contains("<p class=\"themed\">Eigenes Layout</p>"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"../assets/theme.css\">"))
        #expect(page.contains("<img class=\"logo\" src=\"../assets/logo.svg\" alt=\"Stadt Musterstadt\">"))
        #expect(page.contains("href=\"https://www.musterstadt.de/impressum\">Impressum</a>"))
        #expect(!page.contains("javascript:"))
        #expect(site.files["assets/theme.css"] != nil)
        #expect(site.files["barrierefreiheit.html"]?.contains("href=\"mailto:barrierefrei@musterstadt.de\"") == true)
    }
}
