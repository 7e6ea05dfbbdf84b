import Foundation
import Testing

@Suite(.serialized) struct ReadingCommandTests {
    @Test func searchPrintsRankedResultsWithMarkers() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["search", "Anträge", "--limit", "3"], in: directory)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix(" 1. "))
        #expect(result.output.contains("[Antrag]") || result.output.contains("[Anträge]"))
        #expect(!result.output.contains("\u{1B}["), "no colour when not a terminal")
        let json = try CommandRunner.run(["search", "--json", "§ 6a EGovG"], in: directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(hits.first?["id"] as? String == "e-akte")
        let corrected = try CommandRunner.run(["search", "Bürgerprotal"], in: directory)
        #expect(corrected.output.hasPrefix("Ergebnisse für „Bürgerportal“ (statt „Bürgerprotal“).\n 1. Ein Bürgerportal aufbauen"), "\(corrected.output)")
        let none = try CommandRunner.run(["search", "Xylophonquartettzz"], in: directory)
        #expect(none.output == "Keine Treffer für „Xylophonquartettzz“.\n")
        #expect(none.status == 1, "nothing found is exit status 1, as with grep")
        #expect(corrected.status == 0)
        let filtered = try CommandRunner.run(["search", "--law", "EGovG § 6a", "--topic", "Steuern & Zoll"], in: directory)
        #expect(filtered.output.contains("(steuerakte-guetersloh)"))
        let unknown = try CommandRunner.run(["search", "--topic", "Mondfahrt", "akte"], in: directory)
        #expect(unknown.status == 64)
        #expect(unknown.error.contains("unknown topic 'Mondfahrt'"))
    }

    @Test func showRendersARecipeAndSuggestsForUnknownIDs() throws {
        let result = try CommandRunner.run(["show", "e-akte"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("Die E-Akte einführen\n===================="))
        // Only an address too long for the line may stand out (it cannot be broken).
        #expect(result.output.split(separator: "\n").allSatisfy { $0.count <= 78 || !$0.trimmingCharacters(in: .whitespaces).contains(" ") })
        let unknown = try CommandRunner.run(["show", "e-akt"])
        #expect(unknown.status == 1)
        #expect(unknown.error.contains("no recipe 'e-akt'; did you mean 'e-akte'"))
    }

    @Test func listLawAndTopics() throws {
        let list = try CommandRunner.run(["list", "--topic", "familie-kind"])
        #expect(list.output.contains("kita-platz"))
        #expect(list.output.hasSuffix("2 Rezepte\n"))
        let all = try CommandRunner.run(["list"])
        #expect(all.output.hasSuffix("61 Rezepte\n"))
        let law = try CommandRunner.run(["law", "EGovG"])
        #expect(law.output.contains("§ 6a Elektronische Aktenführung\n    Beschäftigte"))
        #expect(law.output.contains("– kein Rezept –"))
        let section = try CommandRunner.run(["law", "egovg", "6a"])
        #expect(section.output.hasPrefix("§ 6a EGovG – Elektronische Aktenführung"))
        #expect(section.output.contains("  - Die E-Akte einführen (e-akte)"))
        let missing = try CommandRunner.run(["law", "EGovG", "99"])
        #expect(missing.status == 1)
        let topics = try CommandRunner.run(["topics"])
        #expect(topics.output.contains("Bauen & Wohnen (bauen-wohnen): 7"))
    }

    /// A title with a terminal control sequence and a bidi override is shown made visible by
    /// list and search, and validate names it as an error.
    @Test func hostileTitlesStayInertOnTheTerminal() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let recipe = directory.appendingPathComponent("Recipes/sperrmuell.xml")
        let source = try String(contentsOf: recipe, encoding: .utf8)
        let title = try #require(source.range(of: "<title>")).upperBound
        try source.replacingCharacters(in: title..<title, with: "\u{9B}2J\u{202E}").write(to: recipe, atomically: true, encoding: .utf8)
        for arguments in [["list"], ["search", "Sperrmüll"]] {
            let result = try CommandRunner.run(arguments, in: directory)
            #expect(!result.output.unicodeScalars.contains { $0 == "\u{9B}" || $0 == "\u{202E}" }, "\(arguments)")
            #expect(result.output.contains("⟨U+009B⟩2J⟨U+202E⟩"), "\(arguments): \(result.output)")
        }
        let validated = try CommandRunner.run(["validate", "Recipes/sperrmuell.xml"], in: directory)
        #expect(validated.status == 1)
        #expect(validated.output.contains("[text.control-character]") && !validated.output.unicodeScalars.contains { $0 == "\u{9B}" })
    }

    /// Authors classifying a recipe find catalog entries by words, not by grep over thousands of lines.
    @Test func catalogEntriesAreFoundByWords() throws {
        let found = try CommandRunner.run(["topics", "--search", "Parkausweis"])
        #expect(found.status == 0, "\(found.error)")
        #expect(found.output.contains("10173") && found.output.contains("Parkausweise und Zufahrtsberechtigungen"), "\(found.output)")
        #expect(found.output.contains("Bewohnerparkausweis"), "a compound holding the word")
        let json = try CommandRunner.run(["topics", "--search", "Hunde anmelden", "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(entries.contains { ($0["name"] as? String)?.contains("Hundehaltung Anmeldung") == true }, "\(json.output)")
        let none = try CommandRunner.run(["topics", "--search", "Xylophonquartett"])
        #expect(none.status == 1)
    }

    /// Snippets wrap to the terminal's width (COLUMNS stands in for a terminal); a pipe gets one line each.
    @Test func snippetsWrapToTheWidth() throws {
        let narrow = try CommandRunner.run(["search", "--limit", "3", "E-Akte"], environment: ["COLUMNS": "50"])
        let snippetLines = narrow.output.split(separator: "\n").filter { $0.hasPrefix("    ") && !$0.contains(" · ") }
        #expect(snippetLines.count > 3, "\(narrow.output)")
        #expect(snippetLines.allSatisfy { $0.count <= 50 || !$0.dropFirst(4).contains(" ") }, "\(narrow.output)")
        #expect(narrow.output.contains("[Akte]"))
        let piped = try CommandRunner.run(["search", "--limit", "1", "E-Akte"], environment: ["COLUMNS": ""])
        #expect(piped.output.split(separator: "\n").filter { $0.hasPrefix("    ") }.count == 2, "meta line and one snippet line")
    }

    /// The shell completes recipe ids, law ids and topics from the book (the script ArgumentParser
    /// writes asks `kochbuch ---completion …` for them, as tested here).
    @Test func theShellCompletesRecipesLawsAndTopics() throws {
        let script = try CommandRunner.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0 && script.output.contains("---completion show -- positional@0"), "\(script.output.prefix(200))")
        let recipes = try CommandRunner.run(["---completion", "show", "--", "positional@0", "2", "2", "kochbuch", "show", "e-"])
        let ids = recipes.output.split(separator: "\n").map(String.init)
        #expect(ids.contains("e-akte") && ids.contains("sperrmuell") && !ids.contains("book") && !ids.contains("glossary"), "\(ids.prefix(10))")
        let laws = try CommandRunner.run(["---completion", "law", "show", "--", "positional@0", "2", "2", "kochbuch", "law", "eg"])
        #expect(laws.output.split(separator: "\n").contains("egovg"), "\(laws.output.prefix(200))")
        let topics = try CommandRunner.run(["---completion", "search", "--", "--topic", "3", "2", "kochbuch", "search", "--topic", "ba"])
        #expect(topics.output.split(separator: "\n").contains("bauen-wohnen"), "\(topics.output.prefix(200))")
    }
}
