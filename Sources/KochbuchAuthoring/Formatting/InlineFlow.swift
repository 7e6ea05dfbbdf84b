import KochbuchXML

/// Lays out an element with mixed content: its markup stays as written, and only its whitespace runs
/// move. The content is cut into words at the whitespace runs of its text (in the element and in all
/// its inline descendants; never inside CDATA, comments, processing instructions or tags), and each
/// run becomes either one space or a line break with indentation:
///
/// - the whole element on one line when it fits the width;
/// - otherwise, when the content begins and ends with whitespace, block style: the content on its own
///   lines indented one level deeper, the end tag on a line of its own;
/// - otherwise filled greedily, continuation lines indented one level deeper.
///
/// The layout depends only on the words, so formatting the result again gives the same bytes.
struct InlineFlow {
    private let markup: MarkupWriter
    private var words: [String] = []
    private var current = ""
    private var pendingBreak = false

    private init(markup: MarkupWriter) {
        self.markup = markup
    }

    /// The element laid out from `indent` (number of spaces), including that indentation.
    static func render(_ element: XMLElement, indent: Int, markup: MarkupWriter) -> String {
        var flow = InlineFlow(markup: markup)
        let start = markup.startTag(element, selfClosing: false, column: indent)
        let end = markup.endTag(element)
        flow.literal(start)
        for child in element.children { flow.add(child, preserve: false) }
        flow.literal(end)
        let words = flow.finish()
        return layout(words, indent: indent, width: markup.width,
                      leadingBreak: words.count >= 3 && words.first == start,
                      trailingBreak: words.count >= 2 && words.last == end)
    }

    // MARK: Cutting into words

    private mutating func literal(_ text: String) {
        if pendingBreak {
            words.append(current)
            current = ""
            pendingBreak = false
        }
        current += text
    }

    private mutating func whitespace() {
        if !current.isEmpty { pendingBreak = true }
    }

    private mutating func finish() -> [String] {
        if !current.isEmpty { words.append(current) }
        current = ""
        return words
    }

    private mutating func add(_ content: XMLContent, preserve: Bool) {
        switch content {
        case .text(let text):
            var run = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if ContentLayout.isWhitespace(scalar) {
                    if !run.isEmpty { literal(XMLEscaping.text(String(run))) }
                    run.removeAll()
                    whitespace()
                } else {
                    run.append(scalar)
                }
            }
            if !run.isEmpty { literal(XMLEscaping.text(String(run))) }
        case .cdata, .comment, .processingInstruction:
            literal(ContentLayout.markup(content) ?? "")
        case .element(let element):
            let preserved = ContentLayout.preservesSpace(element) ?? preserve
            if preserved {
                literal(markup.verbatim(element))
            } else if element.children.isEmpty {
                literal(markup.startTag(element, selfClosing: true))
            } else {
                literal(markup.startTag(element, selfClosing: false))
                for child in element.children { add(child, preserve: false) }
                literal(markup.endTag(element))
            }
        }
    }

    // MARK: Layout

    private static func layout(_ words: [String], indent: Int, width: Int, leadingBreak: Bool, trailingBreak: Bool) -> String {
        let pad = String(repeating: " ", count: indent)
        let inner = indent + 2
        let oneLine = indent + words.reduce(0) { $0 + $1.count } + words.count - 1
        if oneLine <= width && !words.contains(where: { $0.contains("\n") }) {
            return pad + words.joined(separator: " ")
        }
        var result = pad + words[0]
        var column = advance(indent, over: words[0])
        var remaining = words.dropFirst()
        if leadingBreak && trailingBreak {
            remaining = remaining.dropLast()
            let first = remaining.removeFirst()
            result += "\n" + String(repeating: " ", count: inner) + first
            column = advance(inner, over: first)
        }
        for (offset, word) in remaining.enumerated() {
            let isEndTag = trailingBreak && !leadingBreak && offset == remaining.count - 1
            if column + 1 + firstLineLength(word) <= width {
                result += " " + word
                column = advance(column + 1, over: word)
            } else {
                let continuation = isEndTag ? indent : inner
                result += "\n" + String(repeating: " ", count: continuation) + word
                column = advance(continuation, over: word)
            }
        }
        if leadingBreak && trailingBreak {
            result += "\n" + pad + words[words.count - 1]
        }
        return result
    }

    /// The column after writing `word` from `column`.
    private static func advance(_ column: Int, over word: String) -> Int {
        guard let newline = word.lastIndex(of: "\n") else { return column + word.count }
        return word[word.index(after: newline)...].count
    }

    private static func firstLineLength(_ word: String) -> Int {
        word.firstIndex(of: "\n").map { word[..<$0].count } ?? word.count
    }
}
