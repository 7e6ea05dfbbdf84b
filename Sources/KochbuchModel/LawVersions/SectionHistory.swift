/// What happened to one section number over a law's versions.
public struct SectionEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The number appears for the first time.
        case added
        /// Its text changed.
        case changed
        /// Its title changed.
        case renamed
        /// Its text moved to another number (`other`).
        case movedAway = "moved-away"
        /// It received the text of another number (`other`).
        case movedHere = "moved-here"
        /// It was repealed (weggefallen).
        case repealed
        /// It is no longer in the law.
        case removed
    }

    public var kind: Kind
    public var date: CalendarDate
    public var other: String?

    /// What happened, in German, as every edition writes it.
    public var germanDescription: String {
        switch kind {
        case .added: "erstmals im Katalog"
        case .changed: "Text geändert"
        case .renamed: "Überschrift geändert"
        case .movedAway: "Text verschoben nach § \(other ?? "?")"
        case .movedHere: "Text von § \(other ?? "?") hierher verschoben"
        case .repealed: "weggefallen"
        case .removed: "nicht mehr im Gesetz"
        }
    }
}

extension Law {
    /// The version before `index`'s that `LawDiff` compares it with.
    public func diff(toVersion index: Int) -> LawDiff? {
        guard index > 0, index < versions.count else { return nil }
        return LawDiff(from: versions[index - 1], to: versions[index], recordedMoves: versions[index].moves)
    }

    /// The history of section `number`, oldest first.
    public func history(of number: String) -> [SectionEvent] {
        guard let first = versions.firstIndex(where: { $0.section(number) != nil }) else { return [] }
        var events = [SectionEvent(kind: .added, date: versions[first].date)]
        for index in versions.indices.dropFirst() {
            let date = versions[index].date
            for move in versions[index].moves {
                if move.from == number { events.append(SectionEvent(kind: .movedAway, date: date, other: move.to)) }
                if move.to == number { events.append(SectionEvent(kind: .movedHere, date: date, other: move.from)) }
            }
            guard let old = versions[index - 1].section(number) else {
                if index > first, versions[index].section(number) != nil {
                    events.append(SectionEvent(kind: .added, date: date))
                }
                continue
            }
            guard let new = versions[index].section(number) else {
                events.append(SectionEvent(kind: .removed, date: date))
                continue
            }
            if versions[index].unchanged.contains(number) || old.readsLike(new) { continue }
            if new.status == .repealed, old.status != .repealed {
                events.append(SectionEvent(kind: .repealed, date: date))
                continue
            }
            if old.title != new.title { events.append(SectionEvent(kind: .renamed, date: date)) }
            if old.plainText != new.plainText { events.append(SectionEvent(kind: .changed, date: date)) }
        }
        return events
    }

    /// The last day section `number`'s title or text changed (or it came or moved), up to `date`;
    /// nil when it never did after its first version.
    public func lastChange(of number: String, onOrBefore date: CalendarDate) -> CalendarDate? {
        history(of: number).dropFirst().filter { $0.date <= date && $0.kind != .movedAway }.last?.date
    }

    /// Where the text of section `number` went after `date`, if it moved: the first move after `date`.
    public func move(of number: String, after date: CalendarDate, until end: CalendarDate) -> (to: String, on: CalendarDate)? {
        for version in versions where version.date > date && version.date <= end {
            if let move = version.moves.first(where: { $0.from == number }) { return (move.to, version.date) }
        }
        return nil
    }
}
