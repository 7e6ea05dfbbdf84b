import Foundation
import Testing

/// The law's versions from the command line: the import script reproduces the catalog, versions are
/// added in order and bad input changes nothing, `law diff` shows the 2024 restructuring, `build
/// --as-of` reproduces the old legal state, and a book written against the old law is told so.
@Suite struct RechtsstandCommandTests {
    static let shared = CommandRunner.repository.deletingLastPathComponent().appendingPathComponent("shared/data")
    static let sharedPresent = FileManager.default.fileExists(atPath: shared.path)

    static func catalog(_ directory: URL, _ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent("Recipes/catalogs/laws/\(name)"))
    }

    @Test(.enabled(if: sharedPresent, "needs ../shared/data"))
    func theImportScriptMakesTheCommittedCatalogAndAgainNothing() throws {
        let book = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-laws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: book.appendingPathComponent("catalogs/laws"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: book) }
        func runScript() throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [CommandRunner.repository.appendingPathComponent("scripts/import-laws.sh").path, CommandRunner.binary.path]
            process.environment = ProcessInfo.processInfo.environment.merging(["BOOK": book.path, "KOCHBUCH_LANG": "en"]) { _, new in new }
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(String(decoding: data, as: UTF8.self))")
            return String(decoding: data, as: UTF8.self)
        }
        let first = try runScript()
        #expect(first.contains("§ 6 → § 6a: the text moved"))
        let made = try FileManager.default.contentsOfDirectory(atPath: book.appendingPathComponent("catalogs/laws").path).sorted()
        #expect(made == ["bitv-2.0.xml", "de-mail-g.xml", "egovg.xml", "ozg-entwurf-2023.xml", "ozg.xml"])
        for name in made {
            let committed = try Data(contentsOf: CommandRunner.repository.appendingPathComponent("Recipes/catalogs/laws/\(name)"))
            #expect(try Data(contentsOf: book.appendingPathComponent("catalogs/laws/\(name)")) == committed, "\(name) differs")
        }
        let second = try runScript()
        #expect(!second.contains("wrote "), "\(second)")
    }

    @Test(.enabled(if: sharedPresent, "needs ../shared/data"))
    func badVersionsAreRefusedAndTheCatalogStaysAsItWas() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try Self.catalog(directory, "egovg.xml")
        let text = Self.shared.appendingPathComponent("laws/versions/egovg-2024-07-24.md")
        let earlier = try CommandRunner.run(["import", "law", text.path, "--as-of", "2023-01-01"], in: directory)
        #expect(earlier.status != 0)
        #expect(earlier.error.contains("egovg-2024-07-24.md") && earlier.error.contains("not after the latest version of EGovG (2025-12-17)"))
        let future = try CommandRunner.run(["import", "law", text.path, "--as-of", "2999-01-01"], in: directory)
        #expect(future.status != 0 && future.error.contains("in the future"))
        let doubled = directory.appendingPathComponent("doppelt.md")
        try String(contentsOf: text, encoding: .utf8).replacingOccurrences(of: "# § 6a – ", with: "# § 6 – ")
            .write(to: doubled, atomically: true, encoding: .utf8)
        let twice = try CommandRunner.run(["import", "law", doubled.path, "--as-of", "2026-12-01"], in: directory)
        #expect(twice.status != 0 && twice.error.contains("doppelt.md: line") && twice.error.contains("a second '§ 6'"))
        let empty = directory.appendingPathComponent("leer.md")
        try "".write(to: empty, atomically: true, encoding: .utf8)
        let nothing = try CommandRunner.run(["import", "law", empty.path, "--as-of", "2026-12-01"], in: directory)
        #expect(nothing.status != 0 && nothing.error.contains("leer.md: the file is empty"))
        let hostile = directory.appendingPathComponent("boese.md")
        try "---\nTitle: X\njurabk: ../../book\n---\n\n## § 1 Eins\n\n(1) Text.\n".write(to: hostile, atomically: true, encoding: .utf8)
        let escape = try CommandRunner.run(["import", "law", hostile.path], in: directory)
        #expect(escape.status != 0 && escape.error.contains("not a valid law id"))
        #expect(try Self.catalog(directory, "egovg.xml") == before)
        let same = try CommandRunner.run(["import", "law", Self.shared.appendingPathComponent("laws/versions/egovg-2025-12-17.md").path,
                                          "--as-of", "2025-12-17"], in: directory)
        #expect(same.status == 0 && same.output.contains("unchanged Recipes/catalogs/laws/egovg.xml"))
        #expect(try Self.catalog(directory, "egovg.xml") == before)
    }

    @Test func lawDiffShowsTheRestructuringAndTheRecipesItTouches() throws {
        let text = try CommandRunner.run(["law", "diff", "egovg", "2022-01-01", "2024-07-24"])
        #expect(text.status == 0, "\(text.error)")
        #expect(text.output.contains("EGovG: Fassung vom 1. Januar 2022 → Fassung vom 24. Juli 2024"))
        #expect(text.output.contains("verschoben: § 6 → § 6a Elektronische Aktenführung"))
        #expect(text.output.contains("neu: § 2a"))
        #expect(text.output.contains("[-den elektronischen Zugang zusätzlich durch eine De-Mail-Adresse"))
        let json = try CommandRunner.run(["law", "diff", "egovg", "2022-01-01", "2024-07-24", "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let changes = try #require(document["changes"] as? [[String: Any]])
        let moved = try #require(changes.first { $0["kind"] as? String == "moved" })
        #expect(moved["from"] as? String == "6" && moved["section"] as? String == "6a")
        #expect((moved["recipes"] as? [String])?.contains("e-akte") == true)
        let latest = try CommandRunner.run(["law", "diff", "egovg"])
        #expect(latest.output.contains("Fassung vom 24. Juli 2024 → Fassung vom 17. Dezember 2025"))
        let unknown = try CommandRunner.run(["law", "diff", "egovg", "2019-01-01"])
        #expect(unknown.status != 0 && unknown.error.contains("no version in force on 2019-01-01"))
    }

    @Test func aSectionShowsItsHistory() throws {
        let result = try CommandRunner.run(["law", "egovg", "6a"])
        #expect(result.output.contains("Fassung vom 17. Dezember 2025"))
        #expect(result.output.contains("24. Juli 2024: Text von § 6 hierher verschoben"))
        let ozg = try CommandRunner.run(["law", "ozg"])
        #expect(ozg.output.hasPrefix("Gesetz zur Verbesserung des Onlinezugangs zu Verwaltungsleistungen (OZG)"))
        #expect(!ozg.output.contains("Entwurf"))
    }

    @Test func aBookWrittenAgainstTheOldLawIsToldWhatMoved() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = CommandRunner.repository.appendingPathComponent("Tests/KochbuchCLITests/Fixtures/Book-2026-11-21")
        for name in try FileManager.default.contentsOfDirectory(atPath: snapshot.path) {
            let target = directory.appendingPathComponent("Recipes/\(name)")
            try FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: snapshot.appendingPathComponent(name), to: target)
        }
        let result = try CommandRunner.run(["validate"], in: directory)
        #expect(result.status != 0)
        let lines = result.output.components(separatedBy: "\n")
        #expect(lines.contains { $0.hasPrefix("Recipes/e-akte.xml:38:5: warning: '§ 6 EGovG' now has other content") && $0.contains("moved to § 6a on 2024-07-24") })
        #expect(lines.contains { $0.contains("did you mean § 6a EGovG?") })
        #expect(lines.contains { $0.hasPrefix("Recipes/elektronischer-zugang.xml:") && $0.contains("'EGovG § 2 Abs. 3' is no longer in the law in force") })
        #expect(lines.contains { $0.hasPrefix("Recipes/nutzerkonto-bundid.xml:") && $0.contains("'OZG § 7 Abs. 3' is no longer in the law in force") })
        #expect(lines.contains { $0.hasPrefix("Recipes/postfach-bekanntgabe.xml:") && $0.contains("[citation.outdated]") })
    }

    /// The small book of the checking tests, with an EGovG in two versions (§ 6 moved to § 6a on 2024-07-24).
    static func miniBookWithTwoVersions() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-asof-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("Tests/KochbuchCheckingTests/Fixtures/MiniBook"),
                                         to: directory.appendingPathComponent("Recipes"))
        let law = directory.appendingPathComponent("Recipes/catalogs/laws/egovg.xml")
        try FileManager.default.removeItem(at: law)
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("Tests/KochbuchCLITests/Fixtures/egovg-two-versions.xml"), to: law)
        return directory
    }

    @Test func buildAsOfAPastDayShowsTheLawOfThatDay() throws {
        let directory = try Self.miniBookWithTwoVersions()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["build", "--format", "html", "--format", "text", "--as-of", "2023-01-01", "--out", "Archiv", "--quiet"], in: directory)
        #expect(result.status == 0, "\(result.error)")
        let page = try String(contentsOf: directory.appendingPathComponent("Archiv/html/gesetze/egovg.html"), encoding: .utf8)
        #expect(page.contains("Fassung vom 1. Januar 2022"))
        #expect(page.contains("§ 6 Elektronische Aktenführung"))
        #expect(!page.contains("§ 6a"))
        let now = try CommandRunner.run(["build", "--format", "html", "--out", "Heute", "--quiet"], in: directory)
        #expect(now.status == 0, "\(now.error)")
        let current = try String(contentsOf: directory.appendingPathComponent("Heute/html/gesetze/egovg.html"), encoding: .utf8)
        #expect(current.contains("§ 6a Elektronische Aktenführung"))
        #expect(current.contains("geändert am 24. Juli 2024"))
        let history = try String(contentsOf: directory.appendingPathComponent("Heute/html/gesetze/egovg-geschichte.html"), encoding: .utf8)
        #expect(history.contains("<del><span class=\"visually-hidden\">[gestrichen: </span>"))
        #expect(history.contains("§ 6 → § 6a"))
        let future = try CommandRunner.run(["build", "--as-of", "2999-01-01"], in: directory)
        #expect(future.status != 0 && future.error.contains("in the future"))
    }

    @Test func aRecipeReviewedBeforeAChangeSaysSoOnItsPage() throws {
        let directory = try Self.miniBookWithTwoVersions()
        defer { try? FileManager.default.removeItem(at: directory) }
        let recipe = directory.appendingPathComponent("Recipes/scannen.xml")
        try String(contentsOf: recipe, encoding: .utf8).replacingOccurrences(of: "reviewed=\"2026-11-01\"", with: "reviewed=\"2023-05-01\"")
            .write(to: recipe, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["build", "--format", "html", "--quiet"], in: directory)
        #expect(result.status == 0, "\(result.error)")
        let page = try String(contentsOf: directory.appendingPathComponent("Exports/html/rezepte/scannen.html"), encoding: .utf8)
        #expect(page.contains("Rechtsänderung nach der letzten Prüfung"))
        #expect(page.contains("href=\"../gesetze/egovg-geschichte.html#v2024-07-24\">§ 7 EGovG, geändert am 24. Juli 2024</a>"))
        let untouched = try String(contentsOf: directory.appendingPathComponent("Exports/html/rezepte/everything.html"), encoding: .utf8)
        #expect(!untouched.contains("Rechtsänderung nach der letzten Prüfung"))
        let coverage = try CommandRunner.run(["coverage", "--json"], in: directory)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(coverage.output.utf8)) as? [String: Any])
        let laws = try #require(document["laws"] as? [[String: Any]])
        let egovg = try #require(laws.first { $0["id"] as? String == "egovg" })
        let needs = try #require(egovg["needsReview"] as? [[String: Any]])
        #expect(needs.map { $0["recipe"] as? String } == ["scannen"])
        #expect(needs.first?["sections"] as? [String] == ["7@2024-07-24"])
    }
}
