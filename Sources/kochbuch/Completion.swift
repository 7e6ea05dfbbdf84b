import ArgumentParser
import Foundation

/// What the shell completes (`kochbuch --generate-completion-script bash|zsh|fish`): recipe ids,
/// law ids and topics, read cheaply from the names of the book's files (the book of `--book`, or ./Recipes).
enum Completion {
    static let recipes = CompletionKind.custom { words, _, _ in ids(in: book(words), folder: nil) }
    static let laws = CompletionKind.custom { words, _, _ in ids(in: book(words), folder: "catalogs/laws") }
    static let topics = CompletionKind.custom { words, _, _ in topicIDs(in: book(words)) }
    static let statuses = CompletionKind.list(["draft", "review", "published"])

    private static func book(_ words: [String]) -> String {
        if let index = words.firstIndex(of: "--book"), index + 1 < words.count { return words[index + 1] }
        return "Recipes"
    }

    /// The ids of the XML files in the book (recipes: every folder but catalogs/ and schema/) or in one folder.
    private static func ids(in book: String, folder: String?) -> [String] {
        let root = URL(fileURLWithPath: book)
        let base = folder.map { root.appendingPathComponent($0) } ?? root
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var ids: [String] = []
        while let path = enumerator.nextObject() as? String {
            if folder == nil, path.hasPrefix("catalogs") || path.hasPrefix("schema") || path == "book.xml" { continue }
            if path.hasSuffix(".xml") { ids.append(String((path as NSString).lastPathComponent.dropLast(4))) }
        }
        return ids.sorted()
    }

    private static func topicIDs(in book: String) -> [String] {
        let file = URL(fileURLWithPath: book).appendingPathComponent("catalogs/topics.xml")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return Array(Set(text.matches(of: /\bid="([a-z0-9-]+)"/).map { String($0.output.1) })).sorted()
    }
}
