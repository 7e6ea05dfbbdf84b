import Foundation
import Testing

@Suite struct ImportCommandTests {
    static let shared = CommandRunner.repository.deletingLastPathComponent().appendingPathComponent("shared/data")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: shared.path), "needs ../shared/data"))
    func importsALawAndLeavesAnUnchangedFileAlone() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = directory.appendingPathComponent("Recipes/catalogs/laws/bitv-2.0.xml")
        try FileManager.default.removeItem(at: catalog)
        let source = Self.shared.appendingPathComponent("laws/bitv_2_0.md").path
        let first = try CommandRunner.run(["import", "law", source], in: directory)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("wrote Recipes/catalogs/laws/bitv-2.0.xml"))
        #expect(FileManager.default.fileExists(atPath: catalog.path))
        let second = try CommandRunner.run(["import", "law", source], in: directory)
        #expect(second.output.contains("unchanged Recipes/catalogs/laws/bitv-2.0.xml"))
        #expect(try CommandRunner.run(["validate", "--strict"], in: directory).status == 0)
    }

    @Test func reportsAFileThatIsNotALaw() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("brief.md")
        try "# Ein Brief\n\nKein Gesetz.\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["import", "law", file.path], in: directory)
        #expect(result.status != 0)
        #expect(result.error.contains("front matter"))
    }
}
