/// Where an edition keeps and finds the part it makes of each recipe (a text chapter, a Markdown
/// copy, a compressed EPUB document) between builds. The store knows what each recipe's part
/// depends on; the edition only asks for a recipe's part and hands over the parts it made.
/// Implementations must accept calls from several threads at once.
public protocol RecipePieces: Sendable {
    /// The part made of the recipe in an earlier build from exactly the same inputs, if kept.
    func piece(for recipeID: String) -> [UInt8]?

    /// Keeps the part just made of the recipe, for the next build.
    func keep(_ piece: [UInt8], for recipeID: String)
}

extension RecipePieces {
    /// The kept part of the recipe, or the one `make` makes, which is then kept.
    public func piece(for recipeID: String, orMake make: () throws -> [UInt8]) rethrows -> [UInt8] {
        if let kept = piece(for: recipeID) { return kept }
        let made = try make()
        keep(made, for: recipeID)
        return made
    }
}

/// Keeps nothing: every part is made anew.
public struct NoRecipePieces: RecipePieces {
    public init() {}
    public func piece(for recipeID: String) -> [UInt8]? { nil }
    public func keep(_ piece: [UInt8], for recipeID: String) {}
}
