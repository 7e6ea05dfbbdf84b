import KochbuchModel

/// Who links to, relates to and cites whom: the book's cross-references as a graph.
/// Built once from a book; used for backlinks, orphan detection and law coverage.
public struct LinkGraph: Sendable {
    /// A link from one recipe to another.
    public struct Link: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// A `<relation>` of the given kind.
            case relation(Relation.Kind)
            /// An inline `<xref>`, optionally to a step.
            case crossReference(step: String?)
        }

        public var source: String
        public var target: String
        public var kind: Kind
        public var location: SourceLocation
    }

    /// A recipe citing a law, in its legal basis or inline.
    public struct Citation: Sendable, Hashable {
        public var recipe: String
        public var reference: LawReference
        public var isLegalBasis: Bool
    }

    /// A recipe using a glossary term.
    public struct TermUse: Sendable, Hashable {
        public var recipe: String
        public var reference: TermReference
    }

    public private(set) var links: [Link] = []
    public private(set) var citations: [Citation] = []
    public private(set) var termUses: [TermUse] = []
    public private(set) var figures: [(recipe: String, figure: Figure)] = []
    public private(set) var externalLinks: [(recipe: String, link: ExternalLink)] = []
    private var incoming: [String: [Link]] = [:]
    private var outgoing: [String: [Link]] = [:]

    public init(book: Book) {
        for part in Parallel.map(book.recipes, chunk: 64, Self.part) {
            links += part.links
            citations += part.citations
            termUses += part.termUses
            figures += part.figures
            externalLinks += part.externalLinks
        }
        for link in links {
            incoming[link.target, default: []].append(link)
            outgoing[link.source, default: []].append(link)
        }
    }

    /// What one recipe adds to the graph.
    private struct Part {
        var links: [Link] = []
        var citations: [Citation] = []
        var termUses: [TermUse] = []
        var figures: [(recipe: String, figure: Figure)] = []
        var externalLinks: [(recipe: String, link: ExternalLink)] = []
    }

    private static func part(_ recipe: Recipe) -> Part {
        var links: [Link] = []
        var citations: [Citation] = []
        for relation in recipe.related {
            links.append(Link(source: recipe.id, target: relation.recipe, kind: .relation(relation.kind),
                              location: relation.location))
        }
        for basis in recipe.legalBasis {
            citations.append(Citation(recipe: recipe.id, reference: basis.reference, isLegalBasis: true))
        }
        var found: [Link] = []
        var cited: [Citation] = []
        var terms: [TermUse] = []
        var images: [(String, Figure)] = []
        var external: [(String, ExternalLink)] = []
        let walker = ContentWalker(visitInline: { inline in
            switch inline {
            case .crossReference(let reference):
                found.append(Link(source: recipe.id, target: reference.recipe ?? recipe.id,
                                  kind: .crossReference(step: reference.step), location: reference.location))
            case .citation(let reference, _):
                cited.append(Citation(recipe: recipe.id, reference: reference, isLegalBasis: false))
            case .term(let term):
                terms.append(TermUse(recipe: recipe.id, reference: term))
            case .link(let link):
                external.append((recipe.id, link))
            default:
                break
            }
        }, visitBlock: { block in
            if case .figure(let figure) = block { images.append((recipe.id, figure)) }
        })
        walker.walk(recipe)
        return Part(links: links + found, citations: citations + cited, termUses: terms,
                    figures: images.map { (recipe: $0.0, figure: $0.1) },
                    externalLinks: external.map { (recipe: $0.0, link: $0.1) })
    }

    /// Links from other recipes to this one ("Verweist hierher").
    public func backlinks(to recipe: String) -> [Link] {
        (incoming[recipe] ?? []).filter { $0.source != recipe }
    }

    /// Links from this recipe to others.
    public func links(from recipe: String) -> [Link] {
        (outgoing[recipe] ?? []).filter { $0.target != recipe }
    }

    /// The recipes citing a law, or one section of it, sorted by id.
    public func recipes(citing law: String, section: String? = nil) -> [String] {
        Set(citations.filter { $0.reference.law == law && (section == nil || $0.reference.section == section) }
            .map(\.recipe)).sorted()
    }
}
