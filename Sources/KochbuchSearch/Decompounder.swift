/// Splits German compounds against the corpus's own vocabulary: "steurakt" (Steuerakte) is
/// "steur" + "akt", "burgerportal" is "burger" + "portal". A split needs a head that is itself
/// a term of the corpus and a modifier that is a word of the corpus (a linking s/es/n/en allowed),
/// each at least three letters long. Words with no such split are not compounds.
public struct Decompounder: Sendable {
    /// A compound's modifier (first part, as a canonical term) and head (last part).
    public struct Split: Sendable, Hashable {
        public var modifier: String
        public var head: String
    }

    private let terms: Set<String>
    private let words: Set<String>
    private let normalizer: TermNormalizer

    /// - Parameters:
    ///   - terms: the canonical terms of the corpus.
    ///   - words: the folded (unstemmed) words of the corpus.
    public init(terms: Set<String>, words: Set<String>, normalizer: TermNormalizer) {
        self.terms = terms
        self.words = words
        self.normalizer = normalizer
    }

    /// The split with the longest head, if the term is a compound.
    public func split(_ term: String) -> Split? {
        let letters = Array(term)
        guard letters.count >= 6 else { return nil }
        for boundary in 3...(letters.count - 3) {
            let head = String(letters[boundary...])
            guard terms.contains(head) else { continue }
            let modifier = String(letters[..<boundary])
            for candidate in linkingForms(of: modifier) where words.contains(candidate) || terms.contains(candidate) {
                return Split(modifier: normalizer.canonical(candidate), head: head)
            }
        }
        return nil
    }

    private func linkingForms(of modifier: String) -> [String] {
        var forms = [modifier]
        for suffix in ["s", "es", "n", "en"] where modifier.hasSuffix(suffix) && modifier.count - suffix.count >= 3 {
            forms.append(String(modifier.dropLast(suffix.count)))
        }
        return forms
    }
}
