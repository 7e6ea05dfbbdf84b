import KochbuchModel
import Testing

/// Text from the book reaches a terminal with its control and bidi characters made visible.
@Suite struct TerminalTextTests {
    @Test func controlAndBidiCharactersBecomeVisible() {
        #expect(TerminalText.visible("Titel\u{1B}[31mrot") == "Titel\u{241B}[31mrot")
        #expect(TerminalText.visible("a\u{9B}b") == "a⟨U+009B⟩b")
        #expect(TerminalText.visible("abc\u{202E}fed") == "abc⟨U+202E⟩fed")
        #expect(TerminalText.visible("Zeile\nZeile\tTab") == "Zeile\nZeile\tTab")
        #expect(TerminalText.visible("tab\there", keepingTabs: false) == "tab\u{2409}here")
        #expect(TerminalText.visible("Größe – „Zitat“ §") == "Größe – „Zitat“ §")
        #expect(TerminalText.firstUnsafe(in: "ok\u{2066}x") == "\u{2066}")
        #expect(TerminalText.firstUnsafe(in: "ganz normal") == nil)
    }
}
