import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only look at an element of a parsed document, straight on libxml2's tree:
/// nothing is copied until a name, attribute or text is asked for. Offers the same reading API
/// as `XMLElement`. Valid only while its `XMLDocument` is alive; never store it.
public struct XMLNodeView {
    let node: xmlNodePtr

    /// A child node of a viewed element.
    public enum Child {
        case element(XMLNodeView)
        case text(String)
        case cdata(String)
        case comment(String)
        case processingInstruction(target: String, data: String)
    }

    /// The local name, without prefix.
    public var name: String { String(cString: node.pointee.name) }

    /// The namespace URI, if the element has one.
    public var namespace: String? { node.pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// The 1-based line of the start tag.
    public var line: Int { Int(xmlGetLineNo(node)) }

    /// Whether the local name is `name`, without making a string of it.
    public func isNamed(_ name: String) -> Bool {
        name.withCString { strcmp(UnsafeRawPointer(node.pointee.name).assumingMemoryBound(to: CChar.self), $0) == 0 }
    }

    /// The value of the attribute with this local name and namespace.
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if Self.equal(current.pointee.name, name), Self.equal(current.pointee.ns?.pointee.href, namespace) {
                return Self.text(of: current.pointee.children)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The child nodes in document order.
    public var children: [Child] {
        var result: [Child] = []
        var child = node.pointee.children
        while let current = child {
            let content = current.pointee.content.map { String(cString: $0) } ?? ""
            switch current.pointee.type {
            case XML_ELEMENT_NODE: result.append(.element(XMLNodeView(node: current)))
            case XML_TEXT_NODE: result.append(.text(content))
            case XML_CDATA_SECTION_NODE: result.append(.cdata(content))
            case XML_COMMENT_NODE: result.append(.comment(content))
            case XML_PI_NODE: result.append(.processingInstruction(target: String(cString: current.pointee.name), data: content))
            default: break
            }
            child = current.pointee.next
        }
        return result
    }

    /// A child node with its text as UTF-8 bytes in libxml2's memory, valid only during the call.
    public enum RawChild {
        case element(XMLNodeView)
        /// Character data: text or a CDATA section.
        case text(UnsafeBufferPointer<UInt8>)
        case other
    }

    /// Calls `body` with each child node in document order, without making strings of their text.
    public func forEachChild(_ body: (RawChild) -> Void) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                body(.element(XMLNodeView(node: current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    body(.text(UnsafeBufferPointer(start: content, count: strlen(content))))
                } else {
                    body(.text(UnsafeBufferPointer(start: nil, count: 0)))
                }
            default:
                body(.other)
            }
            child = current.pointee.next
        }
    }

    /// The child elements, skipping text, comments and processing instructions.
    public var elements: [XMLNodeView] {
        var result: [XMLNodeView] = []
        forEachElement { result.append($0) }
        return result
    }

    /// The first child element with this local name.
    public func firstElement(named name: String) -> XMLNodeView? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, Self.equal(current.pointee.name, name) {
                return XMLNodeView(node: current)
            }
            child = current.pointee.next
        }
        return nil
    }

    /// All child elements with this local name.
    public func elements(named name: String) -> [XMLNodeView] {
        var result: [XMLNodeView] = []
        forEachElement { if $0.isNamed(name) { result.append($0) } }
        return result
    }

    /// The concatenated character content of this element and its descendants.
    public var textContent: String {
        var bytes: [UInt8] = []
        Self.appendText(of: node.pointee.children, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func forEachElement(_ body: (XMLNodeView) -> Void) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { body(XMLNodeView(node: current)) }
            child = current.pointee.next
        }
    }

    private static func appendText(of list: xmlNodePtr?, to bytes: inout [UInt8]) {
        var node = list
        while let current = node {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
                }
            case XML_ELEMENT_NODE:
                appendText(of: current.pointee.children, to: &bytes)
            default:
                break
            }
            node = current.pointee.next
        }
    }

    private static func text(of list: xmlNodePtr?) -> String {
        var bytes: [UInt8] = []
        appendText(of: list, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func equal(_ text: UnsafePointer<xmlChar>?, _ name: String?) -> Bool {
        guard let text, let name else { return text == nil && name == nil }
        return name.withCString { strcmp(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self), $0) == 0 }
    }
}
