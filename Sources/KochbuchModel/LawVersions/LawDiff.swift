/// What changed between two versions of a law, section by section.
public struct LawDiff: Sendable {
    /// One section's change.
    public struct Change: Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            case added, removed, repealed, renamed, moved, changed
        }

        public var kind: Kind
        /// The number in the later version (for `removed`: in the earlier one).
        public var number: String
        /// For `moved`: the number in the earlier version.
        public var from: String?
        public var oldTitle: String?
        public var newTitle: String?
        /// For `changed` and `moved`: the words that changed.
        public var text: WordDiff?
    }

    public var from: LawVersion
    public var to: LawVersion
    public var changes: [Change]

    /// Compares `from` with `to`; moves are those `to` records, when it directly follows `from`,
    /// or else those found by comparing the texts.
    public init(from: LawVersion, to: LawVersion, recordedMoves: [LawMove]? = nil) {
        self.from = from
        self.to = to
        let moves = recordedMoves ?? SectionMoves.detect(from: from, to: to)
        let movedTo = Dictionary(moves.map { ($0.to, $0.from) }, uniquingKeysWith: { first, _ in first })
        let earlier = Dictionary(from.sections.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let laterNumbers = Set(to.sections.map(\.number))
        var changes: [Change] = []
        for section in to.sections {
            if let origin = movedTo[section.number], let old = earlier[origin] {
                changes.append(Change(kind: .moved, number: section.number, from: origin, oldTitle: old.title,
                                      newTitle: section.title, text: WordDiff(from: old.plainText, to: section.plainText)))
            }
            guard let old = earlier[section.number] else {
                if movedTo[section.number] == nil {
                    changes.append(Change(kind: .added, number: section.number, newTitle: section.title))
                }
                continue
            }
            if to.unchanged.contains(section.number) || old.readsLike(section) { continue }
            if section.status == .repealed, old.status != .repealed {
                changes.append(Change(kind: .repealed, number: section.number, oldTitle: old.title, newTitle: section.title))
                continue
            }
            if old.title != section.title {
                changes.append(Change(kind: .renamed, number: section.number, oldTitle: old.title, newTitle: section.title))
            }
            if old.plainText != section.plainText {
                // When the old text moved to another number, this number holds a new text, not an edit.
                let movedAway = moves.contains { $0.from == section.number }
                changes.append(Change(kind: .changed, number: section.number, oldTitle: old.title, newTitle: section.title,
                                      text: WordDiff(from: movedAway ? "" : old.plainText, to: section.plainText)))
            }
        }
        for section in from.sections where !laterNumbers.contains(section.number) {
            changes.append(Change(kind: .removed, number: section.number, oldTitle: section.title))
        }
        self.changes = changes
    }

    /// Whether the two versions have the same sections.
    public var isEmpty: Bool { changes.isEmpty }

    /// The numbers (in the later version) of sections whose text or title changed, or that are new.
    public var touchedNumbers: Set<String> {
        Set(changes.filter { $0.kind != .removed }.map(\.number))
    }
}
