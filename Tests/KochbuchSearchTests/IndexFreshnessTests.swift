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

/// Never stale means never, also where file times lie; a damaged or read-only index still answers;
/// suggestions come only from the book's current text.
@Suite(.serialized) struct IndexTrustTests {
    /// Replaces a word by another of the same length and sets the file's modification time back,
    /// as `touch -r`, `cp -p` and `rsync -t` do.
    private func editKeepingSizeAndTime(_ file: URL, _ old: String, _ new: String) throws {
        #expect(old.utf8.count == new.utf8.count)
        func sizeAndTime() -> [Int] {
            var info = stat()
            _ = stat(file.path, &info)
            return [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        }
        let before = sizeAndTime()
        let reference = file.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("reference.xml")
        try FileManager.default.copyItem(at: file, to: reference)
        _ = run("/usr/bin/touch", ["-r", file.path, reference.path])
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
        _ = run("/usr/bin/touch", ["-r", reference.path, file.path])
        #expect(sizeAndTime() == before)
    }

    private func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try? process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func anEditThatKeepsSizeAndTimeIsSeenBySearchListAndBuild() throws {
        let book = try SearchFixture()
        defer { book.cleanUp() }
        #expect(try book.ids("Zauberwald").isEmpty)
        let output = book.folder.appendingPathComponent("Exports")
        let builder = Builder(book: BookLocation(path: book.recipes.path), options: .init(editions: [.text], output: output))
        _ = try builder.build()
        #expect(try builder.build().upToDate)
        // Let the snapshot's racy window pass, so the cheap check is the one that decides.
        Thread.sleep(forTimeInterval: 2.2)
        _ = try book.store.open()
        #expect(try book.store.open().1 == .current)

        try editKeepingSizeAndTime(book.recipes.appendingPathComponent("sperrmuell.xml"), "<title>Sperrmüll", "<title>Zauberwald")
        #expect(try book.ids("Zauberwald") == ["sperrmuell"], "search")
        #expect(try book.library.list().contains { $0.title.hasPrefix("Zauberwald") }, "list")
        let rebuilt = try builder.build()
        #expect(!rebuilt.upToDate, "build")
        let text = try String(contentsOf: output.appendingPathComponent("text/rezepte/sperrmuell.txt"), encoding: .utf8)
        #expect(text.contains("Zauberwald"))
    }

    @Test func aDamagedIndexIsRebuiltInsteadOfFailingEverySearch() throws {
        let book = try SearchFixture()
        defer { book.cleanUp() }
        #expect(try book.ids("E-Akte").first == "e-akte")
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: book.store.path))
        let size = try handle.seekToEnd()
        try #require(size > 64 * 1024)
        // Zero pages inside the file, past the first, as a failing disk or a stray write would.
        for offset in stride(from: UInt64(8192), to: size - 4096, by: 16384) {
            try handle.seek(toOffset: offset)
            handle.write(Data(repeating: 0, count: 4096))
        }
        try handle.close()
        #expect(try book.ids("E-Akte").first == "e-akte")
        #expect(try book.ids("Sperrmüll").first == "sperrmuell")
        #expect(try book.library.list().count > 50)
    }

    @Test func wordsRemovedFromTheBookAreNeverSuggested() throws {
        let book = try SearchFixture()
        defer { book.cleanUp() }
        let file = book.recipes.appendingPathComponent("sperrmuell.xml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "<title>", with: "<title>Quastenflosser ").write(to: file, atomically: true, encoding: .utf8)
        #expect(try book.library.search("Quastenflossr").corrections.map(\.searched) == ["Quastenflosser"])
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(try book.store.open().1 == .updated(recipes: 1, removed: 0))
        let results = try book.library.search("Quastenflossr")
        #expect(!results.suggestions.contains("Quastenflosser") && results.corrections.isEmpty, "\(results.suggestions) \(results.corrections)")
        #expect(try book.library.search("Quastenfl*").hits.isEmpty)
    }

    /// An index the reader may not write (another user's, a read-only mount) is read as it is while
    /// current, and replaced by one in memory for the run when the book changed.
    @Test func aReadOnlyIndexStillAnswersAndIsNeverStale() throws {
        let book = try SearchFixture()
        defer {
            _ = run("/bin/chmod", ["-R", "u+w", book.folder.path])
            book.cleanUp()
        }
        #expect(try book.ids("E-Akte").first == "e-akte")
        let binary = SearchFixture.repository.appendingPathComponent(".build/debug/kochbuch")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path))
        let index = URL(fileURLWithPath: book.store.path)
        let before = try Data(contentsOf: index)
        // As root, permissions do not bind: the search runs as the user nobody, who may read but not write.
        func search(_ query: String) throws -> (status: Int32, output: String) {
            let process = Process()
            if getuid() == 0 {
                process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
                process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path, "search", "--book", book.recipes.path, query]
            } else {
                _ = run("/bin/chmod", ["-R", "a-w", index.deletingLastPathComponent().path])
                process.executableURL = binary
                process.arguments = ["search", "--book", book.recipes.path, query]
            }
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, output)
        }
        let current = try search("E-Akte")
        #expect(current.status == 0 && current.output.contains("e-akte"), "\(current.output)")

        let file = book.recipes.appendingPathComponent("sperrmuell.xml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "<title>", with: "<title>Quastenflosser ").write(to: file, atomically: true, encoding: .utf8)
        let stale = try search("Quastenflosser")
        #expect(stale.status == 0 && stale.output.contains("sperrmuell"), "\(stale.output)")
        #expect(try Data(contentsOf: index) == before, "the read-only index was written")
    }
}
