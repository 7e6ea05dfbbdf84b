import Foundation
import KochbuchModel

/// The site's `llms.txt` (llmstxt.org): the book's title and summary, then its chapters with a
/// link to the Markdown copy of every recipe, the laws, and where to find the rest.
public struct LLMsText: Sendable {
    public let book: Book
    /// The recipes in book order, by chapter; recipes in no chapter come last.
    public let chapters: [(title: String, recipes: [Recipe])]

    public init(book: Book, chapters: [(title: String, recipes: [Recipe])]) {
        self.book = book
        self.chapters = chapters
    }

    public func text() -> String {
        let manifest = book.manifest
        let lookup = BookLookup(book)
        let inline = MarkdownText(lookup: lookup, links: SiteMarkdownLinks(root: ""))
        var out = MarkdownDocument()
        out.heading(1, MarkdownText.escape(manifest?.title ?? "Kochbuch"))
        var summary = manifest?.subtitle.map(MarkdownText.escape) ?? "Rezepte für die Digitalisierung kommunaler Verwaltungsleistungen"
        if let manifest { summary += ". \(MarkdownText.escape(manifest.edition))" + (manifest.editionDate.map { ", \(GermanLabels.date($0))" } ?? "") }
        if let date = book.rechtsstand ?? book.newestLawVersionDate { summary += ". Rechtsstand: \(GermanLabels.date(date))" }
        out.add(["> " + summary])
        var about = ["Jedes Rezept beschreibt Schritt für Schritt, wie eine Kommune eine Verwaltungsleistung digitalisiert, mit den Rechtsgrundlagen in der geltenden Fassung. Zu jeder Seite gibt es eine Markdown-Fassung; die Links unten führen zu ihnen."]
        if let manifest, !manifest.publisher.isEmpty {
            about.append("Herausgeber: \(MarkdownText.escape(manifest.publisher)). Lizenz: \(MarkdownText.escape(manifest.licence)).")
        }
        out.add(about)
        for chapter in chapters where !chapter.recipes.isEmpty {
            out.section(MarkdownText.escape(chapter.title), chapter.recipes.map { recipe in
                let summary = inline.inline(recipe.summary).trimmingCharacters(in: .whitespaces)
                return "- " + MarkdownText.link(MarkdownText.escape(recipe.title), "rezepte/\(recipe.id).md") + (summary.isEmpty ? "" : ": " + summary)
            })
        }
        let laws = book.laws.filter(\.hasText).sorted { $0.abbreviation < $1.abbreviation }
        out.section("Gesetze", laws.map { law in
            "- " + MarkdownText.link(MarkdownText.escape("\(law.abbreviation) – \(law.title)"), "gesetze/\(law.id).md")
                + (law.current.map { ": Fassung vom \(GermanLabels.date($0.date))" } ?? "")
        })
        out.section("Optional", [
            "- " + MarkdownText.link("Glossar", "glossar.html") + ": die Fachbegriffe des Buches",
            "- " + MarkdownText.link("Abdeckung", "abdeckung.html") + ": welche Paragrafen, Themen und OZG-Leistungen ein Rezept haben",
        ])
        return out.text
    }
}
