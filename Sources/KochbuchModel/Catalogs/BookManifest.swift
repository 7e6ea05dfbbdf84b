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
    /// What the website's Impressum and Datenschutzerklärung are made of, when the book carries it.
    public var imprint: Imprint?
    public var location: SourceLocation

    public init(id: String, language: String = "de", title: String, subtitle: String? = nil, edition: String,
                editionDate: CalendarDate?, editors: [String], publisher: String, licence: String,
                licenceURL: String? = nil, introduction: [Block], chapters: [Chapter], imprint: Imprint? = nil, location: SourceLocation) {
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
        self.imprint = imprint
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

/// The publisher's details for the website's Impressum and Datenschutzerklärung (`<imprint>` in book.xml).
public struct Imprint: Sendable, Hashable {
    public var provider: String
    public var address: String
    public var representedBy: String
    public var email: String
    public var phone: String?
    public var responsible: String?
    public var dataProtectionOfficer: String
    public var serverLogs: String
    public var supervisoryAuthority: String

    public init(provider: String, address: String, representedBy: String, email: String, phone: String?, responsible: String?,
                dataProtectionOfficer: String, serverLogs: String, supervisoryAuthority: String) {
        self.provider = provider
        self.address = address
        self.representedBy = representedBy
        self.email = email
        self.phone = phone
        self.responsible = responsible
        self.dataProtectionOfficer = dataProtectionOfficer
        self.serverLogs = serverLogs
        self.supervisoryAuthority = supervisoryAuthority
    }
}
