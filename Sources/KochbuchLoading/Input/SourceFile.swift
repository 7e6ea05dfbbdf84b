import KochbuchModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes with what is needed to point at places in it. Works on the UTF-8 bytes
/// directly (columns count Unicode scalars), so that pointing costs nothing until asked.
struct SourceFile {
    /// The path shown in diagnostics.
    let displayPath: String
    let bytes: [UInt8]
    /// The byte offset where each line starts; line `n` (1-based) starts at `lineStarts[n - 1]`.
    private let lineStarts: [Int]

    init(displayPath: String, bytes: [UInt8]) {
        self.displayPath = displayPath
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                starts.append(offset)
            }
        }
        self.lineStarts = starts
    }

    var lineCount: Int { lineStarts.count }

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

    /// The location of `attribute=` within the start tag of `element` starting on `line`.
    func location(ofAttribute attribute: String, element: String, line: Int) -> SourceLocation {
        let tagLine = tagStart(element, line: line)
        let tagColumn = column(ofTag: element, line: tagLine)
        let spaced = Array(" \(attribute)=".utf8), tabbed = Array("\t\(attribute)=".utf8)
        for lineNumber in tagLine..<min(tagLine + 20, lineCount + 1) {
            let range = byteRange(ofLine: lineNumber)
            let start = lineNumber == tagLine ? tagOffset(element, line: tagLine) ?? range.lowerBound : range.lowerBound
            if let offset = firstOffset(of: spaced, in: start..<range.upperBound)
                ?? firstOffset(of: tabbed, in: start..<range.upperBound) {
                return location(line: lineNumber, column: scalarColumn(of: offset + 1, line: lineNumber))
            }
            if bytes[range].contains(UInt8(ascii: ">")) { break }
        }
        return location(line: tagLine, column: tagColumn)
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

    /// The 1-based column of the start tag `<name` on `line`, or 0.
    private func column(ofTag name: String, line: Int) -> Int {
        tagOffset(name, line: line).map { scalarColumn(of: $0, line: line) } ?? 0
    }

    /// The byte offset of the start tag `<name` on `line`.
    private func tagOffset(_ name: String, line: Int) -> Int? {
        guard line >= 1, line <= lineCount else { return nil }
        let range = byteRange(ofLine: line)
        var name = name
        return name.withUTF8 { name in
            bytes.withUnsafeBufferPointer { buffer in
                var index = range.lowerBound
                while index + name.count < range.upperBound {
                    if buffer[index] == 0x3C, memcmp(buffer.baseAddress! + index + 1, name.baseAddress!, name.count) == 0 {
                        let after = index + 1 + name.count
                        let next = after < range.upperBound ? buffer[after] : 0x3E
                        if next == 0x20 || next == 0x3E || next == 0x2F || next == 0x09 || next == 0x0D { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
    }

    /// The bytes of a line without its line feed.
    private func byteRange(ofLine line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        return start..<max(start, end)
    }

    /// The 1-based column, in Unicode scalars, of the byte at `offset` on `line`.
    private func scalarColumn(of offset: Int, line: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var column = 1
            for index in lineStarts[line - 1]..<offset where buffer[index] & 0xC0 != 0x80 { column += 1 }
            return column
        }
    }

    private func firstOffset(of pattern: [UInt8], in range: Range<Int>) -> Int? {
        guard let first = pattern.first, range.count >= pattern.count else { return nil }
        var index = range.lowerBound
        let last = range.upperBound - pattern.count
        while index <= last {
            if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
