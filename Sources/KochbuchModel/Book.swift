/// A whole book as loaded from its folder: manifest, recipes and catalogs.
public struct Book: Sendable {
    public var manifest: BookManifest?
    public var recipes: [Recipe]
    public var laws: [Law]
    public var topics: TopicCatalog?
    public var ozgLeistungen: [OZGLeistung]?
    /// The LeiKa catalog, when the book ships it.
    public var leika: [LeiKaLeistung]?
    public var glossary: [GlossaryEntry]?
    /// The words readers search with and the book's words for them (`catalogs/synonyms.xml`).
    public var synonyms: [Synonym]?
    /// Paths of the image files in the book, relative to the book folder.
    public var imagePaths: Set<String>
    /// The day whose law the book is read with (see `withRechtsstand`); nil: today.
    public var rechtsstand: CalendarDate?

    public init(manifest: BookManifest? = nil, recipes: [Recipe] = [], laws: [Law] = [],
                topics: TopicCatalog? = nil, ozgLeistungen: [OZGLeistung]? = nil, leika: [LeiKaLeistung]? = nil,
                glossary: [GlossaryEntry]? = nil, imagePaths: Set<String> = []) {
        self.manifest = manifest
        self.recipes = recipes
        self.laws = laws
        self.topics = topics
        self.ozgLeistungen = ozgLeistungen
        self.leika = leika
        self.glossary = glossary
        self.imagePaths = imagePaths
    }

    /// The recipe with this id.
    public func recipe(_ id: String) -> Recipe? { recipes.first { $0.id == id } }

    /// The law with this id.
    public func law(_ id: String) -> Law? { laws.first { $0.id == id } }
}

extension Book {
    /// The book as its editions publish it: a recipe still being written or reviewed appears only
    /// once the manifest lists it in a chapter (docs/authoring.md, „Vom Entwurf zur Veröffentlichung“);
    /// published recipes always appear.
    public var forPublication: Book {
        let listed = Set((manifest?.chapters ?? []).flatMap { $0.recipes.map(\.id) })
        var book = self
        book.recipes = recipes.filter { $0.status == .published || listed.contains($0.id) }
        return book
    }

    /// The recipes the editions leave out (drafts and recipes in review that no chapter lists).
    public var unpublishedRecipes: [Recipe] {
        let kept = Set(forPublication.recipes.map(\.id))
        return recipes.filter { !kept.contains($0.id) }
    }
}
