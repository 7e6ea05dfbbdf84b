/// A word-level difference between two texts, as a sequence of kept, inserted and deleted runs.
public struct WordDiff: Sendable, Hashable {
    public enum Operation: String, Sendable, Hashable {
        case same, inserted, deleted
    }

    public struct Run: Sendable, Hashable {
        public var operation: Operation
        public var text: String
    }

    public var runs: [Run]

    /// Whether the texts differ at all.
    public var isEmpty: Bool { runs.allSatisfy { $0.operation == .same } }

    public init(from old: String, to new: String) {
        let a = old.split(separator: " ").map(String.init)
        let b = new.split(separator: " ").map(String.init)
        // Longest common subsequence, trimmed of the common start and end first.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        if !x.isEmpty, !y.isEmpty {
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                for j in stride(from: y.count - 1, through: 0, by: -1) {
                    table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var pieces: [(Operation, String)] = a[..<prefix].map { (.same, $0) }
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                pieces.append((.same, x[i])); i += 1; j += 1
            } else if i < x.count, j == y.count || table[i + 1][j] >= table[i][j + 1] {
                pieces.append((.deleted, x[i])); i += 1
            } else {
                pieces.append((.inserted, y[j])); j += 1
            }
        }
        pieces += a[(a.count - suffix)...].map { (.same, $0) }
        var runs: [Run] = []
        for (operation, word) in pieces {
            if let last = runs.last, last.operation == operation {
                runs[runs.count - 1].text += " " + word
            } else {
                runs.append(Run(operation: operation, text: word))
            }
        }
        self.runs = runs
    }
}
