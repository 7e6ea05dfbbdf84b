import Foundation
@testable import KochbuchSearch
import Testing

/// The byte-level fold gives exactly what Foundation gives, for every Latin-1 letter and the words
/// of the corpus; words beyond Latin-1 still go through Foundation.
@Suite struct FoldingTests {
    @Test func everyLatin1CharacterFoldsAsFoundationFoldsIt() {
        for value in 0xA0...0xFF {
            let character = String(Character(Unicode.Scalar(value)!))
            for word in [character, "X\(character)", "\(character)ue", "Qu\(character)e", "\(character)\(character)B", character.uppercased()] {
                #expect(GermanText.lowered(word) == GermanText.loweredByFoundation(word), "U+\(String(value, radix: 16)) in \(word)")
            }
        }
    }

    @Test func corpusWordsFoldAsFoundationFoldsThem() throws {
        let recipes = SearchFixture.repository.appendingPathComponent("Recipes")
        var words: Set<String> = ["Bürgerportal", "Buergerportal", "STRASSE", "Straße", "GROẞ", "Čapek", "Café", "Cafe\u{301}",
                                  "İstanbul", "Ærø", "Øresund", "ÿ", "naïve", "Σίσυφος", "e\u{308}", "Ä", ""]
        for name in try FileManager.default.contentsOfDirectory(atPath: recipes.path) where name.hasSuffix(".xml") {
            let text = try String(contentsOf: recipes.appendingPathComponent(name), encoding: .utf8)
            for token in GermanText.tokens(text) { words.insert(String(token)) }
        }
        let differences = words.filter { GermanText.lowered($0) != GermanText.loweredByFoundation($0) }
        #expect(differences.isEmpty, "\(differences.sorted().prefix(20))")
    }

    @Test func germanWordsFold() {
        #expect(GermanText.fold("Bürgerportal") == "burgerportal")
        #expect(GermanText.fold("Buergerportal") == "burgerportal")
        #expect(GermanText.fold("Straße") == "strasse")
        #expect(GermanText.fold("ÄRGER") == "arger")
        #expect(GermanText.fold("Quelle") == "quelle")
        #expect(GermanText.fold("Čapek") == "capek")
    }
}
