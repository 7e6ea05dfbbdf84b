import KochbuchHTML
import KochbuchModel

/// The book's parts in reading order: each chapter of the manifest with the recipes of the
/// selection in it (a recipe listed in two chapters belongs to the first), then the recipes in
/// no chapter. The spine, the table of contents and the chapter title pages all follow it.
struct ReadingOrder {
    struct Part {
        /// The chapter's title page, `nil` for the recipes in no chapter.
        let page: String?
        let title: String
        let recipes: [Recipe]
    }

    let parts: [Part]

    init(book: SiteBook, recipes: [Recipe]) {
        let included = Set(recipes.map(\.id))
        var listed: Set<String> = []
        var pages: Set<String> = []
        var parts: [Part] = []
        for chapter in book.book.manifest?.chapters ?? [] {
            let items = chapter.recipes.map(\.id).filter { included.contains($0) && listed.insert($0).inserted }.compactMap { book.recipesByID[$0] }
            guard !items.isEmpty else { continue }
            // Two chapters with one id still get a page each.
            var page = EPUBPaths.chapter(chapter.id)
            var number = 2
            while !pages.insert(page).inserted {
                page = EPUBPaths.chapter("\(chapter.id)-\(number)")
                number += 1
            }
            parts.append(Part(page: page, title: chapter.title, recipes: items))
        }
        let rest = recipes.filter { !listed.contains($0.id) }
        if !rest.isEmpty { parts.append(Part(page: nil, title: "Weitere Rezepte", recipes: rest)) }
        self.parts = parts
    }

    /// Every document of the body in order: chapter title page, its recipes, the next chapter …
    var documents: [String] {
        parts.flatMap { part in (part.page.map { [$0] } ?? []) + part.recipes.map { EPUBPaths.recipe($0.id) } }
    }
}

/// A chapter's title page: its heading and its recipes, each linked.
enum ChapterDocument {
    static func xhtml(_ part: ReadingOrder.Part) -> String {
        let count = part.recipes.count == 1 ? "1 Rezept" : "\(part.recipes.count) Rezepte"
        var body = "<section epub:type=\"part\" role=\"doc-part\" class=\"part\" aria-labelledby=\"kapitel\">\n"
        body += "<h1 id=\"kapitel\">\(HTML.escape(part.title))</h1>\n"
        body += "<p class=\"part-count\">\(count) in diesem Kapitel:</p>\n<ol class=\"part-recipes\">\n"
        body += part.recipes.map { "<li><a href=\"../\(EPUBPaths.recipe($0.id))\">\(HTML.escape($0.title))</a></li>" }.joined(separator: "\n")
        body += "\n</ol>\n</section>"
        return XHTMLDocument.page(title: part.title, root: "../", body: body)
    }
}
