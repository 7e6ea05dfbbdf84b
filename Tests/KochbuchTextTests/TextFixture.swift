import Foundation
import Kochbuch
import KochbuchModel
import KochbuchText
import Testing

/// The books the tests render, and helpers to read the text back.
enum TextFixture {
    static var miniBook: URL { Bundle.module.url(forResource: "Fixtures/MiniBook", withExtension: nil)! }

    /// The source folder of this test target, for the golden file.
    static var sourceFixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// The shipped book in Recipes/.
    static var shippedBook: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Recipes")
    }

    static func load(_ directory: URL) -> Book {
        let loaded = BookLocation(path: directory.path).loader.load()
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics)")
        return loaded.book
    }

    static func mini() throws -> (book: Book, everything: Recipe) {
        let book = load(miniBook)
        return (book, try #require(book.recipe("everything")))
    }

    /// The lines under a heading (underlined with `rule`), up to the next heading of that kind.
    static func section(_ title: String, in text: String, rule: Character = "-") -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.indices.first(where: { index in
            lines[index] == title && index + 1 < lines.count && lines[index + 1] == String(repeating: rule, count: title.count)
        }) else { return [] }
        var result: [String] = []
        var index = start + 2
        while index < lines.count {
            if index + 1 < lines.count, !lines[index].isEmpty, lines[index + 1].count == lines[index].count,
               lines[index + 1].allSatisfy({ $0 == "-" || $0 == "=" }) { break }
            result.append(lines[index])
            index += 1
        }
        while result.first == "" { result.removeFirst() }
        // Drop the blank lines and the overline of a following heading.
        while let last = result.last, last.isEmpty || last.allSatisfy({ $0 == "=" || $0 == "#" }) { result.removeLast() }
        return result
    }

    /// The reference numbers "[n]" in a text, in order of appearance.
    static func referenceMarkers(_ text: String) -> [Int] {
        var numbers: [Int] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            let after = rest[rest.index(after: open)...]
            let digits = after.prefix { $0.isNumber }
            if !digits.isEmpty, after.dropFirst(digits.count).first == "]", let number = Int(digits) { numbers.append(number) }
            rest = after
        }
        return numbers
    }

    /// Text with reference markers removed and white space collapsed, for comparing prose modulo wrapping.
    static func prose(_ text: String, removing extra: [String] = []) -> String {
        var text = text
        for string in extra { text = text.replacingOccurrences(of: string, with: "") }
        text = text.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "", options: .regularExpression)
        return collapse(text)
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
