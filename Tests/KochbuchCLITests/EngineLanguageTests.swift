import Foundation
import Testing

/// The engine's own messages (build progress and summary, refusals, file-system errors) are German by
/// default and English with LANG=en, like the diagnostics and the help.
@Suite struct EngineLanguageTests {
    static let german = NewcomerTests.german

    @Test func aBuildSpeaksGermanByDefaultAndEnglishWhenAsked() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let german = try CommandRunner.run(["build", "--format", "text"], in: directory, environment: Self.german)
        #expect(german.status == 0, "\(german.error)")
        #expect(german.output.contains("prüfen") && german.output.contains("veröffentlicht: text mit "), "\(german.output)")
        #expect(!german.output.contains("built ") && !german.output.contains("validate "), "\(german.output)")
        let again = try CommandRunner.run(["build", "--format", "text"], in: directory, environment: Self.german)
        #expect(again.output.contains("hat sich nichts geändert") && again.output.contains("alles auf dem neuesten Stand"), "\(again.output)")
        let english = try CommandRunner.run(["build", "--format", "text"], in: directory)
        #expect(english.output.contains("everything up to date"), "\(english.output)")
    }

    @Test func aPublicSiteWithoutImprintIsRefusedInGerman() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifest = try String(contentsOf: directory.appendingPathComponent("Recipes/book.xml"), encoding: .utf8)
        try #require(!manifest.contains("<imprint"), "the shipped book names no publisher")
        let refused = try CommandRunner.run(["build", "--format", "html", "--base-url", "https://kochbuch.example.de/"], in: directory,
                                            environment: Self.german)
        #expect(refused.status != 0)
        #expect(refused.error.contains("Impressum und Datenschutzerklärung") && refused.error.contains("es wurde nichts veröffentlicht"), "\(refused.error)")
        #expect(!refused.error.contains("refusing"), "\(refused.error)")
    }

    @Test func anOutputThatIsAFileIsNamedInGerman() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("eine-datei")
        try Data("x".utf8).write(to: file)
        let refused = try CommandRunner.run(["build", "--out", file.path], in: directory, environment: Self.german)
        #expect(refused.status != 0)
        #expect(refused.error.contains(file.path) && refused.error.hasPrefix("Fehler:"), "\(refused.error)")
        let english = try CommandRunner.run(["build", "--out", file.path], in: directory)
        #expect(refused.error != english.error && english.error.hasPrefix("error:"), "\(english.error)")
    }
}
