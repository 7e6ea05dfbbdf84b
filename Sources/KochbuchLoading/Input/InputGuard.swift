import KochbuchModel

/// Refuses input that is not plain UTF-8 XML before libxml2 sees it:
/// empty files, other encodings, and any document type declaration (the door to external
/// entities and entity expansion bombs, which recipes never need).
enum InputGuard {
    /// Files larger than this are refused unread. Recipes are a few KB; the LeiKa catalog about 600 KB.
    static let maximumFileSize = 8 * 1024 * 1024

    /// A size as people read it, exact where it matters: "8.4 MiB (8,800,000 bytes)".
    static func sizeDescription(_ size: Int) -> String {
        let mebibytes = Double(size) / 1_048_576
        return String(format: "%.1f MiB", mebibytes) + " (\(grouped(size, by: ",")) bytes)"
    }

    /// The same size as German readers write it: "8,4 MiB (8.800.000 Byte)".
    static func germanSizeDescription(_ size: Int) -> String {
        let mebibytes = Double(size) / 1_048_576
        return String(format: "%.1f MiB", mebibytes).replacingOccurrences(of: ".", with: ",") + " (\(grouped(size, by: ".")) Byte)"
    }

    /// A number with its digits grouped in threes: "8,800,000", or "8.800.000" in German.
    static func grouped(_ number: Int, by separator: String) -> String {
        let digits = String(number).reversed().enumerated().map { $0.offset > 0 && $0.offset % 3 == 0 ? "\(separator)\($0.element)" : "\($0.element)" }
        return String(digits.joined().reversed())
    }

    /// Checks bytes, or returns the diagnostic that refuses them. Whether the bytes are valid
    /// UTF-8 is left to libxml2, which checks every character it reads; when parsing fails, ask
    /// `encodingProblem` for the exact place.
    static func check(_ bytes: [UInt8], displayPath: String) -> Diagnostic? {
        let whole = SourceLocation(path: displayPath)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return Diagnostic(.error, .fileEmpty, Phrase(de: "die Datei ist leer", en: "file is empty"), at: whole,
                              hint: Phrase(de: "schreiben Sie ein Rezept hinein oder löschen Sie die Datei",
                                           en: "write a recipe into it or delete it"))
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.first == 0 || bytes.dropFirst().first == 0 {
            return Diagnostic(.error, .fileEncoding,
                              Phrase(de: "die Datei ist in UTF-16 oder UTF-32 gespeichert, nicht in UTF-8",
                                     en: "file is UTF-16 or UTF-32, not UTF-8"), at: whole,
                              hint: Phrase(de: "speichern Sie die Datei als UTF-8 (in VS Code: unten rechts auf die Codierung klicken, dann „Mit Codierung speichern“)",
                                           en: "save the file as UTF-8"))
        }
        let prolog = Prolog(bytes)
        if let declared = prolog.declaredEncoding(), declared.lowercased() != "utf-8" {
            return encodingProblem(bytes, displayPath: displayPath)
                ?? Diagnostic(.error, .fileEncoding,
                              Phrase(de: "die Datei gibt die Codierung '\(declared)' an; erlaubt ist nur UTF-8",
                                     en: "file declares encoding '\(declared)'; only UTF-8 is accepted"),
                              at: SourceLocation(path: displayPath, line: 1, column: 1),
                              hint: Phrase(de: "speichern Sie die Datei als UTF-8 und schreiben Sie in die erste Zeile encoding=\"UTF-8\"",
                                           en: "convert the file to UTF-8 and write encoding=\"UTF-8\""))
        }
        if let line = prolog.doctypeLine() {
            return encodingProblem(bytes, displayPath: displayPath)
                ?? Diagnostic(.error, .xmlDoctype,
                              Phrase(de: "eine Dokumenttyp-Deklaration (<!DOCTYPE …>) ist nicht erlaubt",
                                     en: "document type declarations are not allowed"),
                              at: SourceLocation(path: displayPath, line: line, column: 1),
                              hint: Phrase(de: "löschen Sie die Zeile <!DOCTYPE …>: Entitäten und DTDs werden aus Sicherheitsgründen abgelehnt; schreiben Sie Sonderzeichen direkt in UTF-8",
                                           en: "remove the <!DOCTYPE …>: entities and DTDs are refused for safety; write characters directly in UTF-8"))
        }
        return nil
    }

    /// The diagnostic for bytes that are not valid UTF-8, at the first bad byte; nil when they are.
    static func encodingProblem(_ bytes: [UInt8], displayPath: String) -> Diagnostic? {
        guard !isValidUTF8(bytes) else { return nil }
        let (line, column) = firstInvalidUTF8(bytes)
        return Diagnostic(.error, .fileEncoding, Phrase(de: "die Datei ist kein gültiges UTF-8", en: "file is not valid UTF-8"),
                          at: SourceLocation(path: displayPath, line: line, column: column),
                          hint: Phrase(de: "speichern Sie die Datei als UTF-8 (meist stammen solche Fehler von Umlauten, die in Latin-1 oder Windows-1252 gespeichert wurden)",
                                       en: "save the file as UTF-8 (umlauts written in Latin-1 or Windows-1252 cause this)"))
    }

    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count, buffer[index] < 0x80 { index += 1 }
            return index == buffer.count || String(validating: buffer[index...], as: UTF8.self) != nil
        }
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

    /// The line of a `<!DOCTYPE` before the root element, if the bytes have one.
    static func doctypeLine(_ bytes: [UInt8]) -> Int? {
        Prolog(bytes).doctypeLine()
    }
}

/// The bytes before the root element: XML declaration, comments, processing instructions
/// and a document type declaration, if any.
private struct Prolog {
    let bytes: [UInt8]
    let start: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The `encoding` of the XML declaration, if any.
    func declaredEncoding() -> String? {
        guard has("<?xml", at: start), let end = find("?>", from: start) else { return nil }
        guard let key = find("encoding", from: start), key < end else { return nil }
        var index = key + 8
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x3D || bytes[index] == 0x09 { index += 1 }
        guard index < end, bytes[index] == 0x22 || bytes[index] == 0x27 else { return nil }
        let quote = bytes[index]
        let valueStart = index + 1
        var valueEnd = valueStart
        while valueEnd < bytes.count, bytes[valueEnd] != quote { valueEnd += 1 }
        return String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
    }

    /// The line of a `<!DOCTYPE` before the root element, if there is one.
    func doctypeLine() -> Int? {
        var index = start
        while true {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
            if has("<?", at: index) {
                guard let end = find("?>", from: index) else { return nil }
                index = end + 2
            } else if has("<!--", at: index) {
                guard let end = find("-->", from: index) else { return nil }
                index = end + 3
            } else if has("<!DOCTYPE", at: index) || has("<!doctype", at: index) {
                return bytes[..<index].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            } else {
                return nil
            }
        }
    }

    private func has(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { bytes[index..<index + count].elementsEqual($0) }
    }

    private func find(_ text: StaticString, from index: Int) -> Int? {
        var position = index
        let count = text.utf8CodeUnitCount
        while position + count <= bytes.count {
            if has(text, at: position) { return position }
            position += 1
        }
        return nil
    }
}
