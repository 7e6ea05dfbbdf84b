import Foundation

/// Writes the element reference from an ``ElementCatalog``.
struct ReferenceRenderer {
    let catalog: ElementCatalog
    let library: SchemaLibrary

    static let valueTypesAnchor = "werttypen"

    func render() throws -> String {
        var sectionsText: [String] = []
        var previousPart: ElementCatalog.Part?
        for section in catalog.sections {
            if section.part != previousPart {
                sectionsText.append(partHeading(section.part))
                previousPart = section.part
            }
            sectionsText.append(render(section))
        }
        var out: [String] = [introduction(), overview()]
        out += sectionsText
        out.append(try valueTypes())
        return out.joined(separator: "\n\n") + "\n"
    }

    // MARK: Frame

    private func introduction() -> String {
        let namespace = (try? library.targetNamespace(of: catalog.roots.first?.schema ?? "")) ?? ""
        let schemas = catalog.roots.map { Markdown.code($0.schema) }
        return """
        # Elementreferenz

        Diese Referenz beschreibt jedes Element des Kochbuch-Formats (Namensraum \(Markdown.code(namespace))): \
        wozu es dient, wo es stehen darf, was es enthält und welche Attribute es hat. Sie ist aus den \
        Erläuterungen der Schemas in `Recipes/schema/` erzeugt (\(schemas.joined(separator: ", ")) \
        mit den eingebundenen Dateien). Ändern Sie nicht diese Datei, sondern das Schema, und schreiben \
        Sie sie dann mit `KOCHBUCH_RECORD=1 swift test --filter ReferenceTests` neu. Eine Einführung \
        mit Beispielen steht im [Leitfaden für Autorinnen und Autoren](authoring.md).

        So lesen Sie die Angaben: **Steht in** nennt die Elemente, in denen ein Element vorkommen darf. \
        **Inhalt** nennt die Unterelemente in ihrer Reihenfolge und wie oft jedes vorkommt: „genau einmal“ \
        ist Pflicht, „optional“ darf fehlen, „einmal oder öfter“ ist Pflicht und wiederholbar. \
        „Fließtext“ heißt: Text, in dem die genannten Auszeichnungen vorkommen dürfen. Bei den **Attributen** \
        steht, ob sie Pflicht sind und welche Werte erlaubt sind; Typnamen wie `Identifier` sind unter \
        [Werttypen](#\(Self.valueTypesAnchor)) erklärt.
        """
    }

    private func overview() -> String {
        var lines = ["## Übersicht", ""]
        var parts: [ElementCatalog.Part] = []
        for section in catalog.sections where !parts.contains(section.part) { parts.append(section.part) }
        for part in parts {
            let links = catalog.sections.filter { $0.part == part }.map(link)
            lines.append("- [\(partTitle(part))](#\(Markdown.anchor(partTitle(part)))): \(links.joined(separator: ", "))")
        }
        lines.append("- [Werttypen](#\(Self.valueTypesAnchor))")
        return lines.joined(separator: "\n")
    }

    private func partTitle(_ part: ElementCatalog.Part) -> String {
        switch part {
        case .document(let index): catalog.roots[index].title
        case .blocks: "Blöcke"
        case .inlines: "Inline-Auszeichnungen"
        }
    }

    private func partHeading(_ part: ElementCatalog.Part) -> String {
        let members = catalog.sections.filter { $0.part == part }
        let intro: String
        switch part {
        case .document(let index):
            let spec = catalog.roots[index]
            let files = Set(members.map(\.file)).sorted().map(Markdown.code)
            intro = "Die Elemente \(spec.location). Schema: \(files.joined(separator: ", "))."
        case .blocks, .inlines:
            let own = Set(members.map(\.anchor))
            let outside = catalog.parentSections(of: members.flatMap(\.declarations)).filter { !own.contains($0.anchor) }
            let files = Set(members.map(\.file)).sorted().map(Markdown.code)
            let schema = "Schema \(files.joined(separator: ", "))"
            intro = part == .blocks
                ? "Blockelemente, gemeinsam für alle Dokumente (\(schema)). Sie stehen in: \(outside.map(link).joined(separator: ", "))."
                : "Auszeichnungen im Fließtext, gemeinsam für alle Dokumente (\(schema)). "
                    + "Sie stehen im Text von: \(outside.map(link).joined(separator: ", "))."
        }
        return "## \(partTitle(part))\n\n\(intro)"
    }

