import Foundation
import KochbuchModel

/// Filters that narrow a search, or list recipes on their own.
public struct SearchFilters: Sendable, Hashable {
    /// `EGovG`, `EGovG § 6`, `EGovG:6`, `egovg`.
    public var laws: [String]
    /// Themenfeld or Lebenslage, by id or name.
    public var topics: [String]
    public var ozg: [String]
    public var statuses: [String]

    public init(laws: [String] = [], topics: [String] = [], ozg: [String] = [], statuses: [String] = []) {
        self.laws = laws
        self.topics = topics
        self.ozg = ozg
        self.statuses = statuses
    }

    public var isEmpty: Bool { laws.isEmpty && topics.isEmpty && ozg.isEmpty && statuses.isEmpty }
}

/// One found recipe.
public struct SearchHit: Sendable, Hashable, Codable {
    public struct Fragment: Sendable, Hashable, Codable {
        public var text: String
        public var match: Bool
    }

    public var id: String
    public var title: String
    public var themenfeld: String
    public var laws: [String]
    public var status: String
    public var score: Double
    public var snippet: [Fragment]
}

/// What a search found, or why not.
public struct SearchResults: Sendable, Codable {
    public var hits: [SearchHit]
    /// The number of matching recipes before the limit.
    public var total: Int
    /// Nearest corpus words for query words that matched nothing.
    public var suggestions: [String]
    /// A plain message when the query could not be read as asked.
    public var message: String?
    /// Words that matched nothing and were searched as the nearest word of the book instead.
    public var corrections: [Correction]

    /// "Bürgerprotal" searched as "Bürgerportal".
    public struct Correction: Sendable, Codable, Hashable {
        public var written: String
        public var searched: String

        public init(written: String, searched: String) {
            self.written = written
            self.searched = searched
        }
    }

    public init(hits: [SearchHit], total: Int, suggestions: [String], message: String?, corrections: [Correction] = []) {
        self.hits = hits
        self.total = total
        self.suggestions = suggestions
        self.message = message
        self.corrections = corrections
    }
}

extension SearchIndex {
    /// A filter value that names nothing the index knows.
    public struct UnknownFilter: Error, CustomStringConvertible {
        public let kind: String
        public let value: String
        public let suggestion: String?
        /// What the filter accepts, said when no close value suggests itself.
        public var accepted: String? = nil
        public var description: String {
            "unknown \(kind) '\(value)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? accepted.map { "; \($0)" } ?? "")
        }
    }

