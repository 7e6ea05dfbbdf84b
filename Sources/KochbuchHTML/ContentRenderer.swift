import KochbuchModel

/// Where the links of rendered content point. The website and the EPUB book each have their own.
/// A target that returns nil is not part of the edition: the reference becomes plain text.
public protocol LinkTargets {
    func recipe(_ id: String) -> String?
    func step(_ recipe: String, _ step: String) -> String?
    /// A law, or one of its sections when `number` is given.
    func law(_ law: String, section number: String?) -> String?
    func term(_ id: String) -> String?
    func image(_ path: String) -> String
    /// Whether glossary terms carry their definition as an accessible tooltip (web) or only link (EPUB).
    var termTooltips: Bool { get }
    /// Whether void elements are written in XML syntax (`<img … />`), as XHTML requires.
    var xmlSyntax: Bool { get }
}

/// The website's link targets for a page at `root` ("" or "../") below the site root.
struct SiteLinkTargets: LinkTargets {
    let root: String
    let book: SiteBook

    func recipe(_ id: String) -> String? { book.recipesByID[id] == nil ? nil : root + SiteLinks.recipe(id) }
    func step(_ recipe: String, _ step: String) -> String? { book.recipesByID[recipe] == nil ? nil : root + SiteLinks.step(recipe, step) }
    func law(_ law: String, section number: String?) -> String? {
        guard book.lawsByID[law] != nil else { return nil }
        return root + (number.map { SiteLinks.section(law, $0) } ?? SiteLinks.law(law))
    }
    func term(_ id: String) -> String? { book.glossaryByID[id] == nil ? nil : root + SiteLinks.term(id) }
    func image(_ path: String) -> String { root + (Figure.bookPath(of: path) ?? path) }
    var termTooltips: Bool { true }
    var xmlSyntax: Bool { false }
}

/// Renders recipe content (blocks and inlines) as HTML. A visitor over the content model:
/// one case per node kind. All text is escaped; links resolve through the edition's targets.
public struct ContentRenderer {
    let book: SiteBook
    let targets: any LinkTargets
    /// The recipe being rendered, for step references without a recipe.
    let currentRecipe: String?
    /// Numbering for tooltip ids, unique per page.
    private let tooltips = Counter()

    init(book: SiteBook, root: String, currentRecipe: String? = nil) {
        self.init(book: book, targets: SiteLinkTargets(root: root, book: book), currentRecipe: currentRecipe)
    }

    public init(book: SiteBook, targets: any LinkTargets, currentRecipe: String? = nil) {
        self.book = book
        self.targets = targets
        self.currentRecipe = currentRecipe
    }

    public func blocks(_ blocks: [Block]) -> String {
        blocks.map(block).joined(separator: "\n")
    }

    func block(_ block: Block) -> String {
        switch block {
        case .paragraph(let content):
            return "<p>\(inlines(content))</p>"
        case .list(let list):
            return self.list(list)
        case .note(let note):
            let label = note.kind == .warning ? "Achtung" : "Hinweis"
            return "<aside class=\"note note-\(note.kind.rawValue)\" aria-label=\"\(label)\"><p class=\"note-label\">\(label)</p>\n\(blocks(note.blocks))</aside>"
        case .table(let table):
            let captionID = "tabelle-\(tooltips.next())"
            var html = "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"\(captionID)\"><table>\n<caption id=\"\(captionID)\">\(inlines(table.caption))</caption>\n"
            if let header = table.header {
                html += "<thead><tr>" + header.map { "<th scope=\"col\">\(inlines($0))</th>" }.joined() + "</tr></thead>\n"
            }
            html += "<tbody>\n" + table.rows.map { "<tr>" + $0.map { "<td>\(inlines($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n") + "\n</tbody>\n</table></div>"
            return html
        case .figure(let figure):
            let end = targets.xmlSyntax ? " />" : ">"
            var html = "<figure><img src=\"\(HTML.escape(targets.image(figure.source)))\" alt=\"\(HTML.escape(figure.alternativeText))\"\(targets.xmlSyntax ? "" : " loading=\"lazy\"")\(end)"
            if !figure.caption.isEmpty { html += "<figcaption>\(inlines(figure.caption))</figcaption>" }
            return html + "</figure>"
        }
    }

