import Foundation
import KochbuchModel
import KochbuchXML

/// The schema files of one folder, each parsed once, and the global components of each
/// schema (a file with everything it includes and imports).
final class SchemaLibrary {
    let directory: URL
    private var roots: [String: SchemaNode] = [:]

    init(directory: URL) {
        self.directory = directory
    }

    /// The xs:schema element of a file in the folder.
    func root(of file: String) throws -> SchemaNode {
        if let root = roots[file] { return root }
        let url = directory.appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SchemaReferenceError.unreadable(file: file)
        }
        let outcome = KochbuchXML.XMLParser.parse(Array(data), name: file)
        guard let element = outcome.document?.root else {
            throw SchemaReferenceError.malformed(file: file, message: outcome.problems.first.map {
                Phrase(de: "die Datei ist kein wohlgeformtes XML (Meldung von libxml2: \($0.message))", en: $0.message)
            } ?? Phrase(de: "die Datei ist kein wohlgeformtes XML", en: "not well-formed"))
        }
        guard element.name == "schema", element.namespace == xsNamespace else {
            throw SchemaReferenceError.malformed(file: file, message: Phrase(de: "das Wurzelelement ist nicht 'xs:schema'",
                                                                             en: "the root element is not xs:schema"))
        }
        let root = SchemaNode(file: file, path: [], element: element)
        roots[file] = root
        return root
    }

    /// The target namespace of a file ("" when it has none).
    func targetNamespace(of file: String) throws -> String {
        try root(of: file).attribute("targetNamespace") ?? ""
    }

    /// The global components of the schema rooted in `file`.
    func components(of file: String) throws -> SchemaComponents {
        var components = SchemaComponents(library: self)
        var visited = Set<String>()
        func add(_ file: String) throws {
            guard visited.insert(file).inserted else { return }
            let root = try root(of: file)
            let namespace = root.attribute("targetNamespace") ?? ""
            for node in root.children {
                switch node.kind {
                case "include", "import", "redefine":
                    if let location = node.attribute("schemaLocation") { try add(location) }
                case "element", "attribute", "complexType", "simpleType", "group", "attributeGroup":
                    if let name = node.attribute("name") {
                        components.table[SchemaComponents.key(node.kind, namespace, name)] = node
                    }
                default:
                    break
                }
            }
        }
        try add(file)
        return components
    }
}
