import Foundation
import Kochbuch
import KochbuchModel
import Testing

/// A recipe shares its fields between copies until one changes: it must still behave as a value.
@Suite struct RecipeValueTests {
    static let recipes = BuilderTests.recipes.path

    @Test func aChangedCopyLeavesTheOriginalAsItWas() throws {
        let book = BookLocation(path: Self.recipes).loader.load().book
        let original = try #require(book.recipes.first { $0.id == "e-akte" })
        var copy = original
        #expect(copy == original)
        #expect(copy.hashValue == original.hashValue)

        copy.title = "Geändert"
        copy.steps[0].title = "Erster Schritt, geändert"
        copy.steps.append(copy.steps[0])
        copy.classification.themenfelder.removeAll()
        #expect(original.title != "Geändert")
        #expect(original.steps[0].title != "Erster Schritt, geändert")
        #expect(copy.steps.count == original.steps.count + 1)
        #expect(!original.classification.themenfelder.isEmpty)
        #expect(copy != original)

        var list = [original, original]
        list[1].title = "Nur der zweite"
        #expect(list[0].title == original.title)
        #expect(list[1].title == "Nur der zweite")

        // Equal fields make equal recipes, also when they were made apart.
        let again = try #require(BookLocation(path: Self.recipes).loader.load().book.recipes.first { $0.id == "e-akte" })
        #expect(again == original)
        #expect(Set([again, original]).count == 1)
    }
}
