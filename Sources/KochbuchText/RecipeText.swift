import KochbuchModel

/// Writes one recipe: title, byline, summary, facts, classification, legal basis, ingredients,
/// steps, tips, pitfalls, practice examples, related recipes, backlinks, sources and, at the end,
/// the numbered references ("Verweise").
struct RecipeText {
    let book: TextBook
    let width: Int
    /// The recipes in this edition; nil when a recipe is shown on its own.
    let edition: Set<String>?

    func lines(_ recipe: Recipe) -> [String] {
        let state = RenderState()
        let inline = InlineText(book: book, currentRecipe: recipe.id, edition: edition, state: state)
        let blocks = BlockText(inline: inline, width: width)
        let layout = TextLayout(width: width)
        var document = TextDocument()

        document.add(layout.heading(recipe.title, "="))
        document.add(TextWrapper.wrap(byline(recipe), width: width))
        document.add(TextWrapper.wrap(inline.text(recipe.summary), width: width))

        let facts = recipe.facts
        let costNote = inline.text(facts.costNote)
        section("Eckdaten", layout.labelled([
            ("Schwierigkeit", [GermanLabels.difficulty(facts.difficulty)]),
            ("Geschätzte Dauer", [GermanLabels.duration(min: facts.durationMin, max: facts.durationMax)]),
            ("Kosten", [GermanLabels.cost(facts.cost)] + (TextWrapper.collapsed(costNote).isEmpty ? [] : [costNote])),
            ("Für", facts.scope.isEmpty ? [] : [facts.scope.map(GermanLabels.scope).joined(separator: ", ")]),
            ("Nutzen für", facts.audience.isEmpty ? [] : [facts.audience.map(GermanLabels.audience).joined(separator: ", ")]),
            ("Erreichter Reifegrad", [GermanLabels.maturity(facts.maturity)]),
        ]), to: &document)

        let classification = recipe.classification
        section("Einordnung im OZG-Umsetzungskatalog", layout.labelled([
            ("Themenfeld", joined(classification.themenfelder.map { book.themenfelderByID[$0.id]?.name ?? $0.id })),
            ("Lebenslage", joined(classification.lebenslagen.map { book.lebenslagenByID[$0.id]?.name ?? $0.id })),
            ("OZG-Leistungen", classification.ozgLeistungen.map { keyed($0.id, book.ozgByID[$0.id]?.name) }),
            ("LeiKa-Schlüssel", classification.leikaKeys.map { keyed($0.id, book.leikaByKey[$0.id]?.name) }),
        ]), to: &document)

        section("Rechtsgrundlagen", recipe.legalBasis.flatMap { basis in
            let note = inline.text(basis.note)
            let title = book.citationTitle(basis.reference)
            return bullet(TextWrapper.collapsed(note).isEmpty ? title : "\(title): \(note)")
        }, to: &document)

        var ingredients = TextDocument()
        for kind in Ingredient.Kind.allCases {
            let items = recipe.ingredients.filter { $0.kind == kind }
            guard !items.isEmpty else { continue }
            ingredients.add(["\(GermanLabels.ingredient(kind)):"] + items.flatMap { bullet(inline.text($0.content)) })
        }
        section("Zutaten", ingredients.lines, to: &document)

        var steps = TextDocument()
        let markerWidth = "\(recipe.steps.count). ".count
        let bodyIndent = TextWrapper.spaces(markerWidth)
        for (index, step) in recipe.steps.enumerated() {
            let marker = "\(index + 1). "
            var head = TextWrapper.wrap(step.title, width: width,
                                        first: TextWrapper.spaces(markerWidth - marker.count) + marker, rest: bodyIndent)
            var meta: [String] = []
            if let role = step.role, !TextWrapper.collapsed(role).isEmpty { meta.append("Verantwortlich: \(role)") }
            if let duration = step.duration { meta.append("Dauer: \(GermanLabels.duration(min: duration, max: nil))") }
            if !meta.isEmpty {
                head += TextWrapper.wrap(meta.joined(separator: " · "), width: width, first: bodyIndent, rest: bodyIndent)
            }
            steps.add(head)
            steps.add(blocks.lines(step.body, indent: bodyIndent))
        }
        section("Zubereitung", steps.lines, to: &document)

        section("Tipps", items(recipe.tips, blocks: blocks), to: &document)
        section("Stolpersteine", items(recipe.pitfalls, blocks: blocks), to: &document)

        var examples = TextDocument()
        for example in recipe.examples {
            let name = example.year.map { "\(example.municipality) (\($0))" } ?? example.municipality
            var body = blocks.lines(example.body, indent: "  ")
            if let href = example.href {
                if !body.isEmpty { body.append("") }
                body += TextWrapper.wrap("Mehr zu diesem Beispiel: \(href)", width: width, first: "  ", rest: "    ")
            }
            examples.add(TextWrapper.wrap(name + ":", width: width) + body)
        }
        section("Aus der Praxis", examples.lines, to: &document)

        section("Verwandte Rezepte", recipe.related.flatMap { relation -> [String] in
            guard book.recipesByID[relation.recipe] != nil, relation.recipe != recipe.id else { return [] }
            let note = inline.text(relation.note)
            var text = "\(GermanLabels.relation(relation.kind)): \(recipeLabel(relation.recipe))"
            if !TextWrapper.collapsed(note).isEmpty { text += " – \(note)" }
            return bullet(text)
        }, to: &document)

        let backlinks = book.backlinks(to: recipe.id).filter { edition?.contains($0.id) ?? true }
        section("Verweist hierher", backlinks.flatMap { bullet(book.recipeLabel($0.id)) }, to: &document)

        let sourceMarkers = recipe.sources.indices.map { "\($0 + 1). " }
        let sourceMarkerWidth = sourceMarkers.map(\.count).max() ?? 0
        section("Quellen", zip(recipe.sources, sourceMarkers).flatMap { source, marker -> [String] in
            let first = "  " + TextWrapper.spaces(sourceMarkerWidth - marker.count) + marker
            let hanging = "  " + TextWrapper.spaces(sourceMarkerWidth)
            var lines = TextWrapper.wrap(inline.text(source.citation), width: width, first: first, rest: hanging)
            if let href = source.href {
                lines += TextWrapper.wrap(href, width: width, first: lines.isEmpty ? first : hanging, rest: hanging)
            }
            return lines
        }, to: &document)

        section("Verweise", ReferencesText(width: width).lines(state.references), to: &document)
        return document.lines
    }

