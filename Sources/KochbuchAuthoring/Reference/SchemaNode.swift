import KochbuchXML

/// The XML Schema namespace.
let xsNamespace = "http://www.w3.org/2001/XMLSchema"

/// One xs: element of a schema file, with the path of child indices that identifies it.
struct SchemaNode {
    let file: String
    let path: [Int]
    let element: XMLElement

    /// Unique within the loaded files: the file name and the child indices from the root.
    var id: String { file + "#" + path.map(String.init).joined(separator: ".") }

    /// The local name of the schema construct: "element", "complexType", "sequence", ….
    var kind: String { element.name }

    var line: Int { element.line }

    func attribute(_ name: String) -> String? { element.attribute(name) }

    /// The child constructs in the XML Schema namespace, in document order.
    var children: [SchemaNode] {
        element.elements.enumerated().compactMap { index, child in
            child.namespace == xsNamespace ? SchemaNode(file: file, path: path + [index], element: child) : nil
        }
    }

    func children(_ kind: String) -> [SchemaNode] { children.filter { $0.kind == kind } }

    func child(_ kind: String) -> SchemaNode? { children.first { $0.kind == kind } }

    /// The text of the first xs:annotation/xs:documentation, whitespace collapsed; nil when there is none or it is blank.
    var documentation: String? {
        for annotation in children("annotation") {
            for documentation in annotation.children("documentation") {
                let text = documentation.element.textContent
                    .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                if !text.isEmpty { return text }
            }
        }
        return nil
    }
}
