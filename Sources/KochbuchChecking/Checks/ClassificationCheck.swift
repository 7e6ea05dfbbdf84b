import KochbuchModel

/// Themenfelder, Lebenslagen, OZG-Leistungen and LeiKa keys exist in the catalogs;
/// a Lebenslage belongs to one of the recipe's Themenfelder.
struct ClassificationCheck: BookCheck {
    static let codes: [DiagnosticCode] = [
        .referenceThemenfeld, .referenceLebenslage, .referenceOZGLeistung, .referenceLeiKa, .classificationMismatch,
    ]

    func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let noTopics = context.book.topics == nil ? "the book has no topic catalog; run 'kochbuch import topics'" : nil
        for recipe in context.book.recipes {
            let classification = recipe.classification
            for reference in classification.themenfelder where context.themenfelder.index(forKey: reference.id) == nil {
                diagnostics.append(Diagnostic(
                    .error, .referenceThemenfeld, "unknown Themenfeld '\(reference.id)'", at: reference.location,
                    hint: noTopics ?? Suggestion.hint(for: reference.id, in: context.themenfelder.keys)))
            }
            let fields = classification.lebenslagen.isEmpty ? [] : Set(classification.themenfelder.map(\.id))
            for reference in classification.lebenslagen {
                guard let lebenslage = context.lebenslagen[reference.id] else {
                    diagnostics.append(Diagnostic(
                        .error, .referenceLebenslage, "unknown Lebenslage '\(reference.id)'", at: reference.location,
                        hint: noTopics ?? Suggestion.hint(for: reference.id, in: context.lebenslagen.keys)))
                    continue
                }
                if !fields.contains(lebenslage.themenfeld) {
                    diagnostics.append(Diagnostic(
                        .warning, .classificationMismatch,
                        "Lebenslage '\(lebenslage.id)' belongs to Themenfeld '\(lebenslage.themenfeld)', which the recipe does not list",
                        at: reference.location, hint: "add <themenfeld ref=\"\(lebenslage.themenfeld)\"/>"))
                }
            }
            if let known = context.ozgLeistungen {
                for reference in classification.ozgLeistungen where !known.contains(reference.id) {
                    diagnostics.append(Diagnostic(
                        .error, .referenceOZGLeistung, "unknown OZG-Leistung '\(reference.id)'", at: reference.location,
                        hint: Suggestion.hint(for: reference.id, in: known) ?? "look the id up in catalogs/ozg-leistungen.xml"))
                }
            } else if let first = classification.ozgLeistungen.first {
                diagnostics.append(Diagnostic(
                    .error, .referenceOZGLeistung, "the book has no OZG-Leistungen catalog to check '\(first.id)' against",
                    at: first.location, hint: "run 'kochbuch import topics' to create catalogs/ozg-leistungen.xml"))
            }
            if let known = context.leikaKeys {
                for reference in classification.leikaKeys where !known.contains(reference.id) {
                    diagnostics.append(Diagnostic(
                        .error, .referenceLeiKa, "unknown LeiKa key '\(reference.id)'", at: reference.location,
                        hint: Suggestion.hint(for: reference.id, in: known) ?? "look the key up in catalogs/leika.xml"))
                }
            }
        }
        return diagnostics
    }
}
