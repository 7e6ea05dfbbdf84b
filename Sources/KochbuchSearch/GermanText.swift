import Foundation

/// German-aware text normalisation shared by every search in Kochbuch (CLI and web):
/// tokenising, folding of case, umlauts, ß and the digraphs ae/oe/ue, and canonical terms.
public enum GermanText {
    /// Maximal runs of letters and digits; tokens of one character are dropped.
    /// "E-Akte nach § 6" → ["E", "Akte", "nach"].
    public static func tokens(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.UnicodeScalarView.Index?
        var length = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                if start == nil { start = index; length = 0 }
                length += 1
            } else if let begin = start {
                if length > 1 { result.append(Substring(scalars[begin..<index])) }
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let begin = start, length > 1 { result.append(Substring(scalars[begin...])) }
        return result
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark
    }

    /// Lowercase, then ß → ss, ä/ö/ü → a/o/u, other accents removed, then ae → a, oe → o, ue → u
    /// (but not after q). "Bürgerportal", "Buergerportal", "burgerportal" → "burgerportal".
    public static func fold(_ word: some StringProtocol) -> String {
        let bytes = lowered(word)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if index + 1 < bytes.count, bytes[index + 1] == 0x65, // "e"
               byte == 0x61 || byte == 0x6F || (byte == 0x75 && (index == 0 || bytes[index - 1] != 0x71)) { // a, o, u not after q
                result.append(byte)
                index += 2
                continue
            }
            result.append(byte)
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The first step of `fold` as UTF-8: lowercase, ß → ss, accents removed. Works on bytes for
    /// ASCII and Latin-1 letters (all German text); anything else goes through Foundation.
    static func lowered(_ word: some StringProtocol) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count)
        var lead = false
        for byte in word.utf8 {
            if lead {
                lead = false
                guard (0x80...0xBF).contains(byte) else { return loweredByFoundation(word) }
                let code = Self.latin1Letters[Int(byte - 0x80)]
                switch code {
                case UInt8(ascii: "L"): bytes += [0xC3, byte + 0x20]
                case UInt8(ascii: "K"): bytes += [0xC3, byte]
                case UInt8(ascii: "S"): bytes += [0x73, 0x73]
                default: bytes.append(code)
                }
            } else if byte < 0x80 {
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else if byte == 0xC3 {
                lead = true
            } else {
                return loweredByFoundation(word)
            }
        }
        return lead ? loweredByFoundation(word) : bytes
    }

    /// À…ÿ (U+00C0…U+00FF, UTF-8 C3 80…C3 BF) as Foundation folds them: an ASCII letter,
    /// L (lowercase, stays accented: Æ Ð Ø Þ), K (kept: æ ð ø þ × ÷) or S (ß → ss).
    private static let latin1Letters = Array("aaaaaaLceeeeiiiiLnoooooKLuuuuyLS" + "aaaaaaKceeeeiiiiKnoooooKKuuuuyKy").map { $0.asciiValue! }

    /// `lowered` by Foundation, for words beyond Latin-1 (and to check the byte path against).
    static func loweredByFoundation(_ word: some StringProtocol) -> [UInt8] {
        Array(word.lowercased().replacingOccurrences(of: "ß", with: "ss").folding(options: [.diacriticInsensitive], locale: nil).utf8)
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