    /// Searches the index. With `listAll`, an empty query lists every recipe the filters allow, by title.
    public func search(_ text: String, filters: SearchFilters = SearchFilters(), limit: Int = 20,
                       listAll: Bool = false) throws -> SearchResults {
        let laws = try lawNames()
        let query = SearchQuery(text, laws: laws)
        var allowed = try filteredRecipes(filters, laws: laws)
        for citation in query.citations {
            let citing = try citingRecipes(law: citation.law, section: citation.section)
            allowed = allowed.map { $0.intersection(citing.keys) } ?? Set(citing.keys)
        }
        if query.isEmpty && !query.excludes && filters.isEmpty && !listAll {
            return SearchResults(hits: [], total: 0, suggestions: [],
                                 message: text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                                     ? "Bitte geben Sie einen Suchbegriff ein."
                                     : "Die Suche enthält kein Wort, nach dem sich suchen lässt.")
        }
        var scores: [Int: Double] = [:]
        var matchedTerms: Set<String> = []
        var unmatched: [String] = []
        var candidates = allowed
        for citation in query.citations {
            for (number, weight) in try citingRecipes(law: citation.law, section: citation.section) {
                scores[number, default: 0] += weight * 10
            }
        }
        // Words: a recipe missing one is not dropped; the more of them it holds, the higher it ranks.
        let rules = QueryRules(synonymTerms: try synonymTerms())
        let understood = rules.apply(query.words) { term in
            ((try? database.query("SELECT 1 FROM vocabulary WHERE term = ?", [.text(term)]))?.isEmpty == false)
        }
        var groups: [[Int: Double]] = []
        var corrections: [SearchResults.Correction] = []
        for word in understood {
            var group = try matches(of: word.term, written: word.text, laws: laws, terms: &matchedTerms)
            for alternative in word.alternatives {
                for (number, score) in try matches(of: alternative, written: nil, laws: laws, terms: &matchedTerms) {
                    group[number] = max(group[number] ?? 0, score * 0.9)
                }
            }
            if group.isEmpty, !word.text.contains(where: \.isNumber), let corrected = try suggest(for: [word.text]).first {
                group = try matches(of: normalizer.canonical(corrected), written: corrected, laws: laws, terms: &matchedTerms)
                if !group.isEmpty { corrections.append(SearchResults.Correction(written: word.text, searched: corrected)) }
            }
            if group.isEmpty { unmatched.append(word.text) }
            groups.append(group)
        }
        if !groups.isEmpty {
            var held: [Int: Int] = [:]
            var total: [Int: Double] = [:]
            for group in groups {
                for (number, score) in group {
                    held[number, default: 0] += 1
                    total[number, default: 0] += score
                }
            }
            let found = Set(held.keys)
            candidates = candidates.map { $0.intersection(found) } ?? found
            for (number, score) in total {
                let coverage = Double(held[number]!) / Double(groups.count)
                scores[number, default: 0] += score * coverage * coverage
            }
            // Words that stand side by side in the question and in a title ("elektronischen Zugang").
            let terms = understood.map(\.term)
            for (first, second) in zip(terms, terms.dropFirst()) {
                for (number, score) in try rank("title : \"\(first) \(second)\"") { scores[number, default: 0] += score * 2 }
            }
            // A title that holds every word of the question ranks at the top.
            if understood.count >= 2 {
                let all = understood.map { word in "(" + ([word.term] + word.alternatives).map { "\"\($0)\"" }.joined(separator: " OR ") + ")" }
                for number in try rank("title : (" + all.joined(separator: " AND ") + ")").keys { scores[number, default: 0] *= 2 }
            }
        }
        for phrase in query.phrases {
            let terms = phrase.map { normalizer.canonical($0) }
            let found = try rank("\"\(terms.joined(separator: " "))\"")
            if found.isEmpty { unmatched.append(phrase.joined(separator: " ")) } else { matchedTerms.formUnion(terms) }
            candidates = candidates.map { $0.intersection(found.keys) } ?? Set(found.keys)
            for (number, score) in found { scores[number, default: 0] += score * 1.5 }
        }
        for prefix in query.prefixes {
            let folded = GermanText.fold(prefix)
            let found = try rank("\"\(folded)\" *")
            if found.isEmpty { unmatched.append(prefix + "*") }
            matchedTerms.formUnion(try database.query("SELECT term FROM vocabulary WHERE term >= ? AND term < ?",
                                                       [.text(folded), .text(folded + "\u{10FFFF}")]).map { $0[0].text })
            candidates = candidates.map { $0.intersection(found.keys) } ?? Set(found.keys)
            for (number, score) in found { scores[number, default: 0] += score * 0.8 }
        }
        var result: Set<Int>
        if let candidates { result = candidates } else { result = Set(try database.query("SELECT number FROM recipes").map { $0[0].integer }) }
        for word in query.excluded {
            let found = try rank("\"\(normalizer.canonical(word))\"")
            result.subtract(found.keys)
        }
        for prefix in query.excludedPrefixes {
            result.subtract(try rank("\"\(GermanText.fold(prefix))\" *").keys)
        }
        for citation in query.excludedCitations {
            result.subtract(try citingRecipes(law: citation.law, section: citation.section).keys)
        }
        let shownNumbers = try best(of: result, scores: scores, limit: max(limit, 0))
        let shown = try rows(for: Set(shownNumbers))
        let hits = shownNumbers.compactMap { shown[$0] }.map { row in
            SearchHit(id: row.id, title: row.title, themenfeld: row.themenfeld,
                      laws: row.laws.isEmpty ? [] : row.laws.components(separatedBy: "; "), status: row.status,
                      score: (scores[row.number] ?? 0).rounded(toPlaces: 3),
                      snippet: Snippet.make(text: row.summary + "\n" + row.body, terms: matchedTerms, normalizer: normalizer))
        }
        var suggestions: [String] = []
        var message: String?
        if !corrections.isEmpty, !result.isEmpty {
            message = "Ergebnisse für " + corrections.map { "„\($0.searched)“ (statt „\($0.written)“)" }.joined(separator: ", ") + "."
        }
        if result.isEmpty {
            suggestions = try suggest(for: unmatched.filter { !$0.contains(" ") && !$0.hasSuffix("*") })
            message = "Keine Treffer."
        } else if query.isEmpty && query.excludes && filters.isEmpty {
            message = "Nur ausgeschlossene Wörter: es werden alle übrigen Rezepte gezeigt."
        }
        return SearchResults(hits: hits, total: result.count, suggestions: suggestions, message: message, corrections: corrections)
    }

