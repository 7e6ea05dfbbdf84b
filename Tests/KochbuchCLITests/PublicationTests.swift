import Foundation
import Testing

/// The editions of one build are published together: a build killed at any moment, or one that
/// runs out of space, leaves every edition whole, and the editions of different builds never mix
/// once the switch is complete.
@Suite(.serialized) struct PublicationTests {
    private static let recipe = "Recipes/e-akte.xml"
    private static let original = "<title>Die E-Akte einführen</title>"

    /// Writes a title that marks the book's generation into the E-Akte recipe.
    private func setGeneration(_ generation: Int, in folder: URL) throws {
        let file = folder.appendingPathComponent(Self.recipe)
        let source = try String(contentsOf: file, encoding: .utf8)
        let pattern = try Regex(#"<title>Die E-Akte einführen[^<]*</title>"#)
        let replaced = source.replacing(pattern, with: "<title>Die E-Akte einführen, Fassung \(generation)</title>", maxReplacements: 1)
        try replaced.write(to: file, atomically: true, encoding: .utf8)
    }

    /// The generation each edition shows, or nil for one that is missing or mixes two generations.
    private func generations(in output: URL) throws -> [String: Int?] {
        func marks(_ text: String) -> Set<Int> {
            Set(text.matches(of: try! Regex(#"Die E-Akte einführen, Fassung (\d+)"#)).compactMap { Int($0.output[1].substring ?? "") })
        }
        func single(_ sets: [Set<Int>]) -> Int? {
            let all = sets.reduce(Set<Int>()) { $0.union($1) }
            return all.count == 1 && sets.allSatisfy({ $0 == all }) ? all.first : nil
        }
        let html = ["index.html", "rezepte/e-akte.html", "a-z.html"].map { path in
            marks((try? String(contentsOf: output.appendingPathComponent("html/\(path)"), encoding: .utf8)) ?? "")
        }
        let text = ["rezepte/e-akte.txt", "kochbuch-e-government.txt"].map { path in
            marks((try? String(contentsOf: output.appendingPathComponent("text/\(path)"), encoding: .utf8)) ?? "")
        }
        let epubFiles = (try? FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("epub").path))?
            .filter { $0.hasSuffix(".epub") } ?? []
        var epub: [Set<Int>] = [[]]
        if let name = epubFiles.first {
            let script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(''.join(z.read(n).decode('utf-8', 'replace') for n in z.namelist() if n.endswith('.xhtml')))"
            epub = [marks(try Self.runTool("/usr/bin/python3", ["-c", script, output.appendingPathComponent("epub/\(name)").path]))]
        }
        return ["html": single(html), "text": single(text), "epub": single(epub)]
    }

    private static func runTool(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = CommandRunner.readAll(pipe.fileHandleForReading)
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    private func leftovers(in output: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.contains(".staging-") || $0.contains("switch") || $0.hasSuffix(".previous") }
    }

    @Test func aBuildKilledAtAnyMomentLeavesWholeEditionsOfOneBuild() throws {
        let folder = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Exports")
        try #require(String(contentsOf: folder.appendingPathComponent(Self.recipe), encoding: .utf8).contains(Self.original))
        try setGeneration(0, in: folder)
        let started = Date()
        #expect(try CommandRunner.run(["build"], in: folder).status == 0)
        let duration = Date().timeIntervalSince(started)
        #expect(try generations(in: output) == ["html": 0, "text": 0, "epub": 0])

        var published = 0
        var seenSwitches = 0
        for attempt in 1...10 {
            try setGeneration(attempt, in: folder)
            let process = Process()
            process.executableURL = CommandRunner.binary
            process.arguments = ["build"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Spread over the whole build, and a little beyond, where the switch happens.
            Thread.sleep(forTimeInterval: duration * Double(attempt) / 9.0)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let seen = try generations(in: output)
            for (edition, generation) in seen {
                let generation = try #require(generation, "attempt \(attempt): the \(edition) edition is missing or mixes two builds: \(seen)")
                #expect(generation == published || generation == attempt, "attempt \(attempt): \(edition) shows build \(generation)")
            }
            let switching = FileManager.default.fileExists(atPath: output.appendingPathComponent(".kochbuch-switch").path)
            if switching { seenSwitches += 1 }
            if !switching {
                #expect(Set(seen.values.map { $0 }).count == 1, "attempt \(attempt): editions of two builds without a switch under way: \(seen)")
            }
            // Any later run completes or discards what the killed one left.
            #expect(try CommandRunner.run(["validate"], in: folder).status == 0)
            let next = try CommandRunner.run(["build"], in: folder)
            #expect(next.status == 0, "\(next.error)")
            #expect(try generations(in: output) == ["html": attempt, "text": attempt, "epub": attempt])
            #expect(try leftovers(in: output) == [], "attempt \(attempt)")
            published = attempt
        }
        _ = seenSwitches
    }

    /// Out of space: the build fails with a message that says so, the published editions are
    /// exactly as before, and no staging folder is left; with space again, the build succeeds.
    @Test(.enabled(if: getuid() == 0, "mounting a small tmpfs needs root"))
    func aFullDiskLeavesThePublishedEditionsUntouched() throws {
        let folder = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        _ = try Self.runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=32m", "tmpfs", disk.path])
        defer { _ = try? Self.runTool("/bin/umount", [disk.path]) }
        let size = try FileManager.default.attributesOfFileSystem(forPath: disk.path)[.systemSize] as? Int ?? 0
        try #require(size > 0 && size <= 40 << 20, "the tmpfs was not mounted")
        let output = disk.appendingPathComponent("Exports")
        try setGeneration(1, in: folder)
        let first = try CommandRunner.run(["build", "--out", output.path], in: folder)
        #expect(first.status == 0, "\(first.error)")
        #expect(try generations(in: output) == ["html": 1, "text": 1, "epub": 1])
        let editions = ["html", "epub", "text"].map { output.appendingPathComponent($0).path }
        let before = try Self.runTool("/usr/bin/find", editions + ["-printf", "%p %s %i\n"])

        // Leave a few kilobytes free, then build a changed book.
        let filler = disk.appendingPathComponent("filler")
        _ = try Self.runTool("/usr/bin/fallocate", ["-l", "64m", filler.path])
        if !FileManager.default.fileExists(atPath: filler.path) || (try? FileManager.default.attributesOfItem(atPath: filler.path)[.size] as? Int) ?? 0 == 0 {
            _ = try Self.runTool("/bin/dd", ["if=/dev/zero", "of=\(filler.path)", "bs=64k", "status=none"])
        }
        try setGeneration(2, in: folder)
        let full = try CommandRunner.run(["build", "--out", output.path], in: folder)
        #expect(full.status != 0)
        #expect(full.error.lowercased().contains("no space left on"), "\(full.error)")
        #expect(full.error.contains("unchanged") || full.error.contains("unverändert"), "\(full.error)")
        #expect(try Self.runTool("/usr/bin/find", editions + ["-printf", "%p %s %i\n"]) == before)
        #expect(try leftovers(in: output) == [])

        try FileManager.default.removeItem(at: filler)
        let again = try CommandRunner.run(["build", "--out", output.path], in: folder)
        #expect(again.status == 0, "\(again.error)")
        #expect(try generations(in: output) == ["html": 2, "text": 2, "epub": 2])
    }
}
