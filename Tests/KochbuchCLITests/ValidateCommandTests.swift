import Foundation
import Testing

/// End to end: the built binary on the shipped corpus and on a broken copy of it.
@Suite(.serialized) struct ValidateCommandTests {
    @Test func shippedBookIsValidInStrictMode() throws {
        let result = try CommandRunner.run(["validate", "--strict"])
        #expect(result.status == 0, "\(result.output)")
        let summary = try #require(result.output.split(separator: "\n").last)
        #expect(summary.hasPrefix("validated "))
        #expect(summary.hasSuffix(": 0 errors, 0 warnings"))
    }

    @Test func brokenCopyReportsEveryDefectWithFileLineAndCode() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let recipes = directory.appendingPathComponent("Recipes")
        let eAkte = recipes.appendingPathComponent("e-akte.xml")
        var text = try String(contentsOf: eAkte, encoding: .utf8)
        let original = try #require(text.range(of: "<basis law=\"egovg\" section=\"6a\""))
        text.replaceSubrange(original, with: "<basis law=\"egovg\" section=\"22\"")
        try text.write(to: eAkte, atomically: true, encoding: .utf8)
        let line = text[..<text.range(of: "section=\"22\"")!.lowerBound].filter { $0 == "\n" }.count + 1
        try "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>\n"
            .write(to: recipes.appendingPathComponent("xxe.xml"), atomically: true, encoding: .utf8)
        try "<recipe xmlns=\"urn:kochbuch:1.0\">\n  <title>Halb".write(to: recipes.appendingPathComponent("halb.xml"), atomically: true, encoding: .utf8)

        let result = try CommandRunner.run(["validate"], in: directory)
        #expect(result.status == 1)
        #expect(result.output.contains("Recipes/e-akte.xml:\(line):"))
        #expect(result.output.contains(": error: unknown law section 'EGovG § 22' [reference.law-section]"))
        #expect(result.output.contains("Recipes/xxe.xml:2:1: error: document type declarations are not allowed [xml.doctype]"))
        #expect(result.output.contains("Recipes/halb.xml:2:") && result.output.contains("[xml.malformed]"))
        #expect(!result.output.contains("root:x:0:0"))
        #expect(result.output.hasSuffix("3 errors, 0 warnings\n"))
    }

    @Test func jsonOutputIsMachineReadable() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "".write(to: directory.appendingPathComponent("Recipes/leer.xml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", "--format", "json"], in: directory)
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["errors"] as? Int == 1)
        #expect(json["passed"] as? Bool == false)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["code"] as? String == "file.empty")
        #expect(diagnostics.first?["path"] as? String == "Recipes/leer.xml")
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let book = directory.appendingPathComponent("Recipes/book.xml")
        let text = try String(contentsOf: book, encoding: .utf8)
        try text.replacingOccurrences(of: "<recipe ref=\"sperrmuell\"/>", with: "")
            .write(to: book, atomically: true, encoding: .utf8)
        let lenient = try CommandRunner.run(["validate"], in: directory)
        #expect(lenient.status == 0)
        #expect(lenient.output.contains("warning: recipe 'sperrmuell' is in no chapter of the book [book.unlisted]"))
        let strict = try CommandRunner.run(["validate", "--strict"], in: directory)
        #expect(strict.status == 1)
    }

    @Test func pathsNarrowTheReport() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "".write(to: directory.appendingPathComponent("Recipes/leer.xml"), atomically: true, encoding: .utf8)
        let narrowed = try CommandRunner.run(["validate", "Recipes/e-akte.xml"], in: directory)
        #expect(narrowed.status == 0)
        #expect(narrowed.output == "validated 1 file: 0 errors, 0 warnings\n")
        let outside = try CommandRunner.run(["validate", "/etc/passwd"], in: directory)
        #expect(outside.status == 1)
        #expect(outside.output.contains("[file.outside-book]"))
        let missing = try CommandRunner.run(["validate", "Recipes/gibt-es-nicht.xml"], in: directory)
        #expect(missing.output.contains("[file.unreadable]"))
    }

    @Test func missingBookIsAPlainUsageError() throws {
        let result = try CommandRunner.run(["validate", "--book", "/nonexistent/book"])
        #expect(result.status == 64)
        #expect(result.error.contains("no book folder at '/nonexistent/book'"))
    }

    @Test func helpListsTheCommands() throws {
        let result = try CommandRunner.run(["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("validate"))
        #expect(result.output.contains("import"))
    }

    /// Checking one file still reports errors in book.xml: they would stop the build.
    @Test func checkingOneFileAlsoReportsErrorsInTheManifest() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifest = directory.appendingPathComponent("Recipes/book.xml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        let first = try #require(text.range(of: "<recipe ref=\""))
        try text.replacingCharacters(in: first.lowerBound..<first.lowerBound, with: "<recipe ref=\"gibt-es-nicht\"/>\n      ")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", "Recipes/e-akte.xml"], in: directory)
        #expect(result.status == 1)
        #expect(result.output.contains("Recipes/book.xml:"), "\(result.output)")
        #expect(result.output.contains("gibt-es-nicht"), "\(result.output)")
    }
}
