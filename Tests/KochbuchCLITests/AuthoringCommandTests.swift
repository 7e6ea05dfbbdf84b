import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite(.serialized) struct AuthoringCommandTests {
    /// An abbreviation names the law in force, not the 2023 draft of the same abbreviation.
    @Test func newCitesTheLawInForceForAnAbbreviation() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let created = try CommandRunner.run(["new", "konto-test", "--title", "Ein Konto", "--law", "ozg:3"], in: directory)
        #expect(created.status == 0, "\(created.error)")
        let xml = try String(contentsOf: directory.appendingPathComponent("Recipes/konto-test.xml"), encoding: .utf8)
        #expect(xml.contains("<basis law=\"ozg\" section=\"3\">"))
        let draft = try CommandRunner.run(["new", "entwurf-test", "--title", "Ein Entwurf", "--law", "ozg-entwurf-2023:3"], in: directory)
        #expect(draft.status == 0, "\(draft.error)")
        #expect(try String(contentsOf: directory.appendingPathComponent("Recipes/entwurf-test.xml"), encoding: .utf8)
            .contains("<basis law=\"ozg-entwurf-2023\" section=\"3\">"))
    }

    @Test func newWritesADraftThatValidatesAndRefusesBadIDs() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let created = try CommandRunner.run(["new", "online-wahlhelfer", "--title", "Wahlhelfer online gewinnen",
                                             "--topic", "Engagement & Beteiligung", "--law", "EGovG § 3"], in: directory)
        #expect(created.status == 0, "\(created.error)")
        #expect(created.output.hasPrefix("wrote Recipes/online-wahlhelfer.xml (draft)"))
        let xml = try String(contentsOf: directory.appendingPathComponent("Recipes/online-wahlhelfer.xml"), encoding: .utf8)
        #expect(xml.contains("status=\"draft\""))
        #expect(xml.contains("<lebenslage ref=\"engagement-beteiligung\"/>") && xml.contains("<themenfeld ref=\"engagement-hobby\"/>"))
        #expect(xml.contains("<basis law=\"egovg\" section=\"3\">"))
        #expect(xml.contains("<!-- Zubereitung:"))
        let validated = try CommandRunner.run(["validate", "Recipes/online-wahlhelfer.xml"], in: directory)
        #expect(validated.status == 0, "\(validated.output)")
        #expect(validated.output.hasSuffix("0 errors, 2 warnings\n"))
        let nested = try CommandRunner.run(["new", "unterordner-rezept", "--title", "Im Unterordner", "--folder", "entwuerfe"], in: directory)
        #expect(nested.status == 0)
        let nestedXML = try String(contentsOf: directory.appendingPathComponent("Recipes/entwuerfe/unterordner-rezept.xml"), encoding: .utf8)
        #expect(nestedXML.contains("schemaLocation=\"urn:kochbuch:1.0 ../schema/recipe.xsd\""))
        for (arguments, message) in [(["new", "e-akte", "--title", "x"], "exists already"),
                                     (["new", "Neues_Rezept", "--title", "x"], "not a valid recipe id"),
                                     (["new", "neu", "--title", "x", "--topic", "bauen-wohen"], "did you mean 'bauen-wohnen'?"),
                                     (["new", "neu", "--title", "x", "--law", "EGovG § 99"], "has no § 99")] {
            let refused = try CommandRunner.run(arguments, in: directory)
            #expect(refused.status == 1)
            #expect(refused.error.contains(message), "\(refused.error)")
        }
    }

    @Test func fmtIsIdempotentChecksForCIAndNeverWritesBrokenFiles() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let check = try CommandRunner.run(["fmt", "--check"], in: directory)
        #expect(check.status == 0, "the shipped book is formatted: \(check.output)")
        let file = directory.appendingPathComponent("Recipes/sperrmuell.xml")
        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: "\n  ", with: "\n\t ").write(to: file, atomically: true, encoding: .utf8)
        let dirty = try CommandRunner.run(["fmt", "--check"], in: directory)
        #expect(dirty.status == 1)
        #expect(dirty.output.contains("would reformat Recipes/sperrmuell.xml"))
        #expect(try CommandRunner.run(["fmt", "Recipes/sperrmuell.xml"], in: directory).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == original)
        let broken = directory.appendingPathComponent("Recipes/halb.xml")
        let brokenText = "<recipe xmlns=\"urn:kochbuch:1.0\">\n  <title>Halb"
        try brokenText.write(to: broken, atomically: true, encoding: .utf8)
        let refused = try CommandRunner.run(["fmt", "Recipes/halb.xml"], in: directory)
        #expect(refused.status == 1)
        #expect(refused.error.contains("Recipes/halb.xml:2:"))
        #expect(try String(contentsOf: broken, encoding: .utf8) == brokenText)
    }

    @Test func checkLinksSaysSoWhenOfflineAndFindsDeadLinks() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A local server: one page that exists, one that does not.
        let root = directory.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "da".write(to: root.appendingPathComponent("da.html"), atomically: true, encoding: .utf8)
        let log = directory.appendingPathComponent("http.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-u", "-m", "http.server", "--bind", "127.0.0.1", "--directory", root.path, "0"]
        server.standardOutput = try FileHandle(forWritingTo: log)
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            // SIGKILL: the server inherits the test runner's blocked SIGTERM and would outlive terminate().
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        var port = ""
        let deadline = Date().addingTimeInterval(10)
        var seen = ""
        while port.isEmpty && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            seen = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = seen.range(of: "port ") { port = String(seen[range.upperBound...].prefix { $0.isNumber }) }
        }
        try #require(!port.isEmpty, "python http.server did not start: \(seen)")
        let recipes = directory.appendingPathComponent("Recipes")
        for name in try FileManager.default.contentsOfDirectory(atPath: recipes.path) where name.hasSuffix(".xml") {
            let url = recipes.appendingPathComponent(name)
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(of: "https://", with: "http://unreachable.invalid/")
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let book = recipes.appendingPathComponent("sperrmuell.xml")
        var text = try String(contentsOf: book, encoding: .utf8)
        text = text.replacingOccurrences(of: "</summary>", with: " <link href=\"http://127.0.0.1:\(port)/da.html\">da</link> <link href=\"http://127.0.0.1:\(port)/fehlt.html\">fehlt</link></summary>")
        try text.write(to: book, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check-links", "--external", "--timeout", "5"], in: directory)
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("dead link http://127.0.0.1:\(port)/fehlt.html (HTTP 404) [link.dead]"), "\(result.output)")
        #expect(!result.output.contains("/da.html (HTTP"))
        #expect(result.output.contains("not reachable from here"))

        try text.replacingOccurrences(of: "http://127.0.0.1:\(port)/", with: "http://unreachable.invalid/").write(to: book, atomically: true, encoding: .utf8)
        let offline = try CommandRunner.run(["check-links", "--external", "--timeout", "5"], in: directory)
        #expect(offline.status == 0, "\(offline.output)")
        #expect(offline.output.contains("external links: not checked – no network"))
    }

    /// fmt keeps a file's permissions, leaves a symbolic link as it is, and refuses files over the limit.
    @Test func fmtKeepsModeRefusesLinksAndOversizedFiles() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let recipe = directory.appendingPathComponent("Recipes/e-akte.xml")
        let source = try String(contentsOf: recipe, encoding: .utf8)
        try source.replacingOccurrences(of: "\n  <title>", with: "\n      <title>").write(to: recipe, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: recipe.path)
        let formatted = try CommandRunner.run(["fmt", "Recipes/e-akte.xml"], in: directory)
        #expect(formatted.status == 0, "\(formatted.error)")
        #expect(try String(contentsOf: recipe, encoding: .utf8) == source)
        #expect((try FileManager.default.attributesOfItem(atPath: recipe.path)[.posixPermissions] as? Int) == 0o640)

        let link = directory.appendingPathComponent("Recipes/verweis.xml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: recipe)
        let linked = try CommandRunner.run(["fmt", "Recipes/verweis.xml"], in: directory)
        #expect(linked.status != 0)
        #expect((linked.output + linked.error).contains("symbolic link"))
        #expect((try FileManager.default.attributesOfItem(atPath: link.path)[.type] as? FileAttributeType) == .typeSymbolicLink)

        let large = directory.appendingPathComponent("Recipes/gross.xml")
        let filler = String(repeating: "<p>Wort</p>", count: 800_000)
        try ("<recipe xmlns=\"urn:kochbuch:1.0\">" + filler + "</recipe>\n").write(to: large, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: large)
        let refused = try CommandRunner.run(["fmt", "Recipes/gross.xml"], in: directory)
        #expect(refused.status != 0)
        #expect((refused.output + refused.error).contains("over the 8 MiB limit"))
        #expect(try Data(contentsOf: large) == before)
    }

    /// A new book for another municipality validates from the start and builds; an existing folder is never touched.
    @Test func initCreatesAValidBookAndRefusesAFolderInUse() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let made = try CommandRunner.run(["init", "Musterstadt", "--title", "Kochbuch der Gemeinde Musterstadt", "--publisher", "Gemeinde Musterstadt"], in: directory)
        #expect(made.status == 0, "\(made.error)")
        let book = directory.appendingPathComponent("Musterstadt")
        for file in ["book.xml", "erstes-rezept.xml", "catalogs/laws/egovg.xml", "catalogs/topics.xml", "schema/recipe.xsd"] {
            #expect(FileManager.default.fileExists(atPath: book.appendingPathComponent(file).path), "\(file)")
        }
        let validated = try CommandRunner.run(["validate", "--book", "Musterstadt"], in: directory)
        #expect(validated.status == 0, "\(validated.output)")
        let built = try CommandRunner.run(["build", "--book", "Musterstadt", "--out", "Ausgaben"], in: directory)
        #expect(built.status == 0, "\(built.error)")
        let again = try CommandRunner.run(["init", "Musterstadt", "--title", "Anders", "--publisher", "Anders"], in: directory)
        #expect(again.status != 0 && again.error.contains("is not empty"), "\(again.error)")
        #expect(try String(contentsOf: book.appendingPathComponent("book.xml"), encoding: .utf8).contains("Gemeinde Musterstadt"))
    }
}
