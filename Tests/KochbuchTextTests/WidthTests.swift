import Foundation
import KochbuchModel
import KochbuchText
import Testing

/// No line is longer than the width, unless it holds a single word longer than the width (a URL):
/// for the fixture and for all recipes of the shipped book, on their own and as one book.
@Suite struct WidthTests {
    /// The lines longer than the width that are not one over-long word (after an indent or a marker like "[3]").
    static func overlong(_ text: String, width: Int) -> [String] {
        text.components(separatedBy: "\n").filter { line in
            guard line.count > width else { return false }
            let words = line.split(separator: " ")
            return !(words.count <= 2 && (words.last?.count ?? 0) > width && words.dropLast().allSatisfy { $0.count <= 5 })
        }
    }

    @Test(arguments: [20, 30, 40, 78, 100])
    func everythingRecipeKeepsToTheWidth(width: Int) throws {
        let (book, recipe) = try TextFixture.mini()
        let renderer = TextRenderer(book: book, width: width)
        #expect(Self.overlong(renderer.render(recipe), width: width) == [])
        #expect(Self.overlong(renderer.renderBook(recipes: book.recipes), width: width) == [])
    }

    @Test func shippedBookKeepsToTheWidth() throws {
        let book = TextFixture.load(TextFixture.shippedBook)
        #expect(book.recipes.count >= 60)
        let order = (book.manifest?.chapters ?? []).flatMap(\.recipes).compactMap { book.recipe($0.id) }
        #expect(order.count == book.recipes.count)
        for width in [40, 78, 100] {
            let renderer = TextRenderer(book: book, width: width)
            for recipe in book.recipes {
                let text = renderer.render(recipe)
                #expect(Self.overlong(text, width: width) == [], "\(recipe.id) at width \(width)")
                #expect(!text.contains("<") && !text.contains("&amp;") && !text.contains("&lt;"), "\(recipe.id)")
            }
            let whole = renderer.renderBook(recipes: order)
            #expect(Self.overlong(whole, width: width) == [], "the book at width \(width)")
        }
    }

    @Test func overlongWordsStandAlone() throws {
        let (book, recipe) = try TextFixture.mini()
        let text = TextRenderer(book: book, width: 40).render(recipe)
        // The one word longer than 40 characters is the source's URL, on a line of its own.
        #expect(text.components(separatedBy: "\n").filter { $0.count > 40 } == ["     https://www.gesetze-im-internet.de/egovg/"])
    }
}
