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
                guard case .text(let before) = run[index - 1],
                      before.last.map({ $0.isLetter || $0 == "§" || $0 == " " || $0 == "\n" }) == true,
                      before.trimmingCharacters(in: .whitespacesAndNewlines).last.map({ $0.isLetter || $0 == "§" }) == true,
                      let (generated, location) = generatedText(inline, current: current, context),
                      let last = Self.words(before).last, let first = Self.words(generated).first,
                      last.lowercased() == first.lowercased() else { continue }
                diagnostics.append(Diagnostic(
                    .warning, .textDoubledWord,
                    "'\(last)' stands twice: the text before the reference ends with it, and the reference reads: \(generated)",
                    at: location, hint: "remove '\(last)' before the element; its generated text already says it"))
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

    /// The words of a text, punctuation and quotes aside; "§" counts as a word.
    static func words(_ text: String) -> [String] {
        text.split { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "(" || $0 == "„" || $0 == "“" || $0 == "," }
            .map(String.init).filter { !$0.isEmpty }
    }
}
