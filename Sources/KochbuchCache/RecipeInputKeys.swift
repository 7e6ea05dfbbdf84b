import KochbuchLinking
import KochbuchModel

/// For each recipe, the digest of everything its part of an edition can show: its own file, the
/// files of the recipes it links to and of those that link to it (their titles, steps and ids
/// appear in its references and backlinks), every file of the book that is not a recipe (laws,
/// catalogs, glossary, book.xml), which recipes are published, and `context` (the tool, the day,
/// the edition's options). A change to any of them changes the key, and the part is made anew.
public struct RecipeInputKeys: Sendable {
    /// Keys by recipe id; a recipe without one (its file's digest is unknown) is always made anew.
    public let keys: [String: ContentDigest]

    /// - Parameters:
    ///   - book: the recipes the editions show, with the graph made of them.
    ///   - digests: each XML file's digest by display path (`LoadedBook.digests`).
    ///   - recipeFiles: the display paths of every recipe file of the book, shown or not; a recipe
    ///     that is not shown (a draft) is no input of any other.
    ///   - context: what else the parts depend on.
    ///   - neighbours: whether a recipe's key covers the recipes it links to and from. Only a test
    ///     turns this off, to show that the cache tests notice a key that misses an input.
    public init(book: Book, graph: LinkGraph, digests: [String: ContentDigest], recipeFiles: Set<String>,
                context: ContentDigest, neighbours: Bool = true) {
        let recipePaths = recipeFiles.union(book.recipes.map(\.location.path))
        var shared = context
        for path in digests.keys.sorted() where !recipePaths.contains(path) {
            shared.combine(path)
            shared.combine(digests[path]!)
        }
        let ids = book.recipes.map(\.id).sorted()
        shared.combine(number: ids.count)
        for id in ids { shared.combine(id) }
        var own: [String: ContentDigest] = [:]
        for recipe in book.recipes {
            guard let digest = digests[recipe.location.path] else { continue }
            var key = ContentDigest()
            key.combine(recipe.location.path)
            key.combine(digest)
            own[recipe.id] = key
        }
        var keys: [String: ContentDigest] = [:]
        for recipe in book.recipes {
            guard let mine = own[recipe.id] else { continue }
            var key = shared
            key.combine(mine)
            if neighbours {
                let linked = Set(graph.links(from: recipe.id).map(\.target) + graph.backlinks(to: recipe.id).map(\.source))
                for id in linked.sorted() {
                    guard let digest = own[id] else { continue }
                    key.combine(id)
                    key.combine(digest)
                }
            }
            keys[recipe.id] = key
        }
        self.keys = keys
    }
}
