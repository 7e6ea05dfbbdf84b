import Foundation
import KochbuchModel
import KochbuchSearch

/// Finds entries of the book's catalogs by words, with the search's German rules (case, umlauts,
/// word forms, parts of compounds): „Parkausweis“ finds the OZG-Leistung „Bewohnerparkausweis“
/// and its LeiKa keys. For authors classifying a recipe, who would otherwise grep a file of
/// thousands of entries.
public struct CatalogLookup: Sendable {
    public let book: Book

    public init(book: Book) {
        self.book = book
    }

    /// One entry found: its kind, its key and name, and how many recipes of the book use it.
    public struct Entry: Sendable, Codable, Equatable {
        public var kind: String
        public var key: String
        public var name: String
        public var recipes: Int
    }

    /// The entries whose names hold every word of `query` (question words dropped), best first:
    /// Themenfelder and Lebenslagen, then OZG-Leistungen, then LeiKa keys; at most `limit` of each kind.
    public func find(_ query: String, limit: Int = 15) -> [Entry] {
        let normalizer = TermNormalizer()
        let words = GermanText.tokens(query).map(String.init).filter { !QueryRules.stopwords.contains(GermanText.fold($0)) }
        guard !words.isEmpty else { return [] }
        let wanted = words.map { (term: normalizer.canonical($0), folded: GermanText.fold($0)) }
        func score(_ name: String) -> Int? {
            let folded = GermanText.fold(name)
            let terms = Set(normalizer.terms(name))
            var total = 0
            for word in wanted {
                if terms.contains(word.term) { total += 2 } else if folded.contains(word.folded) || folded.contains(word.term) { total += 1 } else { return nil }
            }
            return total
        }
        func best(_ entries: [Entry]) -> [Entry] {
            let scored = entries.compactMap { entry in score(entry.name).map { (entry, $0) } }
            return scored.sorted { ($1.1, $1.0.recipes, $0.0.name) < ($0.1, $0.0.recipes, $1.0.name) }.prefix(limit).map(\.0)
        }
        var topics: [Entry] = []
        for field in book.topics?.themenfelder ?? [] {
            topics.append(Entry(kind: "Themenfeld", key: field.id, name: field.name,
                                recipes: book.recipes.filter { $0.classification.themenfelder.contains { $0.id == field.id } }.count))
            for lage in field.lebenslagen {
                topics.append(Entry(kind: "Lebenslage", key: lage.id, name: lage.name,
                                    recipes: book.recipes.filter { $0.classification.lebenslagen.contains { $0.id == lage.id } }.count))
            }
        }
        let ozg = (book.ozgLeistungen ?? []).map { leistung in
            Entry(kind: "OZG-Leistung", key: leistung.id, name: leistung.name,
                  recipes: book.recipes.filter { $0.classification.ozgLeistungen.contains { $0.id == leistung.id } }.count)
        }
        let leika = (book.leika ?? []).map { leistung in
            Entry(kind: "LeiKa", key: leistung.key, name: leistung.name,
                  recipes: book.recipes.filter { $0.classification.leikaKeys.contains { $0.id == leistung.key } }.count)
        }
        return best(topics) + best(ozg) + best(leika)
    }
}
