/// The prose a reader sees, without markup, attribute values or codes: what a spell checker
/// or a word counter should look at.
public enum ReadableText {
    /// All prose of a recipe, one piece per line. With `lookup`, references without words of their
    /// own are written out as a reader sees them (`readerText`); without, they are left out.
    public static func of(_ recipe: Recipe, lookup: BookLookup? = nil) -> [String] {
        let text: ([Inline]) -> String = { inlines in lookup.map { inlines.readerText($0, in: recipe.id) } ?? inlines.plainText }
        var pieces: [String] = [recipe.title, text(recipe.summary), text(recipe.facts.costNote)]
        pieces += recipe.legalBasis.map { text($0.note) }
        pieces += recipe.ingredients.map { text($0.content) }
        for step in recipe.steps {
            pieces.append(step.title)
            if let role = step.role { pieces.append(role) }
            pieces += of(step.body, text: text)
        }
        pieces += recipe.tips.flatMap { of($0, text: text) }
        pieces += recipe.pitfalls.flatMap { of($0, text: text) }
        for example in recipe.examples {
            pieces.append(example.municipality)
            pieces += of(example.body, text: text)
        }
        pieces += recipe.related.map { text($0.note) }
        pieces += recipe.sources.map { text($0.citation) }
        return pieces.filter { !$0.isEmpty }
    }

    /// The prose of a glossary entry.
    public static func of(_ entry: GlossaryEntry) -> [String] {
        [entry.term, entry.expansion ?? "", entry.definition.plainText].filter { !$0.isEmpty }
    }

    /// The prose of blocks, one piece per paragraph, list item, cell or caption.
    public static func of(_ blocks: [Block], text: ([Inline]) -> String = { $0.plainText }) -> [String] {
        var pieces: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let inlines): pieces.append(text(inlines))
            case .list(let list): pieces += of(list, text: text)
            case .note(let note): pieces += of(note.blocks, text: text)
            case .table(let table):
                pieces.append(text(table.caption))
                pieces += (table.header ?? []).map(text)
                pieces += table.rows.flatMap { $0.map(text) }
            case .figure(let figure):
                pieces.append(figure.alternativeText)
                pieces.append(text(figure.caption))
            }
        }
        return pieces
    }

    private static func of(_ list: List, text: ([Inline]) -> String) -> [String] {
        list.items.flatMap { [text($0.content)] + $0.sublists.flatMap { of($0, text: text) } }
    }
}
