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
            let known = context.lawsByID.keys.sorted().joined(separator: ", ")
            return [Diagnostic(
                .error, .referenceLaw, Phrase(de: "unbekanntes Gesetz '\(reference.law)'", en: "unknown law '\(reference.law)'"),
                at: reference.location,
                hint: byAbbreviation.map { Phrase(de: "meinten Sie '\($0.id)'?", en: "did you mean '\($0.id)'?") }
                    ?? Suggestion.phrase(for: reference.law, in: context.lawsByID.keys)
                    ?? Phrase(de: "bekannte Gesetze: \(known) (Kennungen immer klein geschrieben)", en: "known laws: \(known)"))]
        }
        guard law.hasText else { return [] }
        var inVersion = Phrase(de: "", en: "")
        if let asOf = reference.asOf {
            guard asOf <= context.today else {
                return [Diagnostic(.error, .citationPinnedVersion,
                                   Phrase(de: "das Zitat verlangt mit as-of=\"\(asOf)\" eine Fassung nach dem Rechtsstand des Buchs (\(GermanLabels.date(context.today)))",
                                          en: "the citation pins the version of \(asOf), after the book's Rechtsstand (\(context.today))"),
                                   at: reference.location,
                                   hint: Phrase(de: "entfernen Sie as-of=\"…\", um die geltende Fassung zu zitieren, oder geben Sie ein vergangenes Datum an",
                                                en: "remove as-of=\"…\" to cite the law in force, or give a past date"))]
            }
            guard law.versionIndex(inForceOn: asOf) != nil else {
                let first = law.versions.first?.date
                return [Diagnostic(.error, .citationPinnedVersion,
                                   Phrase(de: "für \(law.abbreviation) gibt es keine Fassung, die am \(GermanLabels.date(asOf)) galt",
                                          en: "\(law.abbreviation) has no version in force on \(asOf)"),
                                   at: reference.location,
                                   hint: Phrase(de: "die Fassungen im Katalog beginnen am \(first.map(GermanLabels.date) ?? "?"); importieren Sie den älteren Text mit 'kochbuch import law DATEI --as-of DATUM' oder geben Sie ein späteres Datum an",
                                                en: "the catalog's versions begin on \(first?.description ?? "?"); import the older text with 'kochbuch import law FILE --as-of DATE' or pin a later date"))]
            }
            law = law.selectingVersion(inForceOn: asOf)
            inVersion = Phrase(de: " in der Fassung, die am \(GermanLabels.date(asOf)) galt", en: " in the version in force on \(asOf)")
        }
        guard let number = reference.section else {
            if reference.paragraph != nil {
                return [Diagnostic(.error, .referenceLawParagraph,
                                   Phrase(de: "ein Absatz (paragraph) braucht einen Paragrafen (section)", en: "a paragraph needs a section"),
                                   at: reference.location,
                                   hint: Phrase(de: "ergänzen Sie section=\"…\" oder entfernen Sie paragraph=\"…\"",
                                                en: "add section=\"…\" or remove paragraph=\"…\""))]
            }
            return draftWarning(law, reference, published: published)
        }
        guard let section = law.section(number) else {
            if reference.asOf == nil, let removed = removal(of: number, in: law) { return [removed(reference.location)] }
            let range = "§§ \(law.sections.first?.number ?? "")–\(law.sections.last?.number ?? "")"
            return [Diagnostic(
                .error, .referenceLawSection,
                Phrase(de: "unbekannter Paragraf '\(law.abbreviation) § \(number)'", en: "unknown law section '\(law.abbreviation) § \(number)'") + inVersion,
                at: reference.location,
                hint: Suggestion.phrase(for: number, in: law.sections.map(\.number), quote: { "'\(law.abbreviation) § \($0)'" })
                    ?? Phrase(de: "\(law.abbreviation) hat die \(range); alle Paragrafen zeigt 'kochbuch law \(law.id)'",
                              en: "\(law.abbreviation) has \(range)"))]
        }
        var diagnostics: [Diagnostic] = []
        if let paragraph = reference.paragraph, !section.paragraphNumbers.contains(paragraph) {
            let known = section.paragraphNumbers
            if reference.asOf == nil, let earlier = law.versions.last(where: { $0.date < (law.current?.date ?? context.today) && $0.section(number)?.paragraphNumbers.contains(paragraph) == true }) {
                let until = law.versions.first { $0.date > earlier.date }?.date
                return [Diagnostic(
                    .error, .citationRemoved,
                    Phrase(de: "'\(law.abbreviation) § \(number) Abs. \(paragraph)' steht nicht mehr im geltenden Gesetz\(until.map { " (gestrichen am \(GermanLabels.date($0)))" } ?? "")",
                           en: "'\(law.abbreviation) § \(number) Abs. \(paragraph)' is no longer in the law in force\(until.map { " (removed on \($0))" } ?? "")"),
                    at: reference.location,
                    hint: Phrase(de: "lesen Sie § \(number) \(law.abbreviation) in der geltenden Fassung ('kochbuch law \(law.id) \(number)'): \(known.isEmpty ? "er hat keine nummerierten Absätze" : "er hat Abs. \(known.joined(separator: ", "))"); wollen Sie etwas über den alten Text sagen, zitieren Sie ihn mit as-of=\"\(earlier.date)\"",
                                 en: "read § \(number) \(law.abbreviation) as it stands now ('kochbuch law \(law.id) \(number)'): it has Abs. \(known.isEmpty ? "–" : known.joined(separator: ", ")); for a statement about the old text, pin it with as-of=\"\(earlier.date)\""))]
            }
            diagnostics.append(Diagnostic(
                .error, .referenceLawParagraph,
                Phrase(de: "unbekannter Absatz '\(law.abbreviation) § \(number) Abs. \(paragraph)'",
                       en: "unknown paragraph '\(law.abbreviation) § \(number) Abs. \(paragraph)'") + inVersion,
                at: reference.location,
                hint: known.isEmpty
                    ? Phrase(de: "§ \(number) \(law.abbreviation) hat keine nummerierten Absätze; entfernen Sie paragraph=\"…\"",
                             en: "§ \(number) \(law.abbreviation) has no numbered paragraphs; remove paragraph=\"…\"")
                    : Phrase(de: "§ \(number) \(law.abbreviation) hat Abs. \(known.joined(separator: ", ")); den Text zeigt 'kochbuch law \(law.id) \(number)'",
                             en: "§ \(number) \(law.abbreviation) has Abs. \(known.joined(separator: ", "))")))
        }
        if published, section.status != .inForce {
            let state = section.status == .repealed
                ? Phrase(de: "weggefallen ist", en: "repealed") : Phrase(de: "nicht in Kraft ist", en: "not in force")
            diagnostics.append(Diagnostic(
                .warning, .citationRepealed,
                Phrase(de: "das veröffentlichte Rezept zitiert '\(law.abbreviation) § \(number)', der \(state.german)",
                       en: "published recipe cites '\(law.abbreviation) § \(number)', which is \(state.english)"),
                at: reference.location,
                hint: Phrase(de: "zitieren Sie die Vorschrift, die heute gilt, oder sagen Sie im Text, warum die alte noch von Belang ist",
                             en: "cite the provision that applies now, or say in the text why the old one matters")))
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
                       Phrase(de: "'\(law.abbreviation) § \(number)' steht nicht mehr im geltenden Gesetz (gestrichen am \(GermanLabels.date(removedOn)))",
                              en: "'\(law.abbreviation) § \(number)' is no longer in the law in force (removed on \(removedOn))"),
                       at: location,
                       hint: moved.map {
                           Phrase(de: "meinten Sie § \($0.to) \(law.abbreviation)? Der Text von § \(number) steht seit dem \(GermanLabels.date(removedOn)) dort",
                                  en: "did you mean § \($0.to) \(law.abbreviation)? the text of § \(number) moved there on \(removedOn)")
                       } ?? Phrase(de: "zitieren Sie die Vorschrift, die heute gilt, oder zitieren Sie den alten Text mit as-of=\"\(law.versions[last].date)\"",
                                   en: "cite the provision that applies now, or pin the old text with as-of=\"\(law.versions[last].date)\""))
        }
    }

    private func draftWarning(_ law: Law, _ reference: LawReference, published: Bool) -> [Diagnostic] {
        guard published, law.status == .draft else { return [] }
        return [Diagnostic(
            .warning, .citationDraftLaw,
            Phrase(de: "das veröffentlichte Rezept zitiert den Entwurf '\(law.id)'", en: "published recipe cites the draft '\(law.id)'"),
            at: reference.location,
            hint: law.supersedes.map {
                Phrase(de: "zitieren Sie das geltende Gesetz ('\($0)'), bis der Entwurf beschlossen ist",
                       en: "cite the law in force ('\($0)') until the draft is enacted")
            } ?? Phrase(de: "ein Entwurf gilt nicht: zitieren Sie ein geltendes Gesetz und erwähnen Sie den Entwurf nur im Text",
                        en: "a draft does not apply: cite a law in force, and mention the draft in the text only"))]
    }
}
