import KochbuchHTML
import KochbuchModel

/// The navigation document: the table of contents by chapter, and the landmarks.
struct NavigationDocument {
    let book: SiteBook

    func xhtml(recipes: [Recipe], title: String) -> String {
        let included = Set(recipes.map(\.id))
        var toc = "<li><a href=\"\(EPUBPaths.titlePage)\">Titel und Einleitung</a></li>\n"
        var listed: Set<String> = []
        for chapter in book.book.manifest?.chapters ?? [] {
            let items = chapter.recipes.map(\.id).filter { included.contains($0) && listed.insert($0).inserted }
            guard !items.isEmpty else { continue }
            toc += "<li><span>\(HTML.escape(chapter.title))</span>\n<ol>\n"
            toc += items.compactMap { book.recipesByID[$0] }.map { "<li><a href=\"\(EPUBPaths.recipe($0.id))\">\(HTML.escape($0.title))</a></li>" }.joined(separator: "\n")
            toc += "\n</ol></li>\n"
        }
        let rest = recipes.filter { !listed.contains($0.id) }
        if !rest.isEmpty {
            toc += "<li><span>Weitere Rezepte</span>\n<ol>\n" + rest.map { "<li><a href=\"\(EPUBPaths.recipe($0.id))\">\(HTML.escape($0.title))</a></li>" }.joined(separator: "\n") + "\n</ol></li>\n"
        }
        toc += "<li><a href=\"\(EPUBPaths.appendix)\">Anhang: Die zitierten Vorschriften</a></li>\n"
        toc += "<li><a href=\"\(EPUBPaths.glossary)\">Glossar</a></li>\n"
        toc += "<li><a href=\"\(EPUBPaths.index)\">Register</a></li>\n"
        let first = recipes.first.map { EPUBPaths.recipe($0.id) } ?? EPUBPaths.titlePage
        let body = """
        <nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="inhalt">
        <h1 id="inhalt">Inhalt</h1>
        <ol>
        \(toc)</ol>
        </nav>
        <nav epub:type="landmarks" id="landmarks" aria-labelledby="orientierung" hidden="hidden">
        <h2 id="orientierung">Orientierungspunkte</h2>
        <ol>
        <li><a epub:type="cover" href="\(EPUBPaths.cover)">Umschlag</a></li>
        <li><a epub:type="titlepage" href="\(EPUBPaths.titlePage)">Titel</a></li>
        <li><a epub:type="toc" href="#toc">Inhalt</a></li>
        <li><a epub:type="bodymatter" href="\(first)">Rezepte</a></li>
        <li><a epub:type="glossary" href="\(EPUBPaths.glossary)">Glossar</a></li>
        <li><a epub:type="index" href="\(EPUBPaths.index)">Register</a></li>
        </ol>
        </nav>
        """
        return XHTMLDocument.page(title: title, root: "", body: body)
    }
}
