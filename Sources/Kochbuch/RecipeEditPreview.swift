import Foundation
import KochbuchHTML
import KochbuchLinking
import KochbuchLoading
import KochbuchModel

/// The preview's first answer to a saved recipe (`kochbuch serve`): the book as last read is kept
/// in memory; after a save only the recipe files that changed are read again, and the pages that
/// show them (the recipe's own, those it links to and from, those before and after it) are made
/// at once into the served site, as the whole build makes them. The whole build follows and
/// decides: it checks the book and brings everything else up to date (search, overviews).
///
/// Anything other than changed recipe files (a new, removed or renamed file, a law, a catalog,
/// book.xml, a file with an error) is left to the whole build: `updatePages` then returns nil
/// and the book is read again with `reload`.
public struct RecipeEditPreview {
    public let book: BookLocation
    public let theme: URL?
    public let today: CalendarDate
    /// At most this many changed files are answered at once; more are left to the whole build.
    public static let maximumChangedFiles = 16

    /// One loader for every pass: its schemas are compiled once.
    private let loader: BookLoader
    private var loaded: LoadedBook?
    private var graph: LinkGraph?
    private var states: [String: (size: Int, modified: Int)] = [:]

    /// Reads the whole book (as the preview's build reads it: drafts included).
    public init(book: BookLocation, theme: URL?, today: CalendarDate = .today) {
        self.book = book
        self.theme = theme
        self.today = today
        loader = book.loader
        reload()
    }

    /// Reads the whole book again: after a change `updatePages` left to the whole build.
    public mutating func reload() {
        states = loader.xmlFileStates()
        var loaded = loader.load()
        loaded.book = loaded.book.withRechtsstand(today)
        let usable = !loaded.diagnostics.contains { $0.severity == .error }
        self.loaded = usable ? loaded : nil
        graph = usable ? LinkGraph(book: loaded.book) : nil
    }

    /// Makes the pages that show the recipe files changed since the last call and writes each into
    /// `site` (the served HTML folder) under a temporary name, then renames it into place. Returns
    /// the pages' paths, none when nothing changed; nil when the change is one for the whole build.
    public mutating func updatePages(in site: URL) throws -> [String]? {
        guard var current = loaded, let before = graph else { return nil }
        let now = loader.xmlFileStates()
        guard Set(now.keys) == Set(states.keys) else { return nil }
        let changed = now.keys.filter { now[$0]! != states[$0]! }.sorted()
        if changed.isEmpty { return [] }
        let byPath = Dictionary(current.book.recipes.indices.map { (current.book.recipes[$0].location.path, $0) }, uniquingKeysWith: { first, _ in first })
        let displayed = changed.map(loader.displayPath(forRelativePath:))
        guard changed.count <= Self.maximumChangedFiles, displayed.allSatisfy({ byPath[$0] != nil }) else { return nil }
        let read = loader.load(only: changed)
        guard !read.diagnostics.contains(where: { $0.severity == .error }), read.book.recipes.count == changed.count,
              read.book.laws.isEmpty, read.book.manifest == nil else { return nil }
        var ids: Set<String> = []
        for recipe in read.book.recipes {
            guard let index = byPath[recipe.location.path], current.book.recipes[index].id == recipe.id else { return nil }
            current.book.recipes[index] = recipe
            if let digest = read.digests[recipe.location.path] { current.digests[recipe.location.path] = digest }
            ids.insert(recipe.id)
        }
        current.book = current.book.withRechtsstand(today)
        let graph = LinkGraph(book: current.book)
        let siteBook = SiteBook(book: current.book, graph: graph)
        var shown = ids
        for id in ids {
            for graph in [before, graph] {
                shown.formUnion(graph.links(from: id).map(\.target))
                shown.formUnion(graph.backlinks(to: id).map(\.source))
            }
            if let position = siteBook.positionInOrder[id] {
                for neighbour in [position - 1, position + 1] where siteBook.orderedRecipes.indices.contains(neighbour) {
                    shown.insert(siteBook.orderedRecipes[neighbour].id)
                }
            }
        }
        let docs = book.directory.deletingLastPathComponent().appendingPathComponent("docs")
        let html = HTMLSite(book: siteBook, bookDirectory: book.directory, theme: try theme.map(Theme.load) ?? .builtIn,
                            today: today, guides: Guide.load(from: docs))
        let pages = try html.recipePages(shown)
        for page in pages where Publisher.safeRelativePath(page.path) {
            try AtomicFile.write(Data(page.html.utf8), to: site.appendingPathComponent(page.path))
        }
        loaded = current
        self.graph = graph
        for path in changed { states[path] = now[path] }
        return pages.map(\.path)
    }
}
