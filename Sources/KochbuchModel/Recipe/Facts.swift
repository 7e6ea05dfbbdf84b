/// Facts for the reader: effort, duration, cost, who it is for, the OZG maturity reached.
public struct Facts: Sendable, Hashable {
    public enum Difficulty: String, Sendable, Hashable, CaseIterable {
        case easy, medium, hard
    }

    public enum CostLevel: String, Sendable, Hashable, CaseIterable {
        case low, medium, high
    }

    public enum Scope: String, Sendable, Hashable, CaseIterable {
        case gemeinde, stadt, landkreis
    }

    public enum Audience: String, Sendable, Hashable, CaseIterable {
        case buerger, unternehmen, intern
    }

    public var difficulty: Difficulty
    /// Typical duration as ISO 8601 durations, e.g. `P3M` to `P12M`.
    public var durationMin: String
    public var durationMax: String?
    public var cost: CostLevel
    public var costNote: [Inline]
    public var scope: [Scope]
    public var audience: [Audience]
    /// OZG maturity level (Reifegrad) 0–4.
    public var maturity: Int

    public init(difficulty: Difficulty, durationMin: String, durationMax: String? = nil,
                cost: CostLevel, costNote: [Inline] = [], scope: [Scope], audience: [Audience], maturity: Int) {
        self.difficulty = difficulty
        self.durationMin = durationMin
        self.durationMax = durationMax
        self.cost = cost
        self.costNote = costNote
        self.scope = scope
        self.audience = audience
        self.maturity = maturity
    }
}

/// Where the recipe sits in the OZG catalog.
public struct Classification: Sendable, Hashable {
    public var themenfelder: [CatalogReference]
    public var lebenslagen: [CatalogReference]
    public var ozgLeistungen: [CatalogReference]
    public var leikaKeys: [CatalogReference]

    public init(themenfelder: [CatalogReference] = [], lebenslagen: [CatalogReference] = [],
                ozgLeistungen: [CatalogReference] = [], leikaKeys: [CatalogReference] = []) {
        self.themenfelder = themenfelder
        self.lebenslagen = lebenslagen
        self.ozgLeistungen = ozgLeistungen
        self.leikaKeys = leikaKeys
    }
}

/// A reference to a catalog entry by its id, with the place it was written.
public struct CatalogReference: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
