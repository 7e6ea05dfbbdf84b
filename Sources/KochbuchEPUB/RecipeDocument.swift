import KochbuchHTML
import KochbuchModel

/// One recipe as an XHTML chapter: everything the recipe holds, links kept inside the book.
struct RecipeDocument {
    let book: SiteBook
    let targets: EPUBLinkTargets

    func xhtml(_ recipe: Recipe) -> String {
        let content = ContentRenderer(book: book, targets: targets, currentRecipe: recipe.id)
        let facts = recipe.facts
        var body = "<section epub:type=\"chapter\" role=\"doc-chapter\" aria-labelledby=\"titel\">\n"
        body += "<h1 id=\"titel\">\(HTML.escape(recipe.title))</h1>\n"
        body += "<p class=\"summary\">\(content.inlines(recipe.summary))</p>\n"
        var factRows: [(String, String)] = [
            ("Schwierigkeit", HTML.escape(GermanLabels.difficulty(facts.difficulty))),
            ("Geschätzte Dauer", HTML.escape(GermanLabels.duration(min: facts.durationMin, max: facts.durationMax))),
            ("Kosten", HTML.escape(GermanLabels.cost(facts.cost)) + (facts.costNote.isEmpty ? "" : " – " + content.inlines(facts.costNote))),
            ("Für", HTML.escape(facts.scope.map(GermanLabels.scope).joined(separator: ", "))),
            ("Nutzen für", HTML.escape(facts.audience.map(GermanLabels.audience).joined(separator: ", "))),
            ("Erreichter Reifegrad", HTML.escape(GermanLabels.maturity(facts.maturity))),
        ]
        let classification = recipe.classification
        let fields = classification.themenfelder.compactMap { book.themenfelderByID[$0.id]?.name }
        if !fields.isEmpty { factRows.append(("Themenfeld", HTML.escape(fields.joined(separator: ", ")))) }
        let lagen = classification.lebenslagen.compactMap { book.lebenslagenByID[$0.id]?.name }
        if !lagen.isEmpty { factRows.append(("Lebenslage", HTML.escape(lagen.joined(separator: ", ")))) }
        if !classification.ozgLeistungen.isEmpty {
            factRows.append(("OZG-Leistungen", HTML.escape(classification.ozgLeistungen.map { "\($0.id) \(book.ozgByID[$0.id]?.name ?? "")" }.joined(separator: "; "))))
        }
        if !classification.leikaKeys.isEmpty {
            factRows.append(("LeiKa-Schlüssel", HTML.escape(classification.leikaKeys.map { key in
                "\(key.id) \(book.leikaByKey[key.id]?.name ?? "")" }.joined(separator: "; "))))
        }
        body += section("eckdaten", "Eckdaten", "<dl class=\"facts\">\n" + factRows.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined(separator: "\n") + "\n</dl>")
        if !recipe.legalBasis.isEmpty {
            body += section("rechtsgrundlagen", "Rechtsgrundlagen", "<ul>\n" + recipe.legalBasis.map { basis in
                let title = HTML.escape(book.citationTitle(basis.reference))
                let link = targets.law(basis.reference.law, section: basis.reference.section).map { "<a href=\"\(HTML.escape($0))\">\(title)</a>" } ?? title
                return "<li>\(link)\(basis.note.isEmpty ? "" : ": " + content.inlines(basis.note))</li>"
            }.joined(separator: "\n") + "\n</ul>")
        }
        var ingredients = ""
        for kind in Ingredient.Kind.allCases {
            let items = recipe.ingredients.filter { $0.kind == kind }
            guard !items.isEmpty else { continue }
            ingredients += "<h3>\(GermanLabels.ingredient(kind))</h3>\n<ul>" + items.map { "<li>\(content.inlines($0.content))</li>" }.joined() + "</ul>\n"
        }
        body += section("zutaten", "Zutaten", ingredients)
        let steps = recipe.steps.enumerated().map { index, step -> String in
            var meta: [String] = []
            if let role = step.role { meta.append("Verantwortlich: \(HTML.escape(role))") }
            if let duration = step.duration { meta.append("Dauer: \(HTML.escape(GermanLabels.duration(min: duration, max: nil)))") }
            return "<li id=\"schritt-\(HTML.fragment(step.id))\">\n<h3>Schritt \(index + 1): \(HTML.escape(step.title))</h3>\n"
                + (meta.isEmpty ? "" : "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n") + content.blocks(step.body) + "\n</li>"
        }
        body += section("zubereitung", "Zubereitung", "<ol class=\"steps\">\n" + steps.joined(separator: "\n") + "\n</ol>")
        if !recipe.tips.isEmpty {
            body += section("tipps", "Tipps", "<ul>" + recipe.tips.map { "<li>\(content.blocks($0))</li>" }.joined() + "</ul>")
        }
        if !recipe.pitfalls.isEmpty {
            body += section("stolpersteine", "Stolpersteine", "<ul>" + recipe.pitfalls.map { "<li>\(content.blocks($0))</li>" }.joined() + "</ul>")
        }
        if !recipe.examples.isEmpty {
            body += section("praxis", "Aus der Praxis", recipe.examples.map { example in
                let year = example.year.map { " (\($0))" } ?? ""
                let link = example.href.flatMap { HTML.isSafeExternalURL($0) ? $0 : nil }
                    .map { "<p><a href=\"\(HTML.escape($0))\">Mehr zu diesem Beispiel</a></p>" } ?? ""
                return "<h3>\(HTML.escape(example.municipality))\(year)</h3>\n\(content.blocks(example.body))\n\(link)"
            }.joined(separator: "\n"))
        }
        let related = recipe.related.compactMap { relation -> String? in
            guard let target = book.recipesByID[relation.recipe], target.id != recipe.id else { return nil }
            let title = HTML.escape(target.title)
            let link = targets.recipe(target.id).map { "<a href=\"\(HTML.escape($0))\">\(title)</a>" }
                ?? "\(title) <span class=\"not-included\">(nicht in dieser Ausgabe)</span>"
            return "<li>\(GermanLabels.relation(relation.kind)): \(link)\(relation.note.isEmpty ? "" : " – " + content.inlines(relation.note))</li>"
        }
        if !related.isEmpty { body += section("verwandt", "Verwandte Rezepte", "<ul>\n" + related.joined(separator: "\n") + "\n</ul>") }
        let backlinks = book.backlinks(to: recipe.id).compactMap { source in
            targets.recipe(source.id).map { "<li><a href=\"\(HTML.escape($0))\">\(HTML.escape(source.title))</a></li>" }
        }
        if !backlinks.isEmpty { body += section("verweist-hierher", "Verweist hierher", "<ul>\n" + backlinks.joined(separator: "\n") + "\n</ul>") }
        if !recipe.sources.isEmpty {
            body += section("quellen", "Quellen", "<ol>\n" + recipe.sources.map { source in
                let href = source.href.flatMap { HTML.isSafeExternalURL($0) ? $0 : nil }
                return "<li>\(content.inlines(source.citation))\(href.map { " <a href=\"\(HTML.escape($0))\">\(HTML.escape($0))</a>" } ?? "")</li>"
            }.joined(separator: "\n") + "\n</ol>")
        }
        let authors = recipe.authors.map { author in
            HTML.escape(author.organisation.map { "\(author.name) (\($0))" } ?? author.name)
        }.joined(separator: ", ")
        body += "<p class=\"colophon\">\(authors)\(recipe.reviewed.map { " · Zuletzt geprüft am \(GermanLabels.date($0))" } ?? "")</p>\n"
        body += "</section>"
        return XHTMLDocument.page(title: recipe.title, root: "../", body: body)
    }

    private func section(_ id: String, _ title: String, _ content: String) -> String {
        "<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(title)</h2>\n\(content)\n</section>\n"
    }
}