    private func list(_ list: List) -> String {
        let tag = list.ordered ? "ol" : "ul"
        let items = list.items.map { item in
            "<li>\(inlines(item.content))\(item.sublists.map(self.list).joined())</li>"
        }
        return "<\(tag)>\(items.joined())</\(tag)>"
    }

    public func inlines(_ content: [Inline]) -> String {
        content.map(inline).joined()
    }

    func inline(_ inline: Inline) -> String {
        switch inline {
        case .text(let text):
            return HTML.escape(text)
        case .emphasis(let content):
            return "<em>\(inlines(content))</em>"
        case .strong(let content):
            return "<strong>\(inlines(content))</strong>"
        case .code(let code):
            return "<code>\(HTML.escape(code))</code>"
        case .abbreviation(let text, let title):
            return "<abbr title=\"\(HTML.escape(title))\">\(HTML.escape(text))</abbr>"
        case .link(let link):
            guard HTML.isSafeExternalURL(link.href) else { return inlines(link.content) }
            let text = link.content.isEmpty ? HTML.escape(link.href) : inlines(link.content)
            return "<a class=\"external\" href=\"\(HTML.escape(link.href))\">\(text)</a>"
        case .crossReference(let reference):
            let target = reference.recipe ?? currentRecipe ?? ""
            guard let recipe = book.recipesByID[target] else { return inlines(reference.content) }
            var label = reference.content.isEmpty
                ? HTML.escape(CrossReferenceLabel.text(recipeTitle: recipe.title, step: nil, local: false)) : inlines(reference.content)
            if let step = reference.step, let stepIndex = recipe.steps.firstIndex(where: { $0.id == step }) {
                let local = target == currentRecipe
                if reference.content.isEmpty {
                    label = HTML.escape(CrossReferenceLabel.text(recipeTitle: recipe.title,
                                                                 step: (stepIndex + 1, recipe.steps[stepIndex].title), local: local))
                }
                guard let href = local ? "#schritt-\(HTML.fragment(step))" : targets.step(target, step) else {
                    return "\(label) <span class=\"not-included\">(nicht in dieser Ausgabe)</span>"
                }
                return "<a href=\"\(HTML.escape(href))\">\(label)</a>"
            }
            guard let href = targets.recipe(target) else {
                return "\(label) <span class=\"not-included\">(nicht in dieser Ausgabe)</span>"
            }
            return "<a href=\"\(HTML.escape(href))\">\(label)</a>"
        case .citation(let reference, let content):
            let text = content.isEmpty ? HTML.escape(book.citationText(reference)) : inlines(content)
            guard let href = targets.law(reference.law, section: reference.section) else { return text }
            return "<a class=\"citation\" href=\"\(HTML.escape(href))\">\(text)</a>"
        case .term(let term):
            let text = term.content.isEmpty ? HTML.escape(book.glossaryByID[term.id]?.term ?? term.id) : inlines(term.content)
            guard let entry = book.glossaryByID[term.id], let href = targets.term(term.id) else { return text }
            guard targets.termTooltips else { return "<a class=\"term\" href=\"\(HTML.escape(href))\">\(text)</a>" }
            let id = "tip-\(tooltips.next())"
            let definition = HTML.escape(plain(entry.definition))
            return "<span class=\"term\"><a href=\"\(HTML.escape(href))\" aria-describedby=\"\(id)\">\(text)</a><span class=\"tooltip\" role=\"tooltip\" id=\"\(id)\">\(definition)</span></span>"
        }
    }
}

extension ContentRenderer {
    /// The text a reader sees, with generated text for references that have none of their own.
    public func plain(_ content: [Inline]) -> String {
        content.map { inline in
            switch inline {
            case .crossReference(let reference) where reference.content.isEmpty:
                book.recipesByID[reference.recipe ?? currentRecipe ?? ""]?.title ?? ""
            case .citation(let reference, let content) where content.isEmpty:
                book.citationText(reference)
            case .term(let term) where term.content.isEmpty:
                book.glossaryByID[term.id]?.term ?? term.id
            case .emphasis(let content), .strong(let content):
                plain(content)
            default:
                [inline].plainText
            }
        }.joined()
    }
}

/// A counter that a value-type renderer can share across copies.
final class Counter {
    private var value = 0
    func next() -> Int {
        value += 1
        return value
    }
}
