import KochbuchModel

/// Which recipes a book contains: the whole guide, or a subset by topic, law and recipe.
public struct EPUBSelection: Sendable, Hashable {
    /// Themenfeld or Lebenslage ids or names.
    public var topics: [String]
    /// Law ids (`egovg`) or sections (`egovg:6`).
    public var laws: [String]
    public var recipes: [String]

    public init(topics: [String] = [], laws: [String] = [], recipes: [String] = []) {
        self.topics = topics
        self.laws = laws
        self.recipes = recipes
    }

    public var isWholeBook: Bool { topics.isEmpty && laws.isEmpty && recipes.isEmpty }

    /// A short name for file names and the identifier: `bauen-wohnen`, `egovg`, `egovg-6+e-akte`.
    public var key: String {
        (topics + laws + recipes).map { $0.lowercased().map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "-" } }
            .map { String($0) }.joined(separator: "+")
    }

    /// Whether a recipe belongs to the selection.
    func contains(_ recipe: Recipe, book: Book) -> Bool {
        if isWholeBook { return true }
        if recipes.contains(recipe.id) { return true }
        let topicIDs = Set(recipe.classification.themenfelder.map(\.id) + recipe.classification.lebenslagen.map(\.id))
        let topicNames = Set((book.topics?.themenfelder ?? []).filter { topicIDs.contains($0.id) }.map { $0.name.lowercased() }
            + (book.topics?.lebenslagen ?? []).filter { topicIDs.contains($0.id) }.map { $0.name.lowercased() })
        if topics.contains(where: { topicIDs.contains($0) || topicNames.contains($0.lowercased()) }) { return true }
        let citations = recipe.legalBasis.map(\.reference) + inlineCitations(recipe)
        for law in laws {
            let parts = law.lowercased().split(separator: ":", maxSplits: 1).map(String.init)
            if citations.contains(where: { $0.law == parts[0] && (parts.count == 1 || $0.section == parts[1]) }) { return true }
        }
        return false
    }

    private func inlineCitations(_ recipe: Recipe) -> [LawReference] {
        var found: [LawReference] = []
        ContentWalker(visitInline: { if case .citation(let reference, _) = $0 { found.append(reference) } }).walk(recipe)
        return found
    }

    /// The selection's title suffix: topic names, law abbreviations, recipe titles.
    func title(book: Book) -> String {
        var parts: [String] = []
        for topic in topics {
            let name = (book.topics?.themenfelder ?? []).first { $0.id == topic }?.name
                ?? (book.topics?.lebenslagen ?? []).first { $0.id == topic }?.name ?? topic
            parts.append(name)
        }
        for law in laws {
            let pieces = law.split(separator: ":", maxSplits: 1).map(String.init)
            let abbreviation = book.law(pieces[0].lowercased())?.abbreviation ?? pieces[0]
            parts.append(pieces.count == 2 ? "§ \(pieces[1]) \(abbreviation)" : abbreviation)
        }
        for id in recipes { parts.append(book.recipe(id)?.title ?? id) }
        return parts.joined(separator: ", ")
    }
}
