import Foundation
import KochbuchLinking
import KochbuchModel

/// A law in the version in force on the book's Rechtsstand as Markdown: every section's text,
/// when it last changed, and the recipes citing it; or one section with its whole history.
public struct LawMarkdown: Sendable {
    public let book: Book
    public let graph: LinkGraph
    public let links: MarkdownLinks
    private let lookup: BookLookup

    public init(book: Book, graph: LinkGraph, links: MarkdownLinks) {
        self.book = book
        self.graph = graph
        self.links = links
        lookup = BookLookup(book)
    }

    /// The whole law.
    public func markdown(_ law: Law) -> String {
        var out = MarkdownDocument()
        out.heading(1, MarkdownText.escape("\(law.title) (\(law.abbreviation))"))
        out.paragraph(header(law).joined(separator: " · "))
        for section in law.sections {
            out.add(self.section(section, of: law, level: 2))
        }
        return out.text
    }

    /// One section: its text in the version in force, its history, and the recipes citing it.
    public func markdown(_ section: LawSection, of law: Law) -> String {
        var out = MarkdownDocument()
        out.heading(1, MarkdownText.escape("§ \(section.number) \(law.abbreviation) – \(section.title)"))
        out.paragraph(header(law).joined(separator: " · "))
        if let status = GermanLabels.sectionStatus(section.status) { out.paragraph("*\(status)*") }
        out.add(LawTextMarkdown.lines(section.text))
        let history = law.history(of: section.number)
        if history.count > 1 || law.versions.count > 1 {
            out.section("Geschichte", history.map { "- \(GermanLabels.date($0.date)): \($0.germanDescription)" })
        }
        out.section("Rezepte zu § \(section.number) \(MarkdownText.escape(law.abbreviation))", recipeLines(law.id, section.number).nonEmpty ?? ["Kein Rezept zitiert diesen Paragrafen."])
        return out.text
    }

    private func header(_ law: Law) -> [String] {
        var parts: [String] = []
        if let version = law.current { parts.append("Fassung vom \(GermanLabels.date(version.date))") }
        if law.status == .draft { parts.append("Entwurf, nicht in Kraft") }
        if let scope = law.municipalities?.germanDescription { parts.append(scope) }
        if let jurisdiction = law.jurisdiction { parts.append(MarkdownText.escape(jurisdiction)) }
        if let source = law.current?.source ?? Optional(law.source), !source.isEmpty { parts.append("Quelle: " + MarkdownText.escape(source)) }
        return parts
    }

    private func section(_ section: LawSection, of law: Law, level: Int) -> [String] {
        var lines = [String(repeating: "#", count: level) + " " + MarkdownText.escape("§ \(section.number) \(section.title)")]
        var notes: [String] = []
        if let status = GermanLabels.sectionStatus(section.status) { notes.append(status) }
        if let date = book.rechtsstand ?? law.current?.date, let changed = law.lastChange(of: section.number, onOrBefore: date) {
            notes.append("geändert am \(GermanLabels.date(changed))")
        }
        if !notes.isEmpty { lines += ["", "*" + notes.joined(separator: " · ") + "*"] }
        let text = LawTextMarkdown.lines(section.text)
        if !text.isEmpty { lines += [""] + text }
        let recipes = recipeLines(law.id, section.number)
        if !recipes.isEmpty { lines += ["", "Rezepte dazu:", ""] + recipes }
        return lines
    }

    private func recipeLines(_ law: String, _ section: String) -> [String] {
        graph.recipes(citing: law, section: section).compactMap { id in
            lookup.recipes[id].map { "- " + MarkdownText.link(MarkdownText.escape($0.title), links.recipe(id, step: nil)) + " (`\(id)`)" }
        }
    }
}

/// Law text as Markdown paragraphs: "(1) …" with enumerated items as nested lists.
enum LawTextMarkdown {
    static func lines(_ text: [LawText]) -> [String] {
        var lines: [String] = []
        for piece in text {
            if !lines.isEmpty { lines.append("") }
            switch piece {
            case .heading(let heading): lines.append("**\(MarkdownText.escape(heading))**")
            case .paragraph(let paragraph):
                var current = paragraph.number.map { "(\($0)) " } ?? ""
                var items: [String] = []
                collect(paragraph.parts, depth: 0, current: &current, items: &items)
                lines.append(MarkdownText.safeLineStart(current.trimmingCharacters(in: .whitespaces)))
                lines += items
            }
        }
        return lines
    }

    private static func collect(_ parts: [LawTextPart], depth: Int, current: inout String, items: inout [String]) {
        for part in parts {
            switch part {
            case .text(let text):
                if depth > 0, !items.isEmpty {
                    items[items.count - 1] += " " + MarkdownText.escape(text)
                } else if items.isEmpty {
                    current += MarkdownText.escape(text) + " "
                } else {
                    items += ["", MarkdownText.safeLineStart(MarkdownText.escape(text))]
                }
            case .item(let label, let children):
                items.append(String(repeating: "  ", count: depth) + "- " + MarkdownText.escape(label))
                var ignored = ""
                collect(children, depth: depth + 1, current: &ignored, items: &items)
            }
        }
    }
}

extension Array {
    var nonEmpty: Self? { isEmpty ? nil : self }
}
