/// A reader's query, read the forgiving way: words (all must match), "phrases", prefix*,
/// -excluded words and law citations (`§ 6 EGovG`, `EGovG § 6`, `EGovG:6`). Nothing a reader
/// types is an error: unbalanced quotes are closed, stray operators and syntax characters ignored.
public struct SearchQuery: Sendable, Hashable {
    public struct Citation: Sendable, Hashable {
        public var law: String
        public var section: String?
    }

    public var words: [String] = []
    public var phrases: [[String]] = []
    public var prefixes: [String] = []
    public var excluded: [String] = []
    /// `-bau*`: recipes holding a word that starts so are left out.
    public var excludedPrefixes: [String] = []
    public var citations: [Citation] = []
    /// `-§ 6 EGovG`, `-EGovG:6`: recipes citing the section are left out.
    public var excludedCitations: [Citation] = []
    /// Laws named without a section; they widen the word's matches to recipes citing the law.
    public var lawNames: [String] = []

    public var isEmpty: Bool { words.isEmpty && phrases.isEmpty && prefixes.isEmpty && citations.isEmpty }

    /// Whether the query excludes anything.
    public var excludes: Bool { !excluded.isEmpty || !excludedPrefixes.isEmpty || !excludedCitations.isEmpty }

    /// Reads a query. `laws` maps lowercased law abbreviations and ids to law ids.
    public init(_ text: String, laws: [String: String] = [:]) {
        var rest = SearchQuery.extractCitations(text, laws: laws, into: &citations, excluding: &excludedCitations)
        // Phrases
        var phraseTexts: [String] = []
        while let open = rest.firstIndex(where: { $0 == "\"" || $0 == "„" || $0 == "“" }) {
            let after = rest.index(after: open)
            let close = rest[after...].firstIndex(where: { $0 == "\"" || $0 == "“" || $0 == "”" }) ?? rest.endIndex
            phraseTexts.append(String(rest[after..<close]))
            rest.replaceSubrange(open..<(close == rest.endIndex ? close : rest.index(after: close)), with: " ")
        }
        for phrase in phraseTexts {
            let tokens = GermanText.tokens(phrase).map(String.init)
            if tokens.count == 1 { words.append(tokens[0]) } else if tokens.count > 1 { phrases.append(tokens) }
        }
        for piece in rest.split(whereSeparator: { $0.isWhitespace }) {
            var token = Substring(piece)
            var negative = false
            while let first = token.first, first == "-" || first == "+" {
                negative = negative || first == "-"
                token = token.dropFirst()
            }
            let prefix = token.hasSuffix("*")
            let parts = GermanText.tokens(String(token))
            guard !parts.isEmpty else { continue }
            for (index, part) in parts.enumerated() {
                let word = String(part)
                if negative, prefix, index == parts.count - 1 { excludedPrefixes.append(word) } else if negative { excluded.append(word) } else if prefix && index == parts.count - 1 { prefixes.append(word) } else { words.append(word) }
            }
        }
        // A law named alone ("EGovG") also finds the recipes citing it, besides the word.
        for word in words {
            if let id = laws[word.lowercased()], !citations.contains(where: { $0.law == id }) {
                lawNames.append(id)
            }
        }
    }

    /// Finds `§ 6 EGovG`, `§6 EGovG`, `EGovG § 6`, `EGovG:6`, `§ 3 Abs. 1 OZG` and removes them from the text.
    /// A citation written with a leading minus (`-§ 6 EGovG`, `-EGovG:6`) goes to `excluded`.
    private static func extractCitations(_ text: String, laws: [String: String], into found: inout [Citation],
                                         excluding excluded: inout [Citation]) -> String {
        guard !laws.isEmpty else { return text }
        var tokens = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var keep = Array(repeating: true, count: tokens.count)
        var negative = Array(repeating: false, count: tokens.count)
        for (position, token) in tokens.enumerated() where token.hasPrefix("-") && token.count > 1 {
            let rest = String(token.drop(while: { $0 == "-" }))
            if rest.hasPrefix("§") || rest.contains(":") {
                tokens[position] = rest
                negative[position] = true
            }
        }
        func add(_ citation: Citation, at position: Int) {
            if negative[position] { excluded.append(citation) } else { found.append(citation) }
        }
        func law(_ token: String) -> String? {
            laws[token.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ",.;()"))]
        }
        func section(_ token: String) -> String? {
            let value = token.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "§,.;()"))
            guard let first = value.first, first.isNumber, value.allSatisfy({ $0.isNumber || $0.isLetter }), value.count <= 4 else { return nil }
            return value
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if let colon = token.firstIndex(of: ":"), let id = law(String(token[..<colon])), let number = section(String(token[token.index(after: colon)...])) {
                add(Citation(law: id, section: number), at: index)
                keep[index] = false
            } else if token.hasPrefix("§") {
                var numberToken = token.count > 1 ? String(token.dropFirst()) : (index + 1 < tokens.count ? tokens[index + 1] : "")
                let consumed = token.count > 1 ? 1 : 2
                numberToken = numberToken.trimmingCharacters(in: .whitespaces)
                if let number = section(numberToken) {
                    var cursor = index + consumed
                    if cursor < tokens.count, tokens[cursor].lowercased().hasPrefix("abs") { cursor += tokens[cursor].count <= 4 ? 2 : 1 }
                    if cursor < tokens.count, let id = law(tokens[cursor]) {
                        add(Citation(law: id, section: number), at: index)
                        for position in index...cursor { keep[position] = false }
                        index = cursor + 1
                        continue
                    }
                    if index > 0, keep[index - 1], !negative[index], let id = law(tokens[index - 1]) {
                        add(Citation(law: id, section: number), at: index)
                        for position in (index - 1)..<min(tokens.count, index + consumed) { keep[position] = false }
                        index += consumed
                        continue
                    }
                }
            }
            index += 1
        }
        tokens = tokens.enumerated().filter { keep[$0.offset] }.map { negative[$0.offset] ? "-" + $0.element : $0.element }
        return tokens.joined(separator: " ")
    }
}

import Foundation
