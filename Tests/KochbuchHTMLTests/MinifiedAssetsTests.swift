import Foundation
import Kochbuch
import KochbuchHTML
import KochbuchModel
import KochbuchSearch
import Testing

/// The site publishes search.js and style.css minified (esbuild) from their readable sources:
/// the committed copies are exactly what `make assets` makes of the sources, and the minified
/// search ranks exactly as its source does.
@Suite struct MinifiedAssetsTests {
    static let repository = SiteValidationTests.repository
    static let names = ["search.js", "style.css"]

    /// Runs a program; returns its exit status and what it printed.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    input: String = "") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = stdin
        try process.run()
        let writer = Thread { stdin.fileHandleForWriting.write(Data(input.utf8)); try? stdin.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// What scripts/minify-assets.sh makes of `sources` (the readable sources when nil), by name.
    static func minified(sources: URL? = nil) throws -> [String: Data] {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-assets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let made = try run(repository.appendingPathComponent("scripts/minify-assets.sh").path, [out.path],
                           environment: sources.map { ["KOCHBUCH_ASSET_SOURCES": $0.path] } ?? [:])
        try #require(made.status == 0, "scripts/minify-assets.sh: \(made.output)")
        return try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: out.appendingPathComponent($0))) })
    }

    static func committed(_ name: String) throws -> Data {
        try Data(contentsOf: HTMLSite.resources.appendingPathComponent("assets/\(name)"))
    }

    @Test func theCommittedCopiesAreWhatMakeAssetsMakes() throws {
        let made = try Self.minified()
        for name in Self.names {
            let source = try Data(contentsOf: Self.repository.appendingPathComponent("Sources/KochbuchHTML/AssetSources/\(name)"))
            #expect(try Self.committed(name) == made[name], "Resources/assets/\(name) is not its minified source: run 'make assets' and commit it")
            #expect(made[name]!.count * 10 < source.count * 7, "\(name): \(made[name]!.count) of \(source.count) bytes")
        }
    }

    /// The negative control: a changed source makes a copy other than the committed one.
    @Test func aChangedSourceIsNoticed() throws {
        let sources = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-asset-sources-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: sources) }
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Sources/KochbuchHTML/AssetSources"), to: sources)
        let script = sources.appendingPathComponent("search.js")
        try (String(contentsOf: script, encoding: .utf8) + "\nvar kochbuchChanged = 1;\n").write(to: script, atomically: true, encoding: .utf8)
        let css = sources.appendingPathComponent("style.css")
        try (String(contentsOf: css, encoding: .utf8) + "\nmain { outline: 1px solid; }\n").write(to: css, atomically: true, encoding: .utf8)
        let made = try Self.minified(sources: sources)
        for name in Self.names { #expect(try Self.committed(name) != made[name], "\(name)") }
    }

    /// The published search.js and its source give the same results, scores and messages on the
    /// shipped book's index, for questions, operators, corrections and a query with no results.
    @Test func theMinifiedSearchAnswersAsItsSource() throws {
        let node = try #require(["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                "node is missing: run 'make setup'")
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-minified-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let book = BookLocation(path: SiteFixture.shippedBook.path).loader.load().book
        let sink = CollectingSink()
        try WebSearchIndex().write(recipes: book.recipes, book: book, graph: .init(book: book), url: { "rezepte/\($0).html" }, into: sink)
        for file in sink.files {
            let url = site.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
        let queries = ["Wie führe ich die E-Akte ein", "\"elektronische Akte\"", "Bau* -Hund", "§ 6a EGovG", "Bürgerprotal",
                       "Sperrmüll bestellen", "XRechnung Peppol", "Quxyzzy"].joined(separator: "\n") + "\n"
        let harness = Self.repository.appendingPathComponent("Tests/Tools/search-harness.js").path
        let source = try Self.run(node, [harness, "queries", site.path, "10"], input: queries)
        let minified = try Self.run(node, [harness, "queries", site.path, "10"],
                                    environment: ["KOCHBUCH_SEARCH_JS": HTMLSite.resources.appendingPathComponent("assets/search.js").path],
                                    input: queries)
        #expect(source.status == 0 && source.output.split(separator: "\n").count == 8, "\(source.output)")
        #expect(source.output.contains("\"ids\":[\""), "\(source.output)")
        #expect(minified.status == 0)
        #expect(minified.output == source.output)
        // The harness takes the script it is given: one that is not there fails.
        let missing = try Self.run(node, [harness, "queries", site.path, "10"],
                                   environment: ["KOCHBUCH_SEARCH_JS": site.appendingPathComponent("fehlt.js").path], input: queries)
        #expect(missing.status == 2, "\(missing.output)")
    }
}
