/// A recipe: how a municipality digitises one administrative service or capability.
public struct Recipe: Sendable, Hashable {
    /// Editorial state of a recipe.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case draft, review, published
    }

    public var id: String
    public var language: String
    public var status: Status
    public var reviewed: CalendarDate?
    public var title: String
    public var summary: [Inline]
    public var authors: [Author]
    public var facts: Facts
    public var classification: Classification
    public var legalBasis: [LegalBasis]
    public var ingredients: [Ingredient]
    public var steps: [Step]
    public var tips: [[Block]]
    public var pitfalls: [[Block]]
    public var examples: [PracticeExample]
    public var related: [Relation]
    public var sources: [Source]
    /// Where the recipe's root element starts.
    public var location: SourceLocation

    public init(id: String, language: String = "de", status: Status, reviewed: CalendarDate? = nil,
                title: String, summary: [Inline], authors: [Author], facts: Facts,
                classification: Classification, legalBasis: [LegalBasis], ingredients: [Ingredient],
                steps: [Step], tips: [[Block]] = [], pitfalls: [[Block]] = [],
                examples: [PracticeExample] = [], related: [Relation] = [], sources: [Source] = [],
                location: SourceLocation) {
        self.id = id
        self.language = language
        self.status = status
        self.reviewed = reviewed
        self.title = title
        self.summary = summary
        self.authors = authors
        self.facts = facts
        self.classification = classification
        self.legalBasis = legalBasis
        self.ingredients = ingredients
        self.steps = steps
        self.tips = tips
        self.pitfalls = pitfalls
        self.examples = examples
        self.related = related
        self.sources = sources
        self.location = location
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

    public init(reference: LawReference, note: [Inline] = []) {
        self.reference = reference
        self.note = note
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
