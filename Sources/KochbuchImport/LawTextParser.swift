import KochbuchModel

/// Turns the body lines of one section into paragraphs and nested items.
/// Blocks are separated by blank lines; indentation in steps of four spaces gives the depth.
enum LawTextParser {
    private final class Node {
        var label: String
        var parts: [Part] = []
        init(label: String) { self.label = label }

        enum Part {
            case text(String)
            case node(Node)
        }

        func build() -> [LawTextPart] {
            parts.map {
                switch $0 {
                case .text(let text): .text(text)
                case .node(let node): .item(label: node.label, parts: node.build())
                }
            }
        }
    }

    static func parse(_ lines: [String]) -> [LawText] {
        var result: [LawText] = []
        var paragraph: (number: String?, root: Node)?
        var stack: [Node] = []

        func flush() {
            if let current = paragraph, !current.root.parts.isEmpty {
                result.append(.paragraph(LawParagraph(number: current.number, parts: current.root.build())))
            }
            paragraph = nil
            stack = []
        }

        for block in blocks(lines) {
            if block.first?.hasPrefix("\u{0}HEADING ") == true {
                flush()
                result.append(.heading(String(block[0].dropFirst("\u{0}HEADING ".count))))
                continue
            }
            let indent = block[0].prefix { $0 == " " }.count
            let depth = indent / 4
            let text = plain(join(block))
            if depth == 0, let (number, rest) = paragraphStart(text) {
                flush()
                paragraph = (number, Node(label: ""))
                if !rest.isEmpty { paragraph?.root.parts.append(.text(rest)) }
                continue
            }
            if paragraph == nil { paragraph = (nil, Node(label: "")) }
            let root = paragraph!.root
            if let (label, rest) = itemStart(text) {
                let node = Node(label: label)
                if !rest.isEmpty { node.parts.append(.text(rest)) }
                stack = Array(stack.prefix(depth))
                (stack.last ?? root).parts.append(.node(node))
                stack.append(node)
            } else if depth == 0 {
                stack = []
                root.parts.append(.text(text))
            } else {
                let parent = stack.indices.contains(depth - 1) ? stack[depth - 1] : (stack.last ?? root)
                stack = Array(stack.prefix(depth))
                parent.parts.append(.text(text))
            }
        }
        flush()
        return result
    }

    private static func blocks(_ lines: [String]) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String] = []
        for line in lines {
            if line.hasPrefix("\u{0}HEADING ") {
                if !current.isEmpty { blocks.append(current) }
                blocks.append([line])
                current = []
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// Words after which a line-end hyphen is a suspended compound ("Bundes- und Landesrecht").
    private static let conjunctions: Set<String> = ["und", "oder", "bis", "sowie", "beziehungsweise", "bzw."]

    /// Removes the Markdown the source carries over from the gazette's tables: `**bold**`,
    /// bullet markers standing for empty table cells, and images (which the mirror does not
    /// include) written out as a note.
    static func plain(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "**", with: "")
        while let start = result.range(of: "!["), let close = result.range(of: "](", range: start.upperBound..<result.endIndex),
              let end = result.range(of: ")", range: close.upperBound..<result.endIndex) {
            let name = result[start.upperBound..<close.lowerBound]
            result.replaceSubrange(start.lowerBound..<end.upperBound, with: "[Abbildung im Bundesgesetzblatt: \(name)]")
        }
        var words = result.split(separator: " ", omittingEmptySubsequences: true)
        while words.first == "*" { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// Joins a block's lines; a hyphen at the end of a line joins the next word directly
    /// ("De-Mail-" + "Gesetzes"), unless a conjunction follows.
    static func join(_ lines: [String]) -> String {
        var result = ""
        for raw in lines {
            let line = LawMarkdownParser.clean(raw)
            guard !line.isEmpty else { continue }
            if result.isEmpty {
                result = line
            } else if result.hasSuffix("-"), result.dropLast().last?.isLetter == true,
                      !conjunctions.contains(String(line.prefix { $0 != " " })) {
                result += line
            } else {
                result += " " + line
            }
        }
        return result
    }

    /// `(1) text` → ("1", "text").
    private static func paragraphStart(_ text: String) -> (String, String)? {
        guard text.hasPrefix("(") , let close = text.firstIndex(of: ")") else { return nil }
        let number = text[text.index(after: text.startIndex)..<close]
        guard let first = number.first, first.isNumber, number.count <= 4,
              number.allSatisfy({ $0.isNumber || $0.isLowercase }) else { return nil }
        let rest = text[text.index(after: close)...]
        guard rest.isEmpty || rest.first == " " else { return nil }
        return (String(number), rest.trimmingCharacters(in: .whitespaces))
    }

    /// `1. text`, `a) text`, `aa) text` → (label, text).
    private static func itemStart(_ text: String) -> (String, String)? {
        let label = text.prefix { $0 != " " }
        guard label.count >= 2, label.count <= 4 else { return nil }
        let body = label.dropLast()
        let isNumbered = label.last == "." && body.allSatisfy(\.isNumber)
            || label.last == "." && body.first?.isNumber == true && body.dropFirst().allSatisfy { $0.isNumber || $0.isLowercase }
        let isLettered = label.last == ")" && body.allSatisfy { $0.isLowercase && $0.isLetter }
        guard isNumbered || isLettered else { return nil }
        return (String(label), String(text.dropFirst(label.count)).trimmingCharacters(in: .whitespaces))
    }
}

import Foundation
