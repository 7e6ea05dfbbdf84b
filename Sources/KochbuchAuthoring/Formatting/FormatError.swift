/// Why a source cannot be formatted: it is not well-formed XML, or it is not acceptable input
/// (a document type declaration, an encoding other than UTF-8). A file with such an error is never rewritten.
public struct FormatError: Error, Sendable, CustomStringConvertible {
    /// The 1-based line of the problem.
    public let line: Int
    /// The 1-based column of the problem (as libxml2 counts it for parse errors).
    public let column: Int
    /// What is wrong, without position.
    public let message: String

    /// An error at `line`:`column`.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
