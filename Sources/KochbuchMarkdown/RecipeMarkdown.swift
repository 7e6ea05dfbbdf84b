import Foundation
import KochbuchLinking
import KochbuchModel

/// One recipe as a Markdown document, from the same model as the other editions: title, summary,
/// facts, classification, the legal basis written out with each law's version date and whether it
/// binds municipalities, ingredients, numbered steps, tips, pitfalls, practice examples, related
/// recipes by id, and sources.
public struct RecipeMarkdown: Sendable {
    public let book: Book
    public let graph: LinkGraph
    public let links: MarkdownLinks
    private let lookup: BookLookup

    public init(book: Book, graph: LinkGraph, links: MarkdownLinks) {
        self.book = book
        self.graph = graph
        self.links = links
        lookup = BookLookup(book)
    }

    public func markdown(_ recipe: Recipe) -> String {
        let text = MarkdownText(lookup: lookup, links: links, currentRecipe: recipe.id)
        var out = MarkdownDocument()
        out.heading(1, MarkdownText.escape(recipe.title))
        var byline = ["Kennung: `\(recipe.id)`"]
        if recipe.status != .published { byline.append("Stand: \(GermanLabels.status(recipe.status))") }
        if let reviewed = recipe.reviewed { byline.append("zuletzt geprüft am \(GermanLabels.date(reviewed))") }
        if let date = book.rechtsstand ?? book.newestLawVersionDate { byline.append("Rechtsstand: \(GermanLabels.date(date))") }
        out.paragraph(byline.joined(separator: " · "))
        out.paragraph(MarkdownText.safeLineStart(text.inline(recipe.summary).trimmingCharacters(in: .whitespaces)))

        let facts = recipe.facts
        var factLines = [
            "- Schwierigkeit: \(GermanLabels.difficulty(facts.difficulty))",
            "- Geschätzte Dauer: \(GermanLabels.duration(min: facts.durationMin, max: facts.durationMax))",
            "- Kosten: \(GermanLabels.cost(facts.cost))" + (facts.costNote.isEmpty ? "" : " – " + text.inline(facts.costNote).trimmingCharacters(in: .whitespaces)),
        ]
        if !facts.scope.isEmpty { factLines.append("- Für: " + facts.scope.map(GermanLabels.scope).joined(separator: ", ")) }
        if !facts.audience.isEmpty { factLines.append("- Nutzen für: " + facts.audience.map(GermanLabels.audience).joined(separator: ", ")) }
        factLines.append("- Erreichter Reifegrad: \(GermanLabels.maturity(facts.maturity))")
        out.section("Eckdaten", factLines)

        let classification = recipe.classification
        var topics: [String] = []
        func add(_ label: String, _ names: [String]) {
            if !names.isEmpty { topics.append("- \(label): " + names.map(MarkdownText.escape).joined(separator: ", ")) }
        }
        add("Themenfeld", classification.themenfelder.map { lookup.themenfelder[$0.id]?.name ?? $0.id })
        add("Lebenslage", classification.lebenslagen.map { lookup.lebenslagen[$0.id]?.name ?? $0.id })
        add("OZG-Leistungen", classification.ozgLeistungen.map { id in lookup.ozgLeistungen[id.id].map { "\(id.id) \($0.name)" } ?? id.id })
        add("LeiKa-Schlüssel", classification.leikaKeys.map { key in lookup.leika[key.id].map { "\(key.id) \($0.name)" } ?? key.id })
        out.section("Einordnung im OZG-Umsetzungskatalog", topics)

        out.section("Rechtsgrundlagen", recipe.legalBasis.map { basis in
            var line = "- " + LawCitationText(lookup: lookup).basis(basis, links: links)
            if !basis.note.isEmpty { line += ": " + text.inline(basis.note).trimmingCharacters(in: .whitespaces) }
            return line
        })

        var ingredients: [String] = []
        for kind in Ingredient.Kind.allCases {
            let items = recipe.ingredients.filter { $0.kind == kind }
            guard !items.isEmpty else { continue }
            if !ingredients.isEmpty { ingredients.append("") }
            ingredients.append("**\(GermanLabels.ingredient(kind)):**")
            ingredients.append("")
            ingredients += items.map { "- " + text.inline($0.content).trimmingCharacters(in: .whitespaces) }
        }
        out.section("Zutaten", ingredients)

        var steps: [String] = []
        for (index, step) in recipe.steps.enumerated() {
            if !steps.isEmpty { steps.append("") }
            steps.append("### Schritt \(index + 1): \(MarkdownText.escape(step.title))")
            var meta: [String] = []
            if let role = step.role, !role.isEmpty { meta.append("Verantwortlich: \(MarkdownText.escape(role))") }
            if let duration = step.duration { meta.append("Dauer: \(GermanLabels.duration(min: duration, max: nil))") }
            if !meta.isEmpty { steps += ["", "*" + meta.joined(separator: " · ") + "*"] }
            let body = text.blocks(step.body)
            if !body.isEmpty { steps += [""] + body }
        }
        out.section("Zubereitung", steps)

        out.section("Tipps", items(recipe.tips, text))
        out.section("Stolpersteine", items(recipe.pitfalls, text))

        var examples: [String] = []
        for example in recipe.examples {
            if !examples.isEmpty { examples.append("") }
            let name = MarkdownText.escape(example.municipality) + (example.year.map { " (\($0))" } ?? "")
            examples.append("**\(name)**")
            examples += [""] + text.blocks(example.body)
            if let href = example.href { examples += ["", "Mehr zu diesem Beispiel: " + MarkdownText.link(MarkdownText.escape(href), href)] }
        }
        out.section("Aus der Praxis", examples)

        out.section("Verwandte Rezepte", recipe.related.compactMap { relation in
            guard let target = lookup.recipes[relation.recipe], relation.recipe != recipe.id else { return nil }
            var line = "- \(GermanLabels.relation(relation.kind)): "
                + MarkdownText.link(MarkdownText.escape(target.title), links.recipe(target.id, step: nil)) + " (`\(target.id)`)"
            if !relation.note.isEmpty { line += " – " + text.inline(relation.note).trimmingCharacters(in: .whitespaces) }
            return line
        })
        out.section("Verweist hierher", graph.backlinks(to: recipe.id).map(\.source).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }.compactMap { id in
            lookup.recipes[id].map { "- " + MarkdownText.link(MarkdownText.escape($0.title), links.recipe(id, step: nil)) + " (`\(id)`)" }
        })
        out.section("Quellen", recipe.sources.enumerated().map { index, source in
            var line = "\(index + 1). " + text.inline(source.citation).trimmingCharacters(in: .whitespaces)
            if let href = source.href { line += " – " + MarkdownText.link(MarkdownText.escape(href), href) }
            return line
        })
        return out.text
    }

    private func items(_ items: [[Block]], _ text: MarkdownText) -> [String] {
        var lines: [String] = []
        for item in items {
            let body = text.blocks(item, indent: "  ")
            guard let first = body.first else { continue }
            lines.append("- " + first.dropFirst(2))
            lines += body.dropFirst()
        }
        return lines
    }
}

