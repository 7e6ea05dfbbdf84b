/// A law or regulation in one version, with the text of every section.
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
    public var version: String
    public var source: String
    public var preamble: [LawText]
    public var sections: [LawSection]
    public var annexes: [LawAnnex]
    public var location: SourceLocation

    public init(id: String, abbreviation: String, title: String, status: Status = .inForce,
                enacted: CalendarDate? = nil, supersedes: String? = nil, version: String, source: String,
                preamble: [LawText] = [], sections: [LawSection], annexes: [LawAnnex] = [],
                location: SourceLocation) {
        self.id = id
        self.abbreviation = abbreviation
        self.title = title
        self.status = status
        self.enacted = enacted
        self.supersedes = supersedes
        self.version = version
        self.source = source
        self.preamble = preamble
        self.sections = sections
        self.annexes = annexes
        self.location = location
    }

    /// The section with this number (`"4a"`), if the law has it.
    public func section(_ number: String) -> LawSection? {
        sections.first { $0.number == number }
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
