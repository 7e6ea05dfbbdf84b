/// A plain-text table for the terminal: columns padded to their widest cell, fitted to a width.
///
/// Without a width (output into a pipe or file) every cell is written whole on one line. With one,
/// the table is fitted: the `shortened` columns lose their ends ("…") down to a minimum, then the
/// last column wraps onto continuation lines. Where even that does not fit, each row is written as
/// a block of "header: value" lines, which fits any terminal.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns that may be shortened with "…" to fit (titles), by index.
    public var shortened: Set<Int>

    /// The narrowest a shortened column becomes, and the narrowest the wrapped last column.
    static let minimumShortened = 16
    static let minimumLast = 20

    public init(header: [String], rows: [[String]], shortened: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.shortened = shortened
    }

    /// How the table was fitted, for a note on how to see it whole.
    public enum Fit: Sendable, Equatable {
        case whole, wrapped, shortened, stacked
    }

    /// The table as lines of at most `width` characters (any length without a width).
    public func render(width: Int? = nil) -> String { layout(width: width).text }

    /// The table and how it was fitted.
    public func layout(width: Int?) -> (text: String, fit: Fit) {
        let all = [header] + rows
        var widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let gaps = 2 * (widths.count - 1)
        guard let width, widths.reduce(0, +) + gaps > width, let last = widths.indices.last else {
            return (lines(widths: widths, wrapLast: false).joined(separator: "\n"), .whole)
        }
        var fit = Fit.wrapped
        var excess = widths.reduce(0, +) + gaps - width
        let lastWanted = max(Self.minimumLast, min(widths[last], width / 3))
        if widths[last] > lastWanted {
            let cut = min(excess, widths[last] - lastWanted)
            widths[last] -= cut
            excess -= cut
        }
        for column in shortened.sorted() where excess > 0 && widths[column] > Self.minimumShortened {
            let cut = min(excess, widths[column] - Self.minimumShortened)
            widths[column] -= cut
            excess -= cut
            fit = .shortened
        }
        if excess > 0 {
            let cut = min(excess, widths[last] - min(widths[last], Self.minimumLast))
            widths[last] -= cut
            excess -= cut
        }
        guard excess <= 0 else { return (stacked(width: width), .stacked) }
        return (lines(widths: widths, wrapLast: true).joined(separator: "\n"), fit)
    }

    private func lines(widths: [Int], wrapLast: Bool) -> [String] {
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return line(header, widths: widths, wrapLast: wrapLast) + [rule] + rows.flatMap { line($0, widths: widths, wrapLast: wrapLast) }
    }

    private func line(_ cells: [String], widths: [Int], wrapLast: Bool) -> [String] {
        let last = cells.count - 1
        let head = cells.indices.dropLast().map { index -> String in
            let cell = cells[index]
            let text = cell.count > widths[index] ? String(cell.prefix(widths[index] - 1)) + "…" : cell
            return text.padding(toLength: widths[index], withPad: " ", startingAt: 0)
        }
        let indent = head.isEmpty ? "" : String(repeating: " ", count: head.map(\.count).reduce(0, +) + 2 * head.count)
        let pieces = wrapLast ? Self.wrap(cells[last], width: widths[last]) : [cells[last]]
        let first = (head + [pieces.first ?? ""]).joined(separator: "  ")
        return [Self.trimmed(first)] + pieces.dropFirst().map { Self.trimmed(indent + $0) }
    }

    private func stacked(width: Int) -> String {
        let label = (header.map(\.count).max() ?? 0) + 2
        return rows.map { row in
            row.indices.compactMap { index -> String? in
                guard !row[index].isEmpty else { return nil }
                let name = header[index].isEmpty ? "" : header[index] + ":"
                let pieces = Self.wrap(row[index], width: max(10, width - label))
                let first = name.padding(toLength: label, withPad: " ", startingAt: 0) + (pieces.first ?? "")
                return ([first] + pieces.dropFirst().map { String(repeating: " ", count: label) + $0 }).map(Self.trimmed).joined(separator: "\n")
            }.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// A cell's text in lines of at most `width`, broken after spaces; a longer word is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard text.count > width, width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.count <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            var rest = String(word)
            while rest.count > width {
                lines.append(String(rest.prefix(width)))
                rest = String(rest.dropFirst(width))
            }
            current = rest
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    private static func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
