import Foundation
import Testing

/// A newcomer's first recipe, written from docs/authoring.md: the guide's example gives exactly the
/// output the guide shows, and the usual first mistakes meet only German messages, each with a hint.
@Suite struct NewcomerTests {
    static let guide = CommandRunner.repository.appendingPathComponent("docs/authoring.md")
    static let german = ["KOCHBUCH_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "de_DE.UTF-8"]

    /// The text of the first fenced block of `language` after `marker` in the guide.
    static func block(after marker: String, language: String = "") throws -> String {
        let text = try String(contentsOf: guide, encoding: .utf8)
        let start = try #require(text.range(of: marker), "docs/authoring.md no longer says '\(marker)'")
        let open = try #require(text.range(of: "```\(language)\n", range: start.upperBound..<text.endIndex))
        let close = try #require(text.range(of: "```\n", range: open.upperBound..<text.endIndex))
        return String(text[open.upperBound..<close.lowerBound])
    }

    static func validate(_ recipe: String) throws -> CommandRunner.Result {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        try recipe.write(to: directory.appendingPathComponent("Recipes/mein-rezept.xml"), atomically: true, encoding: .utf8)
        return try CommandRunner.run(["validate", "Recipes/mein-rezept.xml"], in: directory, environment: german)
    }

    static let example = { try! block(after: "Ein kleines, vollständiges und gültiges Rezept sieht so aus:", language: "xml") }()

    @Test func theGuidesExampleGivesTheOutputTheGuideShows() throws {
        let result = try Self.validate(Self.example)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        let shown = try Self.block(after: "Für das Beispiel oben lautet die Antwort:")
        #expect(result.output == shown, "docs/authoring.md, Schritt 4, shows something else than validate says:\n\(result.output)")
    }

    @Test func theUsualFirstMistakesMeetOnlyGermanMessagesWithHints() throws {
        var recipe = Self.example
        for (old, new) in [("<summary>", "<sumary>"), ("</summary>", "</sumary>"), ("<difficulty>medium", "<difficulty>mittel"),
                           ("<basis law=\"egovg\" section=\"6a\"", "<basis law=\"EGovG\" section=\"6a\""),
                           ("section=\"7\" paragraph=\"1\"", "section=\"22\""), ("<term ref=\"dms\">", "<term ref=\"dsm\">"),
                           ("status=\"draft\"", "status=\"entwurf\""), ("role=\"Organisationsamt\"", "rolle=\"Organisationsamt\""),
                           ("duration=\"P2M\"", "duration=\"2 Monate\"")] {
            let range = try #require(recipe.range(of: old), "the guide's example has no \(old)")
            recipe.replaceSubrange(range, with: new)
        }
        let result = try Self.validate(recipe)
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        let messages = lines.filter { $0.hasPrefix("Recipes/") }
        #expect(messages.count >= 10, "\(result.output)")
        for (index, line) in lines.enumerated() where line.hasPrefix("Recipes/") {
            #expect(line.contains(": Fehler: ") || line.contains(": Warnung: "), "\(line)")
            #expect(lines.indices.contains(index + 1) && lines[index + 1].hasPrefix("    Hinweis: "), "no hint after \(line)")
        }
        for english in ["error:", "warning:", "hint:", "did you mean", "expected", " is not ", "not allowed", "Element '",
                        "facet", "atomic type", "unknown", "validated", "the value"] {
            #expect(!result.output.contains(english), "English '\(english)' in:\n\(result.output)")
        }
        #expect(lines.last?.hasPrefix("1 Datei geprüft: ") == true)
        // Every message the guide shows in section 5 is what validate says.
        let shown = try Self.block(after: "`validate` meldet alle Fehler einer Datei auf")
        for line in shown.split(separator: "\n") {
            #expect(result.output.contains(line), "docs/authoring.md, Abschnitt 5, shows a line validate does not say:\n\(line)\n--- validate said:\n\(result.output)")
        }
    }
}
