import KochbuchModel

/// Every recipe is reachable: at least one other recipe links to it.
struct OrphanCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.recipeOrphan]

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard context.book.recipes.count > 1 else { return [] }
        return context.book.recipes.filter { !context.graph.hasBacklinks(to: $0.id) }.map { recipe in
            Diagnostic(.warning, .recipeOrphan,
                       Phrase(de: "kein anderes Rezept verweist auf '\(recipe.id)'", en: "no other recipe links to '\(recipe.id)'"),
                       at: recipe.location,
                       hint: Phrase(de: "setzen Sie in einem verwandten Rezept ein <relation recipe=\"\(recipe.id)\" …/> oder ein <xref recipe=\"\(recipe.id)\"/>",
                                    en: "add a <relation recipe=\"\(recipe.id)\" …/> or an <xref recipe=\"\(recipe.id)\"/> to a related recipe"))
        }
    }
}
