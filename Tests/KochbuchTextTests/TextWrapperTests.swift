@testable import KochbuchText
import Testing

@Suite struct TextWrapperTests {
    @Test func wrapsGreedilyWithAHangingIndent() {
        #expect(TextWrapper.wrap("eins zwei drei vier fünf sechs", width: 14, first: "  - ", rest: "    ")
            == ["  - eins zwei", "    drei vier", "    fünf sechs"])
        #expect(TextWrapper.wrap("  viel \n\t Raum  ", width: 40) == ["viel Raum"])
        #expect(TextWrapper.wrap("", width: 10, first: "  - ", rest: "    ") == ["  -"])
        #expect(TextWrapper.wrap("", width: 10, first: "  ", rest: "  ") == [])
    }

    @Test func countsCharactersNotBytes() {
        #expect(TextWrapper.wrap("Bürgerämter öffnen größere Türen", width: 11) == ["Bürgerämter", "öffnen", "größere", "Türen"])
    }

    @Test func keepsCitationsAndDashesTogether() {
        // "§" stays with its number; generated citations are glued as a whole.
        #expect(TextWrapper.wrap("nach § 6 EGovG gilt", width: 7) == ["nach", "§\u{A0}6", "EGovG", "gilt"])
        #expect(TextWrapper.wrap("nach " + TextWrapper.glued("§ 6 EGovG") + " gilt", width: 10) == ["nach", "§\u{A0}6\u{A0}EGovG", "gilt"])
        // A dash never starts a line.
        #expect(TextWrapper.wrap("eins zwei – drei", width: 8) == ["eins", "zwei\u{A0}–", "drei"])
        // A glued phrase longer than a line breaks at its glue after all.
        #expect(TextWrapper.wrap(TextWrapper.glued("§ 7 Abs. 2 EGovG") + " x", width: 10) == ["§ 7 Abs. 2", "EGovG x"])
    }

    @Test func breaksLongCompoundsAfterHyphensButNeverURLs() {
        #expect(TextWrapper.wrap("die Barrierefreie-Informationstechnik-Verordnung", width: 25)
            == ["die Barrierefreie-", "Informationstechnik-", "Verordnung"])
        #expect(TextWrapper.wrap("E-Akte E-Akte", width: 8) == ["E-Akte", "E-Akte"])
        #expect(TextWrapper.wrap("[1] https://www.gesetze-im-internet.de/egovg/", width: 20, first: "", rest: "    ")
            == ["[1]", "    https://www.gesetze-im-internet.de/egovg/"])
    }

    @Test func aWordTooWideForTheIndentMovesLeftOrStartsBelowTheMarker() {
        #expect(TextWrapper.wrap("ab Dokumentenmanagement", width: 24, first: "      ", rest: "      ")
            == ["      ab", "    Dokumentenmanagement"])
        #expect(TextWrapper.wrap("Dokumentenmanagement", width: 22, first: "Kosten: ", rest: "  ")
            == ["Kosten:", "  Dokumentenmanagement"])
    }

    /// The quick count on bytes agrees with Swift's Character count, also where scalars join.
    @Test func lengthsAreCountedInCharacters() {
        for text in ["", "Akte", "Bürgerbüro", "Straße", "e\u{0301}-Akte", "Ü\u{0308}ber", "🇩🇪-Portal", "👩‍💻", "a\r\nb",
                     "§\u{00A0}6\u{00A0}EGovG", "Kommune\u{202F}–\u{202F}Land", "ǅ", "\u{1100}\u{1161}"] {
            #expect(TextWrapper.length(of: text) == text.count, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
