import KochbuchModel

/// How a reader's question becomes a search, the same for the command line, the website and the
/// assistant server (the website's search.js receives these lists with its index and applies the
/// same steps):
///
/// 1. A separable verb is put together: when the last word is a verb particle ("Wie führe ich
///    die E-Akte ein") and particle + another word is a word of the book ("einführe" → einführen),
///    that word takes the particle and the particle is dropped.
/// 2. Question and function words (wie, was, welche, ich, die, …) are dropped, unless nothing
///    else is left. Phrases in quotes keep every word.
/// 3. A word listed in the book's `catalogs/synonyms.xml` also finds the words it means
///    ("bestellen" finds "anmelden").
public struct QueryRules: Sendable {
    /// Folded (lowercase, umlauts and ß folded) question and function words.
    public static let stopwords: Set<String> = Set([
        "wie", "was", "wer", "wen", "wem", "wessen", "welche", "welcher", "welches", "welchen", "welchem", "wo", "wann",
        "warum", "weshalb", "wieso", "woher", "wohin", "womit", "wofür", "worauf", "wozu", "ob",
        "ich", "du", "er", "sie", "es", "wir", "ihr", "man", "mich", "mir", "uns", "euch", "sich", "mein", "meine", "meinen",
        "unser", "unsere", "unseren", "unserer", "unserem", "ihre", "ihren", "ihrer", "sein", "seine", "seinen", "dies", "diese", "dieser", "dieses",
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einen", "einem",
        "und", "oder", "aber", "auch", "nur", "noch", "schon", "so", "dann", "denn", "doch", "dass", "wenn",
        "ist", "sind", "bin", "bist", "war", "waren", "wird", "werden", "wurde", "kann", "können", "könnte", "kann",
        "muss", "müssen", "soll", "sollen", "sollte", "darf", "dürfen", "will", "wollen", "möchte", "möchten",
        "habe", "hat", "haben", "hast", "gibt", "geht", "gehe", "mache", "macht", "machen", "tun", "tue",
        "in", "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "von", "vom", "zu", "zum", "zur", "für", "über",
        "unter", "um", "vor", "durch", "gegen", "ohne", "bis", "seit", "als",
        "nicht", "kein", "keine", "bitte", "gern", "gerne", "eigentlich", "genau", "hier", "da", "dort", "jetzt", "heute",
        "mal", "etwa", "wirklich", "sowie", "dabei", "dafür", "dazu", "darf", "richtig",
    ].map(GermanText.fold))

    /// Particles of separable verbs, folded: "führe … ein", "melde … an", "stelle … um".
    public static let particles: [String] = ["ab", "an", "auf", "aus", "bei", "dar", "ein", "fest", "her", "hin", "los", "mit",
                                             "nach", "um", "vor", "weg", "zu", "zuruck", "zusammen"]

    /// Canonical term of a search word → canonical terms of the book's words it means.
    public let synonyms: [String: [String]]
    private let normalizer = TermNormalizer()

    public init(synonyms: [Synonym]) {
        let normalizer = TermNormalizer()
        var map: [String: [String]] = [:]
        for synonym in synonyms {
            let key = normalizer.canonical(synonym.word)
            for meant in synonym.means {
                for term in normalizer.terms(meant) where term != key && !(map[key]?.contains(term) ?? false) {
                    map[key, default: []].append(term)
                }
            }
        }
        self.synonyms = map
    }

    public init(synonymTerms: [String: [String]]) {
        synonyms = synonymTerms
    }

    /// One word of the question after the rules: the word as the reader wrote it (or as put
    /// together), its canonical term, and the terms it also finds.
    public struct Word: Sendable, Hashable {
        public var text: String
        public var term: String
        public var alternatives: [String]
    }

    /// The query's plain words after the rules, in order. `isTerm` tells whether a canonical term
    /// is a word of the book.
    public func apply(_ words: [String], isTerm: (String) -> Bool) -> [Word] {
        var words = words
        if words.count >= 2, let last = words.last, Self.particles.contains(GermanText.fold(last)) {
            let particle = GermanText.fold(last)
            for index in words.indices.dropLast().reversed() where !Self.stopwords.contains(GermanText.fold(words[index])) {
                let joined = particle + words[index].lowercased()
                if isTerm(normalizer.canonical(joined)) {
                    words[index] = joined
                    words.removeLast()
                    break
                }
            }
        }
        let content = words.filter { !Self.stopwords.contains(GermanText.fold($0)) }
        let kept = content.isEmpty ? words : content
        var seen: Set<String> = []
        return kept.compactMap { word in
            let term = normalizer.canonical(word)
            guard seen.insert(term).inserted else { return nil }
            return Word(text: word, term: term, alternatives: synonyms[term] ?? [])
        }
    }
}
