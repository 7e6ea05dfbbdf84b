/// Running text with markup.
public indirect enum Inline: Sendable, Hashable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case code(String)
    case link(ExternalLink)
    case crossReference(CrossReference)
    case citation(LawReference, [Inline])
    case term(TermReference)
    case abbreviation(text: String, title: String)
}

/// A link to an external address (http, https or mailto).
public struct ExternalLink: Sendable, Hashable {
    public var href: String
    public var content: [Inline]
    public var location: SourceLocation

    public init(href: String, content: [Inline], location: SourceLocation) {
        self.href = href
        self.content = content
        self.location = location
    }
}

/// A link to a recipe, or to a step of a recipe.
public struct CrossReference: Sendable, Hashable {
    /// The target recipe; `nil` means the recipe that contains the reference.
    public var recipe: String?
    public var step: String?
    public var content: [Inline]
    public var location: SourceLocation

    public init(recipe: String?, step: String?, content: [Inline], location: SourceLocation) {
        self.recipe = recipe
        self.step = step
        self.content = content
        self.location = location
    }
}

/// A reference to a glossary entry.
public struct TermReference: Sendable, Hashable {
    public var id: String
    public var content: [Inline]
    public var location: SourceLocation

    public init(id: String, content: [Inline], location: SourceLocation) {
        self.id = id
        self.content = content
        self.location = location
    }
}

/// A reference to a law, optionally to one section and one paragraph (Absatz).
public struct LawReference: Sendable, Hashable {
    public var law: String
    public var section: String?
    public var paragraph: String?
    /// A pinned version: the citation means the text in force on this day (`as-of`), not today's.
    public var asOf: CalendarDate?
    public var location: SourceLocation

    public init(law: String, section: String? = nil, paragraph: String? = nil, asOf: CalendarDate? = nil,
                location: SourceLocation) {
        self.law = law
        self.section = section
        self.paragraph = paragraph
        self.asOf = asOf
        self.location = location
    }
}

extension Array where Element == Inline {
    /// The text a reader sees, without markup.
    public var plainText: String {
        map { inline in
            switch inline {
            case .text(let text), .code(let text): text
            case .emphasis(let content), .strong(let content): content.plainText
            case .link(let link): link.content.plainText
            case .crossReference(let reference): reference.content.plainText
            case .citation(_, let content): content.plainText
            case .term(let term): term.content.plainText
            case .abbreviation(let text, _): text
            }
        }.joined()
    }

    /// The text a reader sees, with references that have no words of their own written out as the
    /// editions show them: `<cite law="egovg" section="6a"/>` as „§ 6a EGovG“, `<xref recipe="…"/>`
    /// as the recipe's title. For text that leaves the page: snippets, structured data, search.
    public func readerText(_ lookup: BookLookup, in recipe: String?) -> String {
        map { inline in
            switch inline {
            case .text(let text), .code(let text): text
            case .emphasis(let content), .strong(let content): content.readerText(lookup, in: recipe)
            case .link(let link): link.content.isEmpty ? link.href : link.content.readerText(lookup, in: recipe)
            case .crossReference(let reference):
                if !reference.content.isEmpty { reference.content.readerText(lookup, in: recipe) }
                else if let target = lookup.recipes[reference.recipe ?? recipe ?? ""] {
                    CrossReferenceLabel.text(recipeTitle: target.title,
                                             step: reference.step.flatMap { id in target.steps.firstIndex { $0.id == id }.map { ($0 + 1, target.steps[$0].title) } },
                                             local: target.id == recipe)
                } else { reference.recipe ?? "" }
            case .citation(let reference, let content):
                content.isEmpty ? reference.displayText(law: lookup.laws[reference.law]) : content.readerText(lookup, in: recipe)
            case .term(let term):
                term.content.isEmpty ? (lookup.glossary[term.id]?.term ?? term.id) : term.content.readerText(lookup, in: recipe)
            case .abbreviation(let text, _): text
            }
        }.joined()
    }
}
