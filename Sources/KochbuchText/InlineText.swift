import KochbuchModel

/// Renders running text as plain text: emphasis as `_…_`, strong as `*…*`, abbreviations written
/// out on first use, and links, citations, cross-references and glossary terms as their text
/// followed by a reference number `[n]`. References without text of their own get generated text,
/// as in the other editions ("§ 6 EGovG", the recipe's title, "Schritt 2: Einführen").
struct InlineText {
    let book: TextBook
    /// The recipe being rendered, for step references without a recipe.
    let currentRecipe: String?
    /// The recipes in this edition; references to others say so. Nil: every recipe counts.
    let edition: Set<String>?
    /// Numbering and abbreviation memory; nil renders without reference numbers.
    let state: RenderState?

    func text(_ content: [Inline]) -> String {
        content.map(text).joined()
    }

    private func text(_ inline: Inline) -> String {
        switch inline {
        case .text(let text), .code(let text):
            return text
        case .emphasis(let content):
            return marked(text(content), with: "_")
        case .strong(let content):
            return marked(text(content), with: "*")
        case .abbreviation(let short, let title):
            let expansion = TextWrapper.collapsed(title)
            guard let state, !expansion.isEmpty, expansion != TextWrapper.collapsed(short),
                  state.expandedAbbreviations.insert(short).inserted else { return short }
            return "\(short) (\(expansion))"
        case .link(let link):
            guard !link.content.isEmpty else { return link.href }
            let label = text(link.content)
            guard let state else { return "\(label) (\(link.href))" }
            return numbered(label, state.references.number(for: .external(link.href)) { link.href })
        case .crossReference(let reference):
            let target = reference.recipe ?? currentRecipe ?? ""
            let recipe = book.recipesByID[target]
            let stepIndex = reference.step.flatMap { step in recipe?.steps.firstIndex { $0.id == step } }
            let local = target == currentRecipe
            var label: String
            if !reference.content.isEmpty {
                label = text(reference.content)
            } else if let recipe {
                label = CrossReferenceLabel.text(recipeTitle: recipe.title,
                                                 step: stepIndex.map { ($0 + 1, recipe.steps[$0].title) }, local: local,
                                                 glue: TextWrapper.glued)
            } else {
                label = target
            }
            guard let state else { return label }
            let stepID = stepIndex == nil ? nil : reference.step
            return numbered(label, state.references.number(for: .recipe(target, step: stepID)) {
                crossReferenceDescription(target: target, stepIndex: stepIndex)
            })
        case .citation(let reference, let content):
            let label = content.isEmpty ? book.citationText(reference) : text(content)
            guard let state else { return label }
            let target = ReferenceList.Target.law(law: reference.law, section: reference.section, paragraph: reference.paragraph)
            return numbered(label, state.references.number(for: target) { book.citationTitle(reference) })
        case .term(let term):
            let entry = book.glossaryByID[term.id]
            let label = term.content.isEmpty ? (entry?.term ?? term.id) : text(term.content)
            guard let state, state.numbersTerms, let entry else { return label }
            return numbered(label, state.references.number(for: .term(term.id)) { glossaryDescription(entry) })
        }
    }

    /// "Rezept: Title (id)", "Rezept: Title (id), Schritt 2: Step title", or for a step of the
    /// current recipe "Schritt 2: Step title".
    private func crossReferenceDescription(target: String, stepIndex: Int?) -> String {
        guard let recipe = book.recipesByID[target] else { return "Rezept: \(target)" }
        var parts: [String] = []
        if target != currentRecipe || stepIndex == nil {
            var description = "Rezept: \(book.recipeLabel(target))"
            if let edition, !edition.contains(target) { description += " (nicht in dieser Ausgabe)" }
            parts.append(description)
        }
        if let stepIndex {
            parts.append("\(TextWrapper.glued("Schritt \(stepIndex + 1):")) \(recipe.steps[stepIndex].title)")
        }
        return parts.joined(separator: ", ")
    }

    /// "Glossar: DMS (Dokumentenmanagementsystem) – Software, in der …".
    private func glossaryDescription(_ entry: GlossaryEntry) -> String {
        let plain = InlineText(book: book, currentRecipe: nil, edition: edition, state: nil)
        var description = "Glossar: \(entry.term)"
        if let expansion = entry.expansion, !expansion.isEmpty { description += " (\(expansion))" }
        let definition = plain.text(entry.definition)
        if !TextWrapper.collapsed(definition).isEmpty { description += " – \(definition)" }
        return description
    }

    /// The label with its reference number attached: "einem Link[2]".
    private func numbered(_ label: String, _ number: Int) -> String {
        let trimmed = TextWrapper.trimmingTrailingSpaces(label)
        return trimmed + "[\(number)]" + String(label.dropFirst(trimmed.count))
    }

    /// Marks emphasis around the text, keeping surrounding white space outside the marks.
    private func marked(_ text: String, with mark: String) -> String {
        let leading = text.prefix { $0.isWhitespace && !TextWrapper.isGlue($0) }
        let core = TextWrapper.trimmingTrailingSpaces(String(text.dropFirst(leading.count)))
        guard !core.isEmpty else { return text }
        let trailing = text.dropFirst(leading.count + core.count)
        return String(leading) + mark + core + mark + String(trailing)
    }
}
