import KochbuchModel

/// A file's bytes with what is needed to point at places in it.
struct SourceFile {
    /// The path shown in diagnostics.
    let displayPath: String
    let bytes: [UInt8]
    private let lines: [Substring]

    init(displayPath: String, bytes: [UInt8], text: String) {
        self.displayPath = displayPath
        self.bytes = bytes
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func location(line: Int, column: Int = 0) -> SourceLocation {
        SourceLocation(path: displayPath, line: line, column: column)
    }

    /// The location of the start tag `<name` on `line`, with its 1-based column when it can be found.
    /// libxml2 numbers an element by the line where its start tag ends, so the search goes back
    /// from there to the line where `<name` stands.
    func location(ofElement name: String, line: Int) -> SourceLocation {
        let start = tagStart(name, line: line)
        return location(line: start, column: column(ofTag: name, line: start))
    }

    /// The line at or before `line` where the start tag `<name` begins.
    private func tagStart(_ name: String, line: Int) -> Int {
        var candidate = line
        while candidate >= 1, candidate > line - 20 {
            if column(ofTag: name, line: candidate) > 0 { return candidate }
            candidate -= 1
        }
        return line
    }

    /// The location of `attribute=` within the start tag of `element` starting on `line`.
    func location(ofAttribute attribute: String, element: String, line: Int) -> SourceLocation {
        let tagLine = tagStart(element, line: line)
        let tagColumn = column(ofTag: element, line: tagLine)
        for lineNumber in tagLine..<min(tagLine + 20, lines.count + 1) {
            let text = lines[lineNumber - 1]
            let start = lineNumber == tagLine ? max(tagColumn - 1, 0) : 0
            if let column = Self.column(of: " \(attribute)=", in: text, from: start)
                ?? Self.column(of: "\t\(attribute)=", in: text, from: start) {
                return location(line: lineNumber, column: column + 1)
            }
            if text.contains(">") { break }
        }
        return location(line: tagLine, column: tagColumn)
    }

    private func column(ofTag name: String, line: Int) -> Int {
        guard line >= 1, line <= lines.count else { return 0 }
        let text = lines[line - 1]
        var searchFrom = 0
        while let column = Self.column(of: "<\(name)", in: text, from: searchFrom) {
            let after = text.unicodeScalars.dropFirst(column + name.unicodeScalars.count + 1).first
            if after == nil || after == " " || after == ">" || after == "/" || after == "\t" { return column + 1 }
            searchFrom = column + 1
        }
        return 0
    }

    /// 0-based column (in Unicode scalars) of `needle` in `text` at or after `from`.
    private static func column(of needle: String, in text: Substring, from: Int) -> Int? {
        let scalars = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        guard pattern.count <= scalars.count, from <= scalars.count - pattern.count else { return nil }
        var index = from
        while index <= scalars.count - pattern.count {
            if scalars[index] == pattern[0] && Array(scalars[index..<index + pattern.count]) == pattern { return index }
            index += 1
        }
        return nil
    }
}
