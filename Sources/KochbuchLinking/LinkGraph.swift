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
    /// Positions in `links`, by target and by source.
    private var incoming: [String: [Int]] = [:]
    private var outgoing: [String: [Int]] = [:]
    /// Positions in `citations`, by citing recipe.
    private var citing: [String: [Int]] = [:]
    /// Positions in `citations`, by cited law.
    private var citedLaw: [String: [Int]] = [:]

    public init(book: Book) {
        let recipes = book.recipes
        let starts = Array(stride(from: 0, to: recipes.count, by: 64))
        let parts = Parallel.map(starts) { start in
            let collector = Collector()
            for recipe in recipes[start..<min(start + 64, recipes.count)] { Self.add(recipe, to: collector) }
            return collector.part
        }
        links.reserveCapacity(parts.reduce(0) { $0 + $1.links.count })
        citations.reserveCapacity(parts.reduce(0) { $0 + $1.citations.count })
        termUses.reserveCapacity(parts.reduce(0) { $0 + $1.termUses.count })
        for part in parts {
            links += part.links
            citations += part.citations
            termUses += part.termUses
            figures += part.figures
            externalLinks += part.externalLinks
        }
        for (index, link) in links.enumerated() {
            incoming[link.target, default: []].append(index)
            outgoing[link.source, default: []].append(index)
        }
        for (index, citation) in citations.enumerated() {
            citing[citation.recipe, default: []].append(index)
            citedLaw[citation.reference.law, default: []].append(index)
        }
    }

    /// The law citations of one recipe, legal basis first, in document order.
    public func citations(of recipe: String) -> [Citation] {
        (citing[recipe] ?? []).map { citations[$0] }
    }

    /// What some recipes add to the graph.
    private struct Part {
        var links: [Link] = []
        var citations: [Citation] = []
        var termUses: [TermUse] = []
        var figures: [(recipe: String, figure: Figure)] = []
        var externalLinks: [(recipe: String, link: ExternalLink)] = []
    }

    /// Collects what recipes add, for the content walker's closures.
    private final class Collector {
        var part = Part()
    }

    private static func add(_ recipe: Recipe, to collector: Collector) {
        let id = recipe.id
        for relation in recipe.related {
            collector.part.links.append(Link(source: id, target: relation.recipe, kind: .relation(relation.kind),
                                             location: relation.location))
        }
        for basis in recipe.legalBasis {
            collector.part.citations.append(Citation(recipe: id, reference: basis.reference, isLegalBasis: true))
        }
        let walker = ContentWalker(visitInline: { inline in
            switch inline {
            case .crossReference(let reference):
                collector.part.links.append(Link(source: id, target: reference.recipe ?? id,
                                                 kind: .crossReference(step: reference.step), location: reference.location))
            case .citation(let reference, _):
                collector.part.citations.append(Citation(recipe: id, reference: reference, isLegalBasis: false))
            case .term(let term):
                collector.part.termUses.append(TermUse(recipe: id, reference: term))
            case .link(let link):
                collector.part.externalLinks.append((recipe: id, link: link))
            default:
                break
            }
        }, visitBlock: { block in
            if case .figure(let figure) = block { collector.part.figures.append((recipe: id, figure: figure)) }
        })
        walker.walk(recipe)
    }

    /// Links from other recipes to this one ("Verweist hierher").
    public func backlinks(to recipe: String) -> [Link] {
        (incoming[recipe] ?? []).map { links[$0] }.filter { $0.source != recipe }
    }

    /// Whether another recipe links to this one.
    public func hasBacklinks(to recipe: String) -> Bool {
        incoming[recipe]?.contains { links[$0].source != recipe } ?? false
    }

    /// Links from this recipe to others.
    public func links(from recipe: String) -> [Link] {
        (outgoing[recipe] ?? []).map { links[$0] }.filter { $0.target != recipe }
    }

    /// The recipes citing a law, or one section of it, sorted by id.
    public func recipes(citing law: String, section: String? = nil) -> [String] {
        Set((citedLaw[law] ?? []).lazy.map { citations[$0] }.filter { section == nil || $0.reference.section == section }
            .map(\.recipe)).sorted()
    }
}
