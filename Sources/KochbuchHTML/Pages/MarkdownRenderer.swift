/// The Markdown the project's guides use, as HTML: headings with GitHub-style ids, paragraphs,
/// nested lists, fenced code (also inside list items), tables, block quotes; inline code, strong,
/// emphasis and links. Everything is escaped: raw HTML in the Markdown is shown, never executed.
struct MarkdownRenderer {
    /// Markdown file name → page, for links between the guides; links to other files become text.
    let pages: [String: String]
    private let ids = SlugCounter()

    func html(_ markdown: String) -> String {
        let lines = markdown.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        return blocks(lines[...]).joined(separator: "\n")
    }

    private func blocks(_ lines: ArraySlice<String>) -> [String] {
        var out: [String] = []
        var index = lines.startIndex
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { out.append("<p>\(inline(paragraph.joined(separator: " ")))</p>") }
            paragraph = []
        }
        while index < lines.endIndex {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let indent = line.prefix { $0 == " " }.count
            if trimmed.isEmpty { flush(); index += 1; continue }
            if trimmed.hasPrefix("```") {
                flush()
                var code: [String] = []
                index += 1
                while index < lines.endIndex, !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                    code.append(String(lines[index].dropFirst(min(indent, lines[index].prefix { $0 == " " }.count))))
                    index += 1
                }
                index += 1
                out.append("<pre><code>\(HTML.escape(code.joined(separator: "\n")))</code></pre>")
                continue
            }
            if let level = headingLevel(trimmed) {
                flush()
                let text = String(trimmed.dropFirst(level)).trimmingCharacters(in: .whitespaces)
                let id = ids.unique(Self.slug(Self.plain(text)))
                out.append("<h\(level) id=\"\(HTML.escape(id))\">\(inline(text))</h\(level)>")
                index += 1
                continue
            }
            if trimmed.hasPrefix("|"), index + 1 < lines.endIndex, lines[index + 1].trimmingCharacters(in: .whitespaces).hasPrefix("|"),
               lines[index + 1].contains("---") {
                flush()
                var rows: [String] = []
                while index < lines.endIndex, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("|") {
                    rows.append(lines[index].trimmingCharacters(in: .whitespaces))
                    index += 1
                }
                out.append(table(rows))
                continue
            }
            if trimmed.hasPrefix(">") {
                flush()
                var quoted: [String] = []
                while index < lines.endIndex, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix(">") {
                    quoted.append(String(lines[index].trimmingCharacters(in: .whitespaces).dropFirst().drop { $0 == " " }))
                    index += 1
                }
                out.append("<blockquote>\(blocks(quoted[...]).joined(separator: "\n"))</blockquote>")
                continue
            }
            if let marker = listMarker(trimmed), paragraph.isEmpty {
                let ordered = marker.ordered
                var items: [[String]] = []
                while index < lines.endIndex {
                    let current = lines[index]
                    let currentTrimmed = current.trimmingCharacters(in: .whitespaces)
                    let currentIndent = current.prefix { $0 == " " }.count
                    if currentTrimmed.isEmpty {
                        if index + 1 < lines.endIndex, lines[index + 1].prefix(while: { $0 == " " }).count > indent { items[items.count - 1].append(""); index += 1; continue }
                        break
                    }
                    if currentIndent == indent, let next = listMarker(currentTrimmed), next.ordered == ordered {
                        items.append([String(currentTrimmed.dropFirst(next.length))])
                    } else if currentIndent > indent, !items.isEmpty {
                        items[items.count - 1].append(String(current.dropFirst(min(currentIndent, indent + 2))))
                    } else if !items.isEmpty, currentIndent >= indent, listMarker(currentTrimmed) == nil, !currentTrimmed.hasPrefix("#") {
                        items[items.count - 1].append(currentTrimmed)
                    } else {
                        break
                    }
                    index += 1
                }
                let tag = ordered ? "ol" : "ul"
                let rendered = items.map { item -> String in
                    let inner = blocks(item[...])
                    if inner.count == 1, inner[0].hasPrefix("<p>") { return "<li>\(inner[0].dropFirst(3).dropLast(4))</li>" }
                    return "<li>\(inner.joined(separator: "\n"))</li>"
                }
                out.append("<\(tag)>\n\(rendered.joined(separator: "\n"))\n</\(tag)>")
                continue
            }
            paragraph.append(trimmed)
            index += 1
        }
        flush()
        return out
    }

    private func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    private func listMarker(_ line: String) -> (ordered: Bool, length: Int)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return (false, 2) }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") { return (true, digits.count + 2) }
        return nil
    }

    private func table(_ rows: [String]) -> String {
        func cells(_ row: String) -> [String] {
            var cells: [String] = []
            var current = ""
            var inCode = false
            var previous: Character = " "
            for character in row.dropFirst() {
                if character == "`" { inCode.toggle() }
                if character == "|", !inCode, previous != "\\" {
                    cells.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                } else {
                    current.append(character)
                }
                previous = character
            }
            return cells.map { $0.replacingOccurrences(of: "\\|", with: "|") }
        }
        let header = cells(rows[0])
        var html = "<div class=\"table-wrap\"><table>\n<thead><tr>" + header.map { "<th scope=\"col\">\(inline($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows.dropFirst(2) {
            html += "<tr>" + cells(row).map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table></div>"
    }

    /// Inline Markdown: `code`, **strong**, *em* / _em_, [text](target). Everything else escaped.
    func inline(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let character = rest.first {
            if character == "`", let end = rest.dropFirst().firstIndex(of: "`") {
                out += "<code>\(HTML.escape(String(rest[rest.index(after: rest.startIndex)..<end])))</code>"
                rest = rest[rest.index(after: end)...]
            } else if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**") {
                out += "<strong>\(inline(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound])))</strong>"
                rest = rest[end.upperBound...]
            } else if (character == "*" || character == "_"), rest.count > 2, rest.dropFirst().first?.isWhitespace == false,
                      let end = rest.dropFirst().firstIndex(of: character), end > rest.index(after: rest.startIndex),
                      character == "*" || rest[rest.index(after: end)...].first.map({ !$0.isLetter }) ?? true {
                out += "<em>\(inline(String(rest[rest.index(after: rest.startIndex)..<end])))</em>"
                rest = rest[rest.index(after: end)...]
            } else if character == "[", let middle = rest.range(of: "]("), let close = rest[middle.upperBound...].firstIndex(of: ")"),
                      !rest[rest.index(after: rest.startIndex)..<middle.lowerBound].contains("]") {
                let label = inline(String(rest[rest.index(after: rest.startIndex)..<middle.lowerBound]))
                out += link(String(rest[middle.upperBound..<close]), label: label)
                rest = rest[rest.index(after: close)...]
            } else {
                out += HTML.escape(String(character))
                rest = rest.dropFirst()
            }
        }
        return out
    }

    private func link(_ target: String, label: String) -> String {
        if HTML.isSafeExternalURL(target) { return "<a class=\"external\" href=\"\(HTML.escape(target))\">\(label)</a>" }
        if target.hasPrefix("#") { return "<a href=\"\(HTML.escape(target))\">\(label)</a>" }
        let parts = target.split(separator: "#", maxSplits: 1).map(String.init)
        let file = parts[0].split(separator: "/").last.map(String.init) ?? parts[0]
        guard let page = pages[file] else { return label }
        return "<a href=\"\(HTML.escape(page + (parts.count > 1 ? "#" + parts[1] : "")))\">\(label)</a>"
    }

    /// Markdown inline text without its marks.
    static func plain(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "`", with: "").replacingOccurrences(of: "**", with: "")
        while let open = result.range(of: "["), let middle = result.range(of: "](", range: open.upperBound..<result.endIndex),
              let close = result.range(of: ")", range: middle.upperBound..<result.endIndex) {
            result.replaceSubrange(open.lowerBound..<close.upperBound, with: result[open.upperBound..<middle.lowerBound])
        }
        return result
    }

    /// GitHub's heading anchors: lowercase, punctuation removed, spaces to hyphens.
    static func slug(_ text: String) -> String {
        String(text.lowercased().compactMap { character -> Character? in
            if character == " " { return "-" }
            if character.isLetter || character.isNumber || character == "-" || character == "_" { return character }
            return nil
        })
    }

    final class SlugCounter {
        /// Ids the page layout uses already.
        private var seen: [String: Int] = ["inhalt": 1]
        func unique(_ slug: String) -> String {
            let count = seen[slug, default: 0]
            seen[slug] = count + 1
            return count == 0 ? slug : "\(slug)-\(count)"
        }
    }
}
