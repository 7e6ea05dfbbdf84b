/// The book manifest: title, edition, editors, publisher, licence and the order of chapters.
public struct BookManifest: Sendable, Hashable {
    public var id: String
    public var language: String
    public var title: String
    public var subtitle: String?
    public var edition: String
    public var editionDate: CalendarDate?
    public var editors: [String]
    public var publisher: String
    public var licence: String
    public var licenceURL: String?
    public var introduction: [Block]
    public var chapters: [Chapter]
    public var location: SourceLocation

    public init(id: String, language: String = "de", title: String, subtitle: String? = nil, edition: String,
                editionDate: CalendarDate?, editors: [String], publisher: String, licence: String,
                licenceURL: String? = nil, introduction: [Block], chapters: [Chapter], location: SourceLocation) {
        self.id = id
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.edition = edition
        self.editionDate = editionDate
        self.editors = editors
        self.publisher = publisher
        self.licence = licence
        self.licenceURL = licenceURL
        self.introduction = introduction
        self.chapters = chapters
        self.location = location
    }
}

/// A chapter: a title and its recipes in reading order.
public struct Chapter: Sendable, Hashable {
    public var id: String
    public var title: String
    public var recipes: [CatalogReference]

    public init(id: String, title: String, recipes: [CatalogReference]) {
        self.id = id
        self.title = title
        self.recipes = recipes
    }
}
