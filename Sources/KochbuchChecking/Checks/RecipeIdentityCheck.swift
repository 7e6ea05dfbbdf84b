import KochbuchModel

/// Every recipe's id equals its file name, and no two recipes share an id.
struct RecipeIdentityCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.recipeIDMismatch, .recipeDuplicateID]

    func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for recipe in context.book.recipes {
            let path = recipe.location.path
            let fileName = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.index(after: $0)...]) } ?? path
            let expected = fileName.hasSuffix(".xml") ? String(fileName.dropLast(4)) : fileName
            if recipe.id != expected {
                diagnostics.append(Diagnostic(
                    .error, .recipeIDMismatch,
                    Phrase(de: "die Rezeptkennung '\(recipe.id)' passt nicht zum Dateinamen '\(fileName)'",
                           en: "recipe id '\(recipe.id)' does not match its file name '\(fileName)'"),
                    at: recipe.location,
                    hint: Phrase(de: "benennen Sie die Datei in '\(recipe.id).xml' um oder setzen Sie id=\"\(expected)\"",
                                 en: "rename the file to '\(recipe.id).xml' or set id=\"\(expected)\"")))
            }
            if let first = seen[recipe.id] {
                diagnostics.append(Diagnostic(
                    .error, .recipeDuplicateID,
                    Phrase(de: "die Rezeptkennung '\(recipe.id)' wird auch von \(first.path) verwendet", en: "recipe id '\(recipe.id)' is also used by \(first.path)"),
                    at: recipe.location,
                    hint: Phrase(de: "geben Sie jedem Rezept eine eigene Kennung (und benennen Sie die Datei entsprechend)",
                                 en: "give each recipe its own id")))
            } else {
                seen[recipe.id] = recipe.location
            }
        }
        return diagnostics
    }
}
