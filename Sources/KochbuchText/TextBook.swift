import KochbuchLinking
import KochbuchModel

/// The book with the lookups the text edition needs: recipes, laws, glossary and catalogs by id,
/// and the written-out forms of law citations.
struct TextBook: Sendable {
    let book: Book
    let graph: LinkGraph
    let recipesByID: [String: Recipe]
    let lawsByID: [String: Law]
    let glossaryByID: [String: GlossaryEntry]
    let themenfelderByID: [String: Themenfeld]
    let lebenslagenByID: [String: Lebenslage]
    let ozgByID: [String: OZGLeistung]
    let leikaByKey: [String: LeiKaLeistung]

    init(book: Book, graph: LinkGraph?) {
        self.book = book
        self.graph = graph ?? LinkGraph(book: book)
        let lookup = BookLookup(book)
        recipesByID = lookup.recipes
        lawsByID = lookup.laws
        glossaryByID = lookup.glossary
        themenfelderByID = lookup.themenfelder
        lebenslagenByID = lookup.lebenslagen
        ozgByID = lookup.ozgLeistungen
        leikaByKey = lookup.leika
    }

    /// "§ 6 Abs. 1 EGovG", "EGovG" for a whole law. The spaces are glued so the citation is never
    /// broken across lines.
    func citationText(_ reference: LawReference) -> String {
        TextWrapper.glued(reference.displayText(law: lawsByID[reference.law]))
    }

    /// "§ 6 EGovG – Elektronische Aktenführung"; for a whole law "EGovG – Gesetz zur Förderung …".
    func citationTitle(_ reference: LawReference) -> String {
        guard let law = lawsByID[reference.law] else { return citationText(reference) }
        guard reference.section != nil else {
            return law.title.isEmpty ? citationText(reference) : "\(citationText(reference)) – \(law.title)"
        }
        guard let title = reference.section(in: law)?.title, !title.isEmpty else { return citationText(reference) }
        return "\(citationText(reference)) – \(title)"
    }

    /// The recipes that link to a recipe, by title.
    func backlinks(to id: String) -> [Recipe] {
        Set(graph.backlinks(to: id).map(\.source)).compactMap { recipesByID[$0] }.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
    }

    /// "Title (id)", or just the id for a recipe the book does not have.
    func recipeLabel(_ id: String) -> String {
        guard let recipe = recipesByID[id] else { return id }
        return "\(recipe.title) (\(id))"
    }
}