    /// "Redaktion Kochbuch · Zuletzt geprüft am 1. November 2026 · Kennung: e-akte".
    private func byline(_ recipe: Recipe) -> String {
        var parts: [String] = []
        let authors = recipe.authors.map { author in
            guard let organisation = author.organisation, !organisation.isEmpty, organisation != author.name else { return author.name }
            return "\(author.name) (\(organisation))"
        }
        if !authors.isEmpty { parts.append(authors.joined(separator: ", ")) }
        if recipe.status != .published { parts.append("Stand: \(GermanLabels.status(recipe.status))") }
        if let reviewed = recipe.reviewed { parts.append("Zuletzt geprüft am \(TextWrapper.glued(GermanLabels.date(reviewed)))") }
        parts.append(TextWrapper.glued("Kennung: \(recipe.id)"))
        return parts.joined(separator: " · ")
    }

    /// Names as one value, "Querschnitt, Bauen & Wohnen"; no value for none.
    private func joined(_ names: [String]) -> [String] {
        names.isEmpty ? [] : [names.joined(separator: ", ")]
    }

    /// "10519 Bauvorbescheid und Baugenehmigung".
    private func keyed(_ key: String, _ name: String?) -> String {
        guard let name, !name.isEmpty else { return key }
        return "\(key) \(name)"
    }

    /// "Title (id)", marked when the recipe is not part of this edition.
    private func recipeLabel(_ id: String) -> String {
        guard let edition, !edition.contains(id) else { return book.recipeLabel(id) }
        return "\(book.recipeLabel(id)) (nicht in dieser Ausgabe)"
    }

    /// A list item "  - text" with its text hanging under the text.
    private func bullet(_ text: String) -> [String] {
        TextWrapper.wrap(text, width: width, first: "  - ", rest: "    ")
    }

    /// Tips or pitfalls as list items; blank lines between them when one has several blocks.
    private func items(_ items: [[Block]], blocks: BlockText) -> [String] {
        let spaced = items.contains { $0.count > 1 }
        var lines: [String] = []
        for item in items {
            if spaced && !lines.isEmpty { lines.append("") }
            lines += blocks.hanging("- ", item, indent: "  ")
        }
        return lines
    }

    /// A section with its underlined heading, left out when it has no content.
    private func section(_ title: String, _ content: [String], to document: inout TextDocument) {
        guard !content.isEmpty else { return }
        document.add(TextLayout(width: width).heading(title, "-"))
        document.add(content)
    }
}
