import Foundation
import Kochbuch
import KochbuchModel
import Testing

/// A German spell check over the prose of every recipe and the glossary, with Debian's hunspell
/// and the project word list `Recipes/wortliste.txt` for terms like BundID or XRechnung
/// (one word form per line, sorted; add a form only after checking it is spelt right).
@Suite struct SpellingTests {
    static let hunspell = ["/usr/bin/hunspell", "/usr/local/bin/hunspell"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let wordList = CookbookContentTests.repository.appendingPathComponent("Recipes/wortliste.txt")

    /// Misspelt words in `text`, as hunspell reports them.
    static func misspelt(_ text: String) throws -> [String] {
        let hunspell = try #require(hunspell, "hunspell is missing: run 'make setup' (apt-get install hunspell hunspell-de-de)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: hunspell)
        process.arguments = ["-d", "de_DE", "-p", wordList.path, "-l", "-i", "UTF-8"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(text.utf8)); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // Suspended compound parts ("An-, Um- und Abmeldung", "TR-03138") cannot be checked alone.
        return String(decoding: data, as: UTF8.self).split(separator: "\n")
            .map { String($0.hasSuffix(".") ? $0.dropLast() : $0) }
            .filter { !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

    @Test func theCheckerFindsARealTypo() throws {
        #expect(try Self.misspelt("Die Verwaltung digitalisiert ihre Akten.").isEmpty)
        #expect(try Self.misspelt("Die Verwlatung digitalisiert ihre Aktten.") == ["Verwlatung", "Aktten"])
    }

    @Test func recipesAndGlossaryHaveNoUnlistedWords() throws {
        var problems: [String] = []
        for recipe in CookbookContentTests.book.recipes {
            let words = try Self.misspelt(ReadableText.of(recipe).joined(separator: "\n"))
            if !words.isEmpty { problems.append("\(recipe.id): \(Array(Set(words)).sorted().joined(separator: ", "))") }
        }
        for entry in CookbookContentTests.book.glossary ?? [] {
            let words = try Self.misspelt(ReadableText.of(entry).joined(separator: "\n"))
            if !words.isEmpty { problems.append("glossary \(entry.id): \(words.joined(separator: ", "))") }
        }
        #expect(problems.isEmpty, "fix the typo or add the word to Recipes/wortliste.txt:\n\(problems.joined(separator: "\n"))")
    }
}
