// The content model of an element as the reference describes it, resolved from XML Schema.

/// How often a particle may occur.
struct Occurs: Hashable {
    var min: Int
    /// nil means unbounded.
    var max: Int?

    static let once = Occurs(min: 1, max: 1)

    init(min: Int, max: Int?) {
        self.min = min
        self.max = max
    }

    init(of node: SchemaNode) {
        min = node.attribute("minOccurs").flatMap { Int($0) } ?? 1
        let max = node.attribute("maxOccurs") ?? "1"
        self.max = max == "unbounded" ? nil : (Int(max) ?? 1)
    }
}

/// A content model: elements, sequences, choices, all-groups and wildcards.
indirect enum Particle {
    case element(SchemaNode, Occurs)
    case sequence([Particle], Occurs)
    case choice([Particle], Occurs)
    case all([Particle], Occurs)
    case any(Occurs)

    var occurs: Occurs {
        switch self {
        case .element(_, let occurs), .sequence(_, let occurs), .choice(_, let occurs), .all(_, let occurs), .any(let occurs):
            occurs
        }
    }

    /// The element declarations in document order, each once.
    var elementDeclarations: [SchemaNode] {
        var seen = Set<String>()
        var result: [SchemaNode] = []
        func collect(_ particle: Particle) {
            switch particle {
            case .element(let node, _):
                if seen.insert(node.id).inserted { result.append(node) }
            case .sequence(let items, _), .choice(let items, _), .all(let items, _):
                items.forEach(collect)
            case .any:
                break
            }
        }
        collect(self)
        return result
    }
}

/// The value space of text content or an attribute.
indirect enum ValueType {
    /// A built-in XML Schema type by local name: "string", "date", ….
    case builtin(String)
    /// A named simple type of the schemas.
    case named(String, SchemaNode)
    /// A restriction of a base type by facets (enumerations included).
    case restriction(base: ValueType, enumerations: [String], facets: [Facet])
    /// A whitespace-separated list, with facets on the list (length counts items).
    case list(item: ValueType, facets: [Facet])
    /// One of several types.
    case union([ValueType])
}

extension ValueType {
    /// The named simple types this value space mentions, without looking into their definitions.
    var namedTypes: [(name: String, node: SchemaNode)] {
        switch self {
        case .builtin: []
        case .named(let name, let node): [(name, node)]
        case .restriction(let base, _, _): base.namedTypes
        case .list(let item, _): item.namedTypes
        case .union(let members): members.flatMap(\.namedTypes)
        }
    }
}

/// A constraining facet other than an enumeration.
struct Facet {
    var kind: String
    var value: String
}

/// An attribute as used on an element.
struct AttributeUse {
    /// The name as written in a document: "id", "xml:lang".
    var name: String
    var required: Bool
    var defaultValue: String?
    var fixedValue: String?
    var value: ValueType
    var documentation: String?
}

/// What an element may contain: text, child elements, attributes.
struct ElementContent {
    var mixed = false
    var particle: Particle?
    /// The type of the text when the content is simple (text only).
    var text: ValueType?
    var attributes: [AttributeUse] = []
    var anyAttribute = false
    /// xs:anyType: an element declared without a type.
    var anything = false
}
