import Foundation
import Kochbuch
import KochbuchAuthoring
import KochbuchLoading
import KochbuchModel
import Testing

/// The formatter over every XML file of the shipped book: lossless, idempotent, and the formatted book
/// still validates.
@Suite struct FormatterCorpusTests {
    @Test func theCorpusIsComplete() {
        // 40 recipes, book.xml, glossary, topics, OZG-Leistungen, LeiKa and 5 laws.
        #expect(FormatterSupport.corpus.count >= 50, "\(FormatterSupport.corpus)")
        #expect(FormatterSupport.corpus.contains("book.xml"))
        #expect(FormatterSupport.corpus.contains("catalogs/glossary.xml"))
        #expect(FormatterSupport.corpus.contains("catalogs/leika.xml"))
        #expect(FormatterSupport.corpus.contains { $0.hasPrefix("catalogs/laws/") })
    }

    @Test(arguments: FormatterSupport.corpus)
    func formattingIsLosslessAndIdempotent(_ file: String) throws {
        let source = try FormatterSupport.source(file)
        let formatter = RecipeFormatter()
        let once = try formatter.format(source)
        #expect(try RecipeFormatter.sameDocument(source, once), "\(file): formatting changed the document")
        let twice = try formatter.format(once)
        #expect(twice == once, "\(file): formatting is not idempotent")
        #expect(once.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        #expect(once.hasSuffix(">\n") && !once.hasSuffix("\n\n"))
        #expect(!once.contains("\t") && !once.contains("\r"))
        #expect(!once.split(separator: "\n", omittingEmptySubsequences: false).contains { $0.last == " " },
                "\(file): trailing spaces")
    }

    @Test(arguments: FormatterSupport.corpus.filter { !$0.hasPrefix("catalogs/") })
    func theCanonicalFormDoesNotDependOnTheLayout(_ file: String) throws {
        // Flatten the formatted file to a single line (every whitespace run containing a line break
        // becomes one space) and reverse every start tag's attributes: the canonical form is the same.
        let formatter = RecipeFormatter()
        let canonical = try formatter.format(try FormatterSupport.source(file))
        let flattened = canonical.replacing(/\n\s*/, with: " ")
            .replacing(/<([A-Za-z][\w.:-]*)((?:\s+[\w.:-]+="[^"]*")+)\s*(\/?)>/) { match in
                let attributes = match.output.2.matches(of: /[\w.:-]+="[^"]*"/).map { String($0.output) }
                return "<\(match.output.1) \(attributes.reversed().joined(separator: "  "))\(match.output.3)>"
            }
        #expect(flattened != canonical)
        #expect(try RecipeFormatter.sameDocument(flattened, canonical))
        #expect(try formatter.format(flattened) == canonical, "\(file)")
    }

    @Test func aNarrowWidthIsLosslessAndIdempotentToo() throws {
        let formatter = RecipeFormatter(width: 40)
        for file in FormatterSupport.corpus where !file.hasPrefix("catalogs/") {
            let source = try FormatterSupport.source(file)
            let once = try formatter.format(source)
            #expect(try RecipeFormatter.sameDocument(source, once), "\(file)")
            #expect(try formatter.format(once) == once, "\(file)")
        }
    }

    @Test func theFormattedBookStillValidates() throws {
        let folder = try FormatterSupport.temporaryFolder("fmt-book")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("Recipes")
        try FileManager.default.copyItem(at: FormatterSupport.recipes, to: copy)
        var changed = 0
        for file in FormatterSupport.corpus {
            let source = try FormatterSupport.source(file)
            let formatted = try RecipeFormatter().format(source)
            if formatted != source { changed += 1 }
            try formatted.write(to: copy.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        #expect(changed > 0)

        let loaded = BookLoader(directory: copy, displayPrefix: "Recipes").load()
        #expect(loaded.files.count == FormatterSupport.corpus.count)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.book.recipes.count >= 36)

        let report = Validator(book: BookLocation(path: copy.path), strict: true).validate()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map { "\($0.location.description) \($0.code) \($0.message)" })")
        #expect(report.passed)
        #expect(try Self.textEdition(of: FormatterSupport.recipes, in: folder, "vorher") == Self.textEdition(of: copy, in: folder, "nachher"),
                "the published text changed")
    }

    /// Every file of the text edition of a book, by path.
    static func textEdition(of book: URL, in folder: URL, _ name: String) throws -> [String: Data] {
        let output = folder.appendingPathComponent("out-\(name)")
        _ = try Builder(book: BookLocation(path: book.path), options: .init(editions: [.text], output: output),
                        today: CalendarDate("2026-12-02")!).build()
        let text = output.appendingPathComponent("text")
        var files: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: text.path) where name.hasSuffix(".txt") {
            files[name] = try Data(contentsOf: text.appendingPathComponent(name))
        }
        return files
    }

    /// Paragraphs made only of inline elements, with and without space between them: formatting
    /// them at any width leaves the published text of the recipe byte for byte as it was.
    @Test func inlineOnlyParagraphsKeepTheirPublishedText() throws {
        let folder = try FormatterSupport.temporaryFolder("fmt-inline")
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("Recipes")
        try FileManager.default.copyItem(at: FormatterSupport.repository.appendingPathComponent("Tests/KochbuchCheckingTests/Fixtures/MiniBook"), to: book)
        var random = FormatterPropertyTests.SplitMix(state: 7)
        let tags = ["strong", "em", "code"], words = ["E", "-Akte", "Bürger", "portal", "§", "6a"], gaps = ["", "", " ", "\n        "]
        var paragraphs = ["<p><strong>E</strong><em>-Akte</em></p>"]
        for _ in 0..<30 {
            var paragraph = "<p>"
            for index in 0..<Int.random(in: 2...7, using: &random) {
                if index > 0 { paragraph += gaps.randomElement(using: &random)! }
                let tag = tags.randomElement(using: &random)!
                paragraph += "<\(tag)>\(words.randomElement(using: &random)!)</\(tag)>"
            }
            paragraphs.append(paragraph + "</p>")
        }
        let recipe = book.appendingPathComponent("e-akte.xml")
        let source = try String(contentsOf: recipe, encoding: .utf8)
        let planted = source.replacingOccurrences(of: "<p>", with: paragraphs.joined(separator: "\n      ") + "\n      <p>", options: [], range: source.range(of: "<p>"))
        try planted.write(to: recipe, atomically: true, encoding: .utf8)
        let before = try Self.textEdition(of: book, in: folder, "vorher")
        #expect(String(decoding: before["rezepte/e-akte.txt"] ?? Data(), as: UTF8.self).contains("*E*_-Akte_"))
        for width in [100, 20] {
            try RecipeFormatter(width: width).format(planted).write(to: recipe, atomically: true, encoding: .utf8)
            #expect(try Self.textEdition(of: book, in: folder, "nach-\(width)") == before, "width \(width)")
        }
    }
}
