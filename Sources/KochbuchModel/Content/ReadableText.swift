/// The prose a reader sees, without markup, attribute values or codes: what a spell checker
/// or a word counter should look at.
public enum ReadableText {
    /// All prose of a recipe, one piece per line.
    public static func of(_ recipe: Recipe) -> [String] {
        var pieces: [String] = [recipe.title, recipe.summary.plainText, recipe.facts.costNote.plainText]
        pieces += recipe.legalBasis.map(\.note.plainText)
        pieces += recipe.ingredients.map(\.content.plainText)
        for step in recipe.steps {
            pieces.append(step.title)
            if let role = step.role { pieces.append(role) }
            pieces += of(step.body)
        }
        pieces += recipe.tips.flatMap(of)
        pieces += recipe.pitfalls.flatMap(of)
        for example in recipe.examples {
            pieces.append(example.municipality)
            pieces += of(example.body)
        }
        pieces += recipe.related.map(\.note.plainText)
        pieces += recipe.sources.map(\.citation.plainText)
        return pieces.filter { !$0.isEmpty }
    }

    /// The prose of a glossary entry.
    public static func of(_ entry: GlossaryEntry) -> [String] {
        [entry.term, entry.expansion ?? "", entry.definition.plainText].filter { !$0.isEmpty }
    }

    /// The prose of blocks, one piece per paragraph, list item, cell or caption.
    public static func of(_ blocks: [Block]) -> [String] {
        var pieces: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let inlines): pieces.append(inlines.plainText)
            case .list(let list): pieces += of(list)
            case .note(let note): pieces += of(note.blocks)
            case .table(let table):
                pieces.append(table.caption.plainText)
                pieces += (table.header ?? []).map(\.plainText)
                pieces += table.rows.flatMap { $0.map(\.plainText) }
            case .figure(let figure):
                pieces.append(figure.alternativeText)
                pieces.append(figure.caption.plainText)
            }
        }
        return pieces
    }

    private static func of(_ list: List) -> [String] {
        list.items.flatMap { [$0.content.plainText] + $0.sublists.flatMap(of) }
    }
}
