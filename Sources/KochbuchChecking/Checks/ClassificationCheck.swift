import KochbuchModel

/// Themenfelder, Lebenslagen, OZG-Leistungen and LeiKa keys exist in the catalogs;
/// a Lebenslage belongs to one of the recipe's Themenfelder.
struct ClassificationCheck: BookCheck {
    static let codes: [DiagnosticCode] = [
        .referenceThemenfeld, .referenceLebenslage, .referenceOZGLeistung, .referenceLeiKa, .classificationMismatch,
    ]

    func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let noTopics = context.book.topics == nil
            ? Phrase(de: "das Buch hat keinen Themenkatalog; legen Sie ihn mit 'kochbuch import topics' an",
                     en: "the book has no topic catalog; run 'kochbuch import topics'")
            : nil
        let allThemenfelder = context.themenfelder.keys.sorted().joined(separator: ", ")
        for recipe in context.book.recipes {
            let classification = recipe.classification
            for reference in classification.themenfelder where context.themenfelder.index(forKey: reference.id) == nil {
                diagnostics.append(Diagnostic(
                    .error, .referenceThemenfeld,
                    Phrase(de: "unbekanntes Themenfeld '\(reference.id)'", en: "unknown Themenfeld '\(reference.id)'"), at: reference.location,
                    hint: noTopics ?? Suggestion.phrase(for: reference.id, in: context.themenfelder.keys)
                        ?? Phrase(de: "die Themenfelder heißen: \(allThemenfelder)", en: "the Themenfelder are: \(allThemenfelder)")))
            }
            let fields = classification.lebenslagen.isEmpty ? [] : Set(classification.themenfelder.map(\.id))
            for reference in classification.lebenslagen {
                guard let lebenslage = context.lebenslagen[reference.id] else {
                    let ofFields = classification.themenfelder.compactMap { context.themenfelder[$0.id] }
                        .flatMap(\.lebenslagen).map(\.id).sorted()
                    diagnostics.append(Diagnostic(
                        .error, .referenceLebenslage,
                        Phrase(de: "unbekannte Lebenslage '\(reference.id)'", en: "unknown Lebenslage '\(reference.id)'"), at: reference.location,
                        hint: noTopics ?? Suggestion.phrase(for: reference.id, in: context.lebenslagen.keys)
                            ?? (ofFields.isEmpty
                                ? Phrase(de: "schlagen Sie die Kennung in catalogs/topics.xml unter ihrem Themenfeld nach",
                                         en: "look the id up in catalogs/topics.xml, under its Themenfeld")
                                : Phrase(de: "die Lebenslagen der Themenfelder des Rezepts heißen: \(ofFields.joined(separator: ", "))",
                                         en: "the Lebenslagen of the recipe's Themenfelder are: \(ofFields.joined(separator: ", "))"))))
                    continue
                }
                if !fields.contains(lebenslage.themenfeld) {
                    diagnostics.append(Diagnostic(
                        .warning, .classificationMismatch,
                        Phrase(de: "die Lebenslage '\(lebenslage.id)' gehört zum Themenfeld '\(lebenslage.themenfeld)', das im Rezept nicht eingetragen ist",
                               en: "Lebenslage '\(lebenslage.id)' belongs to Themenfeld '\(lebenslage.themenfeld)', which the recipe does not list"),
                        at: reference.location,
                        hint: Phrase(de: "ergänzen Sie <themenfeld ref=\"\(lebenslage.themenfeld)\"/> in <classification>",
                                     en: "add <themenfeld ref=\"\(lebenslage.themenfeld)\"/>")))
                }
            }
            if let known = context.ozgLeistungen {
                for reference in classification.ozgLeistungen where !known.contains(reference.id) {
                    diagnostics.append(Diagnostic(
                        .error, .referenceOZGLeistung,
                        Phrase(de: "unbekannte OZG-Leistung '\(reference.id)'", en: "unknown OZG-Leistung '\(reference.id)'"), at: reference.location,
                        hint: Suggestion.phrase(for: reference.id, in: known)
                            ?? Phrase(de: "schlagen Sie die fünfstellige OZG-ID in catalogs/ozg-leistungen.xml nach",
                                      en: "look the id up in catalogs/ozg-leistungen.xml")))
                }
            } else if let first = classification.ozgLeistungen.first {
                diagnostics.append(Diagnostic(
                    .error, .referenceOZGLeistung,
                    Phrase(de: "das Buch hat keinen Katalog der OZG-Leistungen, an dem sich '\(first.id)' prüfen ließe",
                           en: "the book has no OZG-Leistungen catalog to check '\(first.id)' against"),
                    at: first.location,
                    hint: Phrase(de: "legen Sie catalogs/ozg-leistungen.xml mit 'kochbuch import topics' an",
                                 en: "run 'kochbuch import topics' to create catalogs/ozg-leistungen.xml")))
            }
            if let known = context.leikaKeys {
                for reference in classification.leikaKeys where !known.contains(reference.id) {
                    diagnostics.append(Diagnostic(
                        .error, .referenceLeiKa,
                        Phrase(de: "unbekannter LeiKa-Schlüssel '\(reference.id)'", en: "unknown LeiKa key '\(reference.id)'"), at: reference.location,
                        hint: Suggestion.phrase(for: reference.id, in: known)
                            ?? Phrase(de: "schlagen Sie den 14-stelligen Schlüssel in catalogs/leika.xml nach",
                                      en: "look the key up in catalogs/leika.xml")))
                }
            }
        }
        return diagnostics
    }
}
