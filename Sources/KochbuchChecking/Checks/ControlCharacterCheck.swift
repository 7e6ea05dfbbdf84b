import KochbuchModel

/// Titles and file names, which every edition and the terminal show, carry no control characters
/// (escape sequences could recolour or rewrite an author's terminal) and no bidirectional overrides
/// (which make a reader see text in another order than it is).
struct ControlCharacterCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.textControlCharacter]

    func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func inspect(_ text: String, _ what: @autoclosure () -> Phrase, at location: SourceLocation) {
            guard let scalar = TerminalText.firstUnsafe(in: text) else { return }
            let what = what(), code = "U+\(TerminalText.hex(scalar.value))"
            diagnostics.append(Diagnostic(
                .error, .textControlCharacter,
                Phrase(de: "\(what.german) enthält das unsichtbare Steuerzeichen \(code)",
                       en: "\(what.english) contains the invisible control character \(code)"),
                at: location,
                hint: Phrase(de: "löschen Sie es; tippen Sie den Text neu, wenn Sie nicht sehen, wo es steht",
                             en: "delete it; retype the text if you cannot see where it is")))
        }
        for recipe in context.book.recipes {
            inspect(recipe.location.path, Phrase(de: "der Dateiname", en: "the file name"), at: SourceLocation(path: recipe.location.path))
            inspect(recipe.title, Phrase(de: "der Titel", en: "the title"), at: recipe.location)
            for step in recipe.steps {
                inspect(step.title, Phrase(de: "der Titel des Schritts '\(step.id)'", en: "the title of step '\(step.id)'"), at: step.location)
            }
        }
        for entry in context.book.glossary ?? [] {
            inspect(entry.term, Phrase(de: "der Glossarbegriff '\(entry.id)'", en: "the glossary term '\(entry.id)'"), at: entry.location)
        }
        return diagnostics
    }
}
