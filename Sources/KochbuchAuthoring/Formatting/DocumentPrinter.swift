import KochbuchLoading
import KochbuchXML

/// Writes a parsed document in canonical form: the XML declaration, the prolog's comments and
/// processing instructions one per line, the root element, the epilog.
///
/// Element-only content is indented by two spaces per level, one child node per line; its whitespace is
/// layout and is replaced. A comment that stood on the same line as the node before it stays there,
/// after one space. Between the top-level sections of a recipe and between the steps of `steps`
/// there is one blank line (comments directly before a section belong to it). Elements with mixed
/// content are laid out by ``InlineFlow``; `xml:space="preserve"` content is written as it is.
struct DocumentPrinter {
    let markup: MarkupWriter

    /// The canonical text of a document, ending with a newline.
    func print(_ document: XMLDocument) -> String {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        for node in document.prolog {
            if let text = ContentLayout.markup(node) { output += text + "\n" }
        }
        let root = document.root
        write(root, level: 0, preserve: false,
              sectioned: root.namespace == DocumentKind.namespace && root.name == DocumentKind.recipe.rawValue,
              into: &output)
        output += "\n"
        for node in document.epilog {
            if let text = ContentLayout.markup(node) { output += text + "\n" }
        }
        return output
    }

    /// Writes `element` at indentation `level`, starting at the beginning of a line and ending
    /// without a newline.
    private func write(_ element: XMLElement, level: Int, preserve inherited: Bool, sectioned: Bool,
                       into output: inout String) {
        let indent = 2 * level
        let pad = String(repeating: " ", count: indent)
        let preserve = ContentLayout.preservesSpace(element) ?? inherited
        if preserve {
            output += pad + markup.verbatim(element)
            return
        }
        if ContentLayout.isMixed(element) {
            output += InlineFlow.render(element, indent: indent, markup: markup)
            return
        }
        let hasNodes = element.children.contains { if case .text = $0 { false } else { true } }
        guard hasNodes else {
            output += pad + markup.startTag(element, selfClosing: true, column: indent)
            return
        }
        output += pad + markup.startTag(element, selfClosing: false, column: indent)
        let childPad = String(repeating: " ", count: indent + 2)
        var isFirst = true
        var newlineSincePrevious = false
        var previousLineWasElement = false
        for child in element.children {
            if case .text(let text) = child {
                if text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) { newlineSincePrevious = true }
                continue
            }
            if case .comment = child, !isFirst, !newlineSincePrevious {
                output += " " + (ContentLayout.markup(child) ?? "")
            } else {
                output += "\n"
                if sectioned && !isFirst && previousLineWasElement { output += "\n" }
                if case .element(let nested) = child {
                    write(nested, level: level + 1, preserve: false,
                          sectioned: nested.namespace == DocumentKind.namespace && nested.name == "steps",
                          into: &output)
                    previousLineWasElement = true
                } else {
                    output += childPad + (ContentLayout.markup(child) ?? "")
                    previousLineWasElement = false
                }
            }
            isFirst = false
            newlineSincePrevious = false
        }
        output += "\n" + pad + markup.endTag(element)
    }
}
