import KochbuchModel

/// The search words of `catalogs/synonyms.xml` lead somewhere: every word a search word means
/// occurs in the book's recipes, and no search word is listed twice.
struct SynonymCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.synonymUnknownWord, .synonymDuplicate]

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let synonyms = context.book.synonyms, !synonyms.isEmpty else { return [] }
        var words: Set<String> = []
        for recipe in context.book.recipes {
            for piece in ReadableText.of(recipe) {
                for word in piece.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
                    words.insert(word.lowercased())
                    for part in word.split(separator: "-") { words.insert(part.lowercased()) }
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
            for meant in synonym.means where !words.contains(meant.lowercased()) {
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
}