    /// The recipes a canonical term finds, with their scores: the term itself, compounds with it as
    /// head (0.6) or modifier (0.25), and, for a law's name, the recipes citing the law.
    private func matches(of term: String, written: String?, laws: [String: String], terms matchedTerms: inout Set<String>) throws -> [Int: Double] {
        var group: [Int: Double] = [:]
        for (number, score) in try rank("\"\(term)\"") { group[number, default: 0] += score }
        if !group.isEmpty { matchedTerms.insert(term) }
        let heads = try database.query("SELECT term FROM compounds WHERE head = ?", [.text(term)]).map { $0[0].text }
        let modifiers = try database.query("SELECT term FROM compounds WHERE modifier = ?", [.text(term)]).map { $0[0].text }
        for (terms, factor) in [(heads, 0.6), (modifiers, 0.25)] where !terms.isEmpty {
            let expression = terms.map { "\"\($0)\"" }.joined(separator: " OR ")
            let found = try rank(expression)
            if !found.isEmpty { matchedTerms.formUnion(terms) }
            for (number, score) in found { group[number, default: 0] += score * factor }
        }
        if let written, let law = laws[written.lowercased()] {
            for (number, weight) in try citingRecipes(law: law, section: nil) {
                group[number, default: 0] += weight * 3
            }
        }
        return group
    }

    /// The book's search words (`catalogs/synonyms.xml`) as canonical terms.
    func synonymTerms() throws -> [String: [String]] {
        var map: [String: [String]] = [:]
        for row in try database.query("SELECT term, alternative FROM synonyms ORDER BY rowid") { map[row[0].text, default: []].append(row[1].text) }
        return map
    }

    /// FTS5 matches with their weighted BM25 score (higher is better): title 5, summary 3, body 1.
    private func rank(_ expression: String) throws -> [Int: Double] {
        var scores: [Int: Double] = [:]
        for row in try database.query("SELECT rowid, -bm25(fts, 5.0, 3.0, 1.0) FROM fts WHERE fts MATCH ?", [.text(expression)]) {
            scores[row[0].integer] = max(row[1].real, 0.01)
        }
        return scores
    }

    /// The numbers of the recipes citing a law or section, with a weight: a legal basis counts
    /// more than a mention in the text, and every further mention a little more.
    func citingRecipes(law: String, section: String?) throws -> [Int: Double] {
        var result: [Int: Double] = [:]
        let sql = "SELECT recipes.number, max(basis), count(*) FROM citations JOIN recipes ON recipes.id = citations.recipe"
            + " WHERE law = ?" + (section == nil ? "" : " AND section = ?") + " GROUP BY citations.recipe"
        let rows = try database.query(sql, [.text(law)] + (section.map { [.text($0)] } ?? []))
        for row in rows { result[row[0].integer] = (row[1].integer == 1 ? 2 : 1) + Double(min(row[2].integer, 6)) * 0.1 }
        return result
    }

