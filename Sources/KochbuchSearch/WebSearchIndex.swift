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

    /// The documents of a book, in the order given.
    public static func documents(book: Book, recipes: [Recipe], url: (String) -> String) -> [Document] {
        let themenfelder = Dictionary((book.topics?.themenfelder ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let laws = Dictionary(book.laws.map { ($0.id, $0.abbreviation) }, uniquingKeysWith: { first, _ in first })
        return recipes.map { recipe in
            // ReadableText starts with the title and the (non-empty) summary; the rest is the body.
            let summary = recipe.summary.plainText
            let body = ReadableText.of(recipe).dropFirst(summary.isEmpty ? 1 : 2)
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

    /// The JavaScript file: `window.KOCHBUCH_SEARCH_INDEX = {…};`, deterministic for the same input.
    public func javascript(documents: [Document], book: Book, graph: LinkGraph) -> String {
        String(decoding: script(documents: documents, book: book, graph: graph), as: UTF8.self)
    }

    /// The JavaScript file as UTF-8 bytes (tens of megabytes for ten thousand recipes: made once, not copied).
    public func script(documents: [Document], book: Book, graph: LinkGraph) -> [UInt8] {
        var postings: [String: [[Int]]] = [:]
        var surface: [String: [String: Int]] = [:]
        var foldedWords: Set<String> = []
        let chunk = 256
        let starts = Array(stride(from: 0, to: documents.count, by: chunk))
        for part in Parallel.map(starts, { Self.terms(of: documents[$0..<min($0 + chunk, documents.count)], firstNumber: $0) }) {
            for (term, list) in part.postings { postings[term, default: []] += list }
            for (term, forms) in part.surface { surface[term, default: [:]].merge(forms, uniquingKeysWith: +) }
            foldedWords.formUnion(part.foldedWords)
        }
        let decompounder = Decompounder(terms: Set(postings.keys), words: foldedWords, normalizer: normalizer)
        var heads: [String: [String]] = [:]
        var modifiers: [String: [String]] = [:]
        for term in postings.keys.sorted() {
            guard let split = decompounder.split(term) else { continue }
            heads[split.head, default: []].append(term)
            modifiers[split.modifier, default: []].append(term)
        }
        let numbers = Dictionary(documents.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var citations: [String: Set<Int>] = [:]
        for citation in graph.citations {
            guard let number = numbers[citation.recipe] else { continue }
            citations[citation.reference.law, default: []].insert(number)
            if let section = citation.reference.section { citations["\(citation.reference.law):\(section)", default: []].insert(number) }
        }
        var lawNames: [String: String] = [:]
        for law in book.laws where law.status == .inForce {
            lawNames[law.id] = law.id
            lawNames[law.abbreviation.lowercased()] = law.id
            if let short = law.abbreviation.split(separator: " ").first { lawNames[String(short).lowercased()] = law.id }
        }
        let display = surface.mapValues { forms in forms.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key }
        var json = JSONText(capacity: documents.reduce(0) { $0 + $1.body.utf8.count } * 2)
        json.raw("window.KOCHBUCH_SEARCH_INDEX = {\"citations\":")
        json.object(citations.mapValues { $0.sorted() }) { $0.integers($1) }
        json.raw(",\"display\":")
        json.object(display) { $0.string($1) }
        json.raw(",\"documents\":[")
        for (index, document) in documents.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{\"id\":"); json.string(document.id)
            json.raw(",\"laws\":"); json.strings(document.laws)
            json.raw(",\"summary\":"); json.string(document.summary)
            json.raw(",\"text\":"); json.string([document.title, document.summary, document.body].joined(separator: "\n"))
            json.raw(",\"themenfeld\":"); json.string(document.themenfeld)
            json.raw(",\"title\":"); json.string(document.title)
            json.raw(",\"url\":"); json.string(document.url)
            json.raw("}")
        }
        json.raw("],\"heads\":")
        json.object(heads) { $0.strings($1) }
        json.raw(",\"laws\":")
        json.object(lawNames) { $0.string($1) }
        json.raw(",\"modifiers\":")
        json.object(modifiers) { $0.strings($1) }
        json.raw(",\"terms\":")
        json.object(postings) { json, byDocument in
            json.array(byDocument) { $0.integers($1) }
        }
        json.raw(",\"version\":1,\"weights\":{\"body\":1,\"summary\":3,\"title\":5}};\n")
        return json.utf8
    }

    /// What a run of documents adds to the index: per term, `[number, title, summary, body]`
    /// counts in document order; the forms seen per term; every folded word.
    private struct Terms {
        var postings: [String: [[Int]]] = [:]
        var surface: [String: [String: Int]] = [:]
        var foldedWords: Set<String> = []
    }

    /// Tokenises, folds and stems a run of documents with its own stemmer; each distinct word
    /// is normalised once.
    private static func terms(of documents: ArraySlice<Document>, firstNumber: Int) -> Terms {
        let normalizer = TermNormalizer()
        var known: [Substring: (folded: String, term: String)] = [:]
        var result = Terms()
        for (offset, document) in documents.enumerated() {
            var counts: [String: [Int]] = [:]
            var order: [String] = []
            for (field, text) in [document.title, document.summary, document.body].enumerated() {
                for token in GermanText.tokens(text) {
                    let normal: (folded: String, term: String)
                    if let cached = known[token] {
                        normal = cached
                    } else {
                        normal = (GermanText.fold(token), normalizer.canonical(token))
                        known[token] = normal
                        result.foldedWords.insert(normal.folded)
                    }
                    if counts[normal.term] == nil { order.append(normal.term); counts[normal.term] = [firstNumber + offset, 0, 0, 0] }
                    counts[normal.term]![field + 1] += 1
                    result.surface[normal.term, default: [:]][String(token), default: 0] += 1
                }
            }
            for term in order { result.postings[term, default: []].append(counts[term]!) }
        }
        return result
    }
}
