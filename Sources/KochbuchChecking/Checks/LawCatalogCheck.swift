import KochbuchModel

/// Law ids are unique across the catalog, a draft names a law that exists, versions follow each
/// other in time, and recorded moves name sections that exist and do not run in a circle.
struct LawCatalogCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.catalogDuplicate, .referenceLaw, .lawVersionOrder, .lawVersionFuture,
                                          .lawMoveCycle, .lawMoveUnknown]

    func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for law in context.book.laws {
            if !seen.insert(law.id).inserted {
                diagnostics.append(Diagnostic(.error, .catalogDuplicate, "law id '\(law.id)' is used twice", at: law.location,
                                              hint: "give each version of a law its own id, e.g. '\(law.id)-entwurf-2023'"))
            }
            if let base = law.supersedes, context.lawsByID[base] == nil {
                diagnostics.append(Diagnostic(.error, .referenceLaw, "'\(law.id)' amends unknown law '\(base)'", at: law.location,
                                              hint: Suggestion.hint(for: base, in: context.lawsByID.keys)))
            }
            diagnostics += versionProblems(law, today: context.today)
        }
        return diagnostics
    }

    private func versionProblems(_ law: Law, today: CalendarDate) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, version) in law.versions.enumerated() {
            if index > 0, version.date <= law.versions[index - 1].date {
                diagnostics.append(Diagnostic(
                    .error, .lawVersionOrder,
                    "the version of \(version.date) follows the version of \(law.versions[index - 1].date)",
                    at: version.location, hint: "versions stand in the order they took effect, each on a later day"))
            }
            if version.date > today {
                diagnostics.append(Diagnostic(
                    .warning, .lawVersionFuture, "the version of \(version.date) is not yet in force",
                    at: version.location, hint: "the book uses the version in force on \(today) until then"))
            }
            guard !version.moves.isEmpty else { continue }
            let previous = index > 0 ? law.versions[index - 1] : nil
            for move in version.moves where previous?.section(move.from) == nil || version.section(move.to) == nil {
                diagnostics.append(Diagnostic(
                    .error, .lawMoveUnknown, "the move § \(move.from) → § \(move.to) names a section that does not exist",
                    at: version.location,
                    hint: "§ \(move.from) must be in the previous version and § \(move.to) in this one; re-import the text"))
            }
            if let cycle = SectionMoves.cycle(in: version.moves) {
                diagnostics.append(Diagnostic(
                    .error, .lawMoveCycle, "sections move in a circle: \(cycle.map { "§ \($0)" }.joined(separator: " → "))",
                    at: version.location, hint: "a text moves to one new number; remove the <moved> that closes the circle"))
            }
        }
        return diagnostics
    }
}
