import Foundation
import KochbuchLinking
import KochbuchMarkdown
import KochbuchModel
import KochbuchSearch

/// The HTML edition: every page, the style sheet, the search script and its prebuilt index (in fragments),
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
        let sink = CollectingSink()
        try write(to: sink)
        return sink.files
    }

    /// What writing the site made of its pages.
    public struct RecipePages: Sendable {
        /// The key of each page's inputs (recipe pages and the others), by path: give them to the next build.
        public var keys: [String: String]
        /// How many recipe pages were rendered; the others were kept from the previous build.
        public var rendered: Int
        /// How many recipe pages the site has.
        public var count: Int
        /// How many of the other pages (laws, topics, overviews, guides) were rendered, of how many.
        public var otherRendered = 0
        public var otherCount = 0
    }

    /// What earlier builds left for this one (the build cache), by kind of part.
    public struct Kept: Sendable {
        /// The recipes' Markdown copies, and where to keep the ones made.
        public var markdown: any RecipePieces
        /// The search index's runs of documents, tokenised.
        public var searchRuns: any DigestPieces
        /// Each recipe's input key (`RecipeInputKeys`): a recipe page's key is then made of it,
        /// the keys of the recipes before and after it and what the whole site shares, without
        /// preparing the page. A recipe without one gets the key of its prepared page.
        public var recipeInputKeys: [String: ContentDigest]

        public init(markdown: any RecipePieces = NoRecipePieces(), searchRuns: any DigestPieces = NoDigestPieces(),
                    recipeInputKeys: [String: ContentDigest] = [:]) {
            self.markdown = markdown
            self.searchRuns = searchRuns
            self.recipeInputKeys = recipeInputKeys
        }
    }

    /// Renders the site and hands each file to `sink` as soon as it is made, on all cores.
    /// - Parameters:
    ///   - previousKeys: the page keys of the edition being replaced. A page whose key is
    ///     unchanged is not rendered again: `sink` keeps the published copy.
    ///   - salt: what else the pages depend on, such as the tool's own version.
    ///   - kept: the parts kept from earlier builds, and where to keep the ones made.
    @discardableResult
    public func write(to sink: some FileSink, previousKeys: [String: String] = [:], salt: String = "",
                      kept: Kept = Kept()) throws -> RecipePages {
        let (templates, site) = try templatesAndContext()
        let overview = OverviewPages(site: site, templates: templates, salt: salt)
        // The search index (much of it on one core: its runs are merged in order) is made beside all
        // pages but the search page, which names the index and follows.
        let parts = Parallel.map([true, false]) { isSearchIndex -> Result<(index: String?, pages: RecipePages?), any Error> in
            Result {
                if isSearchIndex {
                    return (try WebSearchIndex().write(recipes: book.orderedRecipes, book: book.book, graph: book.graph,
                                                       url: SiteLinks.recipe, into: sink, keptRuns: kept.searchRuns,
                                                       recipeKeys: kept.recipeInputKeys), nil)
                }
                var pages = try writeRecipePages(to: sink, site: site, templates: templates, previousKeys: previousKeys,
                                                 salt: salt, kept: kept)
                Trace.mark("html: recipe pages and Markdown copies")
                try writeLawCopiesAndLLMsText(to: sink)
                Trace.mark("html: law copies and llms.txt")
                try writePages(otherPages(site: site, templates: templates, overview: overview, salt: salt),
                               to: sink, previousKeys: previousKeys, into: &pages)
                Trace.mark("html: other pages")
                return (nil, pages)
            }
        }
        var searchIndex = ""
        var pages = RecipePages(keys: [:], rendered: 0, count: 0)
        Trace.mark("html: search index and pages")
        for part in parts {
            let (index, made) = try part.get()
            if let index { searchIndex = index }
            if let made { pages = made }
        }
        try writePages([{ [overview.search(index: searchIndex)] }], to: sink, previousKeys: previousKeys, into: &pages)

        for asset in try assets() { try sink.write(asset.path, asset.data) }
        // Only images a recipe shows are published, not every file that lies in the book.
        let shown = Set(book.graph.figures.compactMap(\.figure.bookPath))
        for image in book.book.imagePaths.sorted() where shown.contains(image) {
            if let data = FileManager.default.contents(atPath: bookDirectory.appendingPathComponent(image).path) {
                try sink.write(image, data)
            }
        }
        if let baseURL {
            try sink.write("sitemap.xml", text: Sitemap.xml(baseURL: baseURL, paths: pages.keys.keys.filter { $0 != "404.html" }.sorted()))
        }
        return pages
    }

    /// The pages of the recipes with these ids, path → HTML, exactly as `write` makes them: for the
    /// preview's first answer to a saved recipe, before the whole site is made again.
    public func recipePages(_ ids: Set<String>) throws -> [(path: String, html: String)] {
        let (templates, site) = try templatesAndContext()
        let recipePage = RecipePage(site: site)
        return book.book.recipes.filter { ids.contains($0.id) }.map { recipe in
            let page = recipePage.prepare(recipe, templates: templates, salt: "")
            return (page.path, page.render())
        }
    }

    private func templatesAndContext() throws -> (TemplateSet, SiteContext) {
        let templates = try TemplateSet(builtIn: Self.resources.appendingPathComponent("templates"), theme: theme.directory)
        let site = SiteContext(book: book, theme: theme, baseURL: baseURL, hasGuide: guides.contains { $0.path == "anleitung.html" },
                               rechtsstand: today)
        return (templates, site)
    }

    /// The recipe pages (a page whose key is unchanged is kept) and their Markdown copies, on all
    /// cores; returns what became of the pages.
    private func writeRecipePages(to sink: some FileSink, site: SiteContext, templates: TemplateSet, previousKeys: [String: String],
                                  salt: String, kept: Kept) throws -> RecipePages {
        let recipePage = RecipePage(site: site)
        let inputKeys = RecipePageInputKeys(site: site, templates: templates, salt: salt, recipeKeys: kept.recipeInputKeys)
        let outcomes = Parallel.map(book.book.recipes, chunk: 16) { recipe -> Result<(path: String, key: String, rendered: Bool), any Error> in
            Result {
                // Each page's key is "<input key>+<context key>": an unchanged input key keeps the page
                // unprepared; else an unchanged prepared context keeps it unrendered.
                let path = SiteLinks.recipe(recipe.id)
                let inputKey = inputKeys.key(recipe) ?? "-"
                let previous = previousKeys[path].map { $0.split(separator: "+", maxSplits: 1).map(String.init) } ?? []
                let (previousInput, previousContext) = previous.count == 2 ? (previous[0], previous[1]) : ("-", previous.first ?? "")
                if inputKey != "-", previousInput == inputKey, sink.reuse(path) { return (path, "\(inputKey)+\(previousContext)", false) }
                let page = recipePage.prepare(recipe, templates: templates, salt: salt)
                if previousContext == page.key, sink.reuse(page.path) { return (page.path, "\(inputKey)+\(page.key)", false) }
                try sink.write(page.path, text: page.render())
                return (page.path, "\(inputKey)+\(page.key)", true)
            }
        }
                var recipePages = RecipePages(keys: [:], rendered: 0, count: outcomes.count)
        for outcome in outcomes {
            let page = try outcome.get()
            recipePages.keys[page.path] = page.key
            if page.rendered { recipePages.rendered += 1 }
        }
        // A Markdown copy beside every recipe page, made from the model.
        let recipeMarkdown = RecipeMarkdown(book: book.book, graph: book.graph, links: SiteMarkdownLinks(root: "../"))
        let copies = Parallel.map(book.book.recipes, chunk: 64) { recipe in
            Result {
                try sink.write("rezepte/\(recipe.id).md",
                               bytes: kept.markdown.piece(for: recipe.id) { Array(recipeMarkdown.markdown(recipe).utf8) })
            }
        }
        for copy in copies { try copy.get() }
        return recipePages
    }

    /// The laws' Markdown copies and llms.txt.
    private func writeLawCopiesAndLLMsText(to sink: some FileSink) throws {
        let lawMarkdown = LawMarkdown(book: book.book, graph: book.graph, links: SiteMarkdownLinks(root: "../"))
        for law in book.book.laws { try sink.write("gesetze/\(law.id).md", text: lawMarkdown.markdown(law)) }
        try sink.write("llms.txt", text: LLMsText(book: book.book, chapters: book.chapters).text())
    }

    /// Every page but the recipe pages and the search page, in groups made one after another:
    /// the laws' pages and histories, the guides from docs/, the Themenfeld and Lebenslage pages,
    /// the overview pages.
    private func otherPages(site: SiteContext, templates: TemplateSet, overview: OverviewPages, salt: String) -> [() -> [PreparedPage]] {
        let lawPage = LawPage(site: site)
        let historyPage = LawHistoryPage(site: site)
        var groups: [() -> [PreparedPage]] = book.book.laws.map { law in
            { [lawPage.prepare(law, templates: templates, salt: salt)]
                + (law.versions.count > 1 ? [historyPage.prepare(law, templates: templates, salt: salt)] : []) }
        }
        let guideLinks = Dictionary(guides.map { ($0.sourceName, $0.path) }, uniquingKeysWith: { first, _ in first })
        groups += guides.map { guide in
            { [site.prepare(path: guide.path, template: "guide", context: ["body": MarkdownRenderer(pages: guideLinks).html(guide.markdown)],
                            layout: site.layout(root: "", path: guide.path, title: guide.title, description: guide.title, content: ""),
                            templates: templates, salt: salt)] }
        }
        groups += (book.book.topics?.themenfelder ?? []).map { field in { [overview.themenfeld(field)] } }
        groups += (book.book.topics?.lebenslagen ?? []).map { lage in { [overview.lebenslage(lage)] } }
        groups += [
            { [overview.start()] }, { [overview.laws()] }, { [overview.alphabetical()] }, { [overview.ozgLeistungen()] },
            { [overview.glossary()] }, { [overview.accessibility(), overview.notFound()] },
            { overview.imprintPages() }, { [overview.coverage(CoverageReport(book: book.book, graph: book.graph, today: today))] },
        ]
        return groups
    }

    /// Prepares the groups of pages on all cores and writes each page whose key changed since
    /// `previousKeys` (or whose published copy `sink` cannot keep); adds their keys and counts to `pages`.
    private func writePages(_ groups: [() -> [PreparedPage]], to sink: some FileSink,
                            previousKeys: [String: String], into pages: inout RecipePages) throws {
        let outcomes = Parallel.map(groups) { group in
            Result {
                try group().map { page -> (path: String, key: String, rendered: Bool) in
                    if previousKeys[page.path] == page.key, sink.reuse(page.path) { return (page.path, page.key, false) }
                    try sink.write(page.path, text: page.render())
                    return (page.path, page.key, true)
                }
            }
        }
        for outcome in outcomes {
            for page in try outcome.get() {
                pages.keys[page.path] = page.key
                pages.otherCount += 1
                if page.rendered { pages.otherRendered += 1 }
            }
        }
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
