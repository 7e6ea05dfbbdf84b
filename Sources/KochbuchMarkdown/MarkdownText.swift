import Foundation
import KochbuchModel

/// Running text and blocks of the book as Markdown (CommonMark with pipe tables). Every piece of
/// book text is escaped, so nothing an author writes becomes markup or HTML.
struct MarkdownText {
    let lookup: BookLookup
    let links: MarkdownLinks
    /// The recipe the text belongs to, for references to its own steps.
    var currentRecipe: String?

    /// Backslash-escapes what Markdown would read as markup; whitespace collapses to single spaces.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isSpace = value < 0x80 ? (value == 0x20 || (value >= 0x09 && value <= 0x0D)) : scalar.properties.isWhitespace
            if isSpace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            if value < 0x80, specials[Int(value)] { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    /// The ASCII characters Markdown gives a meaning: \ ` * _ [ ] < > # | & ! ~
    private static let specials: [Bool] = (0..<128).map { "\\`*_[]<>#|&!~".unicodeScalars.contains(Unicode.Scalar(UInt8($0))) }

    /// A paragraph-initial "-", "+", "1." or "#" would start a list or heading: escaped.
    static func safeLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if first == "-" || first == "+" || first == "=" { return "\\" + line }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, let next = line.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + line.dropFirst(digits.count)
        }
        return line
    }

    /// A link target with spaces and parentheses percent-encoded, so it stays one destination.
    static func destination(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func link(_ label: String, _ url: String) -> String { "[\(label)](\(destination(url)))" }

    func inline(_ content: [Inline]) -> String {
        content.map(inline).joined()
    }

    func inline(_ piece: Inline) -> String {
        switch piece {
        case .text(let text): return Self.escape(text)
        case .emphasis(let content): return wrap(inline(content), "*")
        case .strong(let content): return wrap(inline(content), "**")
        case .code(let code):
            let fence = code.contains("`") ? "`` " : "`"
            return fence + code.replacingOccurrences(of: "\n", with: " ") + (fence == "`" ? "`" : " ``")
        case .link(let link):
            let label = link.content.isEmpty ? Self.escape(link.href) : inline(link.content)
            return Self.link(label, link.href)
        case .crossReference(let reference):
            let target = reference.recipe ?? currentRecipe ?? ""
            let recipe = lookup.recipes[target]
            let label: String
            if !reference.content.isEmpty {
                label = inline(reference.content)
            } else if let recipe {
                let step = reference.step.flatMap { id in recipe.steps.firstIndex { $0.id == id }.map { ($0 + 1, recipe.steps[$0].title) } }
                label = Self.escape(CrossReferenceLabel.text(recipeTitle: recipe.title, step: step, local: target == currentRecipe))
            } else {
                label = Self.escape(target)
            }
            guard recipe != nil else { return label }
            return Self.link(label, links.recipe(target, step: reference.step))
        case .citation(let reference, let content):
            let law = lookup.laws[reference.law]
            let label = content.isEmpty ? Self.escape(reference.displayText(law: law)) : inline(content)
            guard law != nil else { return label }
            return Self.link(label, links.law(reference.law, section: reference.section))
        case .term(let term):
            let entry = lookup.glossary[term.id]
            let label = term.content.isEmpty ? Self.escape(entry?.term ?? term.id) : inline(term.content)
            guard entry != nil, let url = links.term(term.id) else { return label }
            return Self.link(label, url)
        case .abbreviation(let text, _): return Self.escape(text)
        }
    }

    /// Emphasis markers around text, outside its leading and trailing spaces (CommonMark needs that).
    private func wrap(_ text: String, _ marker: String) -> String {
        let leading = text.prefix { $0 == " " }
        let trailing = text.reversed().prefix { $0 == " " }
        let core = text.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty else { return text }
        return leading + marker + core + marker + String(trailing)
    }

    /// Blocks as Markdown lines, separated by blank lines; `indent` starts every line.
    func blocks(_ blocks: [Block], indent: String = "") -> [String] {
        var lines: [String] = []
        for block in blocks {
            if !lines.isEmpty { lines.append("") }
            lines += self.block(block).map { $0.isEmpty ? "" : indent + $0 }
        }
        return lines
    }

    private func block(_ block: Block) -> [String] {
        switch block {
        case .paragraph(let content):
            return [Self.safeLineStart(inline(content).trimmingCharacters(in: .whitespaces))]
        case .list(let list):
            return self.list(list)
        case .note(let note):
            let label = note.kind == .warning ? "**Achtung:**" : "**Hinweis:**"
            var inner = blocks(note.blocks)
            if let first = inner.first { inner[0] = label + " " + first } else { inner = [label] }
            return inner.map { $0.isEmpty ? ">" : "> " + $0 }
        case .table(let table):
            var lines: [String] = []
            if !table.caption.isEmpty { lines += ["**\(inline(table.caption).trimmingCharacters(in: .whitespaces))**", ""] }
            let columns = max(table.header?.count ?? 0, table.rows.map(\.count).max() ?? 0)
            guard columns > 0 else { return lines }
            func row(_ cells: [[Inline]]) -> String {
                let texts = (0..<columns).map { $0 < cells.count ? inline(cells[$0]).trimmingCharacters(in: .whitespaces) : "" }
                return "| " + texts.joined(separator: " | ") + " |"
            }
            lines.append(row(table.header ?? Array(repeating: [], count: columns)))
            lines.append("|" + String(repeating: " --- |", count: columns))
            lines += table.rows.map(row)
            return lines
        case .figure(let figure):
            var lines: [String] = []
            let alt = Self.escape(figure.alternativeText)
            if let path = figure.bookPath, let url = links.image(path) {
                lines.append("![\(alt)](\(Self.destination(url)))")
            } else {
                lines.append("Abbildung: \(alt)")
            }
            if !figure.caption.isEmpty { lines += ["", "*\(inline(figure.caption).trimmingCharacters(in: .whitespaces))*"] }
            return lines
        }
    }

    private func list(_ list: List, depth: Int = 0) -> [String] {
        var lines: [String] = []
        for (index, item) in list.items.enumerated() {
            let marker = list.ordered ? "\(index + 1). " : "- "
            let prefix = String(repeating: " ", count: depth)
            lines.append(prefix + marker + inline(item.content).trimmingCharacters(in: .whitespaces))
            for sublist in item.sublists {
                lines += self.list(sublist, depth: depth + marker.count)
            }
        }
        return lines
    }
}
