import Foundation
import Kochbuch
import KochbuchBench
import Testing

@Suite struct CorpusGeneratorTests {
    static let recipes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Recipes")

    @Test func aGeneratedBookValidatesAndIsDeterministic() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generator = CorpusGenerator(source: BookLocation(path: Self.recipes.path), count: 120, seed: 7)
        let corpus = try generator.generate(into: folder.appendingPathComponent("a"))
        try generator.generate(into: folder.appendingPathComponent("b"))
        let report = Validator(book: BookLocation(path: folder.appendingPathComponent("a").path)).validate()
        #expect(report.errorCount == 0, "\(report.diagnostics.prefix(5).map { "\($0.location.description) \($0.code) \($0.message)" })")
        #expect(report.fileCount > 120)
        let first = try Data(contentsOf: folder.appendingPathComponent("a/teil-00/rezept-00042.xml"))
        let second = try Data(contentsOf: folder.appendingPathComponent("b/teil-00/rezept-00042.xml"))
        #expect(first == second)
        #expect(corpus.minimumKB >= 1 && corpus.maximumKB <= 13, "\(corpus.description)")
        #expect(corpus.medianKB > 3 && corpus.medianKB < 5, "\(corpus.description)")
    }

    @Test func percentilesAndMeasurement() throws {
        #expect(Series.percentile([1, 2, 3, 4, 5], 0.5) == 3)
        #expect(Series.percentile([1, 2, 3, 4], 0.5) == 2.5)
        let measured = try Measurement.run("/bin/sh", ["-c", "exit 3"])
        #expect(measured.status == 3)
        #expect(measured.seconds > 0)
    }
}
