import Foundation
import KochbuchModel
import Testing
@testable import KochbuchText

/// The text edition written a batch of recipes at a time: the guide is exactly `renderBook`, each
/// recipe's file exactly `render`, every file written once, whatever the batch size.
@Suite struct TextEditionTests {
    static func written(_ renderer: TextRenderer, _ recipes: [Recipe]) throws -> [String: String] {
        let sink = CollectingSink()
        try renderer.writeEdition(recipes: recipes, guide: "guide.txt", recipePath: { "rezepte/\($0.id).txt" }, into: sink)
        let files = sink.files
        #expect(Set(files.map(\.path)).count == files.count, "each file written once")
        return Dictionary(files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) }, uniquingKeysWith: { first, _ in first })
    }

    @Test(arguments: [1, 7, 256])
    func theShippedBookInBatches(of size: Int) throws {
        let book = TextFixture.load(TextFixture.shippedBook)
        let recipes = BookTextTests.order(book) + book.recipes.filter { recipe in !BookTextTests.order(book).contains { $0.id == recipe.id } }
        #expect(recipes.count > 14, "more than two batches of seven")
        var renderer = TextRenderer(book: book)
        renderer.batchSize = size
        let files = try Self.written(renderer, recipes)
        #expect(files.count == recipes.count + 1)
        #expect(files["guide.txt"] == renderer.renderBook(recipes: recipes))
        for recipe in recipes { #expect(files["rezepte/\(recipe.id).txt"] == renderer.render(recipe), "\(recipe.id)") }
    }

    @Test func aSelectionHasItsOwnGuide() throws {
        let book = TextFixture.load(TextFixture.shippedBook)
        let selection = Array(BookTextTests.order(book).prefix(9))
        var renderer = TextRenderer(book: book)
        renderer.batchSize = 4
        let files = try Self.written(renderer, selection)
        #expect(files.count == selection.count + 1)
        #expect(files["guide.txt"] == renderer.renderBook(recipes: selection))
        for recipe in selection { #expect(files["rezepte/\(recipe.id).txt"] == renderer.render(recipe)) }
    }
}
