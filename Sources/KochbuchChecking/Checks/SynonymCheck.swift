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
                diagnostics.append(Diagnostic(.error, .synonymDuplicate, "the search word '\(synonym.word)' is listed twice (first at line \(first.line))",
                                              at: synonym.location, hint: "merge the two entries into one with all their <means> words"))
            } else {
                seen[key] = synonym.location
            }
            for meant in synonym.means where !words.contains(meant.lowercased()) {
                diagnostics.append(Diagnostic(.error, .synonymUnknownWord,
                                              "'\(synonym.word)' means '\(meant)', but no recipe uses the word '\(meant)'",
                                              at: synonym.location,
                                              hint: "write a word the recipes use, as they spell it (a search for it must find something)"))
            }
        }
        return diagnostics
    }
}
