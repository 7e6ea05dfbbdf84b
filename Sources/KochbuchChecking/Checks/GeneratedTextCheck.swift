import Foundation
import KochbuchModel

/// Text the editions generate in running prose reads right: a cross-reference says „Schritt 2 (…)“
/// itself, a citation says „§ 6a EGovG“ itself, a term shows its word; the word before it must not
/// say the same again („siehe Schritt Schritt 2“, „nach § § 6a EGovG“).
struct GeneratedTextCheck: BookCheck {
    static let codes: [DiagnosticCode] = [.textDoubledWord]

    func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var current: String?
        let walker = ContentWalker(visitRun: { run in
            for (index, inline) in run.enumerated() where index > 0 {
                guard Self.mayGenerateText(inline), case .text(let before) = run[index - 1],
                      let last = Self.lastWord(before),
                      let (generated, location) = generatedText(inline, current: current, context),
                      let first = Self.firstWord(generated), last.lowercased() == first.lowercased() else { continue }
                diagnostics.append(Diagnostic(
                    .warning, .textDoubledWord,
                    Phrase(de: "'\(last)' steht doppelt: der Text vor dem Verweis endet damit, und der Verweis lautet: \(generated)",
                           en: "'\(last)' stands twice: the text before the reference ends with it, and the reference reads: \(generated)"),
                    at: location,
                    hint: Phrase(de: "streichen Sie '\(last)' vor dem Element; der Text, den das Element erzeugt, sagt es schon",
                                 en: "remove '\(last)' before the element; its generated text already says it")))
            }
        })
        for recipe in context.book.recipes {
            current = recipe.id
            walker.walk(recipe)
        }
        current = nil
        for entry in context.book.glossary ?? [] { walker.walk(entry.definition) }
        return diagnostics
    }

    /// What an element without its own text shows, and where it stands.
    private func generatedText(_ inline: Inline, current: String?, _ context: CheckContext) -> (String, SourceLocation)? {
        switch inline {
        case .crossReference(let reference) where reference.content.isEmpty:
            let id = reference.recipe ?? current
            guard let target = id.flatMap({ context.recipesByID[$0] }) else { return nil }
            let index = reference.step.flatMap { step in target.steps.firstIndex { $0.id == step } }
            return (CrossReferenceLabel.text(recipeTitle: target.title, step: index.map { ($0 + 1, target.steps[$0].title) },
                                             local: id == current), reference.location)
        case .citation(let reference, let content) where content.isEmpty:
            return (reference.displayText(law: context.lawsByID[reference.law]), reference.location)
        case .term(let term) where term.content.isEmpty:
            guard let entry = context.book.glossary?.first(where: { $0.id == term.id }) else { return nil }
            return (entry.term, term.location)
        default:
            return nil
        }
    }

    /// Whether the inline shows text the editions make: an element without its own content.
    static func mayGenerateText(_ inline: Inline) -> Bool {
        switch inline {
        case .crossReference(let reference): reference.content.isEmpty
        case .citation(_, let content): content.isEmpty
        case .term(let term): term.content.isEmpty
        default: false
        }
    }

    /// The word a text ends with, when it ends in a word (followed by nothing but spaces), not in punctuation.
    static func lastWord(_ text: String) -> String? {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        guard end > text.startIndex, let lastCharacter = text[..<end].last, lastCharacter.isLetter || lastCharacter == "§" else { return nil }
        var start = end
        while start > text.startIndex {
            let previous = text[text.index(before: start)]
            if previous.isWhitespace || previous == "(" || previous == "„" || previous == "“" || previous == "," { break }
            start = text.index(before: start)
        }
        return String(text[start..<end])
    }

    /// The first word of a text, opening quotes and brackets aside; "§" counts as a word.
    static func firstWord(_ text: String) -> String? {
        let start = text.drop { $0.isWhitespace || $0 == "(" || $0 == "„" || $0 == "“" }
        let word = start.prefix { !($0.isWhitespace || $0 == "(" || $0 == "„" || $0 == "“" || $0 == ",") }
        return word.isEmpty ? nil : String(word)
    }
}
