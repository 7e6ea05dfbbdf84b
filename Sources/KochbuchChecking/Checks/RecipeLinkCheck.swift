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
                    .error, .referenceRecipe, "unknown recipe '\(link.target)'", at: link.location,
                    hint: Suggestion.hint(for: link.target, in: context.recipesByID.keys)))
                continue
            }
            if case .crossReference(let step?) = link.kind, !target.steps.contains(where: { $0.id == step }) {
                diagnostics.append(Diagnostic(
                    .error, .referenceStep, "recipe '\(target.id)' has no step '\(step)'", at: link.location,
                    hint: Suggestion.hint(for: step, in: target.steps.map(\.id))
                        ?? "its steps are: \(target.steps.map(\.id).joined(separator: ", "))"))
            }
            if case .relation = link.kind, link.source == link.target {
                diagnostics.append(Diagnostic(.warning, .recipeSelfLink, "recipe '\(link.source)' relates to itself",
                                              at: link.location, hint: "remove the relation"))
            }
            if let source = context.recipesByID[link.source], source.status == .published,
               target.status == .draft, link.source != link.target {
                diagnostics.append(Diagnostic(
                    .warning, .linkDraft, "published recipe links to draft '\(target.id)'", at: link.location,
                    hint: "publish '\(target.id)' first, or remove the link until it is ready"))
            }
        }
        return diagnostics
    }
}
