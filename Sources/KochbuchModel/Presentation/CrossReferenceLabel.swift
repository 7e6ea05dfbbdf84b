/// The words a cross-reference without its own text stands for, the same in every edition. A
/// title is quoted, so it reads as a name in the middle of a sentence („… beschreibt „Die E-Akte
/// einführen““ rather than "… beschreibt Die E-Akte einführen"), and a step is named once.
public enum CrossReferenceLabel {
    /// - Parameters:
    ///   - local: whether the step belongs to the recipe the reference stands in.
    ///   - glue: joins "Schritt" and its number so a line is never broken between them.
    public static func text(recipeTitle: String, step: (number: Int, title: String)?, local: Bool,
                            glue: (String) -> String = { $0 }) -> String {
        guard let step else { return "„\(recipeTitle)“" }
        let named = glue("Schritt \(step.number)")
        return local ? "\(named) („\(step.title)“)" : "„\(recipeTitle)“, \(named)"
    }
}
