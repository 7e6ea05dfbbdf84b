import KochbuchLinking
import KochbuchModel

/// The book with the lookups the site needs, built once per build.
public struct SiteBook: Sendable {
    public let book: Book
    public let graph: LinkGraph
    /// The book's entries by id, for text that writes references out (`readerText`).
    public let lookup: BookLookup
    public let recipesByID: [String: Recipe]
    public let lawsByID: [String: Law]
    public let glossaryByID: [String: GlossaryEntry]
    public let themenfelderByID: [String: Themenfeld]
    public let lebenslagenByID: [String: Lebenslage]
    public let ozgByID: [String: OZGLeistung]
    public let leikaByKey: [String: LeiKaLeistung]
    /// The day whose law the editions show.
    public var rechtsstand: CalendarDate { book.rechtsstand ?? .today }
    /// Recipes in the manifest's chapter order (then any others, by title).
    public let orderedRecipes: [Recipe]
    /// Each recipe's place in `orderedRecipes`, by id.
    public let positionInOrder: [String: Int]
    /// The manifest's chapters with their recipes, then the recipes in no chapter ("Weitere Rezepte").
    public var chapters: [(title: String, recipes: [Recipe])] {
        var seen: Set<String> = []
        var chapters: [(title: String, recipes: [Recipe])] = (book.manifest?.chapters ?? []).map { chapter in
            (chapter.title, chapter.recipes.compactMap { entry in seen.insert(entry.id).inserted ? recipesByID[entry.id] : nil })
        }
        let rest = orderedRecipes.filter { !seen.contains($0.id) }
        if !rest.isEmpty { chapters.append(("Weitere Rezepte", rest)) }
        return chapters
    }

    /// Recipes by Themenfeld and by Lebenslage, in chapter order.
    public let recipesByThemenfeld: [String: [Recipe]]
    public let recipesByLebenslage: [String: [Recipe]]
    /// Recipes by OZG-Leistung, in the order they were read.
    public let recipesByOZGLeistung: [String: [Recipe]]
    /// For each cited section ("egovg 6a"), the last day its text or title changed, if it did after its first version.
    public let lastChanges: [String: CalendarDate]

    public init(book: Book, graph: LinkGraph? = nil) {
        self.book = book
        self.graph = graph ?? LinkGraph(book: book)
        let lookup = BookLookup(book)
        self.lookup = lookup
        recipesByID = lookup.recipes
        lawsByID = lookup.laws
        glossaryByID = lookup.glossary
        themenfelderByID = lookup.themenfelder
        lebenslagenByID = lookup.lebenslagen
        ozgByID = lookup.ozgLeistungen
        leikaByKey = lookup.leika
        var ordered: [Recipe] = []
        var seen: Set<String> = []
        for chapter in book.manifest?.chapters ?? [] {
            for entry in chapter.recipes {
                if let recipe = recipesByID[entry.id], seen.insert(entry.id).inserted { ordered.append(recipe) }
            }
        }
        ordered += book.recipes.filter { !seen.contains($0.id) }.sorted { $0.title < $1.title }
        orderedRecipes = ordered
        positionInOrder = Dictionary(ordered.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        recipesByThemenfeld = Self.group(ordered) { $0.classification.themenfelder.map(\.id) }
        recipesByLebenslage = Self.group(ordered) { $0.classification.lebenslagen.map(\.id) }
        recipesByOZGLeistung = Self.group(book.recipes) { $0.classification.ozgLeistungen.map(\.id) }
        var changes: [String: CalendarDate] = [:]
        var seenSections: Set<String> = []
        let rechtsstand = book.rechtsstand ?? .today
        for citation in self.graph.citations {
            guard let number = citation.reference.section, let law = lookup.laws[citation.reference.law], law.versions.count > 1 else { continue }
            let key = "\(law.id) \(number)"
            guard seenSections.insert(key).inserted else { continue }
            if let date = law.lastChange(of: number, onOrBefore: rechtsstand) { changes[key] = date }
        }
        lastChanges = changes
    }

    /// Each recipe once under each of its keys, in the order given.
    private static func group(_ recipes: [Recipe], by keys: (Recipe) -> [String]) -> [String: [Recipe]] {
        var groups: [String: [Recipe]] = [:]
        for recipe in recipes {
            var seen: Set<String> = []
            for key in keys(recipe) where seen.insert(key).inserted { groups[key, default: []].append(recipe) }
        }
        return groups
    }

    /// "§ 6 Abs. 1 EGovG", "EGovG" for a whole law.
    public func citationText(_ reference: LawReference) -> String {
        reference.displayText(law: lawsByID[reference.law])
    }

    /// "§ 6 EGovG – Elektronische Aktenführung".
    public func citationTitle(_ reference: LawReference) -> String {
        guard let title = lawsByID[reference.law].flatMap(reference.section(in:))?.title, !title.isEmpty else {
            return citationText(reference)
        }
        return "\(citationText(reference)) – \(title)"
    }

    public func citationLink(_ reference: LawReference) -> String? {
        guard lawsByID[reference.law] != nil else { return nil }
        guard let section = reference.section else { return SiteLinks.law(reference.law) }
        return SiteLinks.section(reference.law, section)
    }

    /// The recipes that link to a recipe, by title.
    public func backlinks(to id: String) -> [Recipe] {
        Set(graph.backlinks(to: id).map(\.source)).compactMap { recipesByID[$0] }.sorted { $0.title < $1.title }
    }
}
