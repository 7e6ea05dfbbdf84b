/// Finds the candidate closest to a misspelt name, for "did you mean …?" hints.
public enum Suggestion {
    /// The closest candidate within a distance proportional to the name's length, if any.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let distance = EditDistance.between(String(target), candidate.lowercased())
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

    /// The same hint in both languages: „meinten Sie 'x'?“ / "did you mean 'x'?".
    public static func phrase(for name: String, in candidates: some Sequence<String>, quote: (String) -> String = { "'\($0)'" }) -> Phrase? {
        closest(to: name, in: candidates).map { Phrase(de: "meinten Sie \(quote($0))?", en: "did you mean \(quote($0))?") }
    }

    /// The edit distance between two names, ignoring case.
    public static func distance(_ a: String, _ b: String) -> Int {
        EditDistance.between(a.lowercased(), b.lowercased())
    }
}
