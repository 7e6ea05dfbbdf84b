import KochbuchModel

/// Renders a table: the caption above, then aligned columns with the header underlined; cells
/// wrap within their column. When the columns cannot fit the width even at their longest words,
/// each row becomes a block of "Header: value" lines.
struct TableText {
    let inline: InlineText
    let width: Int
    /// Spaces between two columns.
    private let gap = 2

    func lines(_ table: Table, indent: String) -> [String] {
        var document = TextDocument()
        let caption = TextWrapper.collapsed(inline.text(table.caption))
        if !caption.isEmpty {
            document.add(TextWrapper.wrap("Tabelle: \(caption)", width: width, first: indent, rest: indent + TextWrapper.spaces(9)))
        }
        let header = table.header.map { $0.map { TextWrapper.collapsed(inline.text($0)) } }
        let rows = table.rows.map { $0.map { TextWrapper.collapsed(inline.text($0)) } }
        let columnCount = ([header?.count ?? 0] + rows.map(\.count)).max() ?? 0
        guard columnCount > 0 else { return document.lines }
        if let widths = columnWidths(([header].compactMap { $0 }) + rows, count: columnCount, available: width - indent.count) {
            document.add(columns(header: header, rows: rows, widths: widths, indent: indent))
        } else {
            let layout = TextLayout(width: width)
            for row in rows {
                let labels = (0..<columnCount).map { column in
                    let label = header.flatMap { column < $0.count ? $0[column] : nil } ?? ""
                    return label.isEmpty ? "Spalte \(column + 1)" : label
                }
                document.add(layout.labelled(zip(labels, row).map { ($0, $1.isEmpty ? [] : [$1]) }, indent: indent))
            }
        }
        return document.lines
    }

    /// The widths of the columns: as wide as their longest cell if the table fits, else shrunk
    /// towards their longest word in proportion to how much they would wrap; nil if even that is too wide.
    private func columnWidths(_ cells: [[String]], count: Int, available: Int) -> [Int]? {
        var natural = Array(repeating: 1, count: count)
        var minimum = Array(repeating: 1, count: count)
        for row in cells {
            for (column, cell) in row.enumerated() {
                natural[column] = max(natural[column], cell.count)
                minimum[column] = max(minimum[column], TextWrapper.longestWord(cell))
            }
        }
        let room = available - gap * (count - 1)
        if natural.reduce(0, +) <= room { return natural }
        let minimumTotal = minimum.reduce(0, +)
        guard minimumTotal <= room else { return nil }
        let flexible = zip(natural, minimum).map { $0 - $1 }
        let flexibleTotal = flexible.reduce(0, +)
        let extra = room - minimumTotal
        var widths = zip(minimum, flexible).map { $0 + extra * $1 / max(1, flexibleTotal) }
        var left = room - widths.reduce(0, +)
        var column = 0
        while left > 0 && widths != natural {
            if widths[column] < natural[column] {
                widths[column] += 1
                left -= 1
            }
            column = (column + 1) % count
        }
        return widths
    }

    private func columns(header: [String]?, rows: [[String]], widths: [Int], indent: String) -> [String] {
        let wrappedHeader = header.map { wrapped($0, widths: widths) }
        let wrappedRows = rows.map { wrapped($0, widths: widths) }
        let spaced = (wrappedRows + [wrappedHeader].compactMap { $0 }).contains { row in row.contains { $0.count > 1 } }
        var lines: [String] = []
        if let wrappedHeader {
            lines += layout(wrappedHeader, widths: widths, indent: indent)
            lines.append(indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: TextWrapper.spaces(gap)))
        }
        for (index, row) in wrappedRows.enumerated() {
            if spaced && index > 0 { lines.append("") }
            lines += layout(row, widths: widths, indent: indent)
        }
        return lines
    }

    /// Each cell of a row wrapped to its column.
    private func wrapped(_ row: [String], widths: [Int]) -> [[String]] {
        widths.indices.map { column in
            column < row.count ? TextWrapper.wrap(row[column], width: widths[column]) : []
        }
    }

    /// The lines of one row: its cells side by side, padded to their columns.
    private func layout(_ cells: [[String]], widths: [Int], indent: String) -> [String] {
        let height = cells.map(\.count).max() ?? 0
        return (0..<height).map { line in
            let text = cells.indices.map { column in
                let cell = line < cells[column].count ? cells[column][line] : ""
                return cell + TextWrapper.spaces(widths[column] - cell.count)
            }.joined(separator: TextWrapper.spaces(gap))
            return TextWrapper.trimmingTrailingSpaces(indent + text)
        }
    }
}
