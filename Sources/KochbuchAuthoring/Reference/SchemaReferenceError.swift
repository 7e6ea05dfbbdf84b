/// Problems that stop the reference from being generated.
public enum SchemaReferenceError: Error, CustomStringConvertible, Equatable {
    /// A schema file could not be read.
    case unreadable(file: String)
    /// A schema file is not well-formed XML or not an XML Schema.
    case malformed(file: String, message: String)
    /// A type, group, attribute group, element or attribute reference names no declaration.
    case unresolved(file: String, line: Int, kind: String, name: String)

    public var description: String {
        switch self {
        case .unreadable(let file): "\(file): cannot be read"
        case .malformed(let file, let message): "\(file): \(message)"
        case .unresolved(let file, let line, let kind, let name): "\(file):\(line): unknown \(kind) '\(name)'"
        }
    }
}
