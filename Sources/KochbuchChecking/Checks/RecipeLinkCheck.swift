import KochbuchLinking
import KochbuchModel

/// Every relation and cross-reference reaches an existing recipe and step; published recipes
/// do not send readers to drafts.
struct RecipeLinkCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.referenceRecipe, .referenceStep, .recipeSelfLink, .linkDraft]

    func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for link in context.graph.links {
            guard let target = context.recipesByID[link.target] else {
                diagnostics.append(Diagnostic(
                    .error, .referenceRecipe, Phrase(de: "unbekanntes Rezept '\(link.target)'", en: "unknown recipe '\(link.target)'"),
                    at: link.location,
                    hint: Suggestion.phrase(for: link.target, in: context.recipesByID.keys)
                        ?? Phrase(de: "die Kennungen aller Rezepte zeigt 'kochbuch list'", en: "'kochbuch list' shows the ids of all recipes")))
                continue
            }
            if case .crossReference(let step?) = link.kind, !target.steps.contains(where: { $0.id == step }) {
                let steps = target.steps.map(\.id).joined(separator: ", ")
                diagnostics.append(Diagnostic(
                    .error, .referenceStep,
                    Phrase(de: "das Rezept '\(target.id)' hat keinen Schritt '\(step)'", en: "recipe '\(target.id)' has no step '\(step)'"),
                    at: link.location,
                    hint: Suggestion.phrase(for: step, in: target.steps.map(\.id))
                        ?? (steps.isEmpty ? Phrase(de: "es hat keine Schritte; verweisen Sie auf das Rezept ohne step=\"…\"",
                                                   en: "it has no steps; link to the recipe without step=\"…\"")
                                          : Phrase(de: "seine Schritte heißen: \(steps)", en: "its steps are: \(steps)"))))
            }
            if case .relation = link.kind, link.source == link.target {
                diagnostics.append(Diagnostic(.warning, .recipeSelfLink,
                                              Phrase(de: "das Rezept '\(link.source)' verweist in <related> auf sich selbst",
                                                     en: "recipe '\(link.source)' relates to itself"),
                                              at: link.location, hint: Phrase(de: "löschen Sie diese Beziehung", en: "remove the relation")))
            }
            if let source = context.recipesByID[link.source], source.status == .published,
               target.status == .draft, link.source != link.target {
                diagnostics.append(Diagnostic(
                    .warning, .linkDraft,
                    Phrase(de: "das veröffentlichte Rezept verweist auf den Entwurf '\(target.id)'", en: "published recipe links to draft '\(target.id)'"),
                    at: link.location,
                    hint: Phrase(de: "veröffentlichen Sie zuerst '\(target.id)' oder entfernen Sie den Verweis, bis es fertig ist",
                                 en: "publish '\(target.id)' first, or remove the link until it is ready")))
            }
        }
        return diagnostics
    }
}
