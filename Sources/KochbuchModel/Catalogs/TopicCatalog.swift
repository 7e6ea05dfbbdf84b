/// The OZG catalog's classification: Themenfelder with their Lebenslagen.
public struct TopicCatalog: Sendable, Hashable {
    public var themenfelder: [Themenfeld]
    public var source: String

    public init(themenfelder: [Themenfeld], source: String) {
        self.themenfelder = themenfelder
        self.source = source
    }

    /// All Lebenslagen of all Themenfelder.
    public var lebenslagen: [Lebenslage] { themenfelder.flatMap(\.lebenslagen) }
}

/// An OZG Themenfeld, e.g. "Bauen & Wohnen".
public struct Themenfeld: Sendable, Hashable {
    public var id: String
    public var number: Int
    public var name: String
    public var lebenslagen: [Lebenslage]

    public init(id: String, number: Int, name: String, lebenslagen: [Lebenslage]) {
        self.id = id
        self.number = number
        self.name = name
        self.lebenslagen = lebenslagen
    }
}

/// An OZG Lebenslage or Unternehmenslage, e.g. "Wohnen & Umzug".
public struct Lebenslage: Sendable, Hashable {
    public var id: String
    public var number: Int
    public var name: String
    public var themenfeld: String

    public init(id: String, number: Int, name: String, themenfeld: String) {
        self.id = id
        self.number = number
        self.name = name
        self.themenfeld = themenfeld
    }
}

/// An OZG-Leistung with its five-digit id.
public struct OZGLeistung: Sendable, Hashable {
    public var id: String
    public var name: String
    public var lebenslage: String

    public init(id: String, name: String, lebenslage: String) {
        self.id = id
        self.name = name
        self.lebenslage = lebenslage
    }
}

/// A service of the Leistungskatalog (LeiKa) with its 14-digit key.
public struct LeiKaLeistung: Sendable, Hashable {
    public var key: String
    public var name: String
    public var ozgID: String?

    public init(key: String, name: String, ozgID: String? = nil) {
        self.key = key
        self.name = name
        self.ozgID = ozgID
    }
}
