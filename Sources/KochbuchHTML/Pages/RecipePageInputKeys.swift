import KochbuchModel

/// The keys of recipe pages made of their inputs instead of their prepared contexts: a recipe's
/// input key (its file, the recipes it links to and from, every file of the book that is no
/// recipe, the tool and the day), the input keys of the recipes before and after it in book order
/// (their titles and summaries are linked), and what every page of the site shares (the
/// templates, the theme, the address, the guide). A page whose key is unchanged is kept without
/// being prepared, which is most of the cost of finding out that it is unchanged.
struct RecipePageInputKeys {
    private let site: SiteContext
    private let recipeKeys: [String: ContentDigest]
    private let shared: String

    init(site: SiteContext, templates: TemplateSet, salt: String, recipeKeys: [String: ContentDigest]) {
        self.site = site
        self.recipeKeys = recipeKeys
        var hash = StableHash()
        hash.combine("recipe page from inputs 1")
        hash.combine(salt)
        hash.combine(templates.fingerprint)
        hash.combine(context: site.theme.context(root: "../"))
        hash.combine(site.baseURL ?? "")
        hash.combine(site.hasGuide ? 1 : 0)
        hash.combine(site.rechtsstand.description)
        hash.combine(site.book.orderedRecipes.count)
        shared = hash.hex
    }

    /// The page's key, or nil when an input key of the recipe or of a neighbour is unknown.
    func key(_ recipe: Recipe) -> String? {
        guard let own = recipeKeys[recipe.id] else { return nil }
        var hash = StableHash()
        hash.combine(shared)
        hash.combine(recipe.id)
        hash.combine(own.description)
        let ordered = site.book.orderedRecipes
        if let position = site.book.positionInOrder[recipe.id] {
            for neighbour in [position - 1, position + 1] where ordered.indices.contains(neighbour) {
                guard let key = recipeKeys[ordered[neighbour].id] else { return nil }
                hash.combine(neighbour - position)
                hash.combine(ordered[neighbour].id)
                hash.combine(key.description)
            }
        } else {
            hash.combine("not in order")
        }
        return "i" + hash.hex
    }
}
