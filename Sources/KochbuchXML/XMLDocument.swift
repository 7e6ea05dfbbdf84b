import CLibXML2

/// A parsed XML document: the libxml2 tree (kept for schema validation) and its Swift copy.
public final class XMLDocument: @unchecked Sendable {
    let pointer: xmlDocPtr

    /// The root element with all its descendants, copied into Swift values when first asked for.
    public private(set) lazy var root = XMLElement(node: rootNode)

    /// Reads the root element in place (see `XMLNodeView`); the document lives at least until `body` returns.
    public func withRootView<Result>(_ body: (XMLNodeView) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) { try body(XMLNodeView(node: rootNode)) }
    }

    private let rootNode: xmlNodePtr

    /// The comments and processing instructions before the root element (such as `xml-model`),
    /// in document order. The XML declaration and a document type declaration are not nodes here.
    public let prolog: [XMLContent]

    /// The comments and processing instructions after the root element, in document order.
    public let epilog: [XMLContent]

    init(pointer: xmlDocPtr, rootNode: xmlNodePtr) {
        self.pointer = pointer
        self.rootNode = rootNode
        var prolog: [XMLContent] = []
        var epilog: [XMLContent] = []
        var seenRoot = false
        var node = pointer.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                seenRoot = true
            } else if let content = XMLElement.miscellaneousContent(of: current) {
                if seenRoot { epilog.append(content) } else { prolog.append(content) }
            }
            node = current.pointee.next
        }
        self.prolog = prolog
        self.epilog = epilog
    }

    deinit { xmlFreeDoc(pointer) }
}

extension XMLElement {
    /// Copies a libxml2 element and its subtree into Swift values.
    init(node: xmlNodePtr) {
        self.init(node: node, namespaces: NamespaceNames())
    }

    private init(node: xmlNodePtr, namespaces: NamespaceNames) {
        let element = node.pointee
        var attributes: [XMLAttribute] = []
        var attribute = element.properties
        while let current = attribute {
            var parsed = XMLAttribute(
                name: String(cString: current.pointee.name),
                namespace: namespaces.uri(of: current.pointee.ns),
                value: XMLElement.text(of: current.pointee.children)
            )
            parsed.prefix = current.pointee.ns.flatMap { $0.pointee.prefix.map { String(cString: $0) } }
            attributes.append(parsed)
            attribute = current.pointee.next
        }
        var children: [XMLContent] = []
        var child = element.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(XMLElement(node: current, namespaces: namespaces)))
            case XML_TEXT_NODE:
                children.append(.text(current.pointee.content.map { String(cString: $0) } ?? ""))
            case XML_CDATA_SECTION_NODE:
                children.append(.cdata(current.pointee.content.map { String(cString: $0) } ?? ""))
            case XML_COMMENT_NODE:
                children.append(.comment(current.pointee.content.map { String(cString: $0) } ?? ""))
            case XML_PI_NODE:
                children.append(.processingInstruction(
                    target: String(cString: current.pointee.name),
                    data: current.pointee.content.map { String(cString: $0) } ?? ""
                ))
            default:
                break
            }
            child = current.pointee.next
        }
        self.init(
            name: String(cString: element.name),
            namespace: namespaces.uri(of: element.ns),
            attributes: attributes,
            children: children,
            line: Int(xmlGetLineNo(node))
        )
        self.prefix = element.ns.flatMap { $0.pointee.prefix.map { String(cString: $0) } }
        var declarations: [XMLNamespaceDeclaration] = []
        var declaration = element.nsDef
        while let current = declaration {
            declarations.append(XMLNamespaceDeclaration(
                prefix: current.pointee.prefix.map { String(cString: $0) },
                uri: current.pointee.href.map { String(cString: $0) } ?? ""
            ))
            declaration = current.pointee.next
        }
        self.namespaceDeclarations = declarations
    }

    /// A comment or processing instruction outside the root element as content; `nil` for other nodes.
    static func miscellaneousContent(of node: xmlNodePtr) -> XMLContent? {
        switch node.pointee.type {
        case XML_COMMENT_NODE:
            return .comment(node.pointee.content.map { String(cString: $0) } ?? "")
        case XML_PI_NODE:
            return .processingInstruction(
                target: String(cString: node.pointee.name),
                data: node.pointee.content.map { String(cString: $0) } ?? ""
            )
        default:
            return nil
        }
    }

    private static func text(of list: xmlNodePtr?) -> String {
        var result = ""
        var node = list
        while let current = node {
            if let content = current.pointee.content { result += String(cString: content) }
            node = current.pointee.next
        }
        return result
    }
}

/// The namespace URIs of one document, converted to Swift strings once per declaration
/// rather than once per element.
private final class NamespaceNames {
    private var last: (namespace: xmlNsPtr, uri: String?)?

    func uri(of namespace: xmlNsPtr?) -> String? {
        guard let namespace else { return nil }
        if let last, last.namespace == namespace { return last.uri }
        let uri = namespace.pointee.href.map { String(cString: $0) }
        last = (namespace, uri)
        return uri
    }
}
