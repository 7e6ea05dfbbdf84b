/// A recipe: how a municipality digitises one administrative service or capability.
public struct Recipe: Sendable, Hashable {
    /// Editorial state of a recipe.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case draft, review, published
    }

    /// The fields of a recipe.
    struct Fields: Sendable, Hashable {
        var id: String
        var language: String
        var status: Status
        var reviewed: CalendarDate?
        var title: String
        var summary: [Inline]
        var authors: [Author]
        var facts: Facts
        var classification: Classification
        var legalBasis: [LegalBasis]
        var ingredients: [Ingredient]
        var steps: [Step]
        var tips: [[Block]]
        var pitfalls: [[Block]]
        var examples: [PracticeExample]
        var related: [Relation]
        var sources: [Source]
        var location: SourceLocation
    }

    /// The fields, shared by copies of a recipe until one of them changes. Recipes are copied
    /// often (lookups, checks, every edition) and hold some thirty references each: a copy now
    /// retains one.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    public var id: String {
        get { storage.fields.id }
        _modify { yield &uniqueStorage().fields.id }
    }

    public var language: String {
        get { storage.fields.language }
        _modify { yield &uniqueStorage().fields.language }
    }

    public var status: Status {
        get { storage.fields.status }
        _modify { yield &uniqueStorage().fields.status }
    }

    public var reviewed: CalendarDate? {
        get { storage.fields.reviewed }
        _modify { yield &uniqueStorage().fields.reviewed }
    }

    public var title: String {
        get { storage.fields.title }
        _modify { yield &uniqueStorage().fields.title }
    }

    public var summary: [Inline] {
        get { storage.fields.summary }
        _modify { yield &uniqueStorage().fields.summary }
    }

    public var authors: [Author] {
        get { storage.fields.authors }
        _modify { yield &uniqueStorage().fields.authors }
    }

    public var facts: Facts {
        get { storage.fields.facts }
        _modify { yield &uniqueStorage().fields.facts }
    }

    public var classification: Classification {
        get { storage.fields.classification }
        _modify { yield &uniqueStorage().fields.classification }
    }

    public var legalBasis: [LegalBasis] {
        get { storage.fields.legalBasis }
        _modify { yield &uniqueStorage().fields.legalBasis }
    }

    public var ingredients: [Ingredient] {
        get { storage.fields.ingredients }
        _modify { yield &uniqueStorage().fields.ingredients }
    }

    public var steps: [Step] {
        get { storage.fields.steps }
        _modify { yield &uniqueStorage().fields.steps }
    }

    public var tips: [[Block]] {
        get { storage.fields.tips }
        _modify { yield &uniqueStorage().fields.tips }
    }

    public var pitfalls: [[Block]] {
        get { storage.fields.pitfalls }
        _modify { yield &uniqueStorage().fields.pitfalls }
    }

    public var examples: [PracticeExample] {
        get { storage.fields.examples }
        _modify { yield &uniqueStorage().fields.examples }
    }

    public var related: [Relation] {
        get { storage.fields.related }
        _modify { yield &uniqueStorage().fields.related }
    }

    public var sources: [Source] {
        get { storage.fields.sources }
        _modify { yield &uniqueStorage().fields.sources }
    }

    /// Where the recipe's root element starts.
    public var location: SourceLocation {
        get { storage.fields.location }
        _modify { yield &uniqueStorage().fields.location }
    }

    public init(id: String, language: String = "de", status: Status, reviewed: CalendarDate? = nil,
                title: String, summary: [Inline], authors: [Author], facts: Facts,
                classification: Classification, legalBasis: [LegalBasis], ingredients: [Ingredient],
                steps: [Step], tips: [[Block]] = [], pitfalls: [[Block]] = [],
                examples: [PracticeExample] = [], related: [Relation] = [], sources: [Source] = [],
                location: SourceLocation) {
        storage = Storage(Fields(
            id: id, language: language, status: status, reviewed: reviewed, title: title, summary: summary,
            authors: authors, facts: facts, classification: classification, legalBasis: legalBasis,
            ingredients: ingredients, steps: steps, tips: tips, pitfalls: pitfalls, examples: examples,
            related: related, sources: sources, location: location))
    }

    public static func == (lhs: Recipe, rhs: Recipe) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }
}

/// An author of a recipe.
public struct Author: Sendable, Hashable {
    public var name: String
    public var organisation: String?

    public init(name: String, organisation: String? = nil) {
        self.name = name
        self.organisation = organisation
    }
}

/// A legal basis of the recipe, with an optional note on what it means for the project.
public struct LegalBasis: Sendable, Hashable {
    public var reference: LawReference
    public var note: [Inline]
    /// Whether and how the norm binds a municipality, as the author states it.
    public var municipalities: MunicipalApplicability?

    public init(reference: LawReference, note: [Inline] = [], municipalities: MunicipalApplicability? = nil) {
        self.reference = reference
        self.note = note
        self.municipalities = municipalities
    }
}

/// A prerequisite (Zutat).
public struct Ingredient: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case technical, organisational, legal, human
    }

    public var kind: Kind
    public var content: [Inline]

    public init(kind: Kind, content: [Inline]) {
        self.kind = kind
        self.content = content
    }
}

/// A step of the preparation (Zubereitung).
public struct Step: Sendable, Hashable {
    public var id: String
    public var title: String
    public var role: String?
    /// ISO 8601 duration as written, e.g. `P2M`.
    public var duration: String?
    public var body: [Block]
    public var location: SourceLocation

    public init(id: String, title: String, role: String? = nil, duration: String? = nil,
                body: [Block], location: SourceLocation) {
        self.id = id
        self.title = title
        self.role = role
        self.duration = duration
        self.body = body
        self.location = location
    }
}

/// A municipality's practice example.
public struct PracticeExample: Sendable, Hashable {
    public var municipality: String
    public var year: Int?
    public var href: String?
    public var body: [Block]

    public init(municipality: String, year: Int? = nil, href: String? = nil, body: [Block]) {
        self.municipality = municipality
        self.year = year
        self.href = href
        self.body = body
    }
}

/// A typed link to another recipe.
public struct Relation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case requires
        case buildsOn = "builds-on"
        case alternativeTo = "alternative-to"
        case seeAlso = "see-also"
    }

    public var recipe: String
    public var kind: Kind
    public var note: [Inline]
    public var location: SourceLocation

    public init(recipe: String, kind: Kind, note: [Inline] = [], location: SourceLocation) {
        self.recipe = recipe
        self.kind = kind
        self.note = note
        self.location = location
    }
}

/// A source the recipe relies on.
public struct Source: Sendable, Hashable {
    public var href: String?
    public var citation: [Inline]

    public init(href: String? = nil, citation: [Inline]) {
        self.href = href
        self.citation = citation
    }
}
