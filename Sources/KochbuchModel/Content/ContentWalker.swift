/// Visits every inline and block of a piece of content, depth first, in document order.
public struct ContentWalker {
    public var visitInline: (Inline) -> Void = { _ in }
    public var visitBlock: (Block) -> Void = { _ in }
    /// Called with every run of inlines (a paragraph, an item, a cell, an element's content) before its parts.
    public var visitRun: ([Inline]) -> Void = { _ in }

    public init(visitInline: @escaping (Inline) -> Void = { _ in }, visitBlock: @escaping (Block) -> Void = { _ in },
                visitRun: @escaping ([Inline]) -> Void = { _ in }) {
        self.visitInline = visitInline
        self.visitBlock = visitBlock
        self.visitRun = visitRun
    }

    public func walk(_ inlines: [Inline]) {
        visitRun(inlines)
        for inline in inlines {
            visitInline(inline)
            switch inline {
            case .emphasis(let content), .strong(let content), .citation(_, let content): walk(content)
            case .link(let link): walk(link.content)
            case .crossReference(let reference): walk(reference.content)
            case .term(let term): walk(term.content)
            case .text, .code, .abbreviation: break
            }
        }
    }

    public func walk(_ blocks: [Block]) {
        for block in blocks {
            visitBlock(block)
            switch block {
            case .paragraph(let inlines): walk(inlines)
            case .list(let list): walk(list)
            case .note(let note): walk(note.blocks)
            case .table(let table):
                walk(table.caption)
                table.header?.forEach { walk($0) }
                table.rows.forEach { $0.forEach { walk($0) } }
            case .figure(let figure): walk(figure.caption)
            }
        }
    }

    private func walk(_ list: List) {
        for item in list.items {
            walk(item.content)
            item.sublists.forEach { walk($0) }
        }
    }

    /// Walks all content of a recipe: summary, facts, legal basis, ingredients, steps, tips,
    /// pitfalls, examples, relations and sources.
    public func walk(_ recipe: Recipe) {
        walk(recipe.summary)
        walk(recipe.facts.costNote)
        recipe.legalBasis.forEach { walk($0.note) }
        recipe.ingredients.forEach { walk($0.content) }
        recipe.steps.forEach { walk($0.body) }
        recipe.tips.forEach { walk($0) }
        recipe.pitfalls.forEach { walk($0) }
        recipe.examples.forEach { walk($0.body) }
        recipe.related.forEach { walk($0.note) }
        recipe.sources.forEach { walk($0.citation) }
    }
}
