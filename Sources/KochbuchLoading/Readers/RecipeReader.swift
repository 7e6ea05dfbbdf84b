import KochbuchModel
import KochbuchXML

/// Builds a `Recipe` from a `<recipe>` element.
struct RecipeReader {
    let content: ContentReader

    func read(_ root: XMLNodeView) -> Recipe {
        let facts = root.firstElement(named: "facts")
        let classification = root.firstElement(named: "classification")
        let duration = facts?.firstElement(named: "duration")
        let cost = facts?.firstElement(named: "cost")
        return Recipe(
            id: root.attribute("id") ?? "",
            language: root.attribute("lang", namespace: XMLNamespace.xml) ?? "de",
            status: Recipe.Status(rawValue: root.attribute("status") ?? "") ?? .draft,
            reviewed: root.attribute("reviewed").flatMap(CalendarDate.init),
            title: content.text(root.firstElement(named: "title")),
            summary: root.firstElement(named: "summary").map(content.inlines) ?? [],
            authors: children(root, "authors", "author").map {
                Author(name: content.text($0), organisation: $0.attribute("organisation"))
            },
            facts: Facts(
                difficulty: Facts.Difficulty(rawValue: content.text(facts?.firstElement(named: "difficulty"))) ?? .medium,
                durationMin: duration?.attribute("min") ?? "",
                durationMax: duration?.attribute("max"),
                cost: Facts.CostLevel(rawValue: cost?.attribute("level") ?? "") ?? .medium,
                costNote: cost.map(content.inlines) ?? [],
                scope: tokens(facts?.firstElement(named: "scope")).compactMap(Facts.Scope.init),
                audience: tokens(facts?.firstElement(named: "audience")).compactMap(Facts.Audience.init),
                maturity: Int(content.text(facts?.firstElement(named: "maturity"))) ?? 0),
            classification: Classification(
                themenfelder: references(classification, "themenfeld"),
                lebenslagen: references(classification, "lebenslage"),
                ozgLeistungen: references(classification, "ozg-leistung"),
                leikaKeys: references(classification, "leika")),
            legalBasis: children(root, "legal-basis", "basis").map {
                LegalBasis(reference: content.lawReference($0), note: content.inlines($0),
                           municipalities: $0.attribute("municipalities").flatMap(MunicipalApplicability.init(rawValue:)))
            },
            ingredients: children(root, "ingredients", "ingredient").map {
                Ingredient(kind: Ingredient.Kind(rawValue: $0.attribute("kind") ?? "") ?? .technical,
                           content: content.inlines($0))
            },
            steps: children(root, "steps", "step").map { step in
                Step(id: step.attribute("id") ?? "",
                     title: content.text(step.firstElement(named: "title")),
                     role: step.attribute("role"),
                     duration: step.attribute("duration"),
                     body: content.blocks(step),
                     location: content.location(of: step))
            },
            tips: children(root, "tips", "tip").map(content.blocks),
            pitfalls: children(root, "pitfalls", "pitfall").map(content.blocks),
            examples: children(root, "examples", "example").map {
                PracticeExample(municipality: $0.attribute("municipality") ?? "",
                                year: $0.attribute("year").flatMap { Int($0) },
                                href: $0.attribute("href"), body: content.blocks($0))
            },
            related: children(root, "related", "relation").map {
                Relation(recipe: $0.attribute("recipe") ?? "",
                         kind: Relation.Kind(rawValue: $0.attribute("kind") ?? "") ?? .seeAlso,
                         note: content.inlines($0),
                         location: content.attributeLocation("recipe", of: $0))
            },
            sources: children(root, "sources", "source").map {
                Source(href: $0.attribute("href"), citation: content.inlines($0))
            },
            location: content.location(of: root))
    }

    private func children(_ root: XMLNodeView, _ container: String, _ name: String) -> [XMLNodeView] {
        root.firstElement(named: container)?.elements(named: name) ?? []
    }

    private func references(_ element: XMLNodeView?, _ name: String) -> [CatalogReference] {
        (element?.elements(named: name) ?? []).map {
            CatalogReference(id: $0.attribute("ref") ?? "", location: content.attributeLocation("ref", of: $0))
        }
    }

    private func tokens(_ element: XMLNodeView?) -> [String] {
        (element?.textContent ?? "").split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }
}
