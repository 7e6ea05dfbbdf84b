import Foundation
import Kochbuch
import KochbuchLoading
import Testing

/// The quick freshness check: the snapshot lists what the full walk lists (and every folder), an
/// edit that keeps a file's size and folder untouched is still noticed on the next search, and a
/// kept snapshot checked without listing folders notices every change.
@Suite(.serialized) struct SnapshotTests {
    @Test func theSnapshotHoldsEveryXMLFileWithSizeAndTime() throws {
        let book = try SearchFixture()
        defer { book.cleanUp() }
        let loader = BookLoader(directory: book.recipes)
        let snapshot = try #require(loader.snapshot())
        var listed: [String: (size: Int, modified: Int)] = [:]
        var folders: [String] = []
        var rest = snapshot.bytes.dropFirst(8)
        while let end = rest.firstIndex(of: 0) {
            let path = String(decoding: rest[..<end], as: UTF8.self)
            let numbers = rest[(end + 1)..<(end + 17)]
            func integer(_ bytes: ArraySlice<UInt8>) -> Int {
                Int(bitPattern: UInt(bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }))
            }
            if path.hasSuffix("/") {
                #expect(integer(numbers.prefix(8)) == -1)
                folders.append(path)
            } else {
                listed[path] = (integer(numbers.prefix(8)), integer(numbers.suffix(8)))
            }
            rest = rest[(end + 17)...]
        }
        var isFolder: ObjCBool = false
        let subfolders = try FileManager.default.subpathsOfDirectory(atPath: book.recipes.path).filter {
            FileManager.default.fileExists(atPath: book.recipes.appendingPathComponent($0).path, isDirectory: &isFolder) && isFolder.boolValue
        }
        #expect(folders.sorted() == (["/"] + subfolders.map { $0 + "/" }).sorted())
        #expect(folders.contains("catalogs/laws/"))
        let states = loader.xmlFileStates()
        #expect(Set(listed.keys) == Set(states.keys))
        for (path, state) in states {
            #expect(listed[path]?.size == state.size && listed[path]?.modified == state.modified, "\(path)")
        }
    }

    @Test func anInPlaceEditOfTheSameSizeIsNoticed() throws {
        let book = try SearchFixture()
        defer { book.cleanUp() }
        _ = try book.store.open()
        #expect(try book.store.open().1 == .current)
        let file = book.recipes.appendingPathComponent("sperrmuell.xml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let word = try #require(text.range(of: "<title>Sperrmüll online").map { text.index($0.upperBound, offsetBy: -6)..<$0.upperBound })
        let edited = text.replacingCharacters(in: word, with: "Zyxwvu")
        #expect(edited.utf8.count == text.utf8.count)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        #expect(try book.store.open().1 == .updated(recipes: 1, removed: 0))
        #expect(try book.ids("Zyxwvu") == ["sperrmuell"])
        #expect(try book.store.open().1 == .current)
    }

    /// A snapshot whose files and folders are older than the moment it was taken is checked
    /// without listing folders; every kind of change still makes it fail.
    @Test func aKeptSnapshotIsCheckedWithoutListingFoldersAndNoticesEveryChange() throws {
        let book = try SearchFixture()
        defer { book.cleanUp() }
        try Self.backdate(book.recipes)
        let path = book.recipes.path
        let loader = BookLoader(directory: book.recipes)
        var kept = try #require(loader.snapshot())
        #expect(!kept.isRacy)
        #expect(kept.isCurrent(folder: path))

        // A new XML file in a subfolder: only that folder's time tells.
        let added = book.recipes.appendingPathComponent("catalogs/neu.xml")
        try Data("<x/>".utf8).write(to: added)
        #expect(!kept.isCurrent(folder: path))
        try FileManager.default.removeItem(at: added)
        try Self.backdate(book.recipes)
        kept = try #require(loader.snapshot())
        #expect(kept.isCurrent(folder: path))

        // The same bytes written again: same size, new time.
        let file = book.recipes.appendingPathComponent("sperrmuell.xml")
        try Data(contentsOf: file).write(to: file)
        #expect(!kept.isCurrent(folder: path))
        try Self.backdate(book.recipes)
        kept = try #require(loader.snapshot())

        // A file removed, and a non-XML file added (the folder changed, the XML files did not).
        try FileManager.default.removeItem(at: file)
        #expect(!kept.isCurrent(folder: path))
        let fresh = try #require(loader.snapshot())
        #expect(!fresh.holdsTheSameFiles(as: kept))
        try Self.backdate(book.recipes)
        kept = try #require(loader.snapshot())
        try Data("notiz".utf8).write(to: book.recipes.appendingPathComponent("notiz.txt"))
        #expect(!kept.isCurrent(folder: path))

        // Files changed just before the snapshot was taken: not trusted until the moment has passed.
        let racy = try #require(loader.snapshot())
        #expect(racy.isRacy)
        #expect(!racy.isCurrent(folder: path))
    }

    /// Through the index: after a search, a new recipe and an in-place edit are found at once,
    /// also when the quick check is in effect.
    @Test func theIndexNoticesANewRecipeAndAnEditBehindTheQuickCheck() throws {
        let book = try SearchFixture()
        defer { book.cleanUp() }
        try Self.backdate(book.recipes)
        _ = try book.store.open()
        #expect(try book.store.open().1 == .current)
        let source = book.recipes.appendingPathComponent("sperrmuell.xml")
        let text = try String(contentsOf: source, encoding: .utf8)
        let copy = text.replacingOccurrences(of: "id=\"sperrmuell\"", with: "id=\"sperrmuell-kopie\"")
            .replacingOccurrences(of: "<title>Sperrmüll online", with: "<title>Qwertzuiop online")
        try copy.write(to: book.recipes.appendingPathComponent("sperrmuell-kopie.xml"), atomically: false, encoding: .utf8)
        #expect(try book.store.open().1 == .updated(recipes: 1, removed: 0))
        #expect(try book.ids("Qwertzuiop") == ["sperrmuell-kopie"])
    }

    /// Waits until the book's last change is older than the snapshot's racy margin (2 s). Times
    /// cannot be set back for the test: the snapshot records change times, which no program can set.
    static func backdate(_ folder: URL) throws {
        Thread.sleep(forTimeInterval: 2.05)
    }
}
