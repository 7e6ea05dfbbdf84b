import KochbuchModel

/// Where the book has gaps: every law section with the recipes citing it, every Themenfeld
/// and Lebenslage with its recipes, the OZG-Leistungen referenced, recipes nothing links to,
/// drafts, and recipes whose last review is more than a year old.
public struct CoverageReport: Sendable, Codable {
    public struct LawCoverage: Sendable, Codable {
        public var id: String
        public var abbreviation: String
        public var status: String
        public var sections: [SectionCoverage]
        /// The date of the version in force (the book's Rechtsstand), if the catalog has the text.
        public var version: String?
        /// Recipes to review because a section they cite changed after their review.
        public var needsReview: [ReviewNeed]
        /// Sections in force that no recipe cites.
        public var uncitedCount: Int { sections.filter { $0.status == "in-force" && $0.recipes.isEmpty }.count }
    }

    public struct SectionCoverage: Sendable, Codable {
        public var number: String
        public var title: String
        public var status: String
        public var recipes: [String]
    }

    /// A recipe that cites sections changed after its review, and when they changed.
    public struct ReviewNeed: Sendable, Codable {
        public var recipe: String
        public var reviewed: String?
        /// "6a@2024-07-24": the section and the day it last changed.
        public var sections: [String]
    }

    public struct TopicCoverage: Sendable, Codable {
        public var id: String
        public var name: String
        public var recipes: [String]
        public var lebenslagen: [TopicCoverage]?
    }

    public struct LeistungCoverage: Sendable, Codable {
        public var id: String
        public var name: String
        public var recipes: [String]
    }

    public struct StaleRecipe: Sendable, Codable {
        public var id: String
        public var reviewed: String?
    }

    public var recipeCount: Int
    public var laws: [LawCoverage]
    public var themenfelder: [TopicCoverage]
    public var ozgLeistungen: [LeistungCoverage]
    public var unlinked: [String]
    public var drafts: [String]
    public var staleReviews: [StaleRecipe]

    public var themenfelderCovered: Int { themenfelder.filter { !$0.recipes.isEmpty }.count }
    public var lebenslagenCovered: Int { themenfelder.flatMap { $0.lebenslagen ?? [] }.filter { !$0.recipes.isEmpty }.count }

    public init(book: Book, graph: LinkGraph, today: CalendarDate) {
        recipeCount = book.recipes.count
        var citing: [String: Set<String>] = [:]
        for citation in graph.citations {
            citing["\(citation.reference.law)§\(citation.reference.section ?? "")", default: []].insert(citation.recipe)
        }
        laws = book.laws.sorted { ($0.status == .draft ? 1 : 0, $0.abbreviation, $0.id) < ($1.status == .draft ? 1 : 0, $1.abbreviation, $1.id) }.map { law in
            LawCoverage(id: law.id, abbreviation: law.abbreviation, status: law.status.rawValue,
                        sections: law.sections.map { section in
                            SectionCoverage(number: section.number, title: section.title, status: section.status.rawValue,
                                            recipes: (citing["\(law.id)§\(section.number)"] ?? []).sorted())
                        },
                        version: law.current?.date.description,
                        needsReview: Self.reviewNeeds(law, book: book, graph: graph, today: today))
        }
        var byThemenfeld: [String: [String]] = [:]
        var byLebenslage: [String: [String]] = [:]
        var byLeistung: [String: [String]] = [:]
        for recipe in book.recipes {
            for reference in Set(recipe.classification.themenfelder.map(\.id)) { byThemenfeld[reference, default: []].append(recipe.id) }
            for reference in Set(recipe.classification.lebenslagen.map(\.id)) { byLebenslage[reference, default: []].append(recipe.id) }
            for reference in Set(recipe.classification.ozgLeistungen.map(\.id)) { byLeistung[reference, default: []].append(recipe.id) }
        }
        themenfelder = (book.topics?.themenfelder ?? []).map { field in
            TopicCoverage(id: field.id, name: field.name, recipes: (byThemenfeld[field.id] ?? []).sorted(),
                          lebenslagen: field.lebenslagen.map {
                              TopicCoverage(id: $0.id, name: $0.name, recipes: (byLebenslage[$0.id] ?? []).sorted(), lebenslagen: nil)
                          })
        }
        let leistungNames = Dictionary((book.ozgLeistungen ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        ozgLeistungen = byLeistung.keys.sorted().map {
            LeistungCoverage(id: $0, name: leistungNames[$0] ?? "", recipes: byLeistung[$0]!.sorted())
        }
        unlinked = book.recipes.map(\.id).filter { graph.backlinks(to: $0).isEmpty }.sorted()
        drafts = book.recipes.filter { $0.status == .draft }.map(\.id).sorted()
        var yearAgo = today
        yearAgo.year -= 1
        if yearAgo.month == 2 && yearAgo.day == 29 { yearAgo.day = 28 }
        staleReviews = book.recipes.filter { recipe in
            guard let reviewed = recipe.reviewed else { return recipe.status != .draft }
            return reviewed < yearAgo
        }.map { StaleRecipe(id: $0.id, reviewed: $0.reviewed?.description) }.sorted { $0.id < $1.id }
    }

    /// The recipes citing sections of `law` (not pinned to a version) whose text changed after the recipe's review.
    static func reviewNeeds(_ law: Law, book: Book, graph: LinkGraph, today: CalendarDate) -> [ReviewNeed] {
        guard law.versions.count > 1 else { return [] }
        let reviewed = Dictionary(book.recipes.map { ($0.id, $0.reviewed) }, uniquingKeysWith: { first, _ in first })
        var changes: [String: CalendarDate?] = [:]
        var needs: [String: Set<String>] = [:]
        for citation in graph.citations where citation.reference.law == law.id && citation.reference.asOf == nil {
            guard let number = citation.reference.section, let recipeReviewed = reviewed[citation.recipe] ?? nil else { continue }
            let changed = changes[number] ?? { let value = law.lastChange(of: number, onOrBefore: today); changes[number] = value; return value }()
            guard let changed, changed > recipeReviewed else { continue }
            needs[citation.recipe, default: []].insert("\(number)@\(changed)")
        }
        return needs.keys.sorted().map {
            ReviewNeed(recipe: $0, reviewed: reviewed[$0]??.description, sections: needs[$0]!.sorted())
        }
    }
}
