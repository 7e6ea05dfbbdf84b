import Foundation
import Kochbuch
import KochbuchChecking
import KochbuchLinking
import KochbuchLoading
import KochbuchMarkdown
import KochbuchModel
import KochbuchSearch

/// What an assistant can ask of a book, answered from the book itself: searches go through the
/// same always-fresh index as `kochbuch search`; recipes and law sections are written as Markdown
/// from the model, with the law in the version in force. Read-only: nothing is written into the
/// book (the search index lives beside it, in `.kochbuch/`). Every answer names the book, its
/// edition and the legal state it reflects.
public final class KnowledgeBase: @unchecked Sendable {
    public let location: BookLocation
    private let lock = NSLock()
    private var loaded: (snapshot: BookSnapshot?, book: Book, graph: LinkGraph)?

    public init(location: BookLocation) {
        self.location = location
    }

    /// A request the book cannot answer as asked: an unknown id, a filter that names nothing.
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// The book, its edition and its Rechtsstand, as every answer carries them.
    public struct Identity: Codable, Sendable, Equatable {
        public var title: String
        public var edition: String
        public var rechtsstand: String
    }

    /// The book as it is now: read again when one of its files changed since the last answer.
    func current() -> (book: Book, graph: LinkGraph) {
        lock.withLock {
            let snapshot = location.loader.snapshot()
            if let loaded, let snapshot, let kept = loaded.snapshot, snapshot.holdsTheSameFiles(as: kept) {
                return (loaded.book, loaded.graph)
            }
            let book = location.loader.load().book.withRechtsstand(.today)
            let graph = LinkGraph(book: book)
            loaded = (snapshot, book, graph)
            return (book, graph)
        }
    }

    public func identity(of book: Book) -> Identity {
        let manifest = book.manifest
        let edition = [manifest?.edition, manifest?.editionDate.map(GermanLabels.date)].compactMap { $0 }.joined(separator: ", ")
        return Identity(title: manifest?.title ?? "Kochbuch", edition: edition,
                        rechtsstand: (book.rechtsstand ?? .today).description)
    }

    /// The line above every Markdown answer.
    func banner(_ book: Book) -> String {
        let identity = identity(of: book)
        return "> \(identity.title)" + (identity.edition.isEmpty ? "" : ", \(identity.edition)")
            + " · Rechtsstand \(GermanLabels.date(book.rechtsstand ?? .today))\n\n"
    }

    // MARK: Search and lists

    public struct Hit: Codable, Sendable {
        public var id: String
        public var title: String
        public var themenfeld: String
        public var sections: [String]
        public var status: String
        public var snippet: String
        public var uri: String
    }

    public struct SearchAnswer: Codable, Sendable {
        public var book: Identity
        public var query: String
        public var total: Int
        public var hits: [Hit]
        public var suggestions: [String]
        public var message: String?
    }

    public func search(_ query: String, filters: SearchFilters, limit: Int) throws -> SearchAnswer {
        guard query.contains(where: { $0.isLetter || $0.isNumber }) else {
            throw Refusal(description: "the query holds no words; ask with words, e.g. \"E-Akte einführen\" or \"§ 3 EGovG\"")
        }
        let (book, _) = current()
        let results: SearchResults
        do {
            results = try Library(book: location).search(query, filters: filters, limit: limit)
        } catch let error as SearchIndex.UnknownFilter {
            throw Refusal(description: error.description)
        }
        return SearchAnswer(book: identity(of: book), query: query, total: results.total, hits: results.hits.map(hit),
                            suggestions: results.suggestions, message: results.message)
    }

    public struct ListAnswer: Codable, Sendable {
        public var book: Identity
        public var count: Int
        public var recipes: [Hit]
    }

    public func list(filters: SearchFilters) throws -> ListAnswer {
        let (book, _) = current()
        do {
            let hits = try Library(book: location).list(filters: filters)
            return ListAnswer(book: identity(of: book), count: hits.count, recipes: hits.map(hit))
        } catch let error as SearchIndex.UnknownFilter {
            throw Refusal(description: error.description)
        }
    }

    private func hit(_ hit: SearchHit) -> Hit {
        Hit(id: hit.id, title: hit.title, themenfeld: hit.themenfeld, sections: hit.laws, status: hit.status,
            snippet: hit.snippet.map(\.text).joined(), uri: ResourceAddress.recipe(hit.id))
    }

    // MARK: Recipes and laws

    /// The whole recipe as Markdown; links to other recipes and to law sections are resource addresses.
    public func recipe(_ id: String) throws -> String {
        let (book, graph) = current()
        guard let recipe = book.recipe(id) else {
            throw Refusal(description: "no recipe '\(id)'" + Self.closest(id, among: book.recipes.map(\.id)))
        }
        return banner(book) + RecipeMarkdown(book: book, graph: graph, links: ResourceLinks()).markdown(recipe)
    }

