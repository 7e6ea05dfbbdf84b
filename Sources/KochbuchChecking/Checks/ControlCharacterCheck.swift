import KochbuchModel

/// Titles and file names, which every edition and the terminal show, carry no control characters
/// (escape sequences could recolour or rewrite an author's terminal) and no bidirectional overrides
/// (which make a reader see text in another order than it is).
struct ControlCharacterCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.textControlCharacter]

    func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func inspect(_ text: String, _ what: String, at location: SourceLocation) {
            guard let scalar = TerminalText.firstUnsafe(in: text) else { return }
            diagnostics.append(Diagnostic(
                .error, .textControlCharacter,
                "\(what) contains the invisible control character U+\(TerminalText.hex(scalar.value))",
                at: location, hint: "delete it; retype the text if you cannot see where it is"))
        }
        for recipe in context.book.recipes {
            inspect(recipe.location.path, "the file name", at: SourceLocation(path: recipe.location.path))
            inspect(recipe.title, "the title", at: recipe.location)
            for step in recipe.steps { inspect(step.title, "the title of step '\(step.id)'", at: step.location) }
        }
        for entry in context.book.glossary ?? [] { inspect(entry.term, "the glossary term '\(entry.id)'", at: entry.location) }
        return diagnostics
    }
}
