import Foundation
import KochbuchModel
import KochbuchText
import Testing

/// The everything recipe at width 78, compared with Fixtures/everything.txt. Run with
/// KOCHBUCH_RECORD=1 to write the file anew after an intended change, then read it.
@Suite struct GoldenFileTests {
    @Test func everythingRecipeMatchesTheGoldenFile() throws {
        let (book, recipe) = try TextFixture.mini()
        let text = TextRenderer(book: book, width: 78).render(recipe)
        let golden = TextFixture.sourceFixtures.appendingPathComponent("everything.txt")
        if ProcessInfo.processInfo.environment["KOCHBUCH_RECORD"] == "1" {
            try Data(text.utf8).write(to: golden)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(text == expected, "differs from everything.txt; run with KOCHBUCH_RECORD=1 to re-record")
        if text != expected {
            let actualLines = text.components(separatedBy: "\n")
            let expectedLines = expected.components(separatedBy: "\n")
            if let index = zip(actualLines, expectedLines).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                Issue.record("first difference in line \(index + 1):\n  got:      \(actualLines[index])\n  expected: \(expectedLines[index])")
            }
        }
    }
}
