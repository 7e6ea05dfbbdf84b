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
    /// Only regular files are read, not symbolic links (a link could publish any file of the machine),
    /// and none larger than `maximumSize`.
    public static func load(from directory: URL) -> [Guide] {
        published.compactMap { entry in
            let file = directory.appendingPathComponent(entry.source)
            var status = stat()
            guard lstat(file.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) <= maximumSize,
                  let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
            return Guide(sourceName: entry.source, path: entry.path, markdown: text)
        }
    }

    /// The largest guide that is read, as for recipes.
    public static let maximumSize = 8 * 1024 * 1024

    /// The first `# ` heading, as plain text.
    var title: String {
        markdown.split(separator: "\n").first { $0.hasPrefix("# ") }.map { MarkdownRenderer.plain(String($0.dropFirst(2))) } ?? path
    }
}
