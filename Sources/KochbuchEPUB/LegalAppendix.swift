import KochbuchHTML
import KochbuchModel

/// The legal appendix: the text of every section the book cites, grouped by law, each followed
/// by the recipes that cite it.
struct LegalAppendix {
    let book: SiteBook

    /// Its heading, also its entry in the table of contents and the landmarks.
    static let title = "Anhang: Die zitierten Vorschriften"

    func xhtml(cited: Set<String>, included: Set<String>) -> String {
        var body = "<section epub:type=\"appendix\" role=\"doc-appendix\" aria-labelledby=\"anhang\">\n<h1 id=\"anhang\">\(Self.title)</h1>\n"
        body += "<p>Der Wortlaut der Paragrafen, auf die sich die Rezepte dieses Buchs berufen, in der Fassung, die bei Erscheinen dieser Ausgabe gilt.</p>\n"
        for law in book.book.laws.sorted(by: { ($0.status == .draft ? 1 : 0, $0.abbreviation) < ($1.status == .draft ? 1 : 0, $1.abbreviation) }) {
            let sections = law.sections.filter { cited.contains("\(law.id):\($0.number)") }
            guard !sections.isEmpty else { continue }
            body += "<section aria-labelledby=\"gesetz-\(HTML.fragment(law.id))\">\n"
            body += "<h2 id=\"gesetz-\(HTML.fragment(law.id))\">\(HTML.escape(law.title)) (\(HTML.escape(law.abbreviation)))\(law.status == .draft ? " – Entwurf" : "")</h2>\n"
            let date = law.current.map { "Fassung vom \(GermanLabels.date($0.date)). " } ?? ""
            body += "<p class=\"meta\">\(HTML.escape(date + law.version))</p>\n"
            for section in sections {
                let anchor = EPUBPaths.sectionAnchor(law.id, section.number)
                let status = GermanLabels.sectionStatus(section.status).map { " (\($0))" } ?? ""
                body += "<section aria-labelledby=\"\(anchor)\">\n<h3 id=\"\(anchor)\">§ \(HTML.escape(section.number)) \(HTML.escape(section.title))\(status)</h3>\n"
                body += LawTextRenderer.html(section.text, idPrefix: anchor + "-")
                let citing = book.graph.recipes(citing: law.id, section: section.number).filter(included.contains)
                    .compactMap { book.recipesByID[$0] }.map { "<a href=\"\(EPUBPaths.recipe($0.id))\">\(HTML.escape($0.title))</a>" }
                if !citing.isEmpty { body += "<p class=\"cited-by\">Zitiert in: \(citing.joined(separator: ", "))</p>\n" }
                body += "</section>\n"
            }
            body += "</section>\n"
        }
        body += "</section>"
        return XHTMLDocument.page(title: Self.title, root: "", body: body)
    }
}
