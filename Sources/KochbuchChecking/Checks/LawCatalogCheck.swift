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
                diagnostics.append(Diagnostic(.error, .catalogDuplicate,
                                              Phrase(de: "die Gesetzeskennung '\(law.id)' ist doppelt vergeben", en: "law id '\(law.id)' is used twice"),
                                              at: law.location,
                                              hint: Phrase(de: "geben Sie jeder Fassung eines Gesetzes eine eigene Kennung, z. B. '\(law.id)-entwurf-2023'",
                                                           en: "give each version of a law its own id, e.g. '\(law.id)-entwurf-2023'")))
            }
            if let base = law.supersedes, context.lawsByID[base] == nil {
                let known = context.lawsByID.keys.sorted().joined(separator: ", ")
                diagnostics.append(Diagnostic(.error, .referenceLaw,
                                              Phrase(de: "'\(law.id)' ändert das unbekannte Gesetz '\(base)'", en: "'\(law.id)' amends unknown law '\(base)'"),
                                              at: law.location,
                                              hint: Suggestion.phrase(for: base, in: context.lawsByID.keys)
                                                  ?? Phrase(de: "bekannte Gesetze: \(known)", en: "known laws: \(known)")))
            }
            diagnostics += versionProblems(law, today: context.today)
        }
        return diagnostics
    }

    private func versionProblems(_ law: Law, today: CalendarDate) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, version) in law.versions.enumerated() {
            if index > 0, version.date <= law.versions[index - 1].date {
                let earlier = law.versions[index - 1].date
                diagnostics.append(Diagnostic(
                    .error, .lawVersionOrder,
                    Phrase(de: "die Fassung vom \(GermanLabels.date(version.date)) steht hinter der Fassung vom \(GermanLabels.date(earlier))",
                           en: "the version of \(version.date) follows the version of \(earlier)"),
                    at: version.location,
                    hint: Phrase(de: "die Fassungen stehen in der Reihenfolge, in der sie in Kraft getreten sind, jede mit einem späteren Datum",
                                 en: "versions stand in the order they took effect, each on a later day")))
            }
            if version.date > today {
                diagnostics.append(Diagnostic(
                    .warning, .lawVersionFuture,
                    Phrase(de: "die Fassung vom \(GermanLabels.date(version.date)) ist noch nicht in Kraft",
                           en: "the version of \(version.date) is not yet in force"),
                    at: version.location,
                    hint: Phrase(de: "bis dahin verwendet das Buch die Fassung, die am \(GermanLabels.date(today)) gilt",
                                 en: "the book uses the version in force on \(today) until then")))
            }
            guard !version.moves.isEmpty else { continue }
            let previous = index > 0 ? law.versions[index - 1] : nil
            for move in version.moves where previous?.section(move.from) == nil || version.section(move.to) == nil {
                diagnostics.append(Diagnostic(
                    .error, .lawMoveUnknown,
                    Phrase(de: "die Verschiebung § \(move.from) → § \(move.to) nennt einen Paragrafen, den es nicht gibt",
                           en: "the move § \(move.from) → § \(move.to) names a section that does not exist"),
                    at: version.location,
                    hint: Phrase(de: "§ \(move.from) muss in der vorigen Fassung stehen und § \(move.to) in dieser; importieren Sie den Text neu",
                                 en: "§ \(move.from) must be in the previous version and § \(move.to) in this one; re-import the text")))
            }
            if let cycle = SectionMoves.cycle(in: version.moves) {
                let circle = cycle.map { "§ \($0)" }.joined(separator: " → ")
                diagnostics.append(Diagnostic(
                    .error, .lawMoveCycle,
                    Phrase(de: "Paragrafen werden im Kreis verschoben: \(circle)", en: "sections move in a circle: \(circle)"),
                    at: version.location,
                    hint: Phrase(de: "ein Text wandert zu genau einer neuen Nummer; entfernen Sie das <moved>, das den Kreis schließt",
                                 en: "a text moves to one new number; remove the <moved> that closes the circle")))
            }
        }
        return diagnostics
    }
}
