/// How alike two law texts are: the Dice coefficient of their word pairs (0 = nothing shared,
/// 1 = the same words in the same order), robust against inserted sentences and changed numbers.
public enum TextSimilarity {
    public static func of(_ first: String, _ second: String) -> Double {
        let a = pairs(first), b = pairs(second)
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var counts: [String: Int] = [:]
        for pair in a { counts[pair, default: 0] += 1 }
        var shared = 0
        for pair in b where counts[pair, default: 0] > 0 {
            counts[pair]! -= 1
            shared += 1
        }
        return 2 * Double(shared) / Double(a.count + b.count)
    }

    /// The lower-cased words of a text, letters and digits only.
    public static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    private static func pairs(_ text: String) -> [String] {
        let words = words(text)
        guard words.count > 1 else { return words }
        return (1..<words.count).map { words[$0 - 1] + " " + words[$0] }
    }
}
