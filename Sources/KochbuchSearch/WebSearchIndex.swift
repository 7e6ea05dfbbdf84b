import Foundation
import KochbuchLinking
import KochbuchModel

/// The search index the HTML edition ships as `assets/search-index.js`: canonical terms with
/// postings per field, compound heads and modifiers, display forms for suggestions, and law
/// citations. The site's `search.js` applies the same folding and stemming to queries.
public struct WebSearchIndex {
    /// One document: a recipe as the index sees it.
    public struct Document: Sendable {
        public var id: String
        public var url: String
        public var title: String
        public var summary: String
        public var body: String
        public var themenfeld: String
        public var laws: [String]
    }

    private let normalizer = TermNormalizer()

    public init() {}

    /// Makes the index's documents of a book's recipes.
    public struct DocumentMaker {
        private let themenfelder: [String: String]
        private let laws: [String: String]
        private let url: (String) -> String
        private let lookup: BookLookup

        public init(book: Book, url: @escaping (String) -> String) {
            lookup = BookLookup(book)
            themenfelder = Dictionary((book.topics?.themenfelder ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            laws = Dictionary(book.laws.map { ($0.id, $0.abbreviation) }, uniquingKeysWith: { first, _ in first })
            self.url = url
        }

        public func document(_ recipe: Recipe) -> Document {
            // ReadableText starts with the title and the (non-empty) summary; the rest is the body.
            let summary = recipe.summary.readerText(lookup, in: recipe.id)
            let body = ReadableText.of(recipe, lookup: lookup).dropFirst(summary.isEmpty ? 1 : 2)
            let citations = recipe.legalBasis.map(\.reference).map { reference in
                let abbreviation = laws[reference.law] ?? reference.law
                return reference.section.map { "§ \($0) \(abbreviation)" } ?? abbreviation
            }
            return Document(
                id: recipe.id, url: url(recipe.id), title: recipe.title, summary: summary,
                body: body.joined(separator: "\n"),
                themenfeld: recipe.classification.themenfelder.first.flatMap { themenfelder[$0.id] } ?? "",
                laws: citations.reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        }
    }

    /// The documents of a book, in the order given.
    public static func documents(book: Book, recipes: [Recipe], url: @escaping (String) -> String) -> [Document] {
        recipes.map(DocumentMaker(book: book, url: url).document)
    }

    /// Writes the JavaScript file, `window.KOCHBUCH_SEARCH_INDEX = {…};`, as UTF-8 in pieces of
    /// about a megabyte, in order; deterministic for the same input. Each recipe's document is made
    /// when needed, a run at a time on all cores: the index (tens of megabytes for ten thousand
    /// recipes) and its documents are never held whole.
    public func write(recipes: [Recipe], book: Book, graph: LinkGraph, url: @escaping (String) -> String,
                      to piece: (UnsafeRawBufferPointer) throws -> Void) throws {
        let maker = DocumentMaker(book: book, url: url)
        var postings: [String: [Int32]] = [:]
        var surface: [String: [String: Int]] = [:]
        // Runs of documents on all cores, a few runs at a time, each merged as soon as the few are
        // done: the runs' own tables never all exist at once.
        let chunk = 256
        let starts = Array(stride(from: 0, to: recipes.count, by: chunk))
        func run(_ start: Int) -> ArraySlice<Recipe> { recipes[start..<min(start + chunk, recipes.count)] }
        for batch in stride(from: 0, to: starts.count, by: 4) {
            let runs = Array(starts[batch..<min(batch + 4, starts.count)])
            for part in Parallel.map(runs, { Self.terms(of: run($0).map(maker.document), firstNumber: $0) }) {
                for (term, list) in part.postings { postings[term, default: []] += list }
                for (term, forms) in part.surface { surface[term, default: [:]].merge(forms, uniquingKeysWith: +) }
            }
        }
        // Display forms and compound splits are made as the command line's index makes them
        // (SearchIndexWriter), so both split the same compounds.
        let display = surface.mapValues { forms in forms.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key }
        let terms = Set(postings.keys)
        let decompounder = Decompounder(terms: terms, words: Set(display.values.map { GermanText.fold($0) }).union(terms), normalizer: normalizer)
        var heads: [String: [String]] = [:]
        var modifiers: [String: [String]] = [:]
        for term in postings.keys.sorted() {
            guard let split = decompounder.split(term) else { continue }
            heads[split.head, default: []].append(term)
            modifiers[split.modifier, default: []].append(term)
        }
        let numbers = Dictionary(recipes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        // Citations as the command line's index records them: each legal basis and each <cite> once,
        // weighted as `SearchIndex.citingRecipes` weighs them (a legal basis 2, a mention 1, and a
        // tenth more for every further one, up to six).
        var citations: [String: Set<Int>] = [:]
        var citationWeights: [String: [Int: Int]] = [:]
        for recipe in recipes {
            guard let number = numbers[recipe.id] else { continue }
            var references = recipe.legalBasis.map { ($0.reference, 1) }
            ContentWalker(visitInline: { if case .citation(let reference, _) = $0 { references.append((reference, 0)) } }).walk(recipe)
            var rows: [String: (basis: Int, count: Int)] = [:]
            for (reference, basis) in references {
                var keys = [reference.law]
                if let section = reference.section { keys.append("\(reference.law):\(section)") }
                for key in keys {
                    let row = rows[key] ?? (0, 0)
                    rows[key] = (max(row.basis, basis), row.count + 1)
                }
            }
            for (key, row) in rows {
                citations[key, default: []].insert(number)
                citationWeights[key, default: [:]][number] = (row.basis == 1 ? 20 : 10) + min(row.count, 6)
            }
        }
        var lawNames: [String: String] = [:]
        for law in book.laws where law.status == .inForce {
            lawNames[law.id] = law.id
            lawNames[law.abbreviation.lowercased()] = law.id
            if let short = law.abbreviation.split(separator: " ").first { lawNames[String(short).lowercased()] = law.id }
        }
        var json = JSONText(capacity: 2 << 20)
        func flushIfFull() throws {
            if json.count >= 1 << 20 { try json.flush(piece) }
        }
        /// `{"key": <value>, …}` with keys sorted, handed on in pieces.
        func object<Value>(_ dictionary: [String: Value], _ body: (inout JSONText, Value) -> Void) throws {
            json.raw("{")
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { json.raw(",") }
                json.string(key)
                json.raw(":")
                body(&json, dictionary[key]!)
                try flushIfFull()
            }
            json.raw("}")
        }
        json.raw("window.KOCHBUCH_SEARCH_INDEX = {\"citationWeights\":")
        try object(citationWeights) { json, weights in json.integers(weights.keys.sorted().flatMap { [$0, weights[$0]!] }) }
        json.raw(",\"citations\":")
        try object(citations.mapValues { $0.sorted() }) { $0.integers($1) }
        json.raw(",\"display\":")
        try object(display) { $0.string($1) }
        json.raw(",\"documents\":[")
        let documents = starts.lazy.flatMap { start in Parallel.map(Array(run(start)), maker.document) }
        for (index, document) in documents.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{\"id\":"); json.string(document.id)
            json.raw(",\"laws\":"); json.strings(document.laws)
            // Its number of words, as the command line's index counts them for BM25.
            json.raw(",\"length\":")
            json.integer([document.title, document.summary, document.body].reduce(0) { $0 + GermanText.tokens($1).count })
            json.raw(",\"summary\":"); json.string(document.summary)
            json.raw(",\"text\":"); json.string([document.title, document.summary, document.body].joined(separator: "\n"))
            json.raw(",\"themenfeld\":"); json.string(document.themenfeld)
            json.raw(",\"title\":"); json.string(document.title)
            json.raw(",\"url\":"); json.string(document.url)
            json.raw("}")
            try flushIfFull()
        }
        json.raw("],\"heads\":")
        try object(heads) { $0.strings($1) }
        json.raw(",\"laws\":")
        try object(lawNames) { $0.string($1) }
        json.raw(",\"modifiers\":")
        try object(modifiers) { $0.strings($1) }
        let rules = QueryRules(synonyms: book.synonyms ?? [])
        json.raw(",\"rules\":{\"particles\":")
        json.strings(QueryRules.particles)
        json.raw(",\"stopwords\":")
        json.strings(QueryRules.stopwords.sorted())
        json.raw(",\"synonyms\":")
        try object(rules.synonyms) { $0.strings($1) }
        json.raw("}")
        json.raw(",\"terms\":")
        try object(postings) { json, flat in
            json.raw("[")
            for start in stride(from: 0, to: flat.count, by: 4) {
                json.raw(start == 0 ? "[" : ",[")
                for offset in 0..<4 {
                    if offset > 0 { json.raw(",") }
                    json.integer(Int(flat[start + offset]))
                }
                json.raw("]")
            }
            json.raw("]")
        }
        json.raw(",\"version\":1,\"weights\":{\"body\":1,\"summary\":3,\"title\":5}};\n")
        try json.flush(piece)
    }

    /// What a run of documents adds to the index: per term, its postings in document order, four
    /// numbers each (document number, title, summary and body counts); the forms seen per term.
    private struct Terms {
        var postings: [String: [Int32]] = [:]
        var surface: [String: [String: Int]] = [:]
    }

    /// The number of `key` in `table`; a new key gets the next number, and `added` is called.
    private static func number<Key: Hashable>(of key: Key, in table: inout [Key: Int], added: () -> Void) -> Int {
        if let number = table[key] { return number }
        table[key] = table.count
        added()
        return table.count - 1
    }

    /// Tokenises, folds and stems a run of documents with its own stemmer; each distinct word
    /// is normalised once and counted by its number.
    private static func terms(of documents: [Document], firstNumber: Int) -> Terms {
        let normalizer = TermNormalizer()
        var known: [Substring: Int] = [:]
        var words: [(form: Substring, term: String)] = []
        var seen: [Int] = []
        var result = Terms()
        var slotOfTerm: [String: Int] = [:]
        var order: [String] = []
        var counts: [Int32] = []
        for (offset, document) in documents.enumerated() {
            slotOfTerm.removeAll(keepingCapacity: true)
            order.removeAll(keepingCapacity: true)
            counts.removeAll(keepingCapacity: true)
            for (field, text) in [document.title, document.summary, document.body].enumerated() {
                for token in GermanText.tokens(text) {
                    let word = number(of: token, in: &known) {
                        words.append((token, normalizer.canonical(token)))
                        seen.append(0)
                    }
                    seen[word] += 1
                    let term = words[word].term
                    let slot = number(of: term, in: &slotOfTerm) {
                        order.append(term)
                        counts += [Int32(firstNumber + offset), 0, 0, 0]
                    }
                    counts[slot * 4 + field + 1] += 1
                }
            }
            for (slot, term) in order.enumerated() {
                result.postings[term, default: []].append(contentsOf: counts[(slot * 4)..<(slot * 4 + 4)])
            }
        }
        for (word, count) in zip(words, seen) {
            result.surface[word.term, default: [:]][String(word.form), default: 0] += count
        }
        return result
    }
}
