import KochbuchModel

/// The book manifest exists, lists only known recipes, each once, and lists every recipe.
struct ManifestCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.bookManifestMissing, .referenceRecipe, .bookDuplicateEntry, .bookUnlisted]

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let manifest = context.book.manifest else {
            let path = context.bookPath.isEmpty || context.bookPath == "." ? "book.xml" : "\(context.bookPath)/book.xml"
            return [Diagnostic(.error, .bookManifestMissing, "the book has no manifest (book.xml)",
                               at: SourceLocation(path: path),
                               hint: "create book.xml with the book's title, edition and chapters (see Recipes/schema/book.xsd)")]
        }
        var diagnostics: [Diagnostic] = []
        var listed: [String: SourceLocation] = [:]
        for chapter in manifest.chapters {
            for entry in chapter.recipes {
                if context.recipesByID[entry.id] == nil {
                    diagnostics.append(Diagnostic(
                        .error, .referenceRecipe, "unknown recipe '\(entry.id)' in chapter '\(chapter.id)'",
                        at: entry.location, hint: Suggestion.hint(for: entry.id, in: context.recipesByID.keys)))
                } else if let first = listed[entry.id] {
                    diagnostics.append(Diagnostic(
                        .error, .bookDuplicateEntry, "recipe '\(entry.id)' is listed twice (first at line \(first.line))",
                        at: entry.location, hint: "list each recipe in one chapter only"))
                } else {
                    listed[entry.id] = entry.location
                }
            }
        }
        for recipe in context.book.recipes where listed[recipe.id] == nil {
            diagnostics.append(Diagnostic(
                .warning, .bookUnlisted, "recipe '\(recipe.id)' is in no chapter of the book",
                at: recipe.location, hint: "add <recipe ref=\"\(recipe.id)\"/> to a chapter in book.xml"))
        }
        return diagnostics
    }
}
