import Foundation
import Kochbuch
@testable import KochbuchSearch
import Testing

/// The sort key stored with each recipe is its folded title, and equal scores order by it.
@Suite struct SortKeyTests {
    @Test func theStoredSortKeyIsTheFoldedTitle() throws {
        let index = try sharedFixture.store.open().0
        let rows = try index.database.query("SELECT title, sortkey FROM recipes")
        #expect(!rows.isEmpty)
        for row in rows { #expect(row[1].text == GermanText.fold(row[0].text), "\(row[0].text)") }
    }

    @Test func aListIsOrderedByFoldedTitle() throws {
        let hits = try sharedFixture.library.list()
        #expect(hits.count > 1)
        let keys = hits.map { GermanText.fold($0.title) }
        #expect(keys == keys.sorted())
    }

    @Test func theBestRecipesAreTheFirstOfTheFullOrder() throws {
        let index = try sharedFixture.store.open().0
        let all = try index.search("Antrag", limit: Int.max)
        #expect(all.hits.count > 3)
        for limit in [1, 2, 3, all.hits.count - 1] {
            let some = try index.search("Antrag", limit: limit)
            #expect(some.hits.map(\.id) == Array(all.hits.prefix(limit).map(\.id)))
            #expect(some.total == all.total)
        }
    }
}
