import KochbuchModel

/// Renders blocks as indented, wrapped lines: paragraphs, lists with hanging indents, notes as
/// "Hinweis:" and "Achtung:" blocks, tables in columns and figures as "[Abbildung: …]".
struct BlockText {
    let inline: InlineText
    let width: Int

    /// The blocks at an indent, separated by blank lines.
    func lines(_ blocks: [Block], indent: String) -> [String] {
        var document = TextDocument()
        for block in blocks { document.add(lines(block, indent: indent)) }
        return document.lines
    }

    func lines(_ block: Block, indent: String) -> [String] {
        switch block {
        case .paragraph(let content):
            return TextWrapper.wrap(inline.text(content), width: width, first: indent, rest: indent)
        case .list(let list):
            return lines(list, indent: indent)
        case .note(let note):
            return hanging(note.kind == .warning ? "Achtung: " : "Hinweis: ", note.blocks, indent: indent)
        case .table(let table):
            return TableText(inline: inline, width: width).lines(table, indent: indent)
        case .figure(let figure):
            let alternativeText = TextWrapper.collapsed(figure.alternativeText)
            let image = alternativeText.isEmpty ? "[Abbildung]" : "[Abbildung: \(alternativeText)]"
            return TextWrapper.wrap(image, width: width, first: indent, rest: indent)
                + TextWrapper.wrap(inline.text(figure.caption), width: width, first: indent, rest: indent)
        }
    }

    /// A list indented by two, each item's text hanging under its text: "  - item", "  1. item";
    /// nested lists indented under the item's text.
    func lines(_ list: List, indent: String) -> [String] {
        let markers = list.items.indices.map { list.ordered ? "\($0 + 1). " : "- " }
        let markerWidth = markers.map(\.count).max() ?? 0
        let hanging = indent + "  " + TextWrapper.spaces(markerWidth)
        var lines: [String] = []
        for (item, marker) in zip(list.items, markers) {
            let first = indent + "  " + TextWrapper.spaces(markerWidth - marker.count) + marker
            lines += TextWrapper.wrap(inline.text(item.content), width: width, first: first, rest: hanging)
            for sublist in item.sublists { lines += self.lines(sublist, indent: hanging) }
        }
        return lines
    }

    /// Blocks after a marker, hanging under the marker's end: "Achtung: text …", "  - Ein Tipp.".
    /// When the blocks do not start with running text, the marker stands on a line of its own.
    func hanging(_ marker: String, _ blocks: [Block], indent: String) -> [String] {
        let inner = indent + TextWrapper.spaces(marker.count)
        var body = lines(blocks, indent: inner)
        if case .paragraph = blocks.first, let first = body.first, first.hasPrefix(inner),
           let start = first.dropFirst(inner.count).first, start != " " {
            body[0] = indent + marker + first.dropFirst(inner.count)
            return body
        }
        return [TextWrapper.trimmingTrailingSpaces(indent + marker)] + body
    }
}
