import KochbuchModel

/// Why a source cannot be formatted: it is not well-formed XML, or it is not acceptable input
/// (a document type declaration, an encoding other than UTF-8). A file with such an error is never rewritten.
public struct FormatError: Error, Sendable, CustomStringConvertible {
    /// The 1-based line of the problem.
    public let line: Int
    /// The 1-based column of the problem (as libxml2 counts it for parse errors).
    public let column: Int
    /// What is wrong, without position, in both languages.
    public let phrase: Phrase

    /// What is wrong, without position, in English (libxml2's own words for a parse error).
    public var message: String { phrase.english }

    /// What is wrong, without position, in the given language.
    public func message(in language: Language) -> String {
        phrase.text(in: language)
    }

    /// An error at `line`:`column`, worded in both languages.
    public init(line: Int, column: Int, phrase: Phrase) {
        self.line = line
        self.column = column
        self.phrase = phrase
    }

    /// An error at `line`:`column` with one wording for both languages.
    public init(line: Int, column: Int, message: String) {
        self.init(line: line, column: column, phrase: Phrase(de: message, en: message))
    }

    /// `line:column: message`, in the user's language (`Language.current`).
    public var description: String { "\(line):\(column): \(message(in: .current))" }
}
