/// An error or warning reported by libxml2 while parsing or validating.
public struct XMLProblem: Sendable, Hashable {
    /// How serious libxml2 considers the problem.
    public enum Level: Sendable, Hashable {
        case warning, error, fatal
    }

    public var level: Level
    /// The 1-based line, or 0 when libxml2 gives none.
    public var line: Int
    /// The 1-based column, or 0 when libxml2 gives none (schema validity errors have none).
    public var column: Int
    /// The message without its trailing newline.
    public var message: String
    /// The local name of the node the problem concerns, when libxml2 names one.
    public var nodeName: String?
    /// libxml2's error code (`xmlParserErrors`).
    public var code: Int

    public init(level: Level, line: Int, column: Int, message: String, nodeName: String? = nil, code: Int = 0) {
        self.level = level
        self.line = line
        self.column = column
        self.message = message
        self.nodeName = nodeName
        self.code = code
    }
}
