/// Layouts shared by the recipe and the book: underlined headings and aligned "Label: value" lines.
struct TextLayout {
    let width: Int

    /// A heading underlined (and, for the top levels, overlined) with a line as long as the heading.
    func heading(_ title: String, _ character: Character, overline: Bool = false) -> [String] {
        let lines = TextWrapper.wrap(title, width: width)
        let rule = String(repeating: character, count: min(width, lines.map(\.count).max() ?? 0))
        return (overline ? [rule] : []) + lines + [rule]
    }

    /// Rows of "Label: value", the values aligned in one column and wrapped under it. A label can
    /// have several values, each starting on its own line. When the value column would leave a
    /// word no room, each label stands on its own line with its values indented below.
    func labelled(_ rows: [(label: String, values: [String])], indent: String = "") -> [String] {
        let rows = rows.filter { !$0.values.isEmpty }
        guard !rows.isEmpty else { return [] }
        let labelWidth = rows.map { $0.label.count + 1 }.max() ?? 0
        let column = indent.count + labelWidth + 1
        let longestWord = rows.flatMap(\.values).map(TextWrapper.longestWord).max() ?? 0
        var lines: [String] = []
        if column + longestWord <= width {
            let hanging = TextWrapper.spaces(column)
            for row in rows {
                for (index, value) in row.values.enumerated() {
                    let label = index == 0 ? row.label + ":" : ""
                    let first = indent + label + TextWrapper.spaces(labelWidth - label.count + 1)
                    lines += TextWrapper.wrap(value, width: width, first: first, rest: hanging)
                }
            }
        } else {
            let hanging = indent + "  "
            for row in rows {
                lines += TextWrapper.wrap(row.label + ":", width: width, first: indent, rest: indent)
                for value in row.values {
                    lines += TextWrapper.wrap(value, width: width, first: hanging, rest: hanging)
                }
            }
        }
        return lines
    }

    /// Items with a marker ("1. ", "[3] ") and their text hanging under the text; the markers
    /// are right-aligned ("  9. ", " 10. ") or left-aligned ("[9]  ", "[10] ").
    func marked(_ items: [(marker: String, text: String)], indent: String = "", alignRight: Bool = true) -> [String] {
        let markerWidth = items.map(\.marker.count).max() ?? 0
        let hanging = indent + TextWrapper.spaces(markerWidth)
        return items.flatMap { item in
            let padding = TextWrapper.spaces(markerWidth - item.marker.count)
            let first = indent + (alignRight ? padding + item.marker : item.marker + padding)
            return TextWrapper.wrap(item.text, width: width, first: first, rest: hanging)
        }
    }
}
