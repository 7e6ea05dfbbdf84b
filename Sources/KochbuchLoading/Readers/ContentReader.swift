import KochbuchModel
import KochbuchXML

/// Turns the shared block and inline vocabulary into model values. Lenient: it reads
/// what is there, so that a schema-invalid file still yields its references for checking.
struct ContentReader {
    let file: SourceFile

    func location(of element: XMLNodeView) -> SourceLocation {
        file.location(ofElement: element.name, line: element.line)
    }

    func attributeLocation(_ attribute: String, of element: XMLNodeView) -> SourceLocation {
        file.location(ofAttribute: attribute, element: element.name, line: element.line)
    }

    // MARK: Inline

    /// The element's mixed content as inlines, whitespace collapsed and trimmed at both ends.
    func inlines(_ element: XMLNodeView) -> [Inline] {
        Self.trimmed(rawInlines(element))
    }

    /// The element's text with whitespace collapsed.
    func text(_ element: XMLNodeView?) -> String {
        guard let element else { return "" }
        let collapsed = Self.collapse(element.textContent)
        let bytes = collapsed.utf8
        guard bytes.first == 0x20 || bytes.last == 0x20 else { return collapsed }
        let start = bytes.firstIndex { $0 != 0x20 } ?? bytes.endIndex
        let end = bytes.lastIndex { $0 != 0x20 }.map(bytes.index(after:)) ?? start
        return String(collapsed[start..<end])
    }

    /// The inlines of an element's children, leaving out the child elements `skipping` names.
    private func rawInlines(_ parent: XMLNodeView, skipping: (XMLNodeView) -> Bool = { _ in false }) -> [Inline] {
        var result: [Inline] = []
        parent.forEachChild { child in
            switch child {
            case .text(let bytes):
                result.append(.text(Self.collapse(bytes)))
            case .element(let element):
                if !skipping(element), let inline = inline(element) { result.append(inline) }
            case .other:
                break
            }
        }
        return Self.merged(result)
    }

    private func inline(_ element: XMLNodeView) -> Inline? {
        let content = { rawInlines(element) }
        switch element.name {
        case "em": return .emphasis(content())
        case "strong": return .strong(content())
        case "code": return .code(element.textContent)
        case "link":
            return .link(ExternalLink(href: element.attribute("href") ?? "", content: content(),
                                      location: attributeLocation("href", of: element)))
        case "xref":
            return .crossReference(CrossReference(
                recipe: element.attribute("recipe"), step: element.attribute("step"),
                content: content(), location: location(of: element)))
        case "cite":
            return .citation(lawReference(element), content())
        case "term":
            return .term(TermReference(id: element.attribute("ref") ?? "", content: content(),
                                       location: location(of: element)))
        case "abbr":
            return .abbreviation(text: Self.collapse(element.textContent), title: element.attribute("title") ?? "")
        default:
            return nil
        }
    }

    func lawReference(_ element: XMLNodeView) -> LawReference {
        LawReference(law: element.attribute("law") ?? "", section: element.attribute("section"),
                     paragraph: element.attribute("paragraph"),
                     asOf: element.attribute("as-of").flatMap(CalendarDate.init), location: location(of: element))
    }

    // MARK: Blocks

    /// The block children of an element (other children are ignored).
    func blocks(_ element: XMLNodeView) -> [Block] {
        element.elements.compactMap(block)
    }

    func block(_ element: XMLNodeView) -> Block? {
        switch element.name {
        case "p": return .paragraph(inlines(element))
        case "ul", "ol": return .list(list(element))
        case "note":
            return .note(Note(kind: Note.Kind(rawValue: element.attribute("type") ?? "note") ?? .note,
                              blocks: blocks(element)))
        case "table":
            return .table(Table(
                caption: element.firstElement(named: "caption").map(inlines) ?? [],
                header: element.firstElement(named: "head").map { $0.elements(named: "cell").map(inlines) },
                rows: element.elements(named: "row").map { $0.elements(named: "cell").map(inlines) }))
        case "figure":
            return .figure(Figure(
                source: element.attribute("src") ?? "",
                alternativeText: element.attribute("alt") ?? "",
                caption: element.firstElement(named: "caption").map(inlines) ?? [],
                location: attributeLocation("src", of: element)))
        default:
            return nil
        }
    }

    private func list(_ element: XMLNodeView) -> List {
        List(ordered: element.name == "ol", items: element.elements(named: "li").map { item in
            ListItem(
                content: Self.trimmed(rawInlines(item) { $0.isNamed("ul") || $0.isNamed("ol") }),
                sublists: item.elements.filter { $0.name == "ul" || $0.name == "ol" }.map(list))
        })
    }

    // MARK: Whitespace

    /// Replaces each run of spaces, tabs and line breaks by one space.
    static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { collapse($0) }
    }

    /// The UTF-8 text with each run of spaces, tabs and line breaks replaced by one space.
    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if !needsCollapsing(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
            var count = 0
            var pendingSpace = false
            for byte in bytes {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    pendingSpace = true
                } else {
                    if pendingSpace {
                        buffer[count] = 0x20
                        count += 1
                    }
                    pendingSpace = false
                    buffer[count] = byte
                    count += 1
                }
            }
            if pendingSpace {
                buffer[count] = 0x20
                count += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    private static func needsCollapsing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = false
        for byte in bytes {
            switch byte {
            case 0x0A, 0x09, 0x0D: return true
            case 0x20:
                if previousSpace { return true }
                previousSpace = true
            default: previousSpace = false
            }
        }
        return false
    }

    private static func merged(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            if case .text(let text) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous.hasSuffix(" ") && text.hasPrefix(" ")
                                                 ? previous + text.dropFirst() : previous + text)
            } else {
                result.append(inline)
            }
        }
        return result
    }

    static func trimmed(_ inlines: [Inline]) -> [Inline] {
        var result = inlines
        if case .text(let first)? = result.first, first.isEmpty || first.utf8.first == 0x20 {
            let trimmed = String(first.utf8.drop { $0 == 0x20 })!
            if trimmed.isEmpty { result.removeFirst() } else { result[0] = .text(trimmed) }
        }
        if case .text(let last)? = result.last, last.isEmpty || last.utf8.last == 0x20 {
            let bytes = last.utf8
            let trimmed = bytes.lastIndex { $0 != 0x20 }.map { String(bytes[...$0])! } ?? ""
            if trimmed.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(trimmed) }
        }
        return result
    }
}

import Foundation
