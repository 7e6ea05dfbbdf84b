import Foundation
import KochbuchModel

/// One page per recipe: facts, classification, legal basis, ingredients, numbered steps with
/// anchors, tips, pitfalls, practice examples, related recipes, backlinks, sources, and
/// schema.org HowTo data.
struct RecipePage {
    let site: SiteContext
    private var lookup: BookLookup { site.book.lookup }

    /// Everything the page is made of, short of running the templates: its path, a key of all its
    /// inputs (the template contexts, the templates, and `salt`), and how to make the page.
    func prepare(_ recipe: Recipe, templates: TemplateSet, salt: String) -> PreparedPage {
        let root = "../"
        let book = site.book
        let content = ContentRenderer(book: book, root: root, currentRecipe: recipe.id)
        let facts = recipe.facts
        var context: [String: Any] = [
            "id": recipe.id,
            "title": recipe.title,
            "summary": content.inlines(recipe.summary),
            "status": GermanLabels.status(recipe.status),
            "isDraft": recipe.status != .published,
            "reviewed": recipe.reviewed.map(GermanLabels.date) ?? "",
            "authors": recipe.authors.map { author -> [String: Any] in
                var value: [String: Any] = ["name": author.name]
                if let organisation = author.organisation, organisation != author.name { value["organisation"] = organisation }
                return value
            },
            "difficulty": GermanLabels.difficulty(facts.difficulty),
            "duration": GermanLabels.duration(min: facts.durationMin, max: facts.durationMax),
            "cost": GermanLabels.cost(facts.cost),
            "costNote": facts.costNote.isEmpty ? false : content.inlines(facts.costNote),
            "scope": facts.scope.map(GermanLabels.scope).joined(separator: ", "),
            "audience": facts.audience.map(GermanLabels.audience).joined(separator: ", "),
            "maturity": GermanLabels.maturity(facts.maturity),
        ]
        context["themenfelder"] = recipe.classification.themenfelder.compactMap { reference in
            book.themenfelderByID[reference.id].map { ["name": $0.name, "href": root + SiteLinks.themenfeld($0.id)] }
        }
        context["lebenslagen"] = recipe.classification.lebenslagen.compactMap { reference in
            book.lebenslagenByID[reference.id].map { ["name": $0.name, "href": root + SiteLinks.lebenslage($0.id)] }
        }
        context["ozgLeistungen"] = recipe.classification.ozgLeistungen.map { reference in
            ["id": reference.id, "name": book.ozgByID[reference.id]?.name ?? "", "href": root + SiteLinks.ozgLeistung(reference.id)]
        }
        context["leika"] = recipe.classification.leikaKeys.map { reference in
            ["key": reference.id, "name": book.leikaByKey[reference.id]?.name ?? ""]
        }
        context["hasClassification"] = !(recipe.classification.lebenslagen.isEmpty && recipe.classification.ozgLeistungen.isEmpty
            && recipe.classification.leikaKeys.isEmpty && recipe.classification.themenfelder.isEmpty)
        context["lawNotices"] = Self.lawNotices(recipe, book: book, root: root)
        context["legalBasis"] = recipe.legalBasis.map { basis in
            var value: [String: Any] = ["title": book.citationTitle(basis.reference)]
            if let href = book.citationLink(basis.reference) { value["href"] = root + href }
            if !basis.note.isEmpty { value["note"] = content.inlines(basis.note) }
            return value
        }
        context["ingredientGroups"] = Ingredient.Kind.allCases.compactMap { kind -> [String: Any]? in
            let items = recipe.ingredients.filter { $0.kind == kind }
            guard !items.isEmpty else { return nil }
            return ["label": GermanLabels.ingredient(kind), "items": items.map { content.inlines($0.content) }]
        }
        context["steps"] = recipe.steps.enumerated().map { index, step in
            var value: [String: Any] = [
                "number": index + 1, "anchor": "schritt-\(HTML.fragment(step.id))", "title": step.title,
                "body": content.blocks(step.body),
            ]
            if let role = step.role { value["role"] = role }
            if let duration = step.duration { value["duration"] = GermanLabels.duration(min: duration, max: nil) }
            return value
        }
        context["tips"] = recipe.tips.map(content.blocks)
        context["pitfalls"] = recipe.pitfalls.map(content.blocks)
        context["examples"] = recipe.examples.map { example in
            var value: [String: Any] = ["municipality": example.municipality, "body": content.blocks(example.body)]
            if let year = example.year { value["year"] = String(year) }
            if let href = example.href, HTML.isSafeExternalURL(href) { value["href"] = href }
            return value
        }
        context["related"] = recipe.related.compactMap { relation -> [String: Any]? in
            guard let target = book.recipesByID[relation.recipe], target.id != recipe.id else { return nil }
            var value: [String: Any] = ["title": target.title, "href": root + SiteLinks.recipe(target.id),
                                        "relation": GermanLabels.relation(relation.kind)]
            if !relation.note.isEmpty { value["note"] = content.inlines(relation.note) }
            return value
        }
        context["backlinks"] = book.backlinks(to: recipe.id).map { site.recipeLink($0, root: root) }
        if facts.costNote.isEmpty { context.removeValue(forKey: "costNote") }
        context["sources"] = recipe.sources.map { source -> [String: Any] in
            var value: [String: Any] = ["citation": content.inlines(source.citation)]
            if let href = source.href, HTML.isSafeExternalURL(href) { value["href"] = href }
            return value
        }
        // The recipes before and after this one in book order, and, for a long recipe, what the page holds.
        if let position = book.positionInOrder[recipe.id] {
            if position > 0 { context["previous"] = site.recipeLink(book.orderedRecipes[position - 1], root: root) }
            if position + 1 < book.orderedRecipes.count { context["next"] = site.recipeLink(book.orderedRecipes[position + 1], root: root) }
            context["hasNeighbours"] = book.orderedRecipes.count > 1
        }
        if recipe.steps.count >= 5 {
            // Every entry names its own steps (none but Zubereitung's), so none inherits the page's.
            var toc: [[String: Any]] = [["anchor": "eckdaten", "label": "Eckdaten", "tocSteps": [Any]()]]
            if !recipe.legalBasis.isEmpty { toc.append(["anchor": "rechtsgrundlagen", "label": "Rechtsgrundlagen", "tocSteps": [Any]()]) }
            if !recipe.ingredients.isEmpty { toc.append(["anchor": "zutaten", "label": "Zutaten", "tocSteps": [Any]()]) }
            toc.append(["anchor": "zubereitung", "label": "Zubereitung", "tocSteps": context["steps"] ?? [Any](), "hasTocSteps": true])
            for (present, anchor, label) in [(!recipe.tips.isEmpty, "tipps", "Tipps"), (!recipe.pitfalls.isEmpty, "stolpersteine", "Stolpersteine"),
                                             (!recipe.examples.isEmpty, "praxis", "Aus der Praxis"),
                                             (!recipe.sources.isEmpty, "quellen", "Quellen")] where present {
                toc.append(["anchor": anchor, "label": label, "tocSteps": [Any]()])
            }
            context["toc"] = toc
        }
        let path = SiteLinks.recipe(recipe.id)
        let layout = site.layout(root: root, path: path, title: recipe.title, description: recipe.summary.readerText(lookup, in: recipe.id),
                                 content: "", jsonLD: jsonLD(recipe, path: path), markdownCopy: "\(recipe.id).md")
        var key = StableHash()
        key.combine(salt)
        key.combine(templates.fingerprint)
        key.combine(context: context)
        key.combine(context: layout)
        return PreparedPage(path: path, key: key.hex) {
            var page = layout
            page["content"] = templates.render(context, template: "recipe")
            return templates.render(page, template: "layout")
        }
    }