    /// A law section's text in the version in force today or on `date`, its history and the recipes citing it.
    public func lawSection(law name: String, section number: String, on date: CalendarDate?) throws -> String {
        var (book, graph) = current()
        if let date {
            book = book.withRechtsstand(date)
            graph = LinkGraph(book: book)
        }
        let law = try findLaw(name, in: book)
        let wanted = number.trimmingCharacters(in: CharacterSet(charactersIn: "§ "))
        guard law.hasText else {
            throw Refusal(description: "the catalog holds no text of \(law.abbreviation)" + (law.address.map { "; it is published at \($0)" } ?? ""))
        }
        if let date, law.versionIndex(inForceOn: date) == nil {
            throw Refusal(description: "the catalog holds no version of \(law.abbreviation) in force on \(date); its first is of \(law.versions[0].date)")
        }
        guard let section = law.section(wanted) else {
            throw Refusal(description: "\(law.abbreviation) has no § \(wanted)" + Self.closest(wanted, among: law.sections.map(\.number)))
        }
        return banner(book) + LawMarkdown(book: book, graph: graph, links: ResourceLinks()).markdown(section, of: law)
    }

    /// The law named by id or abbreviation, as `kochbuch law` finds it (the law in force before a draft).
    private func findLaw(_ name: String, in book: Book) throws -> Law {
        do {
            return try Library.findLaw(name, in: book)
        } catch is Library.UnknownLaw {
            throw Refusal(description: "no law '\(name)'; the book's laws are " + book.laws.filter(\.hasText).map { "\($0.id) (\($0.abbreviation))" }.joined(separator: ", "))
        }
    }

    static func closest(_ value: String, among candidates: [String]) -> String {
        Suggestion.hint(for: value, in: candidates).map { "; \($0)" } ?? ""
    }

    // MARK: Topics and coverage

    public struct Topic: Codable, Sendable {
        public var id: String
        public var name: String
        public var recipes: Int
        public var lebenslagen: [Topic]?
    }

    public struct TopicsAnswer: Codable, Sendable {
        public var book: Identity
        public var themenfelder: [Topic]
    }

    public func topics() -> TopicsAnswer {
        let (book, _) = current()
        let fields = (book.topics?.themenfelder ?? []).map { field in
            Topic(id: field.id, name: field.name,
                  recipes: book.recipes.filter { $0.classification.themenfelder.contains { $0.id == field.id } }.count,
                  lebenslagen: field.lebenslagen.map { lage in
                      Topic(id: lage.id, name: lage.name,
                            recipes: book.recipes.filter { $0.classification.lebenslagen.contains { $0.id == lage.id } }.count,
                            lebenslagen: nil)
                  })
        }
        return TopicsAnswer(book: identity(of: book), themenfelder: fields)
    }

    public struct CoverageAnswer: Codable, Sendable {
        public var book: Identity
        public var coverage: CoverageReport
    }

    public func coverage() -> CoverageAnswer {
        let (book, graph) = current()
        return CoverageAnswer(book: identity(of: book), coverage: CoverageReport(book: book, graph: graph, today: .today))
    }

    // MARK: Resources

    public struct Resource: Sendable {
        public var uri: String
        public var name: String
        public var title: String
        public var description: String
    }

    /// Every recipe and every law section the catalog has text for, under a stable address.
    public func resources() -> [Resource] {
        let (book, _) = current()
        var resources = book.recipes.sorted { $0.id < $1.id }.map { recipe in
            Resource(uri: ResourceAddress.recipe(recipe.id), name: recipe.id, title: recipe.title,
                     description: "Rezept: " + recipe.summary.plainText.prefix(200))
        }
        for law in book.laws.sorted(by: { $0.id < $1.id }) where law.hasText && law.status != .draft {
            for section in law.sections {
                resources.append(Resource(uri: ResourceAddress.law(law.id, section: section.number), name: "\(law.id)-\(section.number)",
                                          title: "§ \(section.number) \(law.abbreviation) – \(section.title)",
                                          description: "Gesetzestext in der Fassung vom \(law.current.map { GermanLabels.date($0.date) } ?? "?")"))
            }
        }
        return resources
    }

    /// The Markdown of a resource address.
    public func read(_ uri: String) throws -> String {
        switch ResourceAddress.target(of: uri) {
        case .recipe(let id)?: return try recipe(id)
        case .law(let law, let section?)?: return try lawSection(law: law, section: section, on: nil)
        case .law(let name, nil)?:
            let (book, graph) = current()
            let law = try findLaw(name, in: book)
            return banner(book) + LawMarkdown(book: book, graph: graph, links: ResourceLinks()).markdown(law)
        case nil:
            throw Refusal(description: "unknown resource '\(uri)'; addresses are kochbuch://rezepte/<id> and kochbuch://gesetze/<law>/<section>")
        }
    }
}
