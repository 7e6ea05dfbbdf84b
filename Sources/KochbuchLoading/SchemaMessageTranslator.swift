import KochbuchModel
import KochbuchXML

/// Turns libxml2's schema validity messages into diagnostics an author can act on, in German and
/// English: the element and attribute named as written in the file, the allowed values listed,
/// a misspelt name answered with the closest one the schema knows, and a hint for every case.
enum SchemaMessageTranslator {
    /// Validates a document against its schema and reports every problem, not only the first of
    /// each element (see `XMLSchema.validateEverything`). Changes the document.
    static func diagnostics(validating document: XMLDocument, against schema: XMLSchema,
                            vocabulary: SchemaVocabulary, in file: SourceFile) -> [Diagnostic] {
        let problems = schema.validateEverything(document) { name, expected in
            Suggestion.closest(to: name, in: expected)
        }.filter { $0.level != .warning }
        return withoutEchoes(problems).map { diagnostic(for: $0, in: file, vocabulary: vocabulary) }
    }

    /// One problem as a diagnostic.
    static func diagnostic(for problem: XMLProblem, in file: SourceFile, vocabulary: SchemaVocabulary = .empty) -> Diagnostic {
        let message = SchemaMessage(problem.message)
        let location = locate(problem, message: message, in: file)
        return SchemaWording.diagnostic(for: message, rawMessage: problem.message, vocabulary: vocabulary, at: location)
    }

    /// libxml2 reports a value outside an enumeration twice: as the facet and again as "not a valid
    /// value of the (local) atomic/list type". The second adds nothing.
    static func withoutEchoes(_ problems: [XMLProblem]) -> [XMLProblem] {
        let facets = Set(problems.compactMap { problem -> String? in
            let message = SchemaMessage(problem.message)
            return message.facet != nil ? "\(problem.line)|\(message.element ?? "")|\(message.attribute ?? "")" : nil
        })
        return problems.filter { problem in
            let message = SchemaMessage(problem.message)
            guard message.facet == nil, message.body.contains("is not a valid value of the") else { return true }
            return !facets.contains("\(problem.line)|\(message.element ?? "")|\(message.attribute ?? "")")
        }
    }

    /// Removes `{urn:…}` namespace prefixes from element names, keeping value sets like `{'a', 'b'}`
    /// and repetitions in patterns like `[0-9]{14}`.
    static func readable(_ message: String) -> String {
        var result = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if after.first != "'", let close = after.firstIndex(of: "}"),
               after[..<close].contains(":"), !after[..<close].contains(" ") {
                rest = after[after.index(after: close)...]
            } else {
                result.append("{")
                rest = after
            }
        }
        return result + rest
    }

    private static func locate(_ problem: XMLProblem, message: SchemaMessage, in file: SourceFile) -> SourceLocation {
        guard let element = problem.nodeName ?? message.element else { return file.location(line: problem.line, column: problem.column) }
        if let attribute = message.attribute ?? message.namedAttribute {
            return file.location(ofAttribute: attribute, element: element, line: problem.line)
        }
        return file.location(ofElement: message.element ?? element, line: problem.line)
    }
}

/// The names a schema declares, for "did you mean" hints on misspelt elements and attributes.
public struct SchemaVocabulary: Sendable, Hashable {
    public var elements: [String]
    public var attributes: [String]

    public init(elements: [String], attributes: [String]) {
        self.elements = elements
        self.attributes = attributes
    }

    public static let empty = SchemaVocabulary(elements: [], attributes: [])

    /// Reads the names declared in a schema text (`<xs:element name=…>`, `<xs:attribute name=…>`).
    public static func declared(in schemaTexts: [String]) -> SchemaVocabulary {
        func names(_ tag: String) -> [String] {
            var found: Set<String> = []
            for text in schemaTexts {
                var rest = Substring(text)
                while let range = rest.range(of: "<xs:\(tag) name=\"") {
                    let value = rest[range.upperBound...].prefix { $0 != "\"" }
                    found.insert(String(value))
                    rest = rest[range.upperBound...]
                }
            }
            return found.sorted()
        }
        return SchemaVocabulary(elements: names("element"), attributes: names("attribute"))
    }
}

/// A libxml2 schema message taken apart: `Element '{ns}x', attribute 'a': [facet 'f'] body`.
struct SchemaMessage {
    var element: String?
    var attribute: String?
    var facet: String?
    var body: String

    init(_ raw: String) {
        var rest = Substring(raw)
        if rest.hasPrefix("Element '") {
            let name = rest.dropFirst("Element '".count).prefix { $0 != "'" }
            element = String(name.split(separator: "}").last ?? name)
            rest = rest.dropFirst("Element '".count + name.count + 1)
            if rest.hasPrefix(", attribute '") {
                let attribute = rest.dropFirst(", attribute '".count).prefix { $0 != "'" }
                self.attribute = String(attribute.split(separator: "}").last ?? attribute)
                rest = rest.dropFirst(", attribute '".count + attribute.count + 1)
            }
            if rest.hasPrefix(": ") { rest = rest.dropFirst(2) }
        }
        if rest.hasPrefix("[facet '") {
            let facet = rest.dropFirst("[facet '".count).prefix { $0 != "'" }
            self.facet = String(facet)
            rest = rest.dropFirst("[facet '".count + facet.count + 2).drop { $0 == " " }
        }
        body = SchemaMessageTranslator.readable(String(rest))
    }

    /// The attribute a body names (`The attribute 'id' is required but missing.`).
    var namedAttribute: String? { quoted(after: "The attribute '") }

    /// The first quoted value after a marker, e.g. the value in `The value 'x' …`.
    func quoted(after marker: String) -> String? {
        guard let range = body.range(of: marker) else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "'" })
    }

    /// The values of an enumeration: `{'draft', 'review', 'published'}`.
    var allowedValues: [String] {
        guard let open = body.range(of: "{'"), let close = body.range(of: "'}", range: open.upperBound..<body.endIndex) else { return [] }
        return body[open.upperBound..<close.lowerBound].components(separatedBy: "', '")
    }
}
