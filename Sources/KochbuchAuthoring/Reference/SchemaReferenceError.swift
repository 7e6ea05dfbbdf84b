import KochbuchModel

/// Problems that stop the reference from being generated.
public enum SchemaReferenceError: Error, CustomStringConvertible, Equatable {
    /// A schema file could not be read.
    case unreadable(file: String)
    /// A schema file is not well-formed XML or not an XML Schema.
    case malformed(file: String, message: Phrase)
    /// A type, group, attribute group, element or attribute reference names no declaration.
    case unresolved(file: String, line: Int, kind: String, name: String)

    /// The problem in the user's language (`Language.current`).
    public var description: String { description(in: .current) }

    /// The problem in the given language.
    public func description(in language: Language) -> String {
        switch (self, language) {
        case (.unreadable(let file), .german): "\(file): die Datei lässt sich nicht lesen"
        case (.unreadable(let file), .english): "\(file): cannot be read"
        case (.malformed(let file, let message), _): "\(file): \(message.text(in: language))"
        case (.unresolved(let file, let line, let kind, let name), .german):
            kind == "namespace prefix"
                ? "\(file):\(line): unbekanntes Namensraum-Präfix '\(name)'"
                : "\(file):\(line): keine Deklaration (\(kind)) namens '\(name)'"
        case (.unresolved(let file, let line, let kind, let name), .english): "\(file):\(line): unknown \(kind) '\(name)'"
        }
    }
}
