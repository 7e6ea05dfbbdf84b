import Foundation
import KochbuchModel
import KochbuchText
import Testing

@Suite struct ScratchDump {
    @Test func dump() throws {
        let mini = TextFixture.load(TextFixture.miniBook)
        let miniOrdered = ["everything", "e-akte", "scannen"].compactMap { mini.recipe($0) }
        try TextRenderer(book: mini, width: 78).renderBook(recipes: miniOrdered).write(toFile: "/tmp/kt/mini-book.txt", atomically: true, encoding: .utf8)
        try TextRenderer(book: mini, width: 40).render(mini.recipe("everything")!).write(toFile: "/tmp/kt/everything-40.txt", atomically: true, encoding: .utf8)
        let book = TextFixture.load(TextFixture.shippedBook)
        let order = (book.manifest?.chapters ?? []).flatMap(\.recipes).compactMap { book.recipe($0.id) }
        for width in [40, 78, 100] {
            try TextRenderer(book: book, width: width).renderBook(recipes: order).write(toFile: "/tmp/kt/book-\(width).txt", atomically: true, encoding: .utf8)
        }
    }
}
