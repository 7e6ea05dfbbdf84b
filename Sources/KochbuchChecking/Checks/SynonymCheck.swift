import KochbuchModel

/// The search words of `catalogs/synonyms.xml` lead somewhere: every word a search word means
/// occurs in the book's recipes, and no search word is listed twice.
struct SynonymCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.synonymUnknownWord, .synonymDuplicate]

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let synonyms = context.book.synonyms, !synonyms.isEmpty else { return [] }
        // Only the words the list means are looked for, and the search ends once all are found.
        var missing = Set(synonyms.flatMap { $0.means.map { $0.lowercased() } })
        search: for recipe in context.book.recipes {
            for piece in ReadableText.of(recipe) {
                for word in Self.words(in: piece.lowercased()) where missing.remove(word) != nil && missing.isEmpty {
                    break search
                }
            }
        }
        var diagnostics: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for synonym in synonyms {
            let key = synonym.word.lowercased()
            if let first = seen[key] {
                diagnostics.append(Diagnostic(.error, .synonymDuplicate,
                                              Phrase(de: "das Suchwort '\(synonym.word)' steht zweimal in der Liste (zuerst in Zeile \(first.line))",
                                                     en: "the search word '\(synonym.word)' is listed twice (first at line \(first.line))"),
                                              at: synonym.location,
                                              hint: Phrase(de: "fassen Sie die beiden Einträge zu einem zusammen, mit allen ihren <means>-Wörtern",
                                                           en: "merge the two entries into one with all their <means> words")))
            } else {
                seen[key] = synonym.location
            }
            for meant in synonym.means where missing.contains(meant.lowercased()) {
                diagnostics.append(Diagnostic(.error, .synonymUnknownWord,
                                              Phrase(de: "'\(synonym.word)' soll '\(meant)' finden, aber kein Rezept verwendet das Wort '\(meant)'",
                                                     en: "'\(synonym.word)' means '\(meant)', but no recipe uses the word '\(meant)'"),
                                              at: synonym.location,
                                              hint: Phrase(de: "tragen Sie ein Wort ein, das in den Rezepten vorkommt, so geschrieben wie dort (eine Suche danach muss etwas finden)",
                                                           en: "write a word the recipes use, as they spell it (a search for it must find something)")))
            }
        }
        return diagnostics
    }

    /// The words of a text: runs of letters, digits and hyphens, and each hyphenated word's parts.
    /// ASCII is told apart by its bytes; only other characters ask Unicode's properties.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            guard !current.isEmpty else { return }
            let word = String(current)
            words.append(word)
            if word.contains("-") { words += word.split(separator: "-").map(String.init) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let inWord: Bool
            if value < 0x80 {
                inWord = (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39) || value == 0x2D
            } else {
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber: inWord = true
                default: inWord = false
                }
            }
            if inWord { current.append(scalar) } else { finish() }
        }
        finish()
        return words
    }
}
