import KochbuchLoading
import KochbuchXML

/// How the formatter reads an element's content; shared by the formatter and the lossless comparison
/// so that both draw the line between layout and content in the same place.
///
/// - **Mixed content**: an element with a text child that is not only whitespace, a CDATA section, or
///   an inline element of the Kochbuch vocabulary (`em`, `strong`, `cite`, …), which only ever stands
///   in running text: `<p><strong>E</strong><em>-Akte</em></p>` is text, and the absence of space
///   between the two is content. Its whitespace runs are content (compared as one space each) and are
///   never removed.
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

    /// The inline elements of the Kochbuch vocabulary: they stand only in running text.
    static let inlineElements: Set<String> = ["em", "strong", "code", "link", "xref", "cite", "term", "abbr"]

    /// Whether an element has mixed content: a text child with non-whitespace characters, a CDATA
    /// section, or an inline element child.
    static func isMixed(_ element: XMLElement) -> Bool {
        element.children.contains { child in
            switch child {
            case .text(let text): !isWhitespaceOnly(text)
            case .cdata: true
            case .element(let child): isInline(child)
            case .comment, .processingInstruction: false
            }
        }
    }

    /// Whether an element is inline markup. A glossary entry's `<term>` is structure; the inline
    /// `<term ref="…">` always names its entry.
    static func isInline(_ element: XMLElement) -> Bool {
        guard inlineElements.contains(element.name), element.namespace == nil || element.namespace == DocumentKind.namespace else { return false }
        return element.name != "term" || element.attribute("ref") != nil
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
