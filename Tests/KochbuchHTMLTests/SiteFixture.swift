import Foundation
import Kochbuch
import KochbuchHTML
import KochbuchModel
import Testing

/// Builds the HTML files of a book in memory and reads them back as text.
struct SiteFixture {
    let files: [String: String]

    init(bookDirectory: URL, theme: Theme = .builtIn, baseURL: String? = nil) throws {
        let loaded = BookLocation(path: bookDirectory.path).loader.load()
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        try self.init(book: loaded.book, bookDirectory: bookDirectory, theme: theme, baseURL: baseURL)
    }

    init(book: Book, bookDirectory: URL, theme: Theme = .builtIn, baseURL: String? = nil) throws {
        let docs = bookDirectory.deletingLastPathComponent().appendingPathComponent("docs")
        let site = HTMLSite(book: SiteBook(book: book), bookDirectory: bookDirectory, theme: theme, baseURL: baseURL,
                            today: CalendarDate("2026-11-21")!, guides: Guide.load(from: docs))
        var files: [String: String] = [:]
        for file in try site.files() { files[file.path] = String(decoding: file.data, as: UTF8.self) }
        self.files = files
    }

    static var miniBook: URL { Bundle.module.url(forResource: "Fixtures/MiniBook", withExtension: nil)! }
    static var shippedBook: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Recipes")
    }

    /// The visible text of a page: scripts and tooltips removed, tags removed, entities decoded, whitespace collapsed.
    static func text(_ html: String) -> String {
        var withoutScripts = html
        while let start = withoutScripts.range(of: "<span class=\"tooltip\""),
              let end = withoutScripts.range(of: "</span>", range: start.upperBound..<withoutScripts.endIndex) {
            withoutScripts.removeSubrange(start.lowerBound..<end.upperBound)
        }
        while let start = withoutScripts.range(of: "<script"), let end = withoutScripts.range(of: "</script>", range: start.upperBound..<withoutScripts.endIndex) {
            withoutScripts.removeSubrange(start.lowerBound..<end.upperBound)
        }
        let inlineTags: Set<String> = ["a", "em", "strong", "code", "abbr", "span", "mark"]
        var text = ""
        var tag: String?
        for character in withoutScripts {
            if character == "<" { tag = ""; continue }
            if character == ">", let name = tag {
                let bare = name.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
                if !inlineTags.contains(String(bare).lowercased()) { text.append(" ") }
                tag = nil
                continue
            }
            if tag != nil { tag?.append(character) } else { text.append(character) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The start tags of a page as written (`<a href="…" class="…">`), entities not decoded.
    static func tags(_ html: String) -> [String] {
        var tags: [String] = []
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            let next = html.index(after: open)
            guard next < html.endIndex else { break }
            guard let close = html[next...].firstIndex(of: ">") else { break }
            if html[next].isLetter { tags.append(String(html[open...close])) }
            index = html.index(after: close)
        }
        return tags
    }

    /// Values of `attribute="…"` in a page.
    static func attributeValues(_ attribute: String, in html: String) -> [String] {
        html.components(separatedBy: " \(attribute)=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }
}
