import KochbuchModel

/// Every glossary term used in recipes and in the glossary itself has an entry.
struct TermCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.referenceTerm]

    func check(_ context: CheckContext) -> [Diagnostic] {
        let known = context.glossaryIDs ?? []
        var references = context.graph.termUses.map(\.reference)
        for entry in context.book.glossary ?? [] {
            ContentWalker(visitInline: { inline in
                if case .term(let term) = inline { references.append(term) }
            }).walk(entry.definition)
            references += entry.seeAlso.map { TermReference(id: $0.id, content: [], location: $0.location) }
        }
        return references.filter { !known.contains($0.id) }.map { reference in
            Diagnostic(.error, .referenceTerm,
                       Phrase(de: "unbekannter Glossarbegriff '\(reference.id)'", en: "unknown glossary term '\(reference.id)'"),
                       at: reference.location,
                       hint: context.glossaryIDs == nil
                           ? Phrase(de: "das Buch hat kein Glossar (catalogs/glossary.xml)", en: "the book has no glossary (catalogs/glossary.xml)")
                           : Suggestion.phrase(for: reference.id, in: known)
                               ?? Phrase(de: "ergänzen Sie im Glossar einen Eintrag <entry id=\"\(reference.id)\">",
                                         en: "add an <entry id=\"\(reference.id)\"> to the glossary"))
        }
    }
}
