/// A law or regulation with its history of versions (Fassungen).
///
/// The fields `version` … `annexes` are those of one version, the one the book is read with
/// (its Rechtsstand: by default the version in force today, see `selectingVersion(inForceOn:)`);
/// `versions` keeps them all, oldest first. A catalog entry without text (a Land law known by name
/// and address only) has no versions.
public struct Law: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case inForce = "in-force"
        case draft
    }

    /// The id recipes cite it by, e.g. `egovg`.
    public var id: String
    /// The official abbreviation, e.g. `EGovG`.
    public var abbreviation: String
    public var title: String
    public var status: Status
    public var enacted: CalendarDate?
    /// For drafts: the id of the law this text amends.
    public var supersedes: String?
    /// The Land whose law this is (`nw`, `by`, …); nil for federal law.
    public var jurisdiction: String?
    /// The official address of the law text.
    public var address: String?
    /// The most a municipality can be bound by this law (the EGovG: only when executing federal law).
    public var municipalities: MunicipalApplicability?
    /// The note on the selected version, e.g. its last change.
    public var version: String
    public var source: String
    public var preamble: [LawText]
    public var sections: [LawSection]
    public var annexes: [LawAnnex]
    /// Every version of the text, oldest first.
    public var versions: [LawVersion]
    /// The index in `versions` of the version the fields above show; nil when none was in force.
    public var selectedVersion: Int?
    public var location: SourceLocation

    public init(id: String, abbreviation: String, title: String, status: Status = .inForce,
                enacted: CalendarDate? = nil, supersedes: String? = nil, version: String, source: String,
                preamble: [LawText] = [], sections: [LawSection], annexes: [LawAnnex] = [],
                location: SourceLocation) {
        self.init(id: id, abbreviation: abbreviation, title: title, status: status, enacted: enacted,
                  supersedes: supersedes,
                  versions: [LawVersion(date: enacted ?? CalendarDate(year: 1949, month: 5, day: 23), note: version,
                                        source: source, preamble: preamble, sections: sections, annexes: annexes,
                                        location: location)],
                  location: location)
    }

    /// A law with its whole history; shows the latest version until another is selected.
    public init(id: String, abbreviation: String, title: String, status: Status = .inForce,
                enacted: CalendarDate? = nil, supersedes: String? = nil, jurisdiction: String? = nil,
                address: String? = nil, municipalities: MunicipalApplicability? = nil, source: String = "",
                versions: [LawVersion], location: SourceLocation) {
        self.id = id
        self.abbreviation = abbreviation
        self.title = title
        self.status = status
        self.enacted = enacted
        self.supersedes = supersedes
        self.jurisdiction = jurisdiction
        self.address = address
        self.municipalities = municipalities
        self.version = ""
        self.source = source
        self.preamble = []
        self.sections = []
        self.annexes = []
        self.versions = versions
        self.selectedVersion = nil
        self.location = location
        select(versions.indices.last)
    }

    /// Whether the catalog holds the law's text (not only its name and address).
    public var hasText: Bool { !versions.isEmpty }

    /// The version the book is read with.
    public var current: LawVersion? { selectedVersion.map { versions[$0] } }

    /// The section with this number (`"4a"`) in the selected version, if it has it.
    public func section(_ number: String) -> LawSection? {
        sections.first { $0.number == number }
    }

    /// The index of the version in force on `date`: the latest dated on or before it. A draft never
    /// comes into force; its latest text is always shown.
    public func versionIndex(inForceOn date: CalendarDate) -> Int? {
        if status == .draft { return versions.indices.last }
        return versions.lastIndex { $0.date <= date }
    }

    /// This law as it stood on `date`.
    public func selectingVersion(inForceOn date: CalendarDate) -> Law {
        var law = self
        law.select(versionIndex(inForceOn: date))
        return law
    }

    private mutating func select(_ index: Int?) {
        selectedVersion = index
        guard let index else {
            (preamble, sections, annexes) = ([], [], [])
            version = ""
            return
        }
        let chosen = versions[index]
        version = chosen.note
        if !chosen.source.isEmpty { source = chosen.source }
        preamble = chosen.preamble
        sections = chosen.sections
        annexes = chosen.annexes
    }
}

