import Foundation

/// German-aware text normalisation shared by every search in Kochbuch (CLI and web):
/// tokenising, folding of case, umlauts, ß and the digraphs ae/oe/ue, and canonical terms.
public enum GermanText {
    /// Maximal runs of letters and digits; tokens of one character are dropped.
    /// "E-Akte nach § 6" → ["E", "Akte", "nach"].
    public static func tokens(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber {
                if start == nil { start = index }
            } else if let begin = start {
                if text.distance(from: begin, to: index) > 1 { result.append(text[begin..<index]) }
                start = nil
            }
            index = text.index(after: index)
        }
        if let begin = start, text.distance(from: begin, to: text.endIndex) > 1 { result.append(text[begin...]) }
        return result
    }

    /// Lowercase, then ß → ss, ä/ö/ü → a/o/u, other accents removed, then ae → a, oe → o, ue → u
    /// (but not after q). "Bürgerportal", "Buergerportal", "burgerportal" → "burgerportal".
    public static func fold(_ word: some StringProtocol) -> String {
        var lowered = word.lowercased()
        if lowered.contains(where: { !$0.isASCII }) {
            lowered = lowered.replacingOccurrences(of: "ß", with: "ss").folding(options: [.diacriticInsensitive], locale: nil)
        }
        let letters = Array(lowered)
        var result = ""
        result.reserveCapacity(letters.count)
        var index = 0
        while index < letters.count {
            let character = letters[index]
            if index + 1 < letters.count, letters[index + 1] == "e",
               character == "a" || character == "o" || (character == "u" && (index == 0 || letters[index - 1] != "q")) {
                result.append(character)
                index += 2
                continue
            }
            result.append(character)
            index += 1
        }
        return result
    }
}

/// Turns words into canonical search terms: fold, then stem. "Anträge" → "antrag".
public struct TermNormalizer: Sendable {
    private let stemmer = GermanStemmer()

    public init() {}

    public func canonical(_ word: some StringProtocol) -> String {
        stemmer.stem(GermanText.fold(word))
    }

    /// The canonical terms of a text, in order.
    public func terms(_ text: String) -> [String] {
        GermanText.tokens(text).map(canonical)
    }
}
