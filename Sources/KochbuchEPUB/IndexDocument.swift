import KochbuchHTML
import KochbuchModel

/// The index: recipes, glossary terms and cited law sections in one alphabetical list.
struct IndexDocument {
    let book: SiteBook

    func xhtml(recipes: [Recipe], cited: Set<String>) -> String {
        var entries: [(key: String, html: String)] = []
        for recipe in recipes {
            entries.append((recipe.title, "<a href=\"\(EPUBPaths.recipe(recipe.id))\">\(HTML.escape(recipe.title))</a> (Rezept)"))
        }
        for entry in book.book.glossary ?? [] {
            entries.append((entry.term, "<a href=\"\(EPUBPaths.glossary)#begriff-\(HTML.fragment(entry.id))\">\(HTML.escape(entry.term))</a> (Glossar)"))
        }
        for key in cited.sorted() {
            let parts = key.split(separator: ":").map(String.init)
            guard let law = book.lawsByID[parts[0]], let section = law.section(parts[1]) else { continue }
            let label = "\(law.abbreviation) § \(section.number) \(section.title)"
            entries.append((label, "<a href=\"\(EPUBPaths.appendix)#\(EPUBPaths.sectionAnchor(law.id, section.number))\">\(HTML.escape(label))</a>"))
        }
        // Each key folded once, not in the comparator (at 10,000 recipes some 270,000 folds).
        let folded: [String] = entries.map { $0.key.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        let order = entries.indices.sorted { (lhs: Int, rhs: Int) -> Bool in
            folded[lhs] != folded[rhs] ? folded[lhs] < folded[rhs] : entries[lhs].html < entries[rhs].html
        }
        let sorted = order.map { entries[$0] }
        var body = "<section epub:type=\"index\" role=\"doc-index\" aria-labelledby=\"register\">\n<h1 id=\"register\">Register</h1>\n"
        var letter = ""
        var open = false
        for entry in sorted {
            let first = String(entry.key.folding(options: [.diacriticInsensitive], locale: nil).prefix(1)).uppercased()
            if first != letter {
                if open { body += "</ul>\n" }
                letter = first
                body += "<h2>\(HTML.escape(letter))</h2>\n<ul>\n"
                open = true
            }
            body += "<li>\(entry.html)</li>\n"
        }
        if open { body += "</ul>\n" }
        body += "</section>"
        return XHTMLDocument.page(title: "Register", root: "", body: body)
    }
}

import Foundation
