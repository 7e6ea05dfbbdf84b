import Foundation
import Kochbuch
import KochbuchLinking
import KochbuchModel
import Testing

/// Quality gates for the shipped cookbook in Recipes/: the editorial bar every published recipe
/// must clear, the coverage the book promises, and a connected link graph.
@Suite struct CookbookContentTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let loaded = BookLocation(path: repository.appendingPathComponent("Recipes").path).loader.load()
    static var book: Book { loaded.book }
    static let graph = LinkGraph(book: loaded.book)

    @Test func bookLoadsWithoutProblems() {
        #expect(Self.loaded.diagnostics.isEmpty, "\(Self.loaded.diagnostics)")
        #expect(Self.book.recipes.count >= 36)
    }

    @Test func strictValidationPasses() {
        let report = Validator(book: BookLocation(path: Self.repository.appendingPathComponent("Recipes").path), strict: true)
            .validate()
        #expect(report.passed, "\(report.diagnostics.map { "\($0.location.description) \($0.code) \($0.message)" })")
    }

    @Test func everyPublishedRecipeClearsTheBar() {
        for recipe in Self.book.recipes where recipe.status == .published {
            let otherRecipes = Set(recipe.related.map(\.recipe)).subtracting([recipe.id])
            #expect(recipe.steps.count >= 5, "\(recipe.id): \(recipe.steps.count) steps")
            #expect(!recipe.ingredients.isEmpty, "\(recipe.id): no ingredients")
            #expect(!recipe.pitfalls.isEmpty, "\(recipe.id): no pitfall")
            #expect(!recipe.legalBasis.isEmpty, "\(recipe.id): no law citation")
            #expect(otherRecipes.count >= 2, "\(recipe.id): links to \(otherRecipes.count) other recipes")
            #expect(recipe.steps.allSatisfy { !$0.body.isEmpty }, "\(recipe.id): a step without text")
        }
    }

    @Test func linkGraphHasNoIsland() {
        var neighbours: [String: Set<String>] = [:]
        for link in Self.graph.links where link.source != link.target {
            neighbours[link.source, default: []].insert(link.target)
            neighbours[link.target, default: []].insert(link.source)
        }
        let ids = Self.book.recipes.map(\.id)
        var reached: Set<String> = [ids[0]]
        var frontier = [ids[0]]
        while let next = frontier.popLast() {
            for neighbour in neighbours[next] ?? [] where reached.insert(neighbour).inserted { frontier.append(neighbour) }
        }
        #expect(Set(ids).subtracting(reached).isEmpty, "unreachable: \(Set(ids).subtracting(reached).sorted())")
    }

    @Test func theEightModelExamplesArePresent() {
        let examples = [
            "buergerportal-dueren": "Stadt Düren", "fahrerlaubnis-online-ortenaukreis": "Ortenaukreis",
            "bauen-planen-heidekreis": "Heidekreis", "steuerakte-guetersloh": "Gütersloh",
            "rechnungsbearbeitung-halle": "Halle (Saale)", "buergerhaushalt-norderstedt": "Norderstedt",
            "gehaltsmitteilungen-ibbenbueren": "Ibbenbüren",
        ]
        for (id, municipality) in examples {
            let recipe = Self.book.recipe(id)
            #expect(recipe?.status == .published, "\(id) missing or unpublished")
            #expect(recipe?.examples.contains { $0.municipality.contains(municipality) } == true, "\(id): no example from \(municipality)")
        }
        // The Kochbuch names no municipality for its eighth example, the universal process platform.
        let platform = Self.book.recipe("prozessplattform")
        #expect(platform?.status == .published)
        #expect(platform?.sources.contains { $0.citation.plainText.contains("Kochbuch für Praktiker") } == true)
    }

    @Test func coverageReachesTheBooksPromises() {
        let report = CoverageReport(book: Self.book, graph: Self.graph, today: CalendarDate("2026-12-02")!)
        #expect(report.themenfelderCovered == 14)
        #expect(report.recipeCount >= 60)
        let egovg = report.laws.first { $0.id == "egovg" }
        for section in ["1", "2", "3", "4", "4a", "5", "5a", "6", "6a", "7", "8", "9", "12", "12a", "13", "14", "15", "16"] {
            #expect(egovg?.sections.first { $0.number == section }?.recipes.isEmpty == false, "EGovG § \(section) uncited")
        }
        let ozg = report.laws.first { $0.id == "ozg" }
        for section in ["1a", "2", "3", "5", "6", "7", "8", "9", "9a", "12"] {
            #expect(ozg?.sections.first { $0.number == section }?.recipes.isEmpty == false, "OZG § \(section) uncited")
        }
        #expect(report.laws.first { $0.id == "bitv-2.0" }?.sections.first { $0.number == "7" }?.recipes.isEmpty == false)
        #expect(report.unlinked.isEmpty)
        #expect(report.drafts.isEmpty)
    }
}
