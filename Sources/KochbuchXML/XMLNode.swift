/// A parsed element: the Swift-side copy of a libxml2 element node, with its source line.
public struct XMLElement: Sendable, Hashable {
    /// The local name, without prefix.
    public var name: String
    /// The namespace URI, if the element has one.
    public var namespace: String?
    /// The attributes in document order.
    public var attributes: [XMLAttribute]
    /// The child nodes in document order.
    public var children: [XMLContent]
    /// The 1-based line of the start tag.
    public var line: Int
    /// The namespace prefix as written in the source (`xs` in `xs:element`), `nil` for none.
    public var prefix: String? = nil
    /// The namespace declarations (`xmlns`, `xmlns:p`) written on this element, in document order.
    public var namespaceDeclarations: [XMLNamespaceDeclaration] = []

    /// The name as written in the source: `prefix:name`, or `name` without a prefix.
    public var qualifiedName: String {
        prefix.map { "\($0):\(name)" } ?? name
    }

    public init(name: String, namespace: String? = nil, attributes: [XMLAttribute] = [],
                children: [XMLContent] = [], line: Int = 0) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// The value of the attribute with this local name and namespace.
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }

    /// The child elements, skipping text, comments and processing instructions.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The first child element with this local name.
    public func firstElement(named name: String) -> XMLElement? {
        for case .element(let element) in children where element.name == name { return element }
        return nil
    }

    /// All child elements with this local name.
    public func elements(named name: String) -> [XMLElement] {
        elements.filter { $0.name == name }
    }

    /// The concatenated character content of this element and its descendants.
    public var textContent: String {
        var result = ""
        for child in children {
            switch child {
            case .text(let text), .cdata(let text): result += text
            case .element(let element): result += element.textContent
            case .comment, .processingInstruction: break
            }
        }
        return result
    }
}

/// An attribute of an element.
public struct XMLAttribute: Sendable, Hashable {
    public var name: String
    public var namespace: String?
    public var value: String
    /// The namespace prefix as written in the source (`xml` in `xml:lang`), `nil` for none.
    public var prefix: String? = nil

    /// The name as written in the source: `prefix:name`, or `name` without a prefix.
    public var qualifiedName: String {
        prefix.map { "\($0):\(name)" } ?? name
    }

    public init(name: String, namespace: String? = nil, value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}

/// A namespace declaration written on an element: `xmlns="uri"` (prefix `nil`) or `xmlns:p="uri"`.
public struct XMLNamespaceDeclaration: Sendable, Hashable {
    /// The declared prefix, `nil` for the default namespace.
    public var prefix: String?
    /// The namespace URI (empty when the default namespace is undeclared with `xmlns=""`).
    public var uri: String

    /// A declaration of `uri` for `prefix` (`nil`: the default namespace).
    public init(prefix: String?, uri: String) {
        self.prefix = prefix
        self.uri = uri
    }

    /// The attribute name of the declaration: `xmlns` or `xmlns:p`.
    public var attributeName: String {
        prefix.map { "xmlns:\($0)" } ?? "xmlns"
    }
}

/// A child node of an element.
public enum XMLContent: Sendable, Hashable {
    case element(XMLElement)
    case text(String)
    case cdata(String)
    case comment(String)
    case processingInstruction(target: String, data: String)
}

/// Well-known namespace URIs.
public enum XMLNamespace {
    /// The namespace of `xml:lang` and `xml:space`.
    public static let xml = "http://www.w3.org/XML/1998/namespace"
}
