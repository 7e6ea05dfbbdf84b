import ArgumentParser
import Foundation
import Kochbuch
import KochbuchBench

@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kochbuch-bench",
        abstract: "Generate large books and measure kochbuch on them.",
        subcommands: [Generate.self, Run.self]
    )
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a book of N generated recipes (deterministic for a seed).")

    @Option(help: "How many recipes.") var count: Int = 10_000
    @Option(help: "The seed.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("The new book folder.", valueName: "DIR")) var out: String
    @Option(help: ArgumentHelp("The book whose text and catalogs are used.", valueName: "DIR")) var source: String = "Recipes"

    func run() throws {
        let corpus = try CorpusGenerator(source: BookLocation(path: source), count: count, seed: seed).generate(into: URL(fileURLWithPath: out))
        print("wrote \(count) recipes into \(out): \(corpus.description)")
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Generate a book and measure validate, build and search as whole processes.")

    @Option(help: "How many recipes.") var count: Int = 10_000
    @Option(help: "The seed.") var seed: UInt64 = 1
    @Option(help: "Runs per measurement.") var runs: Int = 3
    @Option(help: "The kochbuch binary to measure.") var binary: String = ".build/release/kochbuch"
    @Option(help: "Where to write the JSON results.") var results: String = "Benchmarks/results/latest.json"
    @Flag(help: "Measure only building the search index and the queries.") var searchOnly = false

    func run() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-bench-\(count)-\(seed)-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: work) }
        let book = work.appendingPathComponent("Recipes")
        print("generating \(count) recipes (seed \(seed)) …")
        let start = Date()
        let corpus = try CorpusGenerator(source: BookLocation(path: "Recipes"), count: count, seed: seed).generate(into: book)
        print("generated \(count) recipes: \(corpus.description), in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
        let binaryPath = binary.hasPrefix("/") ? binary : FileManager.default.currentDirectoryPath + "/" + binary
        let series = try BenchmarkRunner(binary: binaryPath, book: book, runs: runs) { print($0) }.run(count: count, searchOnly: searchOnly)
        let table = BenchmarkRunner.table(series)
        let machine = BenchmarkRunner.machine()
        let date = ISO8601DateFormatter().string(from: Date())
        print("\nkochbuch benchmark, \(count) recipes, seed \(seed), \(runs) runs each, \(date)")
        print("machine: \(machine["cpu"] ?? "?"), \(machine["cores"] ?? "?") cores, \(machine["memory"] ?? "?")\n")
        print(table)
        struct Report: Encodable {
            var date: String
            var machine: [String: String]
            var recipes: Int
            var seed: UInt64
            var runsEach: Int
            var corpus: [String: Double]
            var results: [Series]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(Report(date: date, machine: machine, recipes: count, seed: seed, runsEach: runs,
                                                   corpus: ["megabytes": Double(corpus.bytes) / 1e6, "minimumKB": corpus.minimumKB,
                                                            "medianKB": corpus.medianKB, "maximumKB": corpus.maximumKB],
                                                   results: series))
        let url = URL(fileURLWithPath: results)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        print("\nwrote \(results)")
    }
}
