/// Finds the candidate closest to a misspelt name, for "did you mean …?" hints.
public enum Suggestion {
    /// The closest candidate within a distance proportional to the name's length, if any.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        guard let best, best.1 > 0 || best.0 != name else { return nil }
        let limit = max(2, target.count / 3)
        return best.1 <= limit ? best.0 : nil
    }

    /// A hint naming the closest candidate, or nil.
    public static func hint(for name: String, in candidates: some Sequence<String>, quote: (String) -> String = { "'\($0)'" }) -> String? {
        closest(to: name, in: candidates).map { "did you mean \(quote($0))?" }
    }

    /// The edit distance between two names, ignoring case.
    public static func distance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a.lowercased()), Array(b.lowercased()))
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps of neighbours.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