/// How a norm binds a Gemeinde, Stadt or Landkreis.
public enum MunicipalApplicability: String, Sendable, Hashable, CaseIterable {
    /// Bound directly.
    case direct
    /// Bound only when executing federal law (the EGovG, § 1 Abs. 2).
    case federalLaw = "federal-law"
    /// Bound through Land law only.
    case landLaw = "land-law"
    /// Not addressed to municipalities.
    case none

    /// German wording for readers.
    public var germanDescription: String {
        switch self {
        case .direct: "bindet Kommunen unmittelbar"
        case .federalLaw: "bindet Kommunen nur, wenn sie Bundesrecht ausführen"
        case .landLaw: "bindet Kommunen erst durch Landesrecht"
        case .none: "richtet sich nicht an Kommunen"
        }
    }
}

/// One version (Fassung) of a law's text, with the date it took effect.
public struct LawVersion: Sendable, Hashable {
    /// The day this version took effect (or, where the source says so, was published or observed).
    public var date: CalendarDate
    /// What the version is, e.g. its last change.
    public var note: String
    /// Where the text came from.
    public var source: String
    public var preamble: [LawText]
    public var sections: [LawSection]
    public var annexes: [LawAnnex]
    /// Sections whose text now stands under another number, recorded when the version was imported.
    public var moves: [LawMove]
    /// Numbers of the sections carried over unchanged from the previous version.
    public var unchanged: Set<String>
    public var location: SourceLocation

    public init(date: CalendarDate, note: String, source: String, preamble: [LawText] = [], sections: [LawSection],
                annexes: [LawAnnex] = [], moves: [LawMove] = [], unchanged: Set<String> = [], location: SourceLocation) {
        self.date = date
        self.note = note
        self.source = source
        self.preamble = preamble
        self.sections = sections
        self.annexes = annexes
        self.moves = moves
        self.unchanged = unchanged
        self.location = location
    }

    /// The section with this number in this version.
    public func section(_ number: String) -> LawSection? {
        sections.first { $0.number == number }
    }
}

/// The text of section `from` of the previous version stands under `to` in this one.
public struct LawMove: Sendable, Hashable {
    public var from: String
    public var to: String
    /// How alike the two texts are (0…1), as measured at import.
    public var similarity: Double?

    public init(from: String, to: String, similarity: Double? = nil) {
        self.from = from
        self.to = to
        self.similarity = similarity
    }
}

/// A section (Paragraf) of a law.
public struct LawSection: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case inForce = "in-force"
        case repealed
        case pending
    }

    public var number: String
    public var title: String
    public var status: Status
    /// The heading of the division (Abschnitt) the section belongs to, if the law has divisions.
    public var division: String?
    public var text: [LawText]

    public init(number: String, title: String, status: Status = .inForce, division: String? = nil, text: [LawText]) {
        self.number = number
        self.title = title
        self.status = status
        self.division = division
        self.text = text
    }

    /// The numbers of the section's paragraphs (Absätze).
    public var paragraphNumbers: [String] {
        text.compactMap { if case .paragraph(let paragraph) = $0 { paragraph.number } else { nil } }
    }
}

/// A piece of law text: a paragraph (Absatz) or an intermediate heading.
public enum LawText: Sendable, Hashable {
    case heading(String)
    case paragraph(LawParagraph)
}

/// A paragraph (Absatz): sentences and enumerated items.
public struct LawParagraph: Sendable, Hashable {
    public var number: String?
    public var parts: [LawTextPart]

    public init(number: String? = nil, parts: [LawTextPart]) {
        self.number = number
        self.parts = parts
    }
}

/// Running text or an enumerated item inside a paragraph.
public indirect enum LawTextPart: Sendable, Hashable {
    case text(String)
    case item(label: String, parts: [LawTextPart])
}

/// An annex (Anlage) of a law.
public struct LawAnnex: Sendable, Hashable {
    public var title: String
    public var text: [LawText]

    public init(title: String, text: [LawText]) {
        self.title = title
        self.text = text
    }
}
