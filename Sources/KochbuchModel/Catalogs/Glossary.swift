/// A glossary entry.
public struct GlossaryEntry: Sendable, Hashable {
    public var id: String
    public var term: String
    public var expansion: String?
    public var definition: [Inline]
    public var seeAlso: [CatalogReference]
    public var location: SourceLocation

    public init(id: String, term: String, expansion: String? = nil, definition: [Inline],
                seeAlso: [CatalogReference] = [], location: SourceLocation) {
        self.id = id
        self.term = term
        self.expansion = expansion
        self.definition = definition
        self.seeAlso = seeAlso
        self.location = location
    }
}
