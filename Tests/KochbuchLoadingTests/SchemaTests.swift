import Foundation
import KochbuchLoading
import KochbuchXML
import Testing

/// The schemas the tool validates with are the ones authors see in Recipes/schema/, and every
/// element and attribute they declare is documented.
@Suite struct SchemaTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let schemaFiles = ["common.xsd", "recipe.xsd", "book.xsd", "law.xsd", "topics.xsd", "glossary.xsd", "xml.xsd"]

    @Test(arguments: schemaFiles)
    func builtInSchemaMatchesTheBooksCopy(_ name: String) throws {
        let builtIn = try Data(contentsOf: SchemaSet.builtInDirectory.appendingPathComponent(name))
        let editorCopy = try Data(contentsOf: Self.repository.appendingPathComponent("Recipes/schema/\(name)"))
        #expect(builtIn == editorCopy, "Recipes/schema/\(name) differs from Sources/KochbuchLoading/Schemas/\(name): copy one over the other")
    }

    @Test(arguments: schemaFiles)
    func everyDeclarationIsDocumented(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: SchemaSet.builtInDirectory.appendingPathComponent(name)))
        let root = try #require(XMLParser.parse(bytes, name: name).document?.root)
        var undocumented: [String] = []
        func visit(_ element: XMLElement) {
            if (element.name == "element" || element.name == "attribute"), let declared = element.attribute("name") {
                let documentation = element.firstElement(named: "annotation")?.firstElement(named: "documentation")
                if documentation?.textContent.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
                    undocumented.append("\(element.name) '\(declared)' (line \(element.line))")
                }
            }
            element.elements.forEach(visit)
        }
        visit(root)
        #expect(undocumented.isEmpty, "\(name): \(undocumented)")
    }

    @Test(arguments: DocumentKind.allCases)
    func everySchemaCompiles(_ kind: DocumentKind) throws {
        guard case .success = SchemaSet().schema(for: kind) else {
            Issue.record("\(kind.schemaFileName) does not compile")
            return
        }
    }
}