    /// The numbers of the recipes the filters allow, or nil when there are none.
    private func filteredRecipes(_ filters: SearchFilters, laws: [String: String]) throws -> Set<Int>? {
        var allowed: Set<Int>?
        func narrow(_ ids: Set<Int>) { allowed = allowed.map { $0.intersection(ids) } ?? ids }
        if !filters.laws.isEmpty {
            var ids: Set<Int> = []
            for value in filters.laws {
                let reference = SearchQuery(value.contains("§") || value.contains(":") ? value : "", laws: laws).citations.first
                    ?? laws[value.lowercased()].map { SearchQuery.Citation(law: $0, section: nil) }
                guard let reference else {
                    throw UnknownFilter(kind: "law", value: value, suggestion: nearest(value.lowercased(), in: Array(laws.keys)))
                }
                ids.formUnion(try citingRecipes(law: reference.law, section: reference.section).keys)
            }
            narrow(ids)
        }
        if !filters.topics.isEmpty {
            var ids: Set<Int> = []
            for value in filters.topics {
                let topics = try topicIDs(value)
                guard !topics.isEmpty else {
                    let known = try database.query("SELECT id FROM names WHERE kind = 'topic'").map { $0[0].text }
                    throw UnknownFilter(kind: "topic", value: value, suggestion: nearest(value.lowercased(), in: known))
                }
                for topic in topics {
                    ids.formUnion(try database.query("SELECT recipes.number FROM topics JOIN recipes ON recipes.id = topics.recipe WHERE topic = ?",
                                                     [.text(topic)]).map { $0[0].integer })
                }
            }
            narrow(ids)
        }
        if !filters.ozg.isEmpty {
            var ids: Set<Int> = []
            let known = try database.query("SELECT id FROM names WHERE kind = 'ozg'").map { $0[0].text }
            for value in filters.ozg {
                if !known.isEmpty, !known.contains(value) {
                    throw UnknownFilter(kind: "OZG-Leistung", value: value, suggestion: nearest(value.lowercased(), in: known))
                }
                ids.formUnion(try database.query("SELECT recipes.number FROM ozg JOIN recipes ON recipes.id = ozg.recipe WHERE ozg.id = ?",
                                                 [.text(value)]).map { $0[0].integer })
            }
            narrow(ids)
        }
        if !filters.statuses.isEmpty {
            var ids: Set<Int> = []
            for value in filters.statuses {
                guard Recipe.Status(rawValue: value.lowercased()) != nil else {
                    throw UnknownFilter(kind: "status", value: value,
                                        suggestion: nearest(value.lowercased(), in: Recipe.Status.allCases.map(\.rawValue)),
                                        accepted: "a status is published, review or draft")
                }
                ids.formUnion(try database.query("SELECT number FROM recipes WHERE status = ?", [.text(value.lowercased())]).map { $0[0].integer })
            }
            narrow(ids)
        }
        return allowed
    }

    private struct Row {
        var number: Int
        var id: String
        var title: String
        var summary: String
        var body: String
        var status: String
        var themenfeld: String
        var laws: String
    }

    /// The full rows of the recipes shown, by number.
    private func rows(for numbers: Set<Int>) throws -> [Int: Row] {
        guard !numbers.isEmpty else { return [:] }
        let list = numbers.sorted().map(String.init).joined(separator: ",")
        var rows: [Int: Row] = [:]
        for row in try database.query("SELECT number, id, title, summary, body, status, themenfeld, laws FROM recipes WHERE number IN (\(list))") {
            rows[row[0].integer] = Row(number: row[0].integer, id: row[1].text, title: row[2].text, summary: row[3].text,
                                       body: row[4].text, status: row[5].text, themenfeld: row[6].text, laws: row[7].text)
        }
        return rows
    }

    /// The nearest corpus words for words that matched nothing: "Bürgerprotal" → "Bürgerportal".
    func suggest(for words: [String]) throws -> [String] {
        var suggestions: [String] = []
        for word in words {
            let folded = GermanText.fold(word)
            let candidates = try database.query("SELECT display FROM vocabulary WHERE length BETWEEN ? AND ?",
                                                [.integer(word.count - 2), .integer(word.count + 2)]).map { $0[0].text }
            if let best = nearest(folded, in: candidates, fold: true), !suggestions.contains(best) { suggestions.append(best) }
        }
        return suggestions
    }

    private func nearest(_ word: String, in candidates: [String], fold: Bool = false) -> String? {
        let limit = word.count > 8 ? 3 : 2
        var best: (String, Int)?
        for candidate in candidates {
            let distance = EditDistance.between(word, fold ? GermanText.fold(candidate) : candidate)
            if distance <= limit, distance < (best?.1 ?? Int.max) || (distance == best?.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }
}

private extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let factor = pow(10, Double(places))
        return (self * factor).rounded() / factor
    }
}
