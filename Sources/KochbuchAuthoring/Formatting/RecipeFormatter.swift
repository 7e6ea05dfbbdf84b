import KochbuchXML

/// The canonical formatter behind `kochbuch fmt`.
///
/// The canonical form has the declaration `<?xml version="1.0" encoding="UTF-8"?>`; keeps every comment
/// and processing instruction, also before and after the root element; indents element-only content by
/// two spaces; orders attributes canonically (namespace declarations, `xsi:*`, `id`, then the order the
/// schema declares for the element, then the rest alphabetically); keeps a start tag on one line when it
/// fits the width and otherwise puts one attribute per line, aligned; writes empty elements as `<x/>`;
/// puts one blank line between the sections of a recipe and between steps; escapes minimally.
/// Mixed content (text with inline markup) is not re-indented: only its whitespace runs may become a
/// single space or a line break, to fit the width.
///
/// Formatting is lossless (``sameDocument(_:_:)`` holds between input and output) and idempotent.
public struct RecipeFormatter: Sendable {
    /// The preferred maximum line length in characters. Lines are longer only where mixed content has
    /// no whitespace to break at, or a tag or comment is longer by itself.
    public let width: Int

    /// A formatter for lines of at most `width` characters where possible.
    public init(width: Int = 100) {
        self.width = width
    }

    /// The canonical form of a Kochbuch XML document. Throws ``FormatError`` (with line, column and
    /// message) when the input is not well-formed or not acceptable input (DOCTYPE, not UTF-8): a file
    /// that cannot be parsed is never rewritten.
    public func format(_ source: String) throws -> String {
        let document = try SourceAdmission.parse(source)
        let printer = DocumentPrinter(markup: MarkupWriter(width: width, order: .builtIn))
        return printer.print(document)
    }

    /// Whether two sources are the same document for Kochbuch: equal after ignoring whitespace-only text
    /// in element-only content and reading every whitespace run in mixed content as one space. Comments,
    /// processing instructions, CDATA sections (kind and content), element names, namespaces, attributes
    /// (as a set) and all other characters must be identical. Throws ``FormatError`` when either source
    /// is not acceptable input.
    public static func sameDocument(_ a: String, _ b: String) throws -> Bool {
        let first = try SourceAdmission.parse(a)
        let second = try SourceAdmission.parse(b)
        return NormalizedDocument(first) == NormalizedDocument(second)
    }
}
