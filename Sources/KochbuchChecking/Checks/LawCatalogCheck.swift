import KochbuchModel

/// Law ids are unique across the catalog, and a draft names a law that exists.
struct LawCatalogCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.catalogDuplicate, .referenceLaw]

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
        }
        return diagnostics
    }
}