    /// schema.org HowTo as a script element; every `<` is escaped so no text can close or open a script.
    private func jsonLD(_ recipe: Recipe, path: String) -> String {
        typealias Field = (key: String, value: (inout JSONText) -> Void)
        func text(_ value: String) -> (inout JSONText) -> Void { { $0.string(value) } }
        func named(_ type: String, _ name: String) -> [Field] { [("@type", text(type)), ("name", text(name))] }
        var fields: [Field] = [
            ("@context", text("https://schema.org")),
            ("@type", text("HowTo")),
            ("name", text(recipe.title)),
            ("description", text(recipe.summary.readerText(lookup, in: recipe.id))),
            ("inLanguage", text(recipe.language)),
            ("step", { json in
                json.array(Array(recipe.steps.enumerated())) { json, item in
                    var step: [Field] = named("HowToStep", item.element.title) + [
                        ("position", { $0.raw(String(item.offset + 1)) }),
                        // Paragraphs, items and cells on lines of their own, so two cells never run into one sentence.
                        ("text", text(ReadableText.of(item.element.body) { $0.readerText(lookup, in: recipe.id) }.joined(separator: "\n"))),
                    ]
                    if let base = site.baseURL { step.append(("url", text(base + path + "#schritt-\(HTML.fragment(item.element.id))"))) }
                    json.object(step)
                }
            }),
            ("supply", { json in
                json.array(recipe.ingredients.filter { $0.kind != .technical }) { $0.object(named("HowToSupply", $1.content.readerText(lookup, in: recipe.id))) }
            }),
            ("tool", { json in
                json.array(recipe.ingredients.filter { $0.kind == .technical }) { $0.object(named("HowToTool", $1.content.readerText(lookup, in: recipe.id))) }
            }),
            ("author", { json in
                json.array(recipe.authors) { $0.object(named("Organization", $1.organisation ?? $1.name)) }
            }),
        ]
        if let total = ISODuration(recipe.facts.durationMax ?? recipe.facts.durationMin) { fields.append(("totalTime", text(total.iso))) }
        if let reviewed = recipe.reviewed { fields.append(("dateModified", text(reviewed.description))) }
        if let base = site.baseURL { fields.append(("url", text(base + path))) }
        var json = JSONText()
        json.object(fields)
        return "<script type=\"application/ld+json\">\(json.text)</script>"
    }

    /// The sections the recipe cites whose text changed after its review, with links to the changes.
    static func lawNotices(_ recipe: Recipe, book: SiteBook, root: String) -> [[String: Any]] {
        guard let reviewed = recipe.reviewed else { return [] }
        var seen: Set<String> = []
        var notices: [[String: Any]] = []
        for citation in book.graph.citations(of: recipe.id) {
            let reference = citation.reference
            guard reference.asOf == nil, let number = reference.section, let law = book.lawsByID[reference.law],
                  let changed = book.lastChanges["\(law.id) \(number)"], changed > reviewed,
                  seen.insert("\(law.id) \(number)").inserted else { continue }
            notices.append([
                "label": "§ \(number) \(law.abbreviation)", "date": GermanLabels.date(changed),
                "href": root + SiteLinks.lawHistory(law.id) + "#v\(changed)",
            ])
        }
        return notices
    }
}