/// A law reference as the Markdown editions write it: "§ 6a EGovG – Elektronische Aktenführung
/// (Fassung vom 24. Juli 2024)", linked to the section.
struct LawCitationText {
    let lookup: BookLookup

    func basis(_ basis: LegalBasis, links: MarkdownLinks) -> String {
        let reference = basis.reference
        guard let law = lookup.laws[reference.law] else { return MarkdownText.escape(reference.displayText(law: nil)) }
        var label = reference.displayText(law: law)
        if let title = reference.section(in: law)?.title, !title.isEmpty {
            label += " – \(title)"
        } else if reference.section == nil {
            label += " – \(law.title)"
        }
        var line = MarkdownText.link(MarkdownText.escape(label), links.law(law.id, section: reference.section))
        if reference.asOf == nil, let version = law.current { line += " (Fassung vom \(GermanLabels.date(version.date)))" }
        if let scope = (basis.municipalities ?? law.municipalities)?.germanDescription { line += " – \(scope)" }
        return line
    }
}

/// Lines of a Markdown document with blank lines between its parts.
struct MarkdownDocument {
    private(set) var lines: [String] = []

    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func heading(_ level: Int, _ text: String) {
        add([String(repeating: "#", count: level) + " " + text])
    }

    mutating func paragraph(_ text: String) {
        guard !text.isEmpty else { return }
        add([text])
    }

    mutating func section(_ title: String, _ content: [String], level: Int = 2) {
        guard !content.isEmpty else { return }
        heading(level, title)
        add(content)
    }

    mutating func add(_ content: [String]) {
        if !lines.isEmpty { lines.append("") }
        lines += content
    }
}
