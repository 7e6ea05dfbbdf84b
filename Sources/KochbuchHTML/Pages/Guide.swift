import Foundation

/// A guide for authors written in Markdown (`docs/authoring.md` and its companions), published
/// as a page of the site.
public struct Guide: Sendable {
    /// The Markdown file's name, e.g. `authoring.md`, by which the guides link to each other.
    public var sourceName: String
    /// The page's path in the site, e.g. `anleitung.html`.
    public var path: String
    public var markdown: String

    public init(sourceName: String, path: String, markdown: String) {
        self.sourceName = sourceName
        self.path = path
        self.markdown = markdown
    }

    /// The guides the site publishes, by their Markdown file's name.
    public static let published: [(source: String, path: String)] = [
        ("authoring.md", "anleitung.html"), ("reference.md", "referenz.html"), ("diagnostics.md", "meldungen.html"),
    ]

    /// The published guides found in a `docs/` folder.
    public static func load(from directory: URL) -> [Guide] {
        published.compactMap { entry in
            guard let text = try? String(contentsOf: directory.appendingPathComponent(entry.source), encoding: .utf8) else { return nil }
            return Guide(sourceName: entry.source, path: entry.path, markdown: text)
        }
    }

    /// The first `# ` heading, as plain text.
    var title: String {
        markdown.split(separator: "\n").first { $0.hasPrefix("# ") }.map { MarkdownRenderer.plain(String($0.dropFirst(2))) } ?? path
    }
}
