import KochbuchModel

/// Refuses input that is not plain UTF-8 XML before libxml2 sees it:
/// empty files, other encodings, and any document type declaration (the door to external
/// entities and entity expansion bombs, which recipes never need).
enum InputGuard {
    /// Files larger than this are refused unread. Recipes are a few KB; the LeiKa catalog about 600 KB.
    static let maximumFileSize = 8 * 1024 * 1024

    /// Checks bytes and returns the decoded text, or the diagnostic that refuses them.
    static func check(_ bytes: [UInt8], displayPath: String) -> Result<String, Diagnostic> {
        let whole = SourceLocation(path: displayPath)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(Diagnostic(.error, .fileEmpty, "file is empty", at: whole,
                                       hint: "write a recipe into it or delete it"))
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.first == 0 || bytes.dropFirst().first == 0 {
            return .failure(Diagnostic(.error, .fileEncoding, "file is UTF-16 or UTF-32, not UTF-8", at: whole,
                                       hint: "save the file as UTF-8"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            return .failure(Diagnostic(.error, .fileEncoding, "file is not valid UTF-8",
                                       at: SourceLocation(path: displayPath, line: line, column: column),
                                       hint: "save the file as UTF-8 (umlauts written in Latin-1 or Windows-1252 cause this)"))
        }
        if let declared = declaredEncoding(text), declared.lowercased() != "utf-8" {
            return .failure(Diagnostic(.error, .fileEncoding, "file declares encoding '\(declared)'; only UTF-8 is accepted",
                                       at: SourceLocation(path: displayPath, line: 1, column: 1),
                                       hint: "convert the file to UTF-8 and write encoding=\"UTF-8\""))
        }
        if let line = doctypeLine(text) {
            return .failure(Diagnostic(.error, .xmlDoctype, "document type declarations are not allowed",
                                       at: SourceLocation(path: displayPath, line: line, column: 1),
                                       hint: "remove the <!DOCTYPE …>: entities and DTDs are refused for safety; write characters directly in UTF-8"))
        }
        return .success(text)
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let valid = length > 0 && index + length <= bytes.count
                && String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            if !valid {
                let prefix = bytes[lineStart..<index]
                let column = (String(validating: prefix, as: UTF8.self)?.unicodeScalars.count ?? prefix.count) + 1
                return (line, column)
            }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return (line, 1)
    }

    /// The `encoding` of the XML declaration, if any.
    static func declaredEncoding(_ text: String) -> String? {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        guard body.hasPrefix("<?xml"), let end = body.range(of: "?>") else { return nil }
        let declaration = body[..<end.lowerBound]
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// The line of a `<!DOCTYPE` in the prolog (before the root element), if there is one.
    static func doctypeLine(_ text: String) -> Int? {
        var rest = Substring(text)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        var consumed = 0
        func skip(_ count: Int) {
            consumed += rest.prefix(count).filter { $0.isNewline }.count
            rest = rest.dropFirst(count)
        }
        while true {
            let whitespace = rest.prefix { $0.isWhitespace }
            skip(whitespace.count)
            if rest.hasPrefix("<?") {
                guard let end = rest.range(of: "?>") else { return nil }
                skip(rest.distance(from: rest.startIndex, to: end.upperBound))
            } else if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { return nil }
                skip(rest.distance(from: rest.startIndex, to: end.upperBound))
            } else if rest.hasPrefix("<!DOCTYPE") || rest.hasPrefix("<!doctype") {
                return consumed + 1
            } else {
                return nil
            }
        }
    }
}
