import Foundation
import Testing

@Suite(.serialized) struct BuildCommandTests {
    @Test func buildsTheSiteAndRefusesABrokenBookWithoutTouchingIt() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try CommandRunner.run(["build", "--format", "html"], in: directory)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("[1/2] validate Recipes"))
        #expect(first.output.contains("built html:"))
        let index = directory.appendingPathComponent("Exports/html/index.html")
        let before = try Data(contentsOf: index)

        let again = try CommandRunner.run(["build", "--quiet"], in: directory)
        #expect(again.status == 0)
        #expect(again.output.isEmpty)
        #expect(try Data(contentsOf: index) == before, "the same book gives the same bytes")

        try "<recipe xmlns=\"urn:kochbuch:1.0\">".write(to: directory.appendingPathComponent("Recipes/kaputt.xml"), atomically: true, encoding: .utf8)
        let broken = try CommandRunner.run(["build"], in: directory)
        #expect(broken.status == 1)
        #expect(broken.error.contains("Recipes/kaputt.xml:1:"))
        #expect(broken.error.contains("nothing was published"))
        #expect(try Data(contentsOf: index) == before)
        let exports = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("Exports").path)
            .filter { !$0.hasPrefix(".") }
        #expect(Set(exports) == ["html", "epub", "text"], "\(exports)")
    }

    /// KOCHBUCH_TRACE prints the build's phases with their times on standard error, and only then.
    @Test func aTracedBuildNamesItsPhases() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = try CommandRunner.run(["build", "--format", "html", "--quiet"], in: directory)
        #expect(plain.status == 0 && plain.error.isEmpty, "\(plain.error)")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("Exports/.kochbuch-build-state"))
        let traced = try CommandRunner.run(["build", "--format", "html", "--quiet"], in: directory, environment: ["KOCHBUCH_TRACE": "1"])
        #expect(traced.status == 0)
        let phases = traced.error.split(separator: "\n").map { $0.split(separator: " s  ", maxSplits: 1).last.map(String.init) ?? "" }
        for phase in ["build: book loaded", "build: book checked", "search index: runs merged", "html: other pages", "build: html staged", "build: done"] {
            #expect(phases.contains(phase), "\(traced.error)")
        }
        let times = traced.error.split(separator: "\n").compactMap { Double($0.split(separator: " s  ").first?.trimmingCharacters(in: .whitespaces) ?? "") }
        #expect(times.count == phases.count && times.allSatisfy { $0 >= 0 }, "\(traced.error)")
    }

    @Test func aBuildWithNothingChangedHasNothingToDo() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try CommandRunner.run(["build", "--format", "text", "--quiet"], in: directory).status == 0)
        let page = directory.appendingPathComponent("Exports/text/rezepte/e-akte.txt")
        let before = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date
        let again = try CommandRunner.run(["build", "--format", "text"], in: directory)
        #expect(again.output.contains("everything up to date"))
        #expect(try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date == before)
        let wider = try CommandRunner.run(["build", "--format", "text", "--width", "90"], in: directory)
        #expect(wider.output.contains("built text:"), "other options rebuild")
        let recipe = directory.appendingPathComponent("Recipes/e-akte.xml")
        let text = try String(contentsOf: recipe, encoding: .utf8)
        try text.replacingOccurrences(of: "<title>Die E-Akte einführen</title>", with: "<title>Die E-Akte einführen!</title>")
            .write(to: recipe, atomically: true, encoding: .utf8)
        let changed = try CommandRunner.run(["build", "--format", "text", "--width", "90"], in: directory)
        #expect(changed.output.contains("built text:"))
        #expect(try String(contentsOf: page, encoding: .utf8).contains("Die E-Akte einführen!"))
    }

    @Test func writesASitemapOnlyWithABaseURL() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A public site without Impressum and Datenschutzerklärung is refused, and nothing is written.
        let refused = try CommandRunner.run(["build", "--quiet", "--out", "Site", "--base-url", "https://kochbuch.example.org/"], in: directory)
        #expect(refused.status == 1)
        #expect(refused.error.contains("without an Impressum and a Datenschutzerklärung") && refused.error.contains("<imprint>"), "\(refused.error)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Site/html").path))
        let manifest = directory.appendingPathComponent("Recipes/book.xml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        let imprint = """
              <imprint>
                <provider>Gemeinde Musterstadt</provider>
                <address>Rathausplatz 1, 12345 Musterstadt</address>
                <represented-by>die Bürgermeisterin</represented-by>
                <email>digital@musterstadt.example</email>
                <data-protection-officer>datenschutz@musterstadt.example</data-protection-officer>
                <server-logs>Der Webserver speichert Adresse, Zeit und Seite jedes Abrufs sieben Tage lang.</server-logs>
                <supervisory-authority>Die Landesbeauftragte für den Datenschutz.</supervisory-authority>
              </imprint>

            """
        let end = try #require(text.range(of: "</licence>\n"))
        try text.replacingCharacters(in: end.upperBound..<end.upperBound, with: imprint).write(to: manifest, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["build", "--quiet", "--out", "Site", "--base-url", "https://kochbuch.example.org/"], in: directory)
        #expect(result.status == 0, "\(result.error)")
        let privacy = try String(contentsOf: directory.appendingPathComponent("Site/html/datenschutz.html"), encoding: .utf8)
        #expect(privacy.contains("sieben Tage") && privacy.contains("Art. 77 DSGVO") && privacy.contains("Gemeinde Musterstadt"))
        let start = try String(contentsOf: directory.appendingPathComponent("Site/html/index.html"), encoding: .utf8)
        #expect(start.contains("href=\"impressum.html\">Impressum</a>") && start.contains("href=\"datenschutz.html\">Datenschutz</a>"))
        let sitemap = try String(contentsOf: directory.appendingPathComponent("Site/html/sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://kochbuch.example.org/rezepte/e-akte.html</loc>"))
        let bad = try CommandRunner.run(["build", "--base-url", "ftp://x"], in: directory)
        #expect(bad.status == 64)
    }

    /// The build replaces only what it made: a user's folder at an edition's place, the book itself,
    /// a folder inside it and its parent are refused with a sentence naming the path, and nothing changes.
    @Test func theBuildReplacesOnlyWhatItMade() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let mine = directory.appendingPathComponent("Meins/html")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("Notizen".utf8).write(to: mine.appendingPathComponent("notizen.txt"))
        let refused = try CommandRunner.run(["build", "--format", "html", "--out", "Meins"], in: directory)
        #expect(refused.status == 1)
        #expect(refused.error.contains("refusing to replace") && refused.error.contains("Meins/html") && refused.error.contains("not made by kochbuch"))
        #expect(try String(contentsOf: mine.appendingPathComponent("notizen.txt"), encoding: .utf8) == "Notizen")
        for out in ["Recipes", "Recipes/Ausgabe", "."] {
            let result = try CommandRunner.run(["build", "--format", "text", "--out", out], in: directory)
            #expect(result.status == 1, "\(out)")
            #expect(result.error.contains("refusing to build into"), "\(out): \(result.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Recipes/text").path))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("text").path))
        // An edition built before the marker existed is known by the build state beside it, and replaced.
        let old = directory.appendingPathComponent("Alt/text")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try Data("alt".utf8).write(to: old.appendingPathComponent("kochbuch-e-government.txt"))
        try Data("state".utf8).write(to: directory.appendingPathComponent("Alt/.kochbuch-build-state"))
        let adopted = try CommandRunner.run(["build", "--format", "text", "--out", "Alt", "--quiet"], in: directory)
        #expect(adopted.status == 0, "\(adopted.error)")
        #expect(try String(contentsOf: old.appendingPathComponent("kochbuch-e-government.txt"), encoding: .utf8) != "alt")
        let built = try CommandRunner.run(["build", "--format", "text", "--out", "Ausgaben", "--quiet"], in: directory)
        #expect(built.status == 0, "\(built.error)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Ausgaben/text/.kochbuch-edition").path))
    }

    /// An SVG that could act stops the build with its line; an image no recipe shows is not published.
    @Test func imagesArePublishedOnlyWhenShownAndSafe() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let images = directory.appendingPathComponent("Recipes/images")
        try "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>\n"
            .write(to: images.appendingPathComponent("unbenutzt.svg"), atomically: true, encoding: .utf8)
        let built = try CommandRunner.run(["build", "--format", "html", "--quiet"], in: directory)
        #expect(built.status == 0, "\(built.error)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Exports/html/images/rechnungsworkflow.svg").path))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Exports/html/images/unbenutzt.svg").path))
        let shown = images.appendingPathComponent("rechnungsworkflow.svg")
        let original = try String(contentsOf: shown, encoding: .utf8)
        try original.replacingOccurrences(of: "<svg ", with: "<svg onload=\"fetch('/geheim')\" ").write(to: shown, atomically: true, encoding: .utf8)
        let refused = try CommandRunner.run(["build", "--format", "html"], in: directory)
        #expect(refused.status == 1)
        #expect(refused.error.contains("Recipes/images/rechnungsworkflow.svg:") && refused.error.contains("[image.unsafe]"))
        let published = try String(contentsOf: directory.appendingPathComponent("Exports/html/images/rechnungsworkflow.svg"), encoding: .utf8)
        #expect(published == original, "the last good edition stays")
    }

    /// A draft appears in the editions only once a chapter of book.xml lists it (docs/authoring.md,
    /// section 4); the author's preview (`serve`) shows it before.
    @Test func aDraftNoChapterListsIsNotPublished() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let made = try CommandRunner.run(["new", "mein-entwurf", "--title", "Ein Entwurf für später"], in: directory)
        try #require(made.status == 0, "\(made.error)")
        let built = try CommandRunner.run(["build"], in: directory)
        #expect(built.status == 0, "\(built.error)")
        #expect(built.output.contains("not published: mein-entwurf"), "\(built.output)")
        let exports = directory.appendingPathComponent("Exports")
        #expect(!FileManager.default.fileExists(atPath: exports.appendingPathComponent("html/rezepte/mein-entwurf.html").path))
        #expect(!FileManager.default.fileExists(atPath: exports.appendingPathComponent("text/rezepte/mein-entwurf.txt").path))
        let fragments = exports.appendingPathComponent("html/assets/suche")
        let names = try FileManager.default.contentsOfDirectory(atPath: fragments.path)
        #expect(names.count > 10, "the search index is published in fragments")
        for name in names {
            let fragment = try String(contentsOf: fragments.appendingPathComponent(name), encoding: .utf8)
            #expect(!fragment.contains("mein-entwurf"), "the search finds no unpublished draft (\(name))")
        }
        let azText = try String(contentsOf: exports.appendingPathComponent("html/a-z.html"), encoding: .utf8)
        #expect(!azText.contains("Ein Entwurf für später"))

        // Listed in a chapter, it is published with its state.
        let manifest = directory.appendingPathComponent("Recipes/book.xml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        let first = try #require(text.range(of: "<recipe ref=\""))
        try text.replacingCharacters(in: first.lowerBound..<first.lowerBound, with: "<recipe ref=\"mein-entwurf\"/>\n      ")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let listed = try CommandRunner.run(["build"], in: directory)
        #expect(listed.status == 0, "\(listed.error)")
        let page = try String(contentsOf: exports.appendingPathComponent("html/rezepte/mein-entwurf.html"), encoding: .utf8)
        #expect(page.contains("Entwurf"))
    }
}
