import Foundation
import KochbuchXML

/// Reads the attribute declarations of every element declared in a folder of XML Schema files:
/// for each `xs:element name="…"` (global or local), its attributes in declaration order, following
/// named complex types, `xs:extension`/`xs:restriction` bases (base attributes first), attribute groups
/// and attribute references such as `xml:lang`.
enum SchemaAttributeReader {
    /// One element declaration and the attributes its type declares, in order.
    struct Declaration: Sendable {
        var element: String
        var attributes: [AttributeOrder.Name]
    }

    static let schemaNamespace = "http://www.w3.org/2001/XMLSchema"

    /// Every element declaration in the `.xsd` files of `directory`, files in name order.
    static func declarations(in directory: URL) -> [Declaration] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".xsd") }
            .sorted()
        var schemas: [XMLElement] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path),
                  let document = XMLParser.parse([UInt8](data), name: file).document else { continue }
            schemas.append(document.root)
        }
        var context = Context()
        for schema in schemas {
            for definition in schema.elements where definition.namespace == schemaNamespace {
                guard let name = definition.attribute("name") else { continue }
                switch definition.name {
                case "complexType": context.complexTypes[name] = Definition(element: definition, schema: schema)
                case "attributeGroup": context.attributeGroups[name] = Definition(element: definition, schema: schema)
                default: break
                }
            }
        }
        var declarations: [Declaration] = []
        for schema in schemas {
            collect(in: schema, schema: schema, context: context, into: &declarations)
        }
        return declarations
    }

    /// A top-level definition with the schema document it stands in (for resolving prefixes).
    private struct Definition {
        var element: XMLElement
        var schema: XMLElement
    }

    private struct Context {
        var complexTypes: [String: Definition] = [:]
        var attributeGroups: [String: Definition] = [:]
    }

    private static func collect(in element: XMLElement, schema: XMLElement, context: Context,
                                into declarations: inout [Declaration]) {
        for child in element.elements where child.namespace == schemaNamespace {
            if child.name == "element", let name = child.attribute("name") {
                declarations.append(Declaration(element: name, attributes: attributes(ofElement: child, schema: schema, context: context)))
            }
            collect(in: child, schema: schema, context: context, into: &declarations)
        }
    }

    private static func attributes(ofElement declaration: XMLElement, schema: XMLElement, context: Context) -> [AttributeOrder.Name] {
        if let type = declaration.attribute("type") {
            return complexTypeAttributes(named: type, schema: schema, context: context, visited: [])
        }
        if let inline = declaration.elements.first(where: { $0.namespace == schemaNamespace && $0.name == "complexType" }) {
            return complexTypeAttributes(inline, schema: schema, context: context, visited: [])
        }
        return []
    }

    private static func complexTypeAttributes(named qualified: String, schema: XMLElement, context: Context,
                                              visited: Set<String>) -> [AttributeOrder.Name] {
        let (prefix, local) = split(qualified)
        guard namespace(of: prefix, in: schema) != schemaNamespace, !visited.contains(local),
              let definition = context.complexTypes[local] else { return [] }
        return complexTypeAttributes(definition.element, schema: definition.schema, context: context,
                                     visited: visited.union([local]))
    }

    private static func complexTypeAttributes(_ type: XMLElement, schema: XMLElement, context: Context,
                                              visited: Set<String>) -> [AttributeOrder.Name] {
        var result: [AttributeOrder.Name] = []
        for child in type.elements where child.namespace == schemaNamespace {
            switch child.name {
            case "complexContent", "simpleContent":
                for derivation in child.elements
                where derivation.namespace == schemaNamespace && (derivation.name == "extension" || derivation.name == "restriction") {
                    if let base = derivation.attribute("base") {
                        append(complexTypeAttributes(named: base, schema: schema, context: context, visited: visited), to: &result)
                    }
                    append(ownAttributes(derivation, schema: schema, context: context, visited: visited), to: &result)
                }
            default:
                break
            }
        }
        append(ownAttributes(type, schema: schema, context: context, visited: visited), to: &result)
        return result
    }

    /// The `xs:attribute` and `xs:attributeGroup` children of a type, derivation or attribute group.
    private static func ownAttributes(_ parent: XMLElement, schema: XMLElement, context: Context,
                                      visited: Set<String>) -> [AttributeOrder.Name] {
        var result: [AttributeOrder.Name] = []
        for child in parent.elements where child.namespace == schemaNamespace {
            switch child.name {
            case "attribute":
                if let name = child.attribute("name") {
                    append([AttributeOrder.Name(namespace: nil, name: name)], to: &result)
                } else if let reference = child.attribute("ref") {
                    let (prefix, local) = split(reference)
                    append([AttributeOrder.Name(namespace: namespace(of: prefix, in: schema), name: local)], to: &result)
                }
            case "attributeGroup":
                guard let reference = child.attribute("ref") else { continue }
                let local = split(reference).local
                guard !visited.contains("group " + local), let group = context.attributeGroups[local] else { continue }
                append(ownAttributes(group.element, schema: group.schema, context: context,
                                     visited: visited.union(["group " + local])), to: &result)
            default:
                break
            }
        }
        return result
    }

    private static func append(_ names: [AttributeOrder.Name], to result: inout [AttributeOrder.Name]) {
        for name in names where !result.contains(name) { result.append(name) }
    }

    private static func split(_ qualified: String) -> (prefix: String?, local: String) {
        guard let colon = qualified.firstIndex(of: ":") else { return (nil, qualified) }
        return (String(qualified[..<colon]), String(qualified[qualified.index(after: colon)...]))
    }

    /// The namespace a prefix stands for in a schema document (declared on its root element).
    private static func namespace(of prefix: String?, in schema: XMLElement) -> String? {
        if prefix == "xml" { return XMLNamespace.xml }
        return schema.namespaceDeclarations.first { $0.prefix == prefix }?.uri
    }
}
