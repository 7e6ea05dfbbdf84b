import Foundation
import KochbuchCache
import KochbuchModel
import Testing

@Suite struct PieceCacheTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-pieces-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func written(_ pieces: [String: String], identity: String = "tool 1 text") throws -> URL {
        let file = folder.appendingPathComponent("text.pack")
        let cache = PieceCache(file: file, identity: identity)
        for (key, piece) in pieces { cache.keep(Array(piece.utf8), under: ContentDigest(of: key)) }
        try cache.save()
        return file
    }

    @Test func piecesComeBackUnderTheirKeys() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try written(["a": "Erstes Rezept\n", "b": "Zweites – mit Umlauten äöü\n", "c": ""])
        let read = PieceCache(file: file, identity: "tool 1 text")
        #expect(read.status == .read(pieces: 3))
        #expect(read.piece(ContentDigest(of: "b")).map { String(decoding: $0, as: UTF8.self) } == "Zweites – mit Umlauten äöü\n")
        #expect(read.piece(ContentDigest(of: "c")) == [])
        #expect(read.piece(ContentDigest(of: "d")) == nil)
        #expect(read.counts.reused == 2)
    }

    /// A made piece is appended to the pack (same file); a later piece under the same key wins.
    @Test func madePiecesAreAppended() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try written(["a": "Rezept A", "b": "Rezept B"])
        let inode = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
        let read = PieceCache(file: file, identity: "tool 1 text")
        _ = read.piece(ContentDigest(of: "a"))
        _ = read.piece(ContentDigest(of: "b"))
        read.keep(Array("Rezept B, neu".utf8), under: ContentDigest(of: "b"))
        read.keep(Array("Rezept C".utf8), under: ContentDigest(of: "c"))
        try read.save()
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int == inode)
        let again = PieceCache(file: file, identity: "tool 1 text")
        #expect(again.status == .read(pieces: 3))
        #expect(again.piece(ContentDigest(of: "b")) == Array("Rezept B, neu".utf8))
        #expect(again.piece(ContentDigest(of: "c")) == Array("Rezept C".utf8))
    }

    /// Once the pieces a build did not use take more room than those it used, they are dropped.
    @Test func unusedPiecesAreDroppedWhenTheyOutweighTheUsedOnes() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let large = String(repeating: "Ein langer, nicht mehr gebrauchter Text. ", count: 50)
        let file = try written(["a": large, "b": "Rezept B"])
        let read = PieceCache(file: file, identity: "tool 1 text")
        _ = read.piece(ContentDigest(of: "b"))
        #expect(read.hasChanges)
        try read.save()
        let again = PieceCache(file: file, identity: "tool 1 text")
        #expect(again.status == .read(pieces: 1))
        #expect(again.piece(ContentDigest(of: "a")) == nil)
        #expect(again.piece(ContentDigest(of: "b")) == Array("Rezept B".utf8))
        // Control: when the used piece is the large one, the small unused one stays.
        let kept = try written(["a": large, "b": "Rezept B"])
        let reading = PieceCache(file: kept, identity: "tool 1 text")
        _ = reading.piece(ContentDigest(of: "a"))
        #expect(!reading.hasChanges)
        try reading.save()
        #expect(PieceCache(file: kept, identity: "tool 1 text").status == .read(pieces: 2))
    }

    /// A pack that is a symbolic link is not read, and saving replaces the link, never what it points to.
    @Test func aPackThatIsALinkIsNeitherReadNorWrittenThrough() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = folder.appendingPathComponent("fremd.pack")
        let valid = try written(["a": "Rezept A"])
        try FileManager.default.moveItem(at: valid, to: outside)
        let before = try Data(contentsOf: outside)
        try FileManager.default.createSymbolicLink(at: valid, withDestinationURL: outside)
        let read = PieceCache(file: valid, identity: "tool 1 text")
        #expect(read.status == .missing)
        #expect(read.piece(ContentDigest(of: "a")) == nil)
        read.keep(Array("Rezept B".utf8), under: ContentDigest(of: "b"))
        try read.save()
        #expect(try Data(contentsOf: outside) == before)
        var info = stat()
        #expect(lstat(valid.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG, "the link was not replaced by the pack")
        #expect(PieceCache(file: valid, identity: "tool 1 text").piece(ContentDigest(of: "b")) == Array("Rezept B".utf8))
        // Control: the file it pointed to is a valid pack.
        #expect(PieceCache(file: outside, identity: "tool 1 text").piece(ContentDigest(of: "a")) == Array("Rezept A".utf8))
    }

    @Test func oneBuildAtATimeHoldsTheFolder() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try #require(try CacheFolderLock(folder: folder))
        #expect(try CacheFolderLock(folder: folder) == nil)
        first.release()
        #expect(try CacheFolderLock(folder: folder) != nil)
    }

    @Test func aPackOfAnotherToolBuildOrFormatIsIgnored() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try written(["a": "Rezept"], identity: "tool 1 text")
        let other = PieceCache(file: file, identity: "tool 2 text")
        guard case .ignored = other.status else { Issue.record("a pack of another build was read: \(other.status)"); return }
        #expect(other.piece(ContentDigest(of: "a")) == nil)
        var bytes = try [UInt8](Data(contentsOf: file))
        bytes[15] = 9
        try Data(bytes).write(to: file)
        guard case .ignored = PieceCache(file: file, identity: "tool 1 text").status else {
            Issue.record("a pack of another format was read"); return
        }
        try Data("irgendeine Datei".utf8).write(to: file)
        guard case .ignored = PieceCache(file: file, identity: "tool 1 text").status else {
            Issue.record("a foreign file was read"); return
        }
    }

    @Test func aTruncatedPackIsIgnoredAndADamagedPieceIsNotReturned() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try written(["a": "Rezept A mit etwas Text", "b": "Rezept B mit anderem Text"])
        let bytes = try [UInt8](Data(contentsOf: file))
        try Data(bytes.dropLast(3)).write(to: file)
        guard case .ignored = PieceCache(file: file, identity: "tool 1 text").status else {
            Issue.record("a truncated pack was read"); return
        }
        try Data(bytes + [0]).write(to: file)
        guard case .ignored = PieceCache(file: file, identity: "tool 1 text").status else {
            Issue.record("a pack with trailing bytes was read"); return
        }
        // One byte of piece A's text changed: A is refused, B still comes back.
        var damaged = bytes
        let offset = try #require(damaged.indices.first { damaged[$0...].starts(with: Array("Rezept A".utf8)) })
        damaged[offset + 7] = UInt8(ascii: "X")
        try Data(damaged).write(to: file)
        let read = PieceCache(file: file, identity: "tool 1 text")
        #expect(read.status == .read(pieces: 2))
        #expect(read.piece(ContentDigest(of: "a")) == nil)
        #expect(read.piece(ContentDigest(of: "b")) == Array("Rezept B mit anderem Text".utf8))
        #expect(read.counts.damaged == 1 && read.counts.reused == 1)
        // Control: the undamaged pack gives A.
        try Data(bytes).write(to: file)
        #expect(PieceCache(file: file, identity: "tool 1 text").piece(ContentDigest(of: "a")) == Array("Rezept A mit etwas Text".utf8))
    }

    @Test func savingWithoutChangesLeavesTheFileAlone() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try written(["a": "Rezept"])
        let before = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
        let read = PieceCache(file: file, identity: "tool 1 text")
        _ = read.piece(ContentDigest(of: "a"))
        #expect(!read.hasChanges)
        try read.save()
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int == before)
        read.keep(Array("neu".utf8), under: ContentDigest(of: "b"))
        #expect(read.hasChanges)
    }
}

@Suite struct ContentDigestTests {
    /// The published FNV-1a 128-bit values (IETF draft-eastlake-fnv, test vectors).
    @Test func knownValues() {
        #expect(ContentDigest(of: Array<UInt8>()).description == "6c62272e07bb014262b821756295c58d")
        #expect(ContentDigest(of: Array("a".utf8)).description == "d228cb696f1a8caf78912b704e4a8964")
        #expect(ContentDigest(of: Array("foobar".utf8)).description == "343e1662793c64bf6f0d3597ba446f18")
        let digest = ContentDigest(of: Array("Kochbuch".utf8))
        #expect(ContentDigest(bytes: digest.bytes) == digest)
        var pair = ContentDigest()
        pair.combine("ab"); pair.combine("c")
        var other = ContentDigest()
        other.combine("a"); other.combine("bc")
        #expect(pair != other)
    }
}