    private func link(_ section: ElementCatalog.Section) -> String {
        "[\(Markdown.code(section.name))](#\(section.anchor))"
    }

    // MARK: Sections

    private func render(_ section: ElementCatalog.Section) -> String {
        let declarations = section.declarations.map { catalog.declarations[$0]! }
        var blocks = ["### \(section.heading)"]

        // What it is: one text, or one per place when the declarations say different things.
        let documentation = variants(section.declarations) { catalog.declarations[$0]!.node.documentation.map(Markdown.text) ?? "(ohne Erläuterung)" }
        if documentation.count == 1 {
            blocks.append(documentation[0].text)
        } else {
            blocks.append(documentation.map { "- In \(placeList($0.ids)): \($0.text)" }.joined(separator: "\n"))
        }

        // Where it may appear.
        var places: [String] = []
        if let root = declarations.compactMap(\.rootOf).first { places.append("Wurzelelement \(root.location)") }
        let parents = catalog.parentSections(of: section.declarations)
        if !parents.isEmpty { places.append(parents.map(link).joined(separator: ", ")) }
        blocks.append("**Steht in:** \(places.joined(separator: "; ")).")

        // What it contains and its attributes: one description, or one per place when they differ.
        let bodies = variants(section.declarations) { body(of: catalog.declarations[$0]!.content) }
        if bodies.count == 1 {
            blocks.append(bodies[0].text)
        } else {
            for body in bodies {
                blocks.append("**In \(placeList(body.ids)):**\n\n\(body.text)")
            }
        }

        var rules: [String] = []
        for declaration in declarations { for rule in declaration.rules where !rules.contains(rule) { rules.append(rule) } }
        for rule in rules { blocks.append("**Regel:** \(Markdown.text(rule))") }
        return blocks.joined(separator: "\n\n")
    }

    /// Groups declarations by a rendered text, ordered by where their first parent stands in the reference.
    private func variants(_ ids: [String], _ text: (String) -> String) -> [(text: String, ids: [String])] {
        var result: [(text: String, ids: [String])] = []
        for id in ids {
            let value = text(id)
            if let index = result.firstIndex(where: { $0.text == value }) {
                result[index].ids.append(id)
            } else {
                result.append((value, [id]))
            }
        }
        let first = result.map { catalog.parentSections(of: $0.ids).first.map(catalog.position) ?? -1 }
        return result.indices.sorted { (first[$0], $0) < (first[$1], $1) }.map { result[$0] }
    }

    private func placeList(_ ids: [String]) -> String {
        let parents = catalog.parentSections(of: ids)
        if parents.isEmpty { return "der Wurzel" }
        return parents.map(link).joined(separator: ", ")
    }

    // MARK: Content

