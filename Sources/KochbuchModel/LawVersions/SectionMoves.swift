/// Finds sections whose text now stands under another number (old § 6 EGovG, the E-Akte, is § 6a
/// since 2024): a section of the earlier version whose own number now holds another text, while
/// another number holds a text much like it.
public enum SectionMoves {
    /// Texts at least this alike count as the same provision.
    public static let threshold = 0.5

    public static func detect(from earlier: LawVersion, to later: LawVersion) -> [LawMove] {
        let laterTexts = Dictionary(later.sections.map { ($0.number, $0.plainText) }, uniquingKeysWith: { first, _ in first })
        let earlierTexts = Dictionary(earlier.sections.map { ($0.number, $0.plainText) }, uniquingKeysWith: { first, _ in first })
        var moves: [LawMove] = []
        var taken: Set<String> = []
        for section in earlier.sections where section.status == .inForce && !section.text.isEmpty {
            let old = section.plainText
            let stays = laterTexts[section.number].map { TextSimilarity.of(old, $0) } ?? 0
            if stays >= threshold { continue }
            var best: (number: String, similarity: Double)?
            for candidate in later.sections where candidate.number != section.number && candidate.status == .inForce {
                guard !taken.contains(candidate.number), let text = laterTexts[candidate.number] else { continue }
                let similarity = TextSimilarity.of(old, text)
                guard similarity >= threshold, similarity > stays + 0.2 else { continue }
                // A number that kept its own provision is not where another one went.
                if let own = earlierTexts[candidate.number], TextSimilarity.of(own, text) >= similarity { continue }
                if best == nil || similarity > best!.similarity { best = (candidate.number, similarity) }
            }
            if let best {
                taken.insert(best.number)
                moves.append(LawMove(from: section.number, to: best.number,
                                     similarity: (best.similarity * 100).rounded() / 100))
            }
        }
        return moves
    }

    /// A chain of moves that returns to where it started (6 → 6a → 6), if the list has one.
    public static func cycle(in moves: [LawMove]) -> [String]? {
        let next = Dictionary(moves.map { ($0.from, $0.to) }, uniquingKeysWith: { first, _ in first })
        for start in moves.map(\.from) {
            var path = [start]
            var current = start
            while let target = next[current] {
                if target == start { return path + [target] }
                if path.contains(target) { break }
                path.append(target)
                current = target
            }
        }
        return nil
    }
}
