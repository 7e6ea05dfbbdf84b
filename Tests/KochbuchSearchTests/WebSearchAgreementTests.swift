import Foundation
import Kochbuch
import KochbuchSearch
import Testing

/// The website's search.js and the CLI read words the same way: every word of the corpus gets
/// the same canonical term from the Swift side (libstemmer) and from the JavaScript port.
@Suite struct WebSearchAgreementTests {
    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func javascriptAndSwiftAgreeOnEveryCorpusWord() throws {
        let node = try #require(Self.node, "node is missing: run 'make setup'")
        var words: Set<String> = []
        let recipes = SearchFixture.repository.appendingPathComponent("Recipes")
        for name in try FileManager.default.contentsOfDirectory(atPath: recipes.path) where name.hasSuffix(".xml") {
            let text = try String(contentsOf: recipes.appendingPathComponent(name), encoding: .utf8)
            for token in GermanText.tokens(text) { words.insert(String(token)) }
        }
        words.formUnion(["Bürgerportal", "Buergerportal", "Straße", "Anträge", "Verwaltungen", "Quellen", "Café", "Čapek"])
        let list = words.sorted()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [SearchFixture.repository.appendingPathComponent("Tests/Tools/search-harness.js").path, "stem"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(list.joined(separator: "\n").utf8 + [10])); try? input.fileHandleForWriting.close() }
        writer.start()
        let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        process.waitUntilExit()
        let normalizer = TermNormalizer()
        var differences: [String] = []
        for (index, word) in list.enumerated() {
            let swift = normalizer.canonical(word)
            let javascript = index < lines.count ? String(lines[index]) : "<missing>"
            if swift != javascript { differences.append("\(word): swift \(swift), js \(javascript)") }
        }
        #expect(list.count > 3_000)
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }

    /// The browser sorts equal scores by the documents' numbers, which the index gives in the order
    /// of their folded titles: Swift must fold them exactly as search.js does (and the vocabulary's
    /// lengths count the same folded words).
    @Test func javascriptAndSwiftFoldTitlesAndWordsAlike() throws {
        let node = try #require(Self.node, "node is missing: run 'make setup'")
        let book = BookLocation(path: SearchFixture.repository.appendingPathComponent("Recipes").path).loader.load().book
        var lines = book.recipes.map(\.title) + book.recipes.flatMap { $0.steps.map(\.title) }
        for recipe in book.recipes { lines += GermanText.tokens(recipe.title + " " + recipe.steps.map(\.title).joined(separator: " ")).map(String.init) }
        lines += ["Straße – Café „Äquator“", "Quelle queue QUEUE", "Øre Ærø FIle İstanbul", "Čapek Dvořák ŁÓDŹ", "Ⅻ ½ ²", "e\u{301}tude",
                  "Ǆemal ǅ", "Buergeramt Aeoe"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [SearchFixture.repository.appendingPathComponent("Tests/Tools/search-harness.js").path, "fold"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let text = Data((lines.joined(separator: "\n") + "\n").utf8)
        let writer = Thread { input.fileHandleForWriting.write(text); try? input.fileHandleForWriting.close() }
        writer.start()
        let folded = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        process.waitUntilExit()
        var differences: [String] = []
        for (index, line) in lines.enumerated() {
            let javascript = index < folded.count ? String(folded[index]) : "<missing>"
            if WebSearchIndex.browserFold(line) != javascript { differences.append("\(line): swift \(WebSearchIndex.browserFold(line)), js \(javascript)") }
        }
        #expect(lines.count > 500)
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }
}