    private func body(of content: ElementContent) -> String {
        var blocks: [String] = []
        if content.anything {
            blocks.append("**Inhalt:** beliebig.")
        } else if let text = content.text {
            if case .builtin(let name) = text, ["string", "normalizedString", "token"].contains(name) {
                blocks.append("**Inhalt:** nur Text (\(Markdown.code("xs:" + name))).")
            } else {
                blocks.append("**Inhalt:** nur Text – \(describe(text)).")
            }
        } else if let particle = content.particle {
            blocks.append(contentsOf: describe(particle, mixed: content.mixed))
        } else if content.mixed {
            blocks.append("**Inhalt:** Fließtext ohne Auszeichnungen.")
        } else {
            blocks.append("**Inhalt:** leer – das Element trägt nur Attribute.")
        }

        if content.attributes.isEmpty {
            blocks.append(content.anyAttribute ? "**Attribute:** beliebige aus anderen Namensräumen." : "**Attribute:** keine.")
        } else {
            var table = ["**Attribute:**", "", "| Attribut | Angabe | Werte | Bedeutung |", "| --- | --- | --- | --- |"]
            for attribute in content.attributes {
                let use: String
                if let fixed = attribute.fixedValue {
                    use = "fest: \(Markdown.code(fixed))"
                } else if attribute.required {
                    use = "Pflicht"
                } else if let value = attribute.defaultValue {
                    use = "optional, Vorgabe \(Markdown.code(value))"
                } else {
                    use = "optional"
                }
                let cells = [Markdown.code(attribute.name), use, describe(attribute.value),
                             attribute.documentation.map(Markdown.text) ?? "(ohne Erläuterung)"]
                table.append("| " + cells.map(Markdown.cell).joined(separator: " | ") + " |")
            }
            if content.anyAttribute { table += ["", "Dazu beliebige Attribute aus anderen Namensräumen."] }
            blocks.append(table.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// The children of an element, as paragraphs and a list.
    private func describe(_ particle: Particle, mixed: Bool) -> [String] {
        let lead = mixed ? "Fließtext" : nil
        // Text with one repeated choice: the usual inline content, in one sentence.
        if case .choice(let items, let occurs) = particle, occurs.max != 1 {
            let members = flatten(items).map(inline).joined(separator: ", ")
            let how = occurs.min == 0 ? "beliebig oft und gemischt" : "\(occurrence(occurs)), beliebig gemischt"
            return ["**Inhalt:** \(lead.map { "\($0); darin " } ?? "")\(how): \(members)."]
        }
        let items: [Particle]
        if case .sequence(let members, let occurs) = particle, occurs == .once {
            items = flattenSequence(members)
        } else {
            items = [particle]
        }
        let heading = "**Inhalt:** \(lead.map { "\($0) mit diesen Elementen" } ?? "Unterelemente")\(items.count > 1 ? ", in dieser Reihenfolge" : ""):"
        return [heading, items.map { "- " + bullet($0) }.joined(separator: "\n")]
    }

    /// Nested sequences that occur once read as one sequence.
    private func flattenSequence(_ items: [Particle]) -> [Particle] {
        items.flatMap { item -> [Particle] in
            if case .sequence(let members, let occurs) = item, occurs == .once { return flattenSequence(members) }
            return [item]
        }
    }

    /// Choices inside a choice that occur once are alternatives of the outer choice.
    private func flatten(_ items: [Particle]) -> [Particle] {
        items.flatMap { item -> [Particle] in
            if case .choice(let members, let occurs) = item, occurs == .once { return flatten(members) }
            return [item]
        }
    }

    private func bullet(_ particle: Particle) -> String {
        switch particle {
        case .element(let node, let occurs):
            return "\(elementLink(node)) – \(occurrence(occurs))"
        case .choice(let items, let occurs):
            let members = flatten(items).map(inline).joined(separator: ", ")
            switch (occurs.min, occurs.max) {
            case (1, 1?): return "genau eines von: \(members)"
            case (0, 1?): return "höchstens eines von: \(members)"
            default: return "\(occurrence(occurs)), beliebig gemischt: \(members)"
            }
        case .sequence(let items, let occurs):
            return "\(occurrence(occurs)) die Folge: \(flattenSequence(items).map(inline).joined(separator: ", "))"
        case .all(let items, let occurs):
            return "\(occurrence(occurs)), in beliebiger Reihenfolge: \(items.map(inline).joined(separator: ", "))"
        case .any(let occurs):
            return "beliebige Elemente – \(occurrence(occurs))"
        }
    }

    /// A particle inside a list of alternatives: a link, with its count when it is not exactly once.
    private func inline(_ particle: Particle) -> String {
        switch particle {
        case .element(let node, let occurs):
            return occurs == .once ? elementLink(node) : "\(elementLink(node)) (\(occurrence(occurs)))"
        default:
            return "(\(bullet(particle)))"
        }
    }

    private func elementLink(_ node: SchemaNode) -> String {
        link(catalog.section(of: node.id))
    }

    private func occurrence(_ occurs: Occurs) -> String {
        switch (occurs.min, occurs.max) {
        case (1, 1?): "genau einmal"
        case (0, 1?): "optional"
        case (1, nil): "einmal oder öfter"
        case (0, nil): "beliebig oft, auch keinmal"
        case (let min, nil): "mindestens \(min)-mal"
        case (let min, let max?) where min == max: "genau \(min)-mal"
        case (let min, let max?): "\(min)- bis \(max)-mal"
        }
    }

    // MARK: Values

    private static let builtins: [String: String] = [
        "string": "Text", "normalizedString": "Text", "token": "Text",
        "anyURI": "Adresse", "date": "Datum JJJJ-MM-TT", "dateTime": "Zeitpunkt JJJJ-MM-TTThh:mm:ss",
        "duration": "Dauer nach ISO 8601, z. B. `P3M` oder `P42D`", "gYear": "Jahreszahl JJJJ",
        "language": "Sprachkennung nach BCP 47, z. B. `de`", "nonNegativeInteger": "ganze Zahl ab 0",
        "positiveInteger": "ganze Zahl ab 1", "integer": "ganze Zahl", "decimal": "Dezimalzahl",
        "boolean": "`true` oder `false`", "anySimpleType": "beliebiger Text",
    ]

    /// The allowed values of a type, in words.
    private func describe(_ type: ValueType) -> String {
        switch type {
        case .builtin(let name):
            return "\(Self.builtins[name] ?? "Wert") (\(Markdown.code("xs:" + name)))"
        case .named(let name, _):
            return "[\(Markdown.code(name))](#\(Self.valueTypesAnchor))"
        case .restriction(let base, let enumerations, let facets):
            if !enumerations.isEmpty {
                let values = enumerations.map { $0.isEmpty ? "leer" : Markdown.code($0) }
                return values.count == 1 ? values[0] : "einer der Werte \(values.joined(separator: ", "))"
            }
            return ([describe(base)] + facets.compactMap { phrase($0, list: false) }).joined(separator: ", ")
        case .list(let item, let facets):
            var text: String
            if case .restriction(_, let enumerations, let itemFacets) = item, !enumerations.isEmpty, itemFacets.isEmpty {
                text = "Liste aus den Werten \(enumerations.map(Markdown.code).joined(separator: ", "))"
            } else {
                text = "Liste aus \(describe(item))"
            }
            text += ", durch Leerzeichen getrennt"
            return ([text] + facets.compactMap { phrase($0, list: true) }).joined(separator: ", ")
        case .union(let members):
            return members.map(describe).joined(separator: " oder ")
        }
    }

    private func phrase(_ facet: Facet, list: Bool) -> String? {
        let unit = list ? (facet.value == "1" ? "Eintrag" : "Einträge") : "Zeichen"
        switch facet.kind {
        case "pattern": return "Muster \(Markdown.code(facet.value))"
        case "length": return "genau \(facet.value) \(unit)"
        case "minLength": return "mindestens \(facet.value) \(unit)"
        case "maxLength": return "höchstens \(facet.value) \(unit)"
        case "minInclusive": return "mindestens \(facet.value)"
        case "maxInclusive": return "höchstens \(facet.value)"
        case "minExclusive": return "größer als \(facet.value)"
        case "maxExclusive": return "kleiner als \(facet.value)"
        case "totalDigits": return "höchstens \(facet.value) Ziffern"
        case "fractionDigits": return "höchstens \(facet.value) Nachkommastellen"
        default: return nil
        }
    }

    /// The named value types the reference mentions, alphabetically, with their documentation and definition.
    private func valueTypes() throws -> String {
        var pending: [(name: String, node: SchemaNode)] = []
        for section in catalog.sections {
            for id in section.declarations {
                let content = catalog.declarations[id]!.content
                pending += (content.text?.namedTypes ?? []) + content.attributes.flatMap(\.value.namedTypes)
            }
        }
        var entries: [String: String] = [:]
        while let (name, node) = pending.popLast() {
            guard entries[name] == nil else { continue }
            let definition = try library.components(of: node.file).valueType(of: node)
            pending += definition.namedTypes
            let documentation = node.documentation.map(Markdown.text) ?? "(ohne Erläuterung)"
            entries[name] = "- **\(Markdown.code(name))** – \(documentation) Erlaubt: \(describe(definition))."
        }
        let lines = ["## Werttypen", "",
                     "Benannte Typen für Text und Attributwerte, alphabetisch. „Muster“ ist ein regulärer Ausdruck, dem der ganze Wert entsprechen muss.", ""]
        return (lines + entries.keys.sorted().map { entries[$0]! }).joined(separator: "\n")
    }
}
