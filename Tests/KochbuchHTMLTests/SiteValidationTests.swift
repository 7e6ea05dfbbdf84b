import Foundation
import Kochbuch
import Testing

/// The HTML edition of the shipped book checked by real tools: the Nu Html Checker, axe-core in
/// headless Chromium (light and dark), and a browser that searches from file:// and follows a law
/// link. Each tool also meets a deliberately broken page, so a check that cannot fail is noticed.
@Suite(.serialized) struct SiteValidationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let python = repository.appendingPathComponent(".venv-tools/bin/python")

    /// The shipped book built once into a temporary folder.
    static let site: URL = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-site-\(UUID().uuidString)")
        _ = try? Builder(book: BookLocation(path: repository.appendingPathComponent("Recipes").path),
                         options: .init(editions: [.html], output: output)).build()
        return output.appendingPathComponent("html")
    }()

    /// The small book with an EGovG in two versions and a recipe reviewed before the change, so its
    /// page carries the notice of a changed norm.
    static func reviewNoticeSite(in root: URL) -> URL {
        let book = root.appendingPathComponent("Recipes")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try? FileManager.default.copyItem(at: repository.appendingPathComponent("Tests/KochbuchHTMLTests/Fixtures/MiniBook"), to: book)
        let law = book.appendingPathComponent("catalogs/laws/egovg.xml")
        try? FileManager.default.removeItem(at: law)
        try? FileManager.default.copyItem(at: repository.appendingPathComponent("Tests/KochbuchCLITests/Fixtures/egovg-two-versions.xml"), to: law)
        let recipe = book.appendingPathComponent("scannen.xml")
        if let text = try? String(contentsOf: recipe, encoding: .utf8) {
            try? text.replacingOccurrences(of: "reviewed=\"2026-11-01\"", with: "reviewed=\"2023-05-01\"")
                .write(to: recipe, atomically: true, encoding: .utf8)
        }
        _ = try? Builder(book: BookLocation(path: book.path), options: .init(editions: [.html], output: root.appendingPathComponent("out"))).build()
        return root.appendingPathComponent("out/html")
    }

    /// Template artefacts no checker catches: an absent value printed as "(nil)" or "Optional(…)", a tag left unrendered.
    @Test func noPageShowsTemplateArtefacts() throws {
        let files = try #require(FileManager.default.enumerator(at: Self.site, includingPropertiesForKeys: nil))
        var pages = 0
        for case let file as URL in files where file.pathExtension == "html" {
            pages += 1
            let html = try String(contentsOf: file, encoding: .utf8)
            for artefact in ["(nil)", "Optional(", "{{", "}}"] {
                #expect(!html.contains(artefact), "\(file.lastPathComponent) shows \(artefact)")
            }
        }
        #expect(pages > 100)
    }

    @Test func theReviewNoticeAndTheLawHistoryPassBothCheckers() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-notice-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let site = Self.reviewNoticeSite(in: root)
        let page = try String(contentsOf: site.appendingPathComponent("rezepte/scannen.html"), encoding: .utf8)
        #expect(page.contains("Rechtsänderung nach der letzten Prüfung"))
        let nu = try Self.tool("check_html.py", [site.path])
        #expect(nu.status == 0, "\(nu.output)")
        let axe = try Self.tool("check_axe.py", [site.path, "rezepte/scannen.html", "gesetze/egovg-geschichte.html", "gesetze/egovg.html"])
        #expect(axe.status == 0, "\(axe.output)")
    }

    struct ToolResult {
        var status: Int32
        var output: String
    }

    static func tool(_ script: String, _ arguments: [String]) throws -> ToolResult {
        try #require(FileManager.default.isExecutableFile(atPath: python.path),
                     "the test tools are missing: run 'make setup' (creates .venv-tools/)")
        let process = Process()
        process.executableURL = python
        process.arguments = [repository.appendingPathComponent("Tests/Tools/\(script)").path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ToolResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// A copy of the site with one page that breaks HTML and accessibility rules.
    static func brokenCopy() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-broken-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: site, to: copy)
        let page = copy.appendingPathComponent("rezepte/e-akte.html")
        var html = try String(contentsOf: page, encoding: .utf8)
        html = html.replacingOccurrences(of: "<h1 id=\"rezept-titel\">", with: "<div id=\"rezept-titel\"></div><img src=\"../images/rechnungsworkflow.svg\"><p style=\"color:#bbb\">kaum lesbar</p><h1 id=\"rezept-titel\">")
        try html.write(to: page, atomically: true, encoding: .utf8)
        return copy
    }

    @Test func nuHtmlCheckerFindsNoErrors() throws {
        let result = try Self.tool("check_html.py", [Self.site.path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func axeFindsNoViolationsInLightAndDarkMode() throws {
        let pages = ["index.html", "rezepte/e-akte.html", "rezepte/rechnungsbearbeitung-halle.html", "gesetze/egovg.html",
                     "gesetze/egovg-geschichte.html", "gesetze/egovg-nw.html",
                     "suche.html", "glossar.html", "abdeckung.html", "themen/bauen-wohnen.html",
                     "anleitung.html", "referenz.html"]
        let result = try Self.tool("check_axe.py", [Self.site.path] + pages)
        #expect(result.status == 0, "\(result.output)")
        let searched = try Self.tool("check_axe.py", ["--settle", "0.5", Self.site.path, "suche.html?q=Akte"])
        #expect(searched.status == 0, "\(searched.output)")
    }

    @Test func searchWorksFromFileAndLawLinksReachTheirSection() throws {
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-rezept-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: screenshot) }
        let result = try Self.tool("browser_search.py", [
            Self.site.path, "Anträge", "rezepte/bauen-planen-heidekreis.html",
            "--law-link", "rezepte/e-akte.html", "gesetze/egovg.html#p6a", "#p6a",
            "--screenshot", "rezepte/e-akte.html", screenshot.path,
        ])
        #expect(result.status == 0, "\(result.output)")
        let size = (try? FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0
        #expect(size > 20_000)
    }

    @Test func theToolsRejectABrokenPage() throws {
        let broken = try Self.brokenCopy()
        defer { try? FileManager.default.removeItem(at: broken) }
        let html = try Self.tool("check_html.py", [broken.path])
        #expect(html.status == 1, "\(html.output)")
        let axe = try Self.tool("check_axe.py", [broken.path, "rezepte/e-akte.html"])
        #expect(axe.status == 1, "\(axe.output)")
        #expect(axe.output.contains("image-alt"))
        #expect(axe.output.contains("color-contrast"))
    }
}
