import Foundation
import Kochbuch
import KochbuchSearch
import Testing

/// The index is never stale, rebuilds itself when damaged, and survives concurrent use.
@Suite(.serialized) struct IndexFreshnessTests {
    @Test func aChangedRecipeIsReindexedAloneAndAtOnce() throws {
        let book = try SearchFixture()
        defer { book.cleanUp() }
        #expect(try book.store.open().1 == .rebuilt)
        #expect(try book.store.open().1 == .current)
        #expect(try book.ids("Quantenkryptografie").isEmpty)
        let file = book.recipes.appendingPathComponent("sperrmuell.xml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "<title>", with: "<title>Quantenkryptografie: ").write(to: file, atomically: true, encoding: .utf8)
        #expect(try book.store.open().1 == .updated(recipes: 1, removed: 0))
        #expect(try book.ids("Quantenkryptografie") == ["sperrmuell"])
        try FileManager.default.removeItem(at: file)
        #expect(try book.store.open().1 == .updated(recipes: 0, removed: 1))
        #expect(try book.ids("Quantenkryptografie").isEmpty)
    }

    @Test func aChangedCatalogRebuildsTheIndex() throws {
        let book = try SearchFixture()
        defer { book.cleanUp() }
        _ = try book.store.open()
        let glossary = book.recipes.appendingPathComponent("catalogs/glossary.xml")
        try (try String(contentsOf: glossary, encoding: .utf8) + "\n").write(to: glossary, atomically: true, encoding: .utf8)
        #expect(try book.store.open().1 == .rebuilt)
    }

    @Test func aDamagedOrOldIndexIsRebuilt() throws {
        let book = try SearchFixture()
        defer { book.cleanUp() }
        _ = try book.store.open()
        try Data("kein SQLite".utf8).write(to: URL(fileURLWithPath: book.store.path))
        #expect(try book.store.open().1 == .rebuilt)
        #expect(try book.ids("E-Akte").first == "e-akte")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version=1'); c.commit()", book.store.path]
        try process.run()
        process.waitUntilExit()
        #expect(try book.store.open().1 == .rebuilt)
    }

    @Test func searchesAndARebuildRunTogether() throws {
        let book = try SearchFixture()
        defer { book.cleanUp() }
        _ = try book.store.open()
        let binary = SearchFixture.repository.appendingPathComponent(".build/debug/kochbuch")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path))
        let glossary = book.recipes.appendingPathComponent("catalogs/glossary.xml")
        var processes: [(Process, Pipe)] = []
        for round in 0..<6 {
            if round % 2 == 0 {
                try (try String(contentsOf: glossary, encoding: .utf8) + " ").write(to: glossary, atomically: true, encoding: .utf8)
            }
            for query in ["E-Akte", "Anträge"] {
                let process = Process()
                process.executableURL = binary
                process.arguments = ["search", "--book", book.recipes.path, "--limit", "1", query]
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                try process.run()
                processes.append((process, pipe))
            }
        }
        for (process, pipe) in processes {
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(output)")
            #expect(output.contains(" 1. "), "\(output)")
        }
    }
}
