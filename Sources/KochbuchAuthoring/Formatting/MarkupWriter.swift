import KochbuchXML

/// Writes tags and verbatim markup: attributes in canonical order and minimally escaped,
/// a start tag on one line when it fits the width and otherwise one attribute per line, aligned.
struct MarkupWriter: Sendable {
    /// The preferred maximum line length, in characters.
    let width: Int
    let order: AttributeOrder

    /// `name="value"` for the namespace declarations and attributes, in canonical order.
    func attributeItems(of element: XMLElement) -> [String] {
        order.sorted(element.namespaceDeclarations).map { "\($0.attributeName)=\"\(XMLEscaping.attribute($0.uri))\"" }
            + order.sorted(element.attributes, of: element).map { "\($0.qualifiedName)=\"\(XMLEscaping.attribute($0.value))\"" }
    }

    /// The start tag on one line; `<name …/>` when `selfClosing`.
    func startTag(_ element: XMLElement, selfClosing: Bool) -> String {
        let items = attributeItems(of: element)
        return "<\(element.qualifiedName)" + items.map { " " + $0 }.joined() + (selfClosing ? "/>" : ">")
    }

    /// The start tag beginning at `column` (0-based): on one line when it fits the width or has at most
    /// one attribute, otherwise with the first attribute after the name and each further one on its own
    /// line, aligned under the first (continuation lines carry their full indentation).
    func startTag(_ element: XMLElement, selfClosing: Bool, column: Int) -> String {
        let items = attributeItems(of: element)
        let close = selfClosing ? "/>" : ">"
        let name = "<\(element.qualifiedName)"
        let single = name + items.map { " " + $0 }.joined() + close
        if items.count <= 1 || column + single.count <= width { return single }
        let alignment = "\n" + String(repeating: " ", count: column + name.count + 1)
        return name + " " + items.joined(separator: alignment) + close
    }

    /// `</name>`.
    func endTag(_ element: XMLElement) -> String { "</\(element.qualifiedName)>" }

    /// The element exactly as parsed, for `xml:space="preserve"`: text escaped, nothing re-laid out.
    func verbatim(_ element: XMLElement) -> String {
        guard !element.children.isEmpty else { return startTag(element, selfClosing: true) }
        var result = startTag(element, selfClosing: false)
        for child in element.children {
            switch child {
            case .element(let nested): result += verbatim(nested)
            case .text(let text): result += XMLEscaping.text(text)
            case .cdata, .comment, .processingInstruction: result += ContentLayout.markup(child) ?? ""
            }
        }
        return result + endTag(element)
    }
}
