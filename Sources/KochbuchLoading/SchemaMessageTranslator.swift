import KochbuchModel
import KochbuchXML

/// Turns libxml2's schema validity messages into diagnostics an author can act on:
/// namespaces stripped, and well-known cases given their own code and advice.
enum SchemaMessageTranslator {
    static func diagnostic(for problem: XMLProblem, in file: SourceFile) -> Diagnostic {
        let message = readable(problem.message)
        let location = locate(problem, in: file)
        if problem.message.contains("(https?://|mailto:)") {
            let value = quotedValue(after: "The value ", in: message) ?? "?"
            return Diagnostic(.error, .linkScheme, "external link '\(value)' is not allowed", at: location,
                              hint: "external links must start with http://, https:// or mailto:")
        }
        if problem.message.contains("atomic type 'xs:date'") || problem.message.contains("atomic type 'xs:gYear'") {
            let value = quotedValue(after: ": ", in: message) ?? "?"
            let isYear = problem.message.contains("xs:gYear")
            let attribute = quotedValue(after: "attribute '", in: problem.message, quote: "'").map { " (\($0)=\"…\")" } ?? ""
            return Diagnostic(.error, .dateInvalid, "'\(value)' is not a real \(isYear ? "year" : "date")\(attribute)", at: location,
                              hint: isYear ? "write a four-digit year, e.g. 2016" : "write a real calendar date as YYYY-MM-DD, e.g. 2026-11-21")
        }
        if problem.message.contains("Duplicate key-sequence"), let value = quotedValue(after: "key-sequence [", in: message) {
            let what: (thing: String, hint: String) = problem.message.contains("UniqueStepId")
                ? ("the step id '\(value)' is used twice in this recipe", "give every <step> its own id; links to steps use them (#schritt-…)")
                : problem.message.contains("UniqueSectionNumber")
                    ? ("§ \(value) appears twice in one version of the law", "keep each section once per <version>")
                    : problem.message.contains("UniqueGlossaryId")
                        ? ("the glossary id '\(value)' is used twice", "give every <entry> its own id")
                        : ("'\(value)' appears twice where it must be unique", "make the value unique")
            return Diagnostic(.error, .schemaInvalid, what.thing, at: location, hint: what.hint)
        }
        return Diagnostic(.error, .schemaInvalid, message, at: location, hint: hint(for: problem.message))
    }

    /// Removes `{urn:…}` namespace prefixes from element names.
    static func readable(_ message: String) -> String {
        var result = ""
        var inBraces = false
        for character in message {
            if character == "{" { inBraces = true; continue }
            if character == "}" && inBraces { inBraces = false; continue }
            if !inBraces { result.append(character) }
        }
        return result
    }

    private static func locate(_ problem: XMLProblem, in file: SourceFile) -> SourceLocation {
        guard let element = problem.nodeName else { return file.location(line: problem.line, column: problem.column) }
        if let attribute = quotedValue(after: "attribute '", in: problem.message, quote: "'") {
            return file.location(ofAttribute: attribute, element: element, line: problem.line)
        }
        return file.location(ofElement: element, line: problem.line)
    }

    private static func quotedValue(after marker: String, in text: String, quote: Character = "'") -> String? {
        guard let range = text.range(of: marker) else { return nil }
        var rest = text[range.upperBound...]
        if marker.last != quote {
            guard rest.first == quote else { return nil }
            rest = rest.dropFirst()
        }
        return String(rest.prefix { $0 != quote })
    }

    private static func hint(for message: String) -> String? {
        if message.contains("is not expected") || message.contains("Missing child element") {
            return "check the order and names of the elements against the schema (Recipes/schema/)"
        }
        if message.contains("attribute") && message.contains("is required") {
            return "add the attribute; Recipes/schema/ documents what it means"
        }
        if message.contains("is not an element of the set") {
            return "use one of the values the message lists"
        }
        return nil
    }
}
