import KochbuchLoading
import KochbuchModel
import KochbuchXML

/// Admits a source for formatting or comparison by the same rules the book loader applies:
/// not larger than the loader's limit, not empty, UTF-8 (an encoding declaration must say UTF-8),
/// no document type declaration, and well-formed (namespaces included) for libxml2 with safe options.
enum SourceAdmission {
    /// The parsed document, or the first reason the source is refused.
    static func parse(_ source: String) throws(FormatError) -> XMLDocument {
        var body = Substring(source)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        let size = body.utf8.count
        if size > BookLoader.maximumFileSize {
            let (megabytes, limit) = (size / 1024 / 1024, BookLoader.maximumFileSize / 1024 / 1024)
            throw FormatError(line: 1, column: 1, phrase: Phrase(de: "die Datei ist \(megabytes) MiB groß; erlaubt sind höchstens \(limit) MiB",
                                                                 en: "file is \(megabytes) MiB; the limit is \(limit) MiB"))
        }
        if ContentLayout.isWhitespaceOnly(String(body)) {
            throw FormatError(line: 1, column: 1, phrase: Phrase(de: "das Dokument ist leer", en: "document is empty"))
        }
        if let (encoding, column) = declaredEncoding(body), encoding.lowercased() != "utf-8" {
            throw FormatError(line: 1, column: column, phrase: Phrase(de: "das Dokument gibt die Zeichenkodierung '\(encoding)' an; zulässig ist nur UTF-8",
                                                                      en: "document declares encoding '\(encoding)'; only UTF-8 is accepted"))
        }
        if let (line, column) = doctypePosition(body) {
            throw FormatError(line: line, column: column, phrase: Phrase(de: "eine Dokumenttyp-Deklaration (<!DOCTYPE …>) ist nicht erlaubt",
                                                                         en: "document type declarations are not allowed"))
        }
        let outcome = XMLParser.parse(Array(body.utf8), name: "source")
        let refusals = outcome.problems.filter { $0.level != .warning }
        guard let document = outcome.document, refusals.isEmpty else {
            let problem = refusals.first
            let phrase = problem.map { Phrase(de: "das Dokument ist hier kein wohlgeformtes XML (Meldung von libxml2: \($0.message))", en: $0.message) }
                ?? Phrase(de: "das Dokument ist kein wohlgeformtes XML", en: "document is not well-formed")
            throw FormatError(line: max(problem?.line ?? 1, 1), column: max(problem?.column ?? 1, 1), phrase: phrase)
        }
        return document
    }

    /// The `encoding` pseudo-attribute of the XML declaration and its 1-based column, if there is one.
    static func declaredEncoding(_ text: Substring) -> (String, Int)? {
        guard text.hasPrefix("<?xml"), let next = text.unicodeScalars.dropFirst(5).first,
              ContentLayout.isWhitespace(next), let end = text.range(of: "?>") else { return nil }
        let declaration = text[..<end.lowerBound]
        guard let key = declaration.range(of: "encoding") else { return nil }
        let column = declaration.unicodeScalars[..<key.lowerBound].count + 1
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return (String(rest.dropFirst().prefix { $0 != quote }), column)
    }

    /// The 1-based line and column of a `<!DOCTYPE` in the prolog (before the root element), if there is one.
    static func doctypePosition(_ text: Substring) -> (Int, Int)? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var line = 1
        var lineStart = 0
        func starts(with prefix: String) -> Bool {
            let pattern = Array(prefix.unicodeScalars)
            return index + pattern.count <= scalars.count && Array(scalars[index..<index + pattern.count]) == pattern
        }
        func skip(past terminator: String) -> Bool {
            let pattern = Array(terminator.unicodeScalars)
            while index < scalars.count {
                if starts(with: terminator) {
                    index += pattern.count
                    return true
                }
                if scalars[index] == "\n" {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
            return false
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if ContentLayout.isWhitespace(scalar) {
                if scalar == "\n" {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            } else if starts(with: "<?") {
                guard skip(past: "?>") else { return nil }
            } else if starts(with: "<!--") {
                guard skip(past: "-->") else { return nil }
            } else if starts(with: "<!DOCTYPE") || starts(with: "<!doctype") {
                return (line, index - lineStart + 1)
            } else {
                return nil
            }
        }
        return nil
    }
}
