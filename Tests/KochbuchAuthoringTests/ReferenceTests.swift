import Foundation
import KochbuchAuthoring
import KochbuchLoading
import Testing

/// The element reference `docs/reference.md` is generated from the schemas' documentation and
/// must equal the generator's output, so it cannot drift. After a schema change, run
/// `KOCHBUCH_RECORD=1 swift test --filter ReferenceTests` to write it anew, then read the diff.
@Suite struct ReferenceTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let referenceFile = repository.appendingPathComponent("docs/reference.md")
    static let schemas = SchemaSet.builtInDirectory

    @Test func referenceFileMatchesTheSchemas() throws {
        let generated = try SchemaReference.markdown(schemaDirectory: Self.schemas)
        if ProcessInfo.processInfo.environment["KOCHBUCH_RECORD"] == "1" {
            try Data(generated.utf8).write(to: Self.referenceFile)
            return
        }
        let recorded = try String(contentsOf: Self.referenceFile, encoding: .utf8)
        let upToDate = generated == recorded
        #expect(upToDate, "docs/reference.md differs from the schemas' documentation; re-run with KOCHBUCH_RECORD=1 swift test --filter ReferenceTests to regenerate it")
        if !upToDate {
            let new = generated.components(separatedBy: "\n")
            let old = recorded.components(separatedBy: "\n")
            let line = zip(new, old).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(new.count, old.count)
            Issue.record("first difference in line \(line + 1):\n  generated: \(line < new.count ? new[line] : "(end)")\n  recorded:  \(line < old.count ? old[line] : "(end)")")
        }
    }

    @Test func everyElementAndAttributeIsDocumented() throws {
        let missing = try SchemaReference.undocumented(schemaDirectory: Self.schemas)
        #expect(missing.isEmpty, "add an xs:annotation/xs:documentation (in German) to:\n\(missing.joined(separator: "\n"))")
    }

    /// Negative control: a copy of the schemas with one element's and one attribute's documentation removed.
    @Test func aMissingDocumentationIsReported() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-reference-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: Self.schemas, to: copy)
        #expect(try SchemaReference.undocumented(schemaDirectory: copy).isEmpty)

        let recipeSchema = copy.appendingPathComponent("recipe.xsd")
        var text = try String(contentsOf: recipeSchema, encoding: .utf8)
        try Self.removeDocumentation(after: #"<xs:element name="summary""#, in: &text)
        try Self.removeDocumentation(after: #"<xs:attribute name="reviewed""#, in: &text)
        try Data(text.utf8).write(to: recipeSchema)

        let missing = try SchemaReference.undocumented(schemaDirectory: copy)
        #expect(missing.count == 2)
        #expect(missing.contains { $0.hasPrefix("recipe.xsd:") && $0.hasSuffix("element 'summary'") })
        #expect(missing.contains { $0.hasPrefix("recipe.xsd:") && $0.hasSuffix("attribute 'reviewed'") })
        // The reference is still generated, and says what is missing.
        let markdown = try SchemaReference.markdown(schemaDirectory: copy)
        #expect(markdown.contains("(ohne Erläuterung)"))
    }

    /// Removes the first `<xs:documentation>…</xs:documentation>` after `marker`.
    static func removeDocumentation(after marker: String, in text: inout String) throws {
        let start = try #require(text.range(of: marker), "\(marker) is no longer in recipe.xsd; pick another declaration")
        let open = try #require(text.range(of: "<xs:documentation>", range: start.upperBound..<text.endIndex))
        let close = try #require(text.range(of: "</xs:documentation>", range: open.upperBound..<text.endIndex))
        text.removeSubrange(open.lowerBound..<close.upperBound)
    }

    @Test func everyDeclaredElementHasASectionAndEveryLinkATarget() throws {
        let markdown = try SchemaReference.markdown(schemaDirectory: Self.schemas)
        #expect(try SchemaReference.markdown(schemaDirectory: Self.schemas) == markdown, "the same schemas give the same text")

        // Headings and the anchors renderers give them.
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.map { line in
            String(line.drop { $0 == "#" }.dropFirst())
        }
        let anchors = headings.map { heading in
            String(heading.lowercased().compactMap { character -> Character? in
                character == " " ? "-" : (character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil)
            })
        }
        #expect(Set(anchors).count == anchors.count, "duplicate heading anchors")

        // Every internal link points at a heading.
        let links = try Regex(#"\]\(#([^)]+)\)"#)
        for match in markdown.matches(of: links) {
            let target = String(match.output[1].substring ?? "")
            #expect(anchors.contains(target), "link to #\(target) has no heading")
        }

        // Every element name declared in the schemas of the reference has a section, and each section heading names one.
        let elementHeadings = markdown.split(separator: "\n").filter { $0.hasPrefix("### ") }
        let sectionNames = Set(elementHeadings.compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) })
        var declared = Set<String>()
        for file in ["recipe.xsd", "common.xsd", "book.xsd", "glossary.xsd", "synonyms.xsd"] {
            let text = try String(contentsOf: Self.schemas.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: try Regex(#"<xs:element name="([a-z-]+)""#)) {
                declared.insert(String(match.output[1].substring ?? ""))
            }
        }
        #expect(declared.subtracting(sectionNames).isEmpty, "no section for \(declared.subtracting(sectionNames).sorted())")
        #expect(sectionNames.subtracting(declared).isEmpty, "sections for undeclared \(sectionNames.subtracting(declared).sorted())")
    }

    @Test func sectionsFollowTheReadersOrderAndDescribeContentAndAttributes() throws {
        let markdown = try SchemaReference.markdown(schemaDirectory: Self.schemas)
        func position(_ heading: String) throws -> String.Index {
            try #require(markdown.range(of: "\n### \(heading)\n"), "no section \(heading)").lowerBound
        }
        // The recipe's own elements in document order, then blocks, inlines, book and glossary.
        let order = ["`recipe`", "`title`", "`summary`", "`facts`", "`steps`", "`step`", "`sources`", "`source`",
                     "`p`", "`table`", "`figure`", "`em`", "`cite`", "`abbr`",
                     "`book`", "`title` (Buch)", "`chapter`", "`recipe` (Buch)", "`glossary`", "`term` (Glossar)"]
        let positions = try order.map(position)
        #expect(positions == positions.sorted(), "sections are out of order")

        let step = try section("`step`", in: markdown)
        #expect(step.contains("**Steht in:** [`steps`](#steps)."))
        #expect(step.contains("- [`title`](#title) – genau einmal"))
        #expect(step.contains("- einmal oder öfter, beliebig gemischt: [`p`](#p), [`ul`](#ul), [`ol`](#ol), [`note`](#note), [`table`](#table), [`figure`](#figure)"))
        #expect(step.contains("| `id` | Pflicht | [`Identifier`](#werttypen) |"))
        #expect(step.contains("| `duration` | optional | Dauer nach ISO 8601"))
        let title = try section("`title`", in: markdown)
        #expect(title.contains("- In [`recipe`](#recipe): Titel des Rezepts"))
        #expect(title.contains("- In [`step`](#step): Titel des Schritts"))
        let recipe = try section("`recipe`", in: markdown)
        #expect(recipe.contains("| `status` | Pflicht | einer der Werte `draft`, `review`, `published` |"))
        #expect(recipe.contains("| `xml:lang` | optional, Vorgabe `de` |"))
        #expect(recipe.contains("**Regel:** Die Kennungen der Schritte sind innerhalb eines Rezepts eindeutig."))
        // Inherited attributes through an extension and an attribute group.
        let cite = try section("`cite`", in: markdown)
        #expect(cite.contains("| `law` | Pflicht |") && cite.contains("| `paragraph` | optional |"))
        // The same element with different content in different places is described per place.
        let em = try section("`em`", in: markdown)
        #expect(em.contains("**In [`summary`](#summary)"))
        let places = em.split(separator: "\n").filter { $0.hasPrefix("**In ") }
        #expect(places.count == 2)
        #expect(places.first.map { $0.contains("[`summary`](#summary)") && !$0.contains("[`link`](#link)") } == true)
        #expect(places.last.map { $0.contains("[`link`](#link)") && !$0.contains("[`summary`](#summary)") } == true)
    }

    func section(_ heading: String, in markdown: String) throws -> Substring {
        let start = try #require(markdown.range(of: "\n### \(heading)\n"))
        let end = markdown.range(of: "\n#", range: start.upperBound..<markdown.endIndex)?.lowerBound ?? markdown.endIndex
        return markdown[start.upperBound..<end]
    }
}
