import Foundation
import Testing

/// Errors the file system causes are sentences that name the path and what to do, never
/// Foundation's own messages.
@Suite struct ClearErrorTests {
    @Test func anOutputThatIsAFileOrMayNotBeWrittenIsNamed() throws {
        let folder = try CommandRunner.copyOfShippedBook()
        defer {
            chmod(folder.appendingPathComponent("gesperrt").path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        let file = folder.appendingPathComponent("eine-datei")
        try Data("x".utf8).write(to: file)
        for out in [file.path, file.path + "/unten"] {
            let result = try CommandRunner.run(["build", "--out", out], in: folder)
            #expect(result.status != 0)
            #expect(result.error.contains("is a file, not a folder"), "\(result.error)")
            #expect(!result.error.contains("NSCocoaErrorDomain") && !result.error.contains("Error Domain"), "\(result.error)")
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")

        // Permissions do not bind root, so the build runs as the user nobody where the test is root.
        let locked = folder.appendingPathComponent("gesperrt")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        chmod(locked.path, 0o555)
        let process = Process()
        if getuid() == 0 {
            chmod(folder.path, 0o755)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CommandRunner.binary.path, "build", "--out", locked.path]
        } else {
            process.executableURL = CommandRunner.binary
            process.arguments = ["build", "--out", locked.path]
        }
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(["KOCHBUCH_LANG": "en"]) { _, new in new }
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let error = String(decoding: CommandRunner.readAll(pipe.fileHandleForReading), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(error.contains(locked.path) && error.contains("may not write"), "\(error)")
        #expect(!error.contains("Error Domain"), "\(error)")
    }

    @Test func linkLoopsAndDevicesInTheBookAreCalledWhatTheyAre() throws {
        let folder = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recipes = folder.appendingPathComponent("Recipes")
        try FileManager.default.createSymbolicLink(atPath: recipes.appendingPathComponent("kreis-a.xml").path, withDestinationPath: "kreis-b.xml")
        try FileManager.default.createSymbolicLink(atPath: recipes.appendingPathComponent("kreis-b.xml").path, withDestinationPath: "kreis-a.xml")
        #expect(mkfifo(recipes.appendingPathComponent("rohr.xml").path, 0o644) == 0)
        let whole = try CommandRunner.run(["validate"], in: folder)
        #expect(whole.status != 0)
        #expect(whole.output.contains("Recipes/kreis-a.xml: error: 'kreis-a.xml' is a symbolic link that leads back to itself"), "\(whole.output)")
        #expect(whole.output.contains("Recipes/rohr.xml: error: 'rohr.xml' is a device, pipe or socket"), "\(whole.output)")
        #expect(!whole.output.contains("points outside the book"), "\(whole.output)")
        let named = try CommandRunner.run(["validate", "Recipes/kreis-a.xml"], in: folder)
        #expect(named.output.contains("leads back to itself"), "\(named.output)")
        #expect(!named.output.contains("does not exist"), "\(named.output)")
    }

    @Test func aSearchLimitOfNothingIsAnError() throws {
        let result = try CommandRunner.run(["search", "--limit", "0", "E-Akte"])
        #expect(result.status != 0)
        #expect(result.error.contains("--limit 0 shows nothing"), "\(result.error)")
        #expect(!result.output.contains("Keine Treffer"))
    }
}
