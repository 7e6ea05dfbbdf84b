/// A problem found in the book, reported like a compiler diagnostic:
/// `Recipes/x.xml:12:5: error: unknown law section 'EGovG § 22' [reference.law-section]`.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    /// The stable identifier of the kind of problem.
    public var code: DiagnosticCode
    /// One line saying what is wrong.
    public var message: String
    /// Where it is wrong.
    public var location: SourceLocation
    /// What to do about it, e.g. "did you mean 'e-akte'?".
    public var hint: String?
    /// The message and hint in German, the language authors read by default; `nil` only for
    /// diagnostics made from English text alone.
    public var german: Wording?

    /// A diagnostic's sentences in one language.
    public struct Wording: Sendable, Hashable, Codable {
        public var message: String
        public var hint: String?
    }

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String,
                at location: SourceLocation, hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// A diagnostic worded in both languages.
    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: Phrase,
                at location: SourceLocation, hint: Phrase? = nil) {
        self.init(severity, code, message.english, at: location, hint: hint?.english)
        german = Wording(message: message.german, hint: hint?.german)
    }

    /// The message in the given language (English where no German wording exists).
    public func message(in language: Language) -> String {
        language == .german ? german?.message ?? message : message
    }

    /// The hint in the given language.
    public func hint(in language: Language) -> String? {
        language == .german ? german.map { $0.hint ?? hint } ?? hint : hint
    }

    /// Orders diagnostics by file, line and column, then severity and code.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { lhs, rhs in
            if lhs.location != rhs.location { return lhs.location < rhs.location }
            return (lhs.severity.rawValue, lhs.code.rawValue, lhs.message)
                < (rhs.severity.rawValue, rhs.code.rawValue, rhs.message)
        }
    }
}
