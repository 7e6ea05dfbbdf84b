/// A book's recipes, laws, glossary entries and catalog entries by id, built once and shared by
/// the checks and every edition.
public struct BookLookup: Sendable {
    public let recipes: [String: Recipe]
    public let laws: [String: Law]
    public let glossary: [String: GlossaryEntry]
    public let themenfelder: [String: Themenfeld]
    public let lebenslagen: [String: Lebenslage]
    public let ozgLeistungen: [String: OZGLeistung]
    public let leika: [String: LeiKaLeistung]

    public init(_ book: Book) {
        recipes = Self.index(book.recipes, by: \.id)
        laws = Self.index(book.laws, by: \.id)
        glossary = Self.index(book.glossary ?? [], by: \.id)
        themenfelder = Self.index(book.topics?.themenfelder ?? [], by: \.id)
        lebenslagen = Self.index(book.topics?.lebenslagen ?? [], by: \.id)
        ozgLeistungen = Self.index(book.ozgLeistungen ?? [], by: \.id)
        leika = Self.index(book.leika ?? [], by: \.key)
    }

    /// The first element for each key.
    private static func index<Element>(_ elements: [Element], by key: KeyPath<Element, String>) -> [String: Element] {
        Dictionary(elements.map { ($0[keyPath: key], $0) }, uniquingKeysWith: { first, _ in first })
    }
}
