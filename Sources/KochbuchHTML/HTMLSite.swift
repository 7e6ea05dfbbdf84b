import Foundation
import KochbuchLinking
import KochbuchModel
import KochbuchSearch

/// The HTML edition: every page, the style sheet, the search script and its prebuilt index,
/// the images, and a sitemap when the site's address is known. Pure: returns the files as
/// bytes; writing them is the publisher's job.
public struct HTMLSite {
    /// The folder of the built-in templates and assets.
    public static var resources: URL { Bundle.module.bundleURL.appendingPathComponent("Resources") }

    public let book: SiteBook
    public let theme: Theme
    /// The public address of the site (ending in `/`), for canonical links and the sitemap.
    public let baseURL: String?
    /// Where the book's images are read from.
    public let bookDirectory: URL
    public let today: CalendarDate
    /// Guides for authors published as pages (from `docs/`).
    public let guides: [Guide]

    public init(book: SiteBook, bookDirectory: URL, theme: Theme = .builtIn, baseURL: String? = nil, today: CalendarDate,
                guides: [Guide] = []) {
        self.book = book
        self.guides = guides
        self.bookDirectory = bookDirectory
        self.theme = theme
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        self.today = today
    }

    /// All files of the site, path → bytes, sorted by path.
    public func files() throws -> [(path: String, data: Data)] {
        let templates = try TemplateSet(builtIn: Self.resources.appendingPathComponent("templates"),
                                        theme: theme.directory)
        let site = SiteContext(book: book, theme: theme, baseURL: baseURL, hasGuide: guides.contains { $0.path == "anleitung.html" })
        var pages: [RenderedPage] = []
        let recipePage = RecipePage(site: site)
        pages += Parallel.map(book.book.recipes) { recipePage.render($0, templates: templates) }
        let lawPage = LawPage(site: site)
        pages += book.book.laws.map { lawPage.render($0, templates: templates) }
        let overview = OverviewPages(site: site, templates: templates)
        pages += [overview.start(), overview.laws(), overview.alphabetical(), overview.ozgLeistungen(),
                  overview.glossary(), overview.search(), overview.accessibility(),
                  overview.coverage(CoverageReport(book: book.book, graph: book.graph, today: today))]
        pages += guides.map { guide in
            RenderedPage(path: guide.path, html: templates.render(site.layout(
                root: "", path: guide.path, title: guide.title, description: guide.title,
                content: templates.render(["body": MarkdownRenderer(pages: Dictionary(guides.map { ($0.sourceName, $0.path) },
                                                                                     uniquingKeysWith: { first, _ in first })).html(guide.markdown)],
                                          template: "guide")), template: "layout"))
        }
        pages += (book.book.topics?.themenfelder ?? []).map(overview.themenfeld)
        pages += (book.book.topics?.lebenslagen ?? []).map(overview.lebenslage)

        var files = pages.map { (path: $0.path, data: Data($0.html.utf8)) }
        files += try assets()
        let documents = WebSearchIndex.documents(book: book.book, recipes: book.orderedRecipes, url: SiteLinks.recipe)
        files.append((path: "assets/search-index.js",
                      data: Data(WebSearchIndex().javascript(documents: documents, book: book.book, graph: book.graph).utf8)))
        for image in book.book.imagePaths.sorted() {
            if let data = FileManager.default.contents(atPath: bookDirectory.appendingPathComponent(image).path) {
                files.append((path: image, data: data))
            }
        }
        if let baseURL {
            files.append((path: "sitemap.xml", data: Data(Sitemap.xml(baseURL: baseURL, paths: pages.map(\.path).sorted()).utf8)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The built-in assets, each replaced by the theme's file of the same name; plus the theme's own assets.
    private func assets() throws -> [(path: String, data: Data)] {
        var assets: [String: Data] = [:]
        for directory in [Self.resources.appendingPathComponent("assets"), theme.directory?.appendingPathComponent("assets")].compactMap({ $0 }) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
            for name in names where !name.hasPrefix(".") {
                assets["assets/\(name)"] = try Data(contentsOf: directory.appendingPathComponent(name))
            }
        }
        return assets.map { (path: $0.key, data: $0.value) }
    }
}

/// `sitemap.xml` for search engines, when the site's public address is known.
enum Sitemap {
    static func xml(baseURL: String, paths: [String]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            xml += "  <url><loc>\(HTML.escape(baseURL + path))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}