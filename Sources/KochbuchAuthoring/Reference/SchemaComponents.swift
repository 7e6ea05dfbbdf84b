import KochbuchModel
import KochbuchXML

// The part of XML Schema the Kochbuch schemas use, resolved far enough to describe every element:
// named and anonymous types, groups, attribute groups, extensions and restrictions, xs:include and xs:import.

/// The global components of one schema, and the rules that resolve references to them.
struct SchemaComponents {
    let library: SchemaLibrary
    var table: [String: SchemaNode] = [:]

    static func key(_ kind: String, _ namespace: String, _ name: String) -> String {
        "\(kind) {\(namespace)}\(name)"
    }

    /// A qualified name in a reference. The Kochbuch schemas bind `xs` to XML Schema, `xml` to the
    /// XML namespace and the default namespace to their target namespace; the parser keeps no
    /// namespace declarations, so these conventions stand in for them.
    enum Name {
        case builtin(String)
        case component(namespace: String, local: String)
    }

    func qualifiedName(_ reference: String, in node: SchemaNode) throws -> Name {
        let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            return .component(namespace: try library.targetNamespace(of: node.file), local: reference)
        }
        switch parts[0] {
        case "xs", "xsd": return .builtin(parts[1])
        case "xml": return .component(namespace: XMLNamespace.xml, local: parts[1])
        default: throw SchemaReferenceError.unresolved(file: node.file, line: node.line, kind: "namespace prefix", name: parts[0])
        }
    }

    func lookup(_ kind: String, _ reference: String, from node: SchemaNode) throws -> SchemaNode {
        if case .component(let namespace, let local) = try qualifiedName(reference, in: node),
           let found = table[Self.key(kind, namespace, local)] {
            return found
        }
        throw SchemaReferenceError.unresolved(file: node.file, line: node.line, kind: kind, name: reference)
    }

    // MARK: Elements

    /// The declaration an element particle stands for: itself, or the global element it refers to.
    func declaration(_ node: SchemaNode) throws -> SchemaNode {
        guard let reference = node.attribute("ref") else { return node }
        return try lookup("element", reference, from: node)
    }

    /// The content of an element declaration.
    func content(ofElement declaration: SchemaNode) throws -> ElementContent {
        if let type = declaration.attribute("type") {
            switch try qualifiedName(type, in: declaration) {
            case .builtin(let name):
                return name == "anyType" ? ElementContent(anything: true) : ElementContent(text: .builtin(name))
            case .component:
                if let complex = try? lookup("complexType", type, from: declaration) {
                    return try content(ofComplexType: complex)
                }
                return ElementContent(text: try valueType(named: type, from: declaration))
            }
        }
        if let complex = declaration.child("complexType") { return try content(ofComplexType: complex) }
        if let simple = declaration.child("simpleType") { return ElementContent(text: try valueType(of: simple)) }
        return ElementContent(anything: true)
    }

    /// The content of a named or anonymous complex type, with everything it inherits.
    func content(ofComplexType type: SchemaNode) throws -> ElementContent {
        var result = ElementContent(mixed: type.attribute("mixed") == "true")
        if let simple = type.child("simpleContent") {
            guard let derivation = simple.child("extension") ?? simple.child("restriction"),
                  let base = derivation.attribute("base") else {
                throw SchemaReferenceError.malformed(file: type.file, message: Phrase(de: "Zeile \(simple.line): 'simpleContent' ohne 'base'",
                                                                                     en: "line \(simple.line): simpleContent without a base"))
            }
            if let complex = try? lookup("complexType", base, from: derivation) {
                let inherited = try content(ofComplexType: complex)
                result.text = inherited.text
                result.attributes = inherited.attributes
                result.anyAttribute = inherited.anyAttribute
            } else {
                result.text = try valueType(named: base, from: derivation)
            }
            if derivation.kind == "restriction" {
                let (enumerations, facets) = facets(of: derivation)
                if let text = result.text, !(enumerations.isEmpty && facets.isEmpty) {
                    result.text = .restriction(base: text, enumerations: enumerations, facets: facets)
                }
            }
            try merge(attributesOf: derivation, into: &result)
            return result
        }
        if let complex = type.child("complexContent") {
            if complex.attribute("mixed") == "true" { result.mixed = true }
            guard let derivation = complex.child("extension") ?? complex.child("restriction"),
                  let base = derivation.attribute("base") else {
                throw SchemaReferenceError.malformed(file: type.file, message: Phrase(de: "Zeile \(complex.line): 'complexContent' ohne 'base'",
                                                                                      en: "line \(complex.line): complexContent without a base"))
            }
            let own = try particle(in: derivation)
            if case .builtin("anyType") = try qualifiedName(base, in: derivation) {
                result.particle = own
            } else {
                let inherited = try content(ofComplexType: try lookup("complexType", base, from: derivation))
                result.mixed = result.mixed || inherited.mixed
                result.attributes = inherited.attributes
                result.anyAttribute = inherited.anyAttribute
                if derivation.kind == "restriction" {
                    result.particle = own
                } else {
                    switch (inherited.particle, own) {
                    case (nil, let own): result.particle = own
                    case (let base?, nil): result.particle = base
                    case (let base?, let own?): result.particle = .sequence([base, own], .once)
                    }
                }
            }
            try merge(attributesOf: derivation, into: &result)
            return result
        }
        result.particle = try particle(in: type)
        try merge(attributesOf: type, into: &result)
        return result
    }

    // MARK: Particles

    /// The model group directly inside a type or derivation, if any.
    func particle(in container: SchemaNode) throws -> Particle? {
        for child in container.children where ["sequence", "choice", "all", "group"].contains(child.kind) {
            return try particle(child)
        }
        return nil
    }

    func particle(_ node: SchemaNode) throws -> Particle? {
        let occurs = Occurs(of: node)
        switch node.kind {
        case "element":
            return .element(try declaration(node), occurs)
        case "any":
            return .any(occurs)
        case "group":
            guard let reference = node.attribute("ref") else { return try particle(in: node) }
            let definition = try lookup("group", reference, from: node)
            guard let inner = try particle(in: definition) else { return nil }
            switch inner {
            case .sequence(let items, _): return .sequence(items, occurs)
            case .choice(let items, _): return .choice(items, occurs)
            case .all(let items, _): return .all(items, occurs)
            case .element, .any: return inner
            }
        case "sequence", "choice", "all":
            let items = try node.children.compactMap { try particle($0) }
            return node.kind == "sequence" ? .sequence(items, occurs) : node.kind == "choice" ? .choice(items, occurs) : .all(items, occurs)
        default:
            return nil
        }
    }

    // MARK: Attributes

    /// Adds the attributes of a type or derivation; a redeclared name replaces the inherited one.
    func merge(attributesOf container: SchemaNode, into content: inout ElementContent) throws {
        for use in try attributes(in: container) {
            if let index = content.attributes.firstIndex(where: { $0.name == use.name }) {
                content.attributes[index] = use
            } else {
                content.attributes.append(use)
            }
        }
        if container.child("anyAttribute") != nil { content.anyAttribute = true }
    }

    func attributes(in container: SchemaNode) throws -> [AttributeUse] {
        var result: [AttributeUse] = []
        for child in container.children {
            switch child.kind {
            case "attribute":
                if child.attribute("use") == "prohibited" { continue }
                result.append(try attributeUse(child))
            case "attributeGroup":
                guard let reference = child.attribute("ref") else { continue }
                result += try attributes(in: try lookup("attributeGroup", reference, from: child))
            default:
                break
            }
        }
        return result
    }

    func attributeUse(_ node: SchemaNode) throws -> AttributeUse {
        var declaration = node
        var name = node.attribute("name") ?? ""
        if let reference = node.attribute("ref") {
            declaration = try lookup("attribute", reference, from: node)
            name = reference
        }
        let value: ValueType
        if let type = declaration.attribute("type") {
            value = try valueType(named: type, from: declaration)
        } else if let simple = declaration.child("simpleType") {
            value = try valueType(of: simple)
        } else {
            value = .builtin("anySimpleType")
        }
        return AttributeUse(
            name: name,
            required: node.attribute("use") == "required",
            defaultValue: node.attribute("default") ?? declaration.attribute("default"),
            fixedValue: node.attribute("fixed") ?? declaration.attribute("fixed"),
            value: value,
            documentation: node.documentation ?? declaration.documentation
        )
    }

    // MARK: Simple types

    func valueType(named reference: String, from node: SchemaNode) throws -> ValueType {
        switch try qualifiedName(reference, in: node) {
        case .builtin(let name):
            return .builtin(name)
        case .component(_, let local):
            return .named(local, try lookup("simpleType", reference, from: node))
        }
    }

    /// The value space an anonymous or named xs:simpleType describes.
    func valueType(of simpleType: SchemaNode) throws -> ValueType {
        if let restriction = simpleType.child("restriction") {
            let base: ValueType
            if let name = restriction.attribute("base") {
                base = try valueType(named: name, from: restriction)
            } else if let inner = restriction.child("simpleType") {
                base = try valueType(of: inner)
            } else {
                base = .builtin("anySimpleType")
            }
            let (enumerations, facets) = facets(of: restriction)
            if case .list(let item, let listFacets) = base {
                return enumerations.isEmpty ? .list(item: item, facets: listFacets + facets) : .restriction(base: base, enumerations: enumerations, facets: facets)
            }
            return .restriction(base: base, enumerations: enumerations, facets: facets)
        }
        if let list = simpleType.child("list") {
            if let item = list.attribute("itemType") { return .list(item: try valueType(named: item, from: list), facets: []) }
            if let inner = list.child("simpleType") { return .list(item: try valueType(of: inner), facets: []) }
        }
        if let union = simpleType.child("union") {
            var members = try (union.attribute("memberTypes") ?? "").split(separator: " ").map {
                try valueType(named: String($0), from: union)
            }
            members += try union.children("simpleType").map { try valueType(of: $0) }
            return .union(members)
        }
        return .builtin("anySimpleType")
    }

    func facets(of restriction: SchemaNode) -> (enumerations: [String], facets: [Facet]) {
        var enumerations: [String] = []
        var facets: [Facet] = []
        for child in restriction.children {
            guard let value = child.attribute("value") else { continue }
            if child.kind == "enumeration" {
                enumerations.append(value)
            } else {
                facets.append(Facet(kind: child.kind, value: value))
            }
        }
        return (enumerations, facets)
    }
}
