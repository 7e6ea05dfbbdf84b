import KochbuchXML

/// How the formatter reads an element's content; shared by the formatter and the lossless comparison
/// so that both draw the line between layout and content in the same place.
///
/// - **Mixed content**: an element with a text child that is not only whitespace, or a CDATA section.
///   Its whitespace runs are content (compared as one space each) and are never removed.
/// - **Element-only content**: every other element. Its whitespace-only text is layout.
/// - **Preserved content**: `xml:space="preserve"` on the element or an ancestor; kept byte for byte.
enum ContentLayout {
    /// Whether a scalar is XML whitespace (space, tab, line feed, carriage return). No-break spaces are content.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
    }

    /// Whether a text consists of XML whitespace only (true for the empty text).
    static func isWhitespaceOnly(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isWhitespace)
    }

    /// Whether an element has mixed content: a text child with non-whitespace characters, or a CDATA section.
    static func isMixed(_ element: XMLElement) -> Bool {
        element.children.contains { child in
            switch child {
            case .text(let text): !isWhitespaceOnly(text)
            case .cdata: true
            case .element, .comment, .processingInstruction: false
            }
        }
    }

    /// The element's own `xml:space` setting: `true` for `preserve`, `false` for `default`, `nil` when absent.
    static func preservesSpace(_ element: XMLElement) -> Bool? {
        switch element.attribute("space", namespace: XMLNamespace.xml) {
        case "preserve": true
        case "default": false
        default: nil
        }
    }

    /// The text with each run of XML whitespace replaced by one space.
    static func collapsingWhitespace(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var inRun = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                if !inRun { result.append(" ") }
                inRun = true
            } else {
                result.append(scalar)
                inRun = false
            }
        }
        return String(result)
    }

    /// A comment, processing instruction or CDATA section exactly as it is written back.
    static func markup(_ content: XMLContent) -> String? {
        switch content {
        case .comment(let text): "<!--\(text)-->"
        case .processingInstruction(let target, let data): data.isEmpty ? "<?\(target)?>" : "<?\(target) \(data)?>"
        case .cdata(let text): "<![CDATA[\(text)]]>"
        case .text, .element: nil
        }
    }
}
