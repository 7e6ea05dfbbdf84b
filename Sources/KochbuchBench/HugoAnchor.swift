import Foundation

/// The benchmark's anchor for the website: Hugo (Debian's `hugo`) building the same recipe pages,
/// taken from the website's Markdown copies (`rezepte/*.md`), with a title in front matter and the
/// smallest layouts that give a page per recipe and a list of them.
struct HugoAnchor {
    let site: URL

    /// Whether `hugo` is on PATH.
    static var isInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/hugo")
        }
    }

    /// Writes the Hugo site: configuration, layouts and one content file per Markdown copy in
    /// `markdown`. Returns how many pages it has.
    func write(from markdown: URL) throws -> Int {
        try? FileManager.default.removeItem(at: site)
        let content = site.appendingPathComponent("content/rezepte")
        let layouts = site.appendingPathComponent("layouts/_default")
        for folder in [content, layouts] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try """
        baseURL = "https://example.invalid/"
        languageCode = "de"
        title = "Kochbuch"
        disableKinds = ["taxonomy", "term", "RSS", "sitemap"]

        """.write(to: site.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let page = #"<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>"#
        let list = #"<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>"#
        try page.write(to: layouts.appendingPathComponent("single.html"), atomically: true, encoding: .utf8)
        try list.write(to: layouts.appendingPathComponent("list.html"), atomically: true, encoding: .utf8)
        var pages = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: markdown.path).sorted() where name.hasSuffix(".md") {
            let text = try String(contentsOf: markdown.appendingPathComponent(name), encoding: .utf8)
            var lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            let heading = lines.first.map(String.init) ?? ""
            let title = heading.hasPrefix("# ") ? String(heading.dropFirst(2)) : name
            if heading.hasPrefix("# ") { lines.removeFirst() }
            let escaped = title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            try ("---\ntitle: \"\(escaped)\"\n---\n" + lines.joined(separator: "\n"))
                .write(to: content.appendingPathComponent(name), atomically: false, encoding: .utf8)
            pages += 1
        }
        return pages
    }
}
