import KochbuchModel

/// Published recipes carry a review date, and no review date lies in the future.
struct ReviewDateCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.reviewMissing, .reviewFuture]

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.book.recipes.compactMap { recipe in
            if let reviewed = recipe.reviewed, reviewed > context.today {
                return Diagnostic(.warning, .reviewFuture,
                                  Phrase(de: "das Prüfdatum reviewed=\"\(reviewed)\" liegt in der Zukunft", en: "review date \(reviewed) lies in the future"),
                                  at: recipe.location,
                                  hint: Phrase(de: "setzen Sie reviewed=\"…\" auf den Tag, an dem das Rezept zuletzt geprüft wurde",
                                               en: "set reviewed=\"…\" to the day the recipe was last checked"))
            }
            if recipe.status == .published, recipe.reviewed == nil {
                return Diagnostic(.warning, .reviewMissing,
                                  Phrase(de: "das veröffentlichte Rezept '\(recipe.id)' hat kein Prüfdatum",
                                         en: "published recipe '\(recipe.id)' has no review date"),
                                  at: recipe.location,
                                  hint: Phrase(de: "ergänzen Sie reviewed=\"\(context.today)\", sobald das Rezept geprüft ist",
                                               en: "add reviewed=\"\(context.today)\" once the recipe has been checked"))
            }
            return nil
        }
    }
}
