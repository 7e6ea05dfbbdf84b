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

    /// An importer writes only what the loader accepts: control characters are refused with their
    /// line and column, a file over the size limit unread, a text without a title not written.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: shared.path), "needs ../shared/data"))
    func refusesInputTheBookWouldRefuse() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = directory.appendingPathComponent("Recipes/catalogs/laws/bitv-2.0.xml")
        let before = try Data(contentsOf: catalog)
        let source = try String(contentsOf: Self.shared.appendingPathComponent("laws/bitv_2_0.md"), encoding: .utf8)
        var lines = source.components(separatedBy: "\n")
        let target = try #require(lines.firstIndex { $0.hasPrefix("Fundstelle") })
        let file = directory.appendingPathComponent("bitv.md")
        for control in ["\u{1B}[31m", "\u{9B}2J", "\u{202E}"] {
            var changed = lines
            changed[target] = "Fund" + control + "stelle"
            try changed.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            let result = try CommandRunner.run(["import", "law", file.path], in: directory)
            #expect(result.status != 0)
            #expect(result.error.contains("bitv.md:\(target + 1):5:"), "\(result.error)")
            #expect(result.error.contains("U+"), "\(result.error)")
            #expect(try Data(contentsOf: catalog) == before)
        }

        lines[1] = "Title: "
        lines[2] = "jurabk: BITV 2.0"
        lines[9] = "# (BITV 2.0)"
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let untitled = try CommandRunner.run(["import", "law", file.path], in: directory)
        #expect(untitled.status != 0, "\(untitled.output)")
        #expect(try Data(contentsOf: catalog) == before)

        let huge = directory.appendingPathComponent("riesig.md")
        FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 9 << 20)
        try handle.close()
        let large = try CommandRunner.run(["import", "law", huge.path], in: directory)
        #expect(large.status != 0)
        #expect(large.error.contains("the limit is 8 MiB"), "\(large.error)")
    }
}
