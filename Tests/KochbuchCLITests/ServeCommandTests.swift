import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `kochbuch serve` end to end: pages, rebuilds on change, errors on the page, live reload in a
/// real browser, a clean stop on Ctrl-C.
@Suite(.serialized) struct ServeCommandTests {
    final class Server {
        let process = Process()
        let log: URL
        let url: URL

        init(directory: URL, temporary: URL? = nil) throws {
            log = directory.appendingPathComponent("serve.log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.executableURL = CommandRunner.binary
            process.arguments = ["serve", "--port", "0"]
            process.currentDirectoryURL = directory
            if let temporary {
                var environment = ProcessInfo.processInfo.environment
                environment["TMPDIR"] = temporary.path
                process.environment = environment
            }
            // The address on standard output, what each build did on standard error: both in the log.
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            var found: URL?
            let deadline = Date().addingTimeInterval(60)
            while found == nil && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.1)
                let seen = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if let range = seen.range(of: "Vorschau: ") {
                    found = URL(string: String(seen[range.upperBound...].prefix { !$0.isWhitespace }))
                }
            }
            url = try #require(found, "serve did not start")
        }

        var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        func get(_ path: String) async throws -> (status: Int, body: String) {
            let target = path.isEmpty ? url : URL(string: url.absoluteString + path)!
            let (data, response) = try await URLSession.shared.data(from: target)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        func generation() async throws -> Int {
            let body = try await get("__kochbuch/status").body
            return Int(body.split(separator: ":")[1].prefix { $0.isNumber }) ?? -1
        }

        /// Waits for the next build; generous, since the whole test suite may be running beside it on two cores.
        func waitForGeneration(after current: Int) async throws -> Int {
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline {
                let value = try await generation()
                if value > current { return value }
                try await Task.sleep(nanoseconds: 200_000_000)
            }
            Issue.record("no rebuild within 120 s")
            return current
        }
    }

    @Test func servesRebuildsShowsErrorsAndStopsCleanly() async throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try Server(directory: directory)
        #expect(server.url.host == "127.0.0.1")
        let start = try await server.get("")
        #expect(start.status == 200)
        #expect(start.body.contains("<html lang=\"de\">") && start.body.contains("/__kochbuch/reload.js"))
        #expect(try await server.get("../../../../etc/passwd").status == 404)
        let first = try await server.generation()

        // An open page asks to be answered when the build is no longer its own: at once for an old one,
        // and for the current one as soon as the next is ready.
        let stale = try await server.get("__kochbuch/wait/\(first - 1)")
        #expect(stale.body.contains("\"generation\":\(first),"), "\(stale.body)")
        let waitURL = URL(string: server.url.absoluteString + "__kochbuch/wait/\(first)")!
        let waiting = Task { String(decoding: try await URLSession.shared.data(from: waitURL).0, as: UTF8.self) }
        try await Task.sleep(nanoseconds: 300_000_000)
        let recipe = directory.appendingPathComponent("Recipes/sperrmuell.xml")
        let original = try String(contentsOf: recipe, encoding: .utf8)
        try original.replacingOccurrences(of: "<title>", with: "<title>Neu: ").write(to: recipe, atomically: true, encoding: .utf8)
        var answered = try await waiting.value
        // A wait ends after 10 s at the latest; on a busy machine the build may take longer.
        for _ in 0..<10 where answered.contains("\"generation\":\(first),") {
            answered = try await server.get("__kochbuch/wait/\(first)").body
        }
        #expect(!answered.contains("\"generation\":\(first),"), "\(answered)")
        // First the recipe's pages, then the whole site: two builds.
        var second = try await server.waitForGeneration(after: first)
        #expect(try await server.get("rezepte/sperrmuell.html").body.contains("Neu: "))
        if second < first + 2 { second = try await server.waitForGeneration(after: second) }
        #expect(server.output.contains("vorab: "), "\(server.output)")
        #expect(try await server.get("rezepte/sperrmuell.html").body.contains("Neu: "))

        try "<recipe xmlns=\"urn:kochbuch:1.0\">\n  <title>Halb".write(to: directory.appendingPathComponent("Recipes/kaputt.xml"), atomically: true, encoding: .utf8)
        _ = try await server.waitForGeneration(after: second)
        let error = try await server.get("index.html")
        #expect(error.status == 500)
        #expect(error.body.contains("Recipes/kaputt.xml:2:"))
        #expect(error.body.contains("/__kochbuch/reload.js"))

        kill(server.process.processIdentifier, SIGINT)
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
        #expect(server.output.contains("Vorschau beendet."))
    }

    /// Ctrl-C while the preview builds: the build ends first, then its temporary folder goes.
    @Test func stoppingDuringABuildLeavesNoTemporaryFolder() async throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let temporary = directory.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let server = try Server(directory: directory, temporary: temporary)
        let made = try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("kochbuch-serve-") }
        #expect(made.count == 1, "\(made)")
        let recipe = directory.appendingPathComponent("Recipes/sperrmuell.xml")
        let original = try String(contentsOf: recipe, encoding: .utf8)
        // The recipe's first pages, a second's pause, then the whole build: stopped in the middle of it.
        try original.replacingOccurrences(of: "<title>", with: "<title>Neu: ").write(to: recipe, atomically: true, encoding: .utf8)
        let deadline = Date().addingTimeInterval(60)
        while !server.output.contains("vorab: ") && Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
        try await Task.sleep(nanoseconds: 1_200_000_000)
        kill(server.process.processIdentifier, SIGINT)
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0, "\(server.output)")
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("kochbuch-serve-") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test func anOpenPageReloadsItselfInABrowser() throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try Server(directory: directory)
        defer {
            kill(server.process.processIdentifier, SIGINT)
            server.process.waitUntilExit()
        }
        let python = CommandRunner.repository.appendingPathComponent(".venv-tools/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path), "run 'make setup' for the browser tools")
        let browser = try CommandRunner.runProgram(python, [CommandRunner.repository.appendingPathComponent("Tests/Tools/browser_reload.py").path,
                                                            server.url.appendingPathComponent("rezepte/sperrmuell.html").absoluteString,
                                                            directory.appendingPathComponent("Recipes/sperrmuell.xml").path,
                                                            "Sperrmüll online anmelden lassen", "Sperrmüll im Netz anmelden lassen"])
        #expect(browser.status == 0, "\(browser.output)")
    }

    /// What the preview accepts, tried on raw sockets: Host names (DNS rebinding), oversized and
    /// endless heads, stalled clients and clients that never read; a symbolic link added to the
    /// book is a change.
    @Test func refusesForeignHostsOversizedHeadsAndStalledClients() async throws {
        let directory = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try Server(directory: directory)
        defer {
            kill(server.process.processIdentifier, SIGINT)
            server.process.waitUntilExit()
        }
        let limits = try CommandRunner.runProgram(URL(fileURLWithPath: "/usr/bin/python3"),
                                                  [CommandRunner.repository.appendingPathComponent("Tests/Tools/serve_limits.py").path,
                                                   server.url.absoluteString, String(server.process.processIdentifier)])
        #expect(limits.status == 0, "\(limits.output)")

        let first = try await server.generation()
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("Recipes/verweis.xml").path,
                                                   withDestinationPath: "sperrmuell.xml")
        let second = try await server.waitForGeneration(after: first)
        #expect(second > first, "an added symbolic link was not noticed")
        try FileManager.default.removeItem(atPath: directory.appendingPathComponent("Recipes/verweis.xml").path)
        #expect(try await server.waitForGeneration(after: second) > second, "a removed symbolic link was not noticed")
    }
}
