import KochbuchLinking
import KochbuchModel

/// Every law citation names a law of the catalog, an existing section and paragraph;
/// published recipes do not rest on repealed sections or on drafts.
struct LawCitationCheck: BookCheck {
    static let codes: [DiagnosticCode] = [
        .referenceLaw, .referenceLawSection, .referenceLawParagraph, .citationRepealed, .citationDraftLaw,
    ]

    func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Most citations are of a few sections, and correct: each is checked once.
        var correct: Set<Citing> = []
        for citation in context.graph.citations {
            let published = context.recipesByID[citation.recipe]?.status == .published
            let reference = citation.reference
            let citing = Citing(law: reference.law, section: reference.section, paragraph: reference.paragraph, published: published)
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
        var published: Bool
    }

    private func check(_ reference: LawReference, published: Bool, _ context: CheckContext) -> [Diagnostic] {
        guard let law = context.lawsByID[reference.law] else {
            let byAbbreviation = context.book.laws.first { $0.abbreviation.lowercased() == reference.law.lowercased() }
            return [Diagnostic(
                .error, .referenceLaw, "unknown law '\(reference.law)'", at: reference.location,
                hint: byAbbreviation.map { "did you mean '\($0.id)'?" }
                    ?? Suggestion.hint(for: reference.law, in: context.lawsByID.keys)
                    ?? "known laws: \(context.lawsByID.keys.sorted().joined(separator: ", "))")]
        }
        guard let number = reference.section else {
            if reference.paragraph != nil {
                return [Diagnostic(.error, .referenceLawParagraph, "a paragraph needs a section", at: reference.location,
                                   hint: "add section=\"…\" or remove paragraph=\"…\"")]
            }
            return draftWarning(law, reference, published: published)
        }
        guard let section = law.section(number) else {
            return [Diagnostic(
                .error, .referenceLawSection, "unknown law section '\(law.abbreviation) § \(number)'",
                at: reference.location,
                hint: Suggestion.hint(for: number, in: law.sections.map(\.number), quote: { "'\(law.abbreviation) § \($0)'" })
                    ?? "\(law.abbreviation) has §§ \(law.sections.first?.number ?? "")–\(law.sections.last?.number ?? "")")]
        }
        var diagnostics: [Diagnostic] = []
        if let paragraph = reference.paragraph, !section.paragraphNumbers.contains(paragraph) {
            let known = section.paragraphNumbers
            diagnostics.append(Diagnostic(
                .error, .referenceLawParagraph,
                "unknown paragraph '\(law.abbreviation) § \(number) Abs. \(paragraph)'", at: reference.location,
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

    private func draftWarning(_ law: Law, _ reference: LawReference, published: Bool) -> [Diagnostic] {
        guard published, law.status == .draft else { return [] }
        return [Diagnostic(
            .warning, .citationDraftLaw, "published recipe cites the draft '\(law.id)'", at: reference.location,
            hint: law.supersedes.map { "cite the law in force ('\($0)') until the draft is enacted" })]
    }
}
