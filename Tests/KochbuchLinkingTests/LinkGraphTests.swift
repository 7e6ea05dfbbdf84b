import Foundation
import Kochbuch
import KochbuchLinking
import KochbuchModel
import Testing

@Suite struct LinkGraphTests {
    static let recipes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Recipes")

    private func graph() throws -> (Book, LinkGraph) {
        let loaded = BookLocation(path: Self.recipes.path).loader.load()
        #expect(loaded.diagnostics.isEmpty)
        return (loaded.book, LinkGraph(book: loaded.book))
    }

    @Test func backlinksAreTheInverseOfLinks() throws {
        let (book, graph) = try graph()
        for recipe in book.recipes {
            for link in graph.links(from: recipe.id) {
                #expect(graph.backlinks(to: link.target).contains(link), "\(link.source) → \(link.target)")
            }
        }
        #expect(!graph.backlinks(to: "e-akte").isEmpty)
        #expect(graph.backlinks(to: "e-akte").allSatisfy { $0.target == "e-akte" && $0.source != "e-akte" })
    }

    @Test func collectsRelationsWithTheirKind() throws {
        let (book, graph) = try graph()
        let recipe = try #require(book.recipe("ersetzendes-scannen"))
        let relations = graph.links(from: recipe.id).filter { if case .relation = $0.kind { true } else { false } }
        #expect(relations.count == recipe.related.filter { $0.recipe != recipe.id }.count)
    }

    @Test func indexesCitationsBySection() throws {
        let (_, graph) = try graph()
        #expect(graph.recipes(citing: "egovg", section: "6").contains("e-akte"))
        #expect(graph.recipes(citing: "egovg", section: "7").contains("ersetzendes-scannen"))
        #expect(graph.recipes(citing: "egovg", section: "99").isEmpty)
        #expect(Set(graph.recipes(citing: "egovg")).isSuperset(of: graph.recipes(citing: "egovg", section: "6")))
    }

    /// The index by law answers as a scan of every citation does, for every law and section cited.
    @Test func citingRecipesAreThoseOfEveryCitation() throws {
        let (_, graph) = try graph()
        let cited = Set(graph.citations.map { [$0.reference.law, $0.reference.section ?? ""] })
        #expect(cited.count > 10)
        for key in cited {
            let (law, section) = (key[0], key[1].isEmpty ? nil : key[1])
            let scanned = Set(graph.citations.filter { $0.reference.law == law && (section == nil || $0.reference.section == section) }
                .map(\.recipe)).sorted()
            #expect(graph.recipes(citing: law, section: section) == scanned, "\(law) \(section ?? "")")
            #expect(graph.recipes(citing: law) == Set(graph.citations.filter { $0.reference.law == law }.map(\.recipe)).sorted())
        }
    }

    @Test func findsFiguresAndTerms() throws {
        let (_, graph) = try graph()
        #expect(graph.figures.contains { $0.figure.source == "images/rechnungsworkflow.svg" })
        #expect(graph.termUses.contains { $0.reference.id == "e-akte" })
    }
}
