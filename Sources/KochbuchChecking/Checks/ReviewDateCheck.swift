import KochbuchModel

/// Published recipes carry a review date, and no review date lies in the future.
struct ReviewDateCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.reviewMissing, .reviewFuture]

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.book.recipes.compactMap { recipe in
            if let reviewed = recipe.reviewed, reviewed > context.today {
                return Diagnostic(.warning, .reviewFuture, "review date \(reviewed) lies in the future", at: recipe.location,
                                  hint: "set reviewed=\"…\" to the day the recipe was last checked")
            }
            if recipe.status == .published, recipe.reviewed == nil {
                return Diagnostic(.warning, .reviewMissing, "published recipe '\(recipe.id)' has no review date",
                                  at: recipe.location, hint: "add reviewed=\"\(context.today)\" once the recipe has been checked")
            }
            return nil
        }
    }
}
