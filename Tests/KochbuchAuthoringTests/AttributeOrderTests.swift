import Foundation
import KochbuchLoading
import KochbuchXML
import Testing
@testable import KochbuchAuthoring

/// The canonical attribute order read from the built-in schemas.
@Suite struct AttributeOrderTests {
    static let order = AttributeOrder.builtIn

    @Test func everyDeclaredElementHasAnOrderConsistentWithEachOfItsDeclarations() throws {
        // Independent of the reader: every `<xs:element name="…"` in the schema files.
        var names: Set<String> = []
        let directory = SchemaSet.builtInDirectory
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".xsd") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /<xs:element\s+name="([^"]+)"/) { names.insert(String(match.output.1)) }
        }
        #expect(names.count >= 60, "\(names.sorted())")
        #expect(Set(Self.order.declared.keys) == names)

        let declarations = SchemaAttributeReader.declarations(in: directory)
        #expect(declarations.count >= names.count)
        for declaration in declarations {
            let merged = try #require(Self.order.declared[declaration.element])
            let positions = declaration.attributes.map { merged.firstIndex(of: $0) }
            #expect(!positions.contains(nil), "\(declaration.element)")
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(),
                    "\(declaration.element): \(declaration.attributes) not in the order of \(merged)")
        }
    }

    @Test func followsTheSchemaDeclarationOrder() {
        func names(_ element: String) -> [String] {
            (Self.order.declared[element] ?? []).map { $0.namespace == XMLNamespace.xml ? "xml:\($0.name)" : $0.name }
        }
        // `recipe` is both a recipe's root and a chapter entry in book.xml (`ref`): the orders are merged.
        #expect(names("recipe") == ["id", "xml:lang", "status", "reviewed", "ref"])
        #expect(Set(names("leistung")).isSuperset(of: ["key", "name", "ozg", "lebenslage"]))
        #expect(names("step") == ["id", "role", "duration"])
        #expect(names("cite") == ["law", "section", "paragraph", "as-of"])
        #expect(names("basis") == ["law", "section", "paragraph", "as-of", "municipalities"])
        #expect(names("xref") == ["recipe", "step"])
        #expect(names("duration") == ["min", "max"])
        #expect(names("example") == ["municipality", "year", "href"])
        #expect(names("relation") == ["recipe", "kind"])
        #expect(names("p").isEmpty)
    }

    @Test func sortsNamespacesSchemaInstanceIdDeclaredThenUnknown() throws {
        let source = """
        <recipe zeta="1" reviewed="2026-01-01" alpha="2" status="draft" xml:lang="de" id="x"
                xsi:schemaLocation="urn:kochbuch:1.0 schema/recipe.xsd" k:extra="3"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:k="urn:k" xmlns="urn:kochbuch:1.0"/>
        """
        let formatted = try RecipeFormatter(width: 400).format(source)
        #expect(formatted.contains(#"<recipe xmlns="urn:kochbuch:1.0" xmlns:k="urn:k" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:kochbuch:1.0 schema/recipe.xsd" id="x" xml:lang="de" status="draft" reviewed="2026-01-01" alpha="2" k:extra="3" zeta="1"/>"#))
        // Elements outside the Kochbuch namespace get no declared order.
        let foreign = try RecipeFormatter().format(#"<r xmlns="urn:other" recipe="a" step="b" kind="c" id="d"/>"#)
        #expect(foreign.contains(#"<r xmlns="urn:other" id="d" kind="c" recipe="a" step="b"/>"#))
    }

    @Test func breaksALongStartTagIntoAlignedAttributes() throws {
        let source = #"<r xmlns="urn:kochbuch:1.0"><relation kind="see-also" recipe="ein-sehr-langer-rezeptname">Text</relation></r>"#
        let formatted = try RecipeFormatter(width: 50).format(source)
        #expect(formatted.contains("""
          <relation recipe="ein-sehr-langer-rezeptname"
                    kind="see-also">Text</relation>
        """))
    }
}
