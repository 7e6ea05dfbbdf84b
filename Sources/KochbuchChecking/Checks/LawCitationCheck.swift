import KochbuchLinking
import KochbuchModel

/// Every law citation names a law of the catalog, a section and paragraph of the version in force
/// (or of the version it pins with `as-of`); published recipes do not rest on repealed sections or
/// on drafts. A section or paragraph that an earlier version had is reported as removed, with when.
struct LawCitationCheck: BookCheck {
    static let codes: [DiagnosticCode] = [
        .referenceLaw, .referenceLawSection, .referenceLawParagraph, .citationRepealed, .citationDraftLaw,
        .citationRemoved, .citationPinnedVersion,
    ]

    func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Most citations are of a few sections, and correct: each is checked once.
        var correct: Set<Citing> = []
        for citation in context.graph.citations {
            let published = context.recipesByID[citation.recipe]?.status == .published
            let reference = citation.reference
            let citing = Citing(law: reference.law, section: reference.section, paragraph: reference.paragraph,
                                asOf: reference.asOf, published: published)
            if correct.contains(citing) { continue }
            let found = check(reference, published: published, context)
            if found.isEmpty { correct.insert(citing) } else { diagnostics += found }
        }
        for entry in context.book.glossary ?? [] {
            ContentWalker(visitInline: { inline in
                if case .citation(let reference, _) = inline {
                    diagnostics += check(reference, published: false, context)
                }
            }).walk(entry.definition)
        }
        return diagnostics
    }

    /// What a citation's diagnostics depend on, apart from where it stands.
    private struct Citing: Hashable {
        var law: String
        var section: String?
        var paragraph: String?
        var asOf: CalendarDate?
        var published: Bool
    }

    private func check(_ reference: LawReference, published: Bool, _ context: CheckContext) -> [Diagnostic] {
        guard var law = context.lawsByID[reference.law] else {
            let byAbbreviation = context.book.laws.first { $0.abbreviation.lowercased() == reference.law.lowercased() }
            return [Diagnostic(
                .error, .referenceLaw, "unknown law '\(reference.law)'", at: reference.location,
                hint: byAbbreviation.map { "did you mean '\($0.id)'?" }
                    ?? Suggestion.hint(for: reference.law, in: context.lawsByID.keys)
                    ?? "known laws: \(context.lawsByID.keys.sorted().joined(separator: ", "))")]
        }
        guard law.hasText else { return [] }
        var inVersion = ""
        if let asOf = reference.asOf {
            guard asOf <= context.today else {
                return [Diagnostic(.error, .citationPinnedVersion,
                                   "the citation pins the version of \(asOf), after the book's Rechtsstand (\(context.today))",
                                   at: reference.location, hint: "remove as-of=\"…\" to cite the law in force, or give a past date")]
            }
            guard law.versionIndex(inForceOn: asOf) != nil else {
                return [Diagnostic(.error, .citationPinnedVersion, "\(law.abbreviation) has no version in force on \(asOf)",
                                   at: reference.location,
                                   hint: "the catalog's versions begin on \(law.versions.first?.date.description ?? "?"); import the older text with 'kochbuch import law FILE --as-of DATE' or pin a later date")]
            }
            law = law.selectingVersion(inForceOn: asOf)
            inVersion = " in the version in force on \(asOf)"
        }
        guard let number = reference.section else {
            if reference.paragraph != nil {
                return [Diagnostic(.error, .referenceLawParagraph, "a paragraph needs a section", at: reference.location,
                                   hint: "add section=\"…\" or remove paragraph=\"…\"")]
            }
            return draftWarning(law, reference, published: published)
        }
        guard let section = law.section(number) else {
            if reference.asOf == nil, let removed = removal(of: number, in: law) { return [removed(reference.location)] }
            return [Diagnostic(
                .error, .referenceLawSection, "unknown law section '\(law.abbreviation) § \(number)'\(inVersion)",
                at: reference.location,
                hint: Suggestion.hint(for: number, in: law.sections.map(\.number), quote: { "'\(law.abbreviation) § \($0)'" })
                    ?? "\(law.abbreviation) has §§ \(law.sections.first?.number ?? "")–\(law.sections.last?.number ?? "")")]
        }
        var diagnostics: [Diagnostic] = []
        if let paragraph = reference.paragraph, !section.paragraphNumbers.contains(paragraph) {
            let known = section.paragraphNumbers
            if reference.asOf == nil, let earlier = law.versions.last(where: { $0.date < (law.current?.date ?? context.today) && $0.section(number)?.paragraphNumbers.contains(paragraph) == true }) {
                let until = law.versions.first { $0.date > earlier.date }?.date
                return [Diagnostic(
                    .error, .citationRemoved,
                    "'\(law.abbreviation) § \(number) Abs. \(paragraph)' is no longer in the law in force\(until.map { " (removed on \($0))" } ?? "")",
                    at: reference.location,
                    hint: "read § \(number) \(law.abbreviation) as it stands now ('kochbuch law \(law.id) \(number)'): it has Abs. \(known.isEmpty ? "–" : known.joined(separator: ", ")); for a statement about the old text, pin it with as-of=\"\(earlier.date)\"")]
            }
            diagnostics.append(Diagnostic(
                .error, .referenceLawParagraph,
                "unknown paragraph '\(law.abbreviation) § \(number) Abs. \(paragraph)'\(inVersion)", at: reference.location,
                hint: known.isEmpty ? "§ \(number) \(law.abbreviation) has no numbered paragraphs; remove paragraph=\"…\""
                    : "§ \(number) \(law.abbreviation) has Abs. \(known.joined(separator: ", "))"))
        }
        if published, section.status != .inForce {
            let state = section.status == .repealed ? "repealed" : "not in force"
            diagnostics.append(Diagnostic(
                .warning, .citationRepealed, "published recipe cites '\(law.abbreviation) § \(number)', which is \(state)",
                at: reference.location, hint: "cite the provision that applies now, or say in the text why the old one matters"))
        }
        return diagnostics + draftWarning(law, reference, published: published)
    }

    /// A diagnostic for a section an earlier version had and the selected one does not.
    private func removal(of number: String, in law: Law) -> ((SourceLocation) -> Diagnostic)? {
        guard let selected = law.selectedVersion,
              let last = law.versions[..<selected].lastIndex(where: { $0.section(number) != nil }) else { return nil }
        let removedOn = law.versions[last + 1].date
        let moved = law.versions[(last + 1)...selected].compactMap { version in version.moves.first { $0.from == number } }.first
        return { location in
            Diagnostic(.error, .citationRemoved,
                       "'\(law.abbreviation) § \(number)' is no longer in the law in force (removed on \(removedOn))",
                       at: location,
                       hint: moved.map { "did you mean § \($0.to) \(law.abbreviation)? the text of § \(number) moved there on \(removedOn)" }
                           ?? "cite the provision that applies now, or pin the old text with as-of=\"\(law.versions[last].date)\"")
        }
    }

    private func draftWarning(_ law: Law, _ reference: LawReference, published: Bool) -> [Diagnostic] {
        guard published, law.status == .draft else { return [] }
        return [Diagnostic(
            .warning, .citationDraftLaw, "published recipe cites the draft '\(law.id)'", at: reference.location,
            hint: law.supersedes.map { "cite the law in force ('\($0)') until the draft is enacted" })]
    }
}
