import Foundation
import Kochbuch
import KochbuchSearch
import Testing

/// The website's search on a generated book of 2,000 recipes (the benchmark's generator): it loads
/// only the index fragments a query needs, a bounded number of bytes, and ranks exactly as
/// `kochbuch search` does; in Node (the harness loads the fragments as the page does) and in headless
/// Chromium from file:// and over HTTP.
@Suite(.serialized) struct SearchScaleTests {
    static let repository = SiteValidationTests.repository
    static let count = 2_000

    /// A common word, a prefix, a compound, phrases in quotes, a citation.
    static let browserQueries = ["akte", "Bauan*", "Steuerakte", "\"elektronische Akte\"", "§ 6 EGovG"]
    /// What the harness compares with the command line (the benchmark's queries and more operators).
    static let harnessQueries = browserQueries + [
        "Antrag", "Anträge", "Bürgerportal", "Buergerportal", "Verwaltungen", "portal", "Bau*", "Daten*", "\"Online-Antrag\"",
        "Akte -Scan", "XRechnung Peppol", "OZG § 3", "Nutzerkonto BundID", "Datenschutz Folgenabschätzung", "Bürgerprotal",
        "Wie führe ich die E-Akte ein", "Welche Pflichten habe ich nach § 3 EGovG", "Sperrmüll bestellen",
        "\"die E-Akte einführen\"", "Portal -bau*", "Akte -§ 6 EGovG", "EGovG Akte", "Gewerbeanmeldung online", "xqzy",
    ]
    /// Bytes of index fragments (with the meta fragment) one of those queries may load at this size.
    static let fragmentLimit = 200_000
    /// Bytes the search page may load in all for one query: page, style sheet, scripts, fragments.
    static let pageLimitKilobytes = 300

    static var benchBinary: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("kochbuch-bench"),
            repository.appendingPathComponent(".build/debug/kochbuch-bench"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    static func run(_ executable: URL, _ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        let text = Data((input ?? "").utf8)
        let writer = Thread { stdin.fileHandleForWriting.write(text); try? stdin.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func aGeneratedBookIsSearchedFromFewFragmentsWithTheCommandLinesRanking() throws {
        let node = try #require(Self.node, "node is missing: run 'make setup'")
        try #require(FileManager.default.isExecutableFile(atPath: Self.benchBinary.path), "build the tools first: swift build")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-scale-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let book = root.appendingPathComponent("Recipes")
        let generated = try Self.run(Self.benchBinary, ["generate", "--count", String(Self.count), "--seed", "1", "--out", book.path,
                                                        "--source", Self.repository.appendingPathComponent("Recipes").path])
        try #require(generated.status == 0, "\(generated.output)")
        _ = try Builder(book: BookLocation(path: book.path), options: .init(editions: [.html], output: root.appendingPathComponent("out"))).build()
        let site = root.appendingPathComponent("out/html")
        let fragments = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("assets/suche").path)
        #expect(fragments.filter { $0.hasPrefix("meta-") }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("assets/search-index.js").path))

        // The command line's ranking: the first ten of each query.
        let library = Library(book: BookLocation(path: book.path))
        var expected: [String: [String]] = [:]
        var scores: [String: [Double]] = [:]
        for query in Self.harnessQueries {
            let hits = try library.search(query, limit: 10).hits
            expected[query] = hits.map(\.id)
            scores[query] = hits.map(\.score)
        }

        // Node, loading the fragments as the page does: the same ranking, from few bytes.
        let harness = Self.repository.appendingPathComponent("Tests/Tools/search-harness.js")
        let answered = try Self.run(URL(fileURLWithPath: node), [harness.path, "queries", site.path, "10"],
                                    input: Self.harnessQueries.joined(separator: "\n") + "\n")
        let lines = answered.output.split(separator: "\n")
        try #require(answered.status == 0 && lines.count == Self.harnessQueries.count, "\(answered.output)")
        for (query, line) in zip(Self.harnessQueries, lines) {
            let object = try JSONSerialization.jsonObject(with: Data(String(line).utf8))
            let answer = try #require(object as? [String: Any])
            let ids = answer["ids"] as? [String] ?? []
            #expect(ids == expected[query], "\(query): web \(ids), cli \(expected[query] ?? [])")
            let webScores: [Double] = answer["scores"] as? [Double] ?? []
            for (web, cli) in zip(webScores, scores[query] ?? []) {
                let difference: Double = Swift.abs(web - cli)
                #expect(difference < 0.0006, "\(query): web \(web), cli \(cli)")
            }
            let bytes = (answer["bytes"] as? NSNumber)?.intValue ?? Int.max
            #expect(bytes <= Self.fragmentLimit, "\(query) loads \(bytes) bytes of fragments")
        }

        // Headless Chromium, from file:// and over HTTP: what the page loads in all, and the results it shows.
        let expectations = root.appendingPathComponent("expected.json")
        try JSONSerialization.data(withJSONObject: expected.filter { Self.browserQueries.contains($0.key) }).write(to: expectations)
        for mode in [[], ["--http"]] {
            let measured = try SiteValidationTests.tool("browser_search.py", ["--measure", site.path] + Self.browserQueries + mode + [
                "--expect", expectations.path, "--max-kilobytes", String(Self.pageLimitKilobytes), "--max-ms", "2000"])
            #expect(measured.status == 0, "\(measured.output)")
            print(measured.output)
        }
    }
}
