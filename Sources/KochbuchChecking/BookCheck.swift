import KochbuchLinking
import KochbuchModel

/// A check no schema can express. Each check looks at the whole book and returns diagnostics.
public protocol BookCheck: Sendable {
    /// The diagnostic codes this check can report.
    static var codes: [DiagnosticCode] { get }
    func check(_ context: CheckContext) -> [Diagnostic]
}

/// What every check may look at: the book, its link graph, lookup tables and today's date.
public struct CheckContext: Sendable {
    public let book: Book
    public let graph: LinkGraph
    public let today: CalendarDate
    /// How diagnostics name the book folder (e.g. `Recipes`), for problems about missing files.
    public let bookPath: String
    let recipesByID: [String: Recipe]
    let lawsByID: [String: Law]
    let themenfelder: [String: Themenfeld]
    let lebenslagen: [String: Lebenslage]
    let ozgLeistungen: Set<String>?
    let leikaKeys: Set<String>?
    let glossaryIDs: Set<String>?

    /// - Parameter today: the book's Rechtsstand: every law is read in the version in force that day.
    public init(book: Book, graph: LinkGraph? = nil, today: CalendarDate, bookPath: String = "") {
        let book = book.withRechtsstand(today)
        self.book = book
        self.bookPath = bookPath
        self.graph = graph ?? LinkGraph(book: book)
        self.today = today
        let lookup = BookLookup(book)
        recipesByID = lookup.recipes
        lawsByID = lookup.laws
        themenfelder = lookup.themenfelder
        lebenslagen = lookup.lebenslagen
        ozgLeistungen = book.ozgLeistungen.map { Set($0.map(\.id)) }
        leikaKeys = book.leika.map { Set($0.map(\.key)) }
        glossaryIDs = book.glossary.map { Set($0.map(\.id)) }
    }
}

/// Runs all checks over a book.
public struct BookChecker: Sendable {
    /// Every check, in the order they run.
    public static let allChecks: [any BookCheck] = [
        RecipeIdentityCheck(),
        ManifestCheck(),
        RecipeLinkCheck(),
        LawCitationCheck(),
        ClassificationCheck(),
        TermCheck(),
        ImageCheck(),
        OrphanCheck(),
        ReviewDateCheck(),
        LawCatalogCheck(),
        RechtsstandCheck(),
        ApplicabilityCheck(),
        GeneratedTextCheck(),
        DurationCheck(),
        ControlCharacterCheck(),
        SynonymCheck(),
    ]

    public let checks: [any BookCheck]

    public init(checks: [any BookCheck] = BookChecker.allChecks) {
        self.checks = checks
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        Parallel.map(checks) { $0.check(context) }.flatMap { $0 }
    }
}
