import CLibXML2

/// A parsed XML document: the libxml2 tree (kept for schema validation) and its Swift copy.
public final class XMLDocument: @unchecked Sendable {
    let pointer: xmlDocPtr

    /// The root element with all its descendants.
    public let root: XMLElement

    init(pointer: xmlDocPtr, root: XMLElement) {
        self.pointer = pointer
        self.root = root
    }

    deinit { xmlFreeDoc(pointer) }
}

extension XMLElement {
    /// Copies a libxml2 element and its subtree into Swift values.
    init(node: xmlNodePtr) {
        let element = node.pointee
        var attributes: [XMLAttribute] = []
        var attribute = element.properties
        while let current = attribute {
            attributes.append(XMLAttribute(
                name: String(cString: current.pointee.name),
                namespace: current.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } },
                value: XMLElement.text(of: current.pointee.children)
            ))
            attribute = current.pointee.next
        }
        var children: [XMLContent] = []
        var child = element.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(XMLElement(node: current)))
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
            namespace: element.ns.flatMap { $0.pointee.href.map { String(cString: $0) } },
            attributes: attributes,
            children: children,
            line: Int(xmlGetLineNo(node))
        )
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
