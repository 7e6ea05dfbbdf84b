import KochbuchModel

/// The book manifest exists, lists only known recipes, each once, and lists every recipe.
struct ManifestCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.bookManifestMissing, .referenceRecipe, .bookDuplicateEntry, .bookUnlisted]

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let manifest = context.book.manifest else {
            let path = context.bookPath.isEmpty || context.bookPath == "." ? "book.xml" : "\(context.bookPath)/book.xml"
            return [Diagnostic(.error, .bookManifestMissing,
                               Phrase(de: "das Buch hat kein Buch-Manifest (book.xml)", en: "the book has no manifest (book.xml)"),
                               at: SourceLocation(path: path),
                               hint: Phrase(de: "legen Sie book.xml mit Titel, Ausgabe und Kapiteln des Buchs an (siehe Recipes/schema/book.xsd)",
                                            en: "create book.xml with the book's title, edition and chapters (see Recipes/schema/book.xsd)"))]
        }
        var diagnostics: [Diagnostic] = []
        var listed: [String: SourceLocation] = [:]
        for chapter in manifest.chapters {
            for entry in chapter.recipes {
                if context.recipesByID[entry.id] == nil {
                    diagnostics.append(Diagnostic(
                        .error, .referenceRecipe,
                        Phrase(de: "unbekanntes Rezept '\(entry.id)' im Kapitel '\(chapter.id)'",
                               en: "unknown recipe '\(entry.id)' in chapter '\(chapter.id)'"),
                        at: entry.location,
                        hint: Suggestion.phrase(for: entry.id, in: context.recipesByID.keys)
                            ?? Phrase(de: "die Kennungen aller Rezepte zeigt 'kochbuch list'", en: "'kochbuch list' shows the ids of all recipes")))
                } else if let first = listed[entry.id] {
                    diagnostics.append(Diagnostic(
                        .error, .bookDuplicateEntry,
                        Phrase(de: "das Rezept '\(entry.id)' ist zweimal aufgeführt (zuerst in Zeile \(first.line))",
                               en: "recipe '\(entry.id)' is listed twice (first at line \(first.line))"),
                        at: entry.location,
                        hint: Phrase(de: "führen Sie jedes Rezept nur in einem Kapitel auf", en: "list each recipe in one chapter only")))
                } else {
                    listed[entry.id] = entry.location
                }
            }
        }
        for recipe in context.book.recipes where listed[recipe.id] == nil {
            diagnostics.append(Diagnostic(
                .warning, .bookUnlisted,
                Phrase(de: "das Rezept '\(recipe.id)' steht in keinem Kapitel des Buchs", en: "recipe '\(recipe.id)' is in no chapter of the book"),
                at: recipe.location,
                hint: Phrase(de: "tragen Sie <recipe ref=\"\(recipe.id)\"/> in ein Kapitel von book.xml ein",
                             en: "add <recipe ref=\"\(recipe.id)\"/> to a chapter in book.xml")))
        }
        return diagnostics
    }
}
