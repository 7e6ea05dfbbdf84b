import Foundation
import KochbuchLoading
import KochbuchXML

/// The canonical order of the attributes on a start tag:
///
/// 1. namespace declarations: `xmlns`, then `xmlns:*` by prefix;
/// 2. `xsi:*` attributes (XML Schema instance) by local name;
/// 3. `id`;
/// 4. the attributes the schema declares for the element, in declaration order;
/// 5. all others by their name as written.
///
/// The declaration order is read from the built-in schemas (the same files as `Recipes/schema/`)
/// once per process.
struct AttributeOrder: Sendable {
    /// An attribute name: namespace URI (`nil` for none) and local name.
    struct Name: Hashable, Sendable {
        var namespace: String?
        var name: String
    }

    static let schemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance"

    /// The order derived from the built-in schemas.
    static let builtIn = AttributeOrder(schemaDirectory: SchemaSet.builtInDirectory)

    /// For each element local name in the Kochbuch namespace, its declared attributes in order.
    /// An element name declared in several places (e.g. `leistung` in two catalogs) gets the merge of
    /// all its declarations, each of which stays a subsequence of the merged order.
    let declared: [String: [Name]]

    /// The namespace whose elements the declared order applies to.
    let namespace: String

    init(declared: [String: [Name]], namespace: String = DocumentKind.namespace) {
        self.declared = declared
        self.namespace = namespace
    }

    /// The order declared in the `.xsd` files of a folder.
    init(schemaDirectory: URL) {
        var declared: [String: [Name]] = [:]
        for declaration in SchemaAttributeReader.declarations(in: schemaDirectory) {
            declared[declaration.element] = Self.merge(declared[declaration.element] ?? [], declaration.attributes)
        }
        self.init(declared: declared)
    }

    /// Merges `addition` into `order`, placing each new name right after its predecessor in `addition`.
    static func merge(_ order: [Name], _ addition: [Name]) -> [Name] {
        var result = order
        var previous: Name?
        for name in addition {
            if !result.contains(name) {
                let position = previous.flatMap { result.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
                result.insert(name, at: position)
            }
            previous = name
        }
        return result
    }

    /// The namespace declarations in canonical order: the default one first, then by prefix.
    func sorted(_ declarations: [XMLNamespaceDeclaration]) -> [XMLNamespaceDeclaration] {
        declarations.sorted { left, right in
            switch (left.prefix, right.prefix) {
            case (nil, nil): false
            case (nil, _): true
            case (_, nil): false
            case (let l?, let r?): l < r
            }
        }
    }

    /// The attributes of `element` in canonical order.
    func sorted(_ attributes: [XMLAttribute], of element: XMLElement) -> [XMLAttribute] {
        let declaredOrder = element.namespace == namespace ? declared[element.name] ?? [] : []
        var positions: [Name: Int] = [:]
        for (index, name) in declaredOrder.enumerated() where positions[name] == nil { positions[name] = index }
        func rank(_ attribute: XMLAttribute) -> (Int, Int, String) {
            if attribute.namespace == Self.schemaInstanceNamespace { return (0, 0, attribute.name) }
            if attribute.namespace == nil && attribute.name == "id" { return (1, 0, "") }
            if let position = positions[Name(namespace: attribute.namespace, name: attribute.name)] {
                return (2, position, "")
            }
            return (3, 0, attribute.qualifiedName)
        }
        return attributes.sorted { rank($0) < rank($1) }
    }
}
