import Foundation
import Kochbuch
import KochbuchLoading
import Testing

/// The quick freshness check: the snapshot lists what the full walk lists, and an edit that
/// keeps a file's size and folder untouched is still noticed on the next search.
@Suite(.serialized) struct SnapshotTests {
    @Test func theSnapshotHoldsEveryXMLFileWithSizeAndTime() throws {
        let book = try SearchFixture()
        defer { book.cleanUp() }
        let loader = BookLoader(directory: book.recipes)
        let snapshot = try #require(loader.snapshot())
        var listed: [String: (size: Int, modified: Int)] = [:]
        var rest = snapshot.bytes[...]
        while let end = rest.firstIndex(of: 0) {
            let path = String(decoding: rest[..<end], as: UTF8.self)
            let numbers = rest[(end + 1)..<(end + 17)]
            func integer(_ bytes: ArraySlice<UInt8>) -> Int {
                Int(bitPattern: UInt(bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }))
            }
            listed[path] = (integer(numbers.prefix(8)), integer(numbers.suffix(8)))
            rest = rest[(end + 17)...]
        }
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
}
