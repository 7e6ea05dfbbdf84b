import KochbuchHTML
import KochbuchModel

/// The navigation document: the table of contents by chapter (each leading to its title page), and
/// the landmarks (cover, title, contents, body, the legal appendix, glossary, index).
struct NavigationDocument {
    let book: SiteBook

    func xhtml(order: ReadingOrder, title: String) -> String {
        var toc = "<li><a href=\"\(EPUBPaths.titlePage)\">Titel und Einleitung</a></li>\n"
        for part in order.parts {
            // A chapter's entry leads to its title page; the recipes in no chapter have none.
            let heading = part.page.map { "<a href=\"\($0)\">\(HTML.escape(part.title))</a>" } ?? "<span>\(HTML.escape(part.title))</span>"
            toc += "<li>\(heading)\n<ol>\n"
            toc += part.recipes.map { "<li><a href=\"\(EPUBPaths.recipe($0.id))\">\(HTML.escape($0.title))</a></li>" }.joined(separator: "\n")
            toc += "\n</ol></li>\n"
        }
        toc += "<li><a href=\"\(EPUBPaths.appendix)\">\(LegalAppendix.title)</a></li>\n"
        toc += "<li><a href=\"\(EPUBPaths.glossary)\">Glossar</a></li>\n"
        toc += "<li><a href=\"\(EPUBPaths.index)\">Register</a></li>\n"
        let first = order.documents.first ?? EPUBPaths.titlePage
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
        <li><a epub:type="appendix" href="\(EPUBPaths.appendix)">\(LegalAppendix.title)</a></li>
        <li><a epub:type="glossary" href="\(EPUBPaths.glossary)">Glossar</a></li>
        <li><a epub:type="index" href="\(EPUBPaths.index)">Register</a></li>
        </ol>
        </nav>
        """
        return XHTMLDocument.page(title: title, root: "", body: body)
    }
}
