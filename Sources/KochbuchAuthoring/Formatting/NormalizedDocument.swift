import KochbuchXML

/// A document reduced to what Kochbuch reads from it, for the lossless comparison behind
/// ``RecipeFormatter/sameDocument(_:_:)``:
///
/// - whitespace-only text in element-only content is dropped;
/// - in mixed content, each whitespace run becomes one space (adjacent text nodes are joined first);
/// - inside `xml:space="preserve"`, text is kept exactly;
/// - element names and namespace URIs, attributes and namespace declarations (as sets), comments,
///   processing instructions and CDATA sections (kind and content) are kept exactly.
struct NormalizedDocument: Hashable {
    indirect enum Node: Hashable {
        case element(name: String, namespace: String?, attributes: Set<Attribute>, children: [Node])
        case text(String)
        case cdata(String)
        case comment(String)
        case processingInstruction(target: String, data: String)
    }

    /// An attribute or namespace declaration (namespace `xmlns`, name the prefix or empty for the default).
    struct Attribute: Hashable {
        var namespace: String?
        var name: String
        var value: String
    }

    static let declarationNamespace = "http://www.w3.org/2000/xmlns/"

    var prolog: [Node]
    var root: Node
    var epilog: [Node]

    init(_ document: XMLDocument) {
        prolog = document.prolog.map { Self.node($0, mixed: false, preserve: false) }.compactMap { $0 }
        root = Self.element(document.root, preserve: false)
        epilog = document.epilog.map { Self.node($0, mixed: false, preserve: false) }.compactMap { $0 }
    }

    private static func element(_ element: XMLElement, preserve inherited: Bool) -> Node {
        let preserve = ContentLayout.preservesSpace(element) ?? inherited
        let mixed = ContentLayout.isMixed(element)
        var attributes = Set(element.attributes.map { Attribute(namespace: $0.namespace, name: $0.name, value: $0.value) })
        for declaration in element.namespaceDeclarations {
            attributes.insert(Attribute(namespace: declarationNamespace, name: declaration.prefix ?? "", value: declaration.uri))
        }
        var children: [Node] = []
        var pendingText: String?
        func flushText() {
            guard let text = pendingText else { return }
            pendingText = nil
            if preserve {
                children.append(.text(text))
            } else if mixed {
                children.append(.text(ContentLayout.collapsingWhitespace(text)))
            }
        }
        for child in element.children {
            if case .text(let text) = child {
                pendingText = (pendingText ?? "") + text
                continue
            }
            flushText()
            if let node = node(child, mixed: mixed, preserve: preserve) { children.append(node) }
        }
        flushText()
        return .element(name: element.name, namespace: element.namespace, attributes: attributes, children: children)
    }

    private static func node(_ content: XMLContent, mixed: Bool, preserve: Bool) -> Node? {
        switch content {
        case .element(let nested): element(nested, preserve: preserve)
        case .text(let text): preserve ? .text(text) : mixed ? .text(ContentLayout.collapsingWhitespace(text)) : nil
        case .cdata(let text): .cdata(text)
        case .comment(let text): .comment(text)
        case .processingInstruction(let target, let data): .processingInstruction(target: target, data: data)
        }
    }
}
