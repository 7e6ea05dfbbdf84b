import Foundation
import KochbuchModel
import Testing
@testable import KochbuchEPUB

/// The EPUB's own ZIP writer, read back by Python's zipfile (another implementation): every entry
/// with its name, time, method and bytes; a damaged byte is noticed, so the check can fail.
@Suite struct ZIPWriterTests {
    static let reader = """
    import json, sys, zipfile
    with zipfile.ZipFile(sys.argv[1]) as archive:
        try:
            bad = archive.testzip()
        except Exception as error:
            bad = "damaged: %s" % error
        entries = [{"name": i.filename, "method": i.compress_type, "time": list(i.date_time), "mode": i.external_attr >> 16,
                    "size": i.file_size, "text": archive.read(i.filename).decode("utf-8")[:40] if bad is None else ""}
                   for i in archive.infolist()]
    print(json.dumps({"bad": bad, "entries": entries}))
    """

    static func read(_ data: Data) throws -> [String: Any] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-zip-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: file) }
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", reader, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any], "\(String(decoding: output, as: UTF8.self))")
    }

    static let large = String(repeating: "Die E-Akte wird eingeführt. ", count: 40_000)

    static func archive() throws -> Data {
        try EPUBPackager.package(files: [("b.xhtml", Data("zweites".utf8)), ("bilder/übersicht.svg", Data("<svg/>".utf8)),
                                         ("a.xhtml", Data(Self.large.utf8))], modified: CalendarDate("2026-11-21")!)
    }

    @Test func anotherReaderFindsEveryEntryAsWritten() throws {
        let data = try Self.archive()
        #expect(data.count < Self.large.utf8.count / 20, "the large entry is deflated")
        let read = try Self.read(data)
        #expect(read["bad"] is NSNull, "\(read)")
        let entries = try #require(read["entries"] as? [[String: Any]])
        #expect(entries.map { $0["name"] as? String } == ["mimetype", "META-INF/container.xml", "OEBPS/a.xhtml", "OEBPS/b.xhtml", "OEBPS/bilder/übersicht.svg"])
        #expect(entries.map { $0["method"] as? Int } == [0, 8, 8, 8, 8], "mimetype stored, the rest deflated")
        #expect(entries.allSatisfy { ($0["time"] as? [Int]) == [2026, 11, 21, 12, 0, 0] && ($0["mode"] as? Int) == 0o100644 })
        #expect(entries[0]["text"] as? String == "application/epub+zip")
        #expect(entries[2]["size"] as? Int == Self.large.utf8.count)
        #expect(entries[4]["text"] as? String == "<svg/>")
        #expect(try Self.archive() == data, "equal entries give equal bytes")
    }

    @Test func aDamagedByteIsNoticed() throws {
        var data = try Self.archive()
        let start = try #require(data.range(of: Data("OEBPS/a.xhtml".utf8)))
        data[start.upperBound + 100] ^= 0xFF
        let read = try Self.read(data)
        let bad = try #require(read["bad"] as? String, "python's zipfile found nothing wrong: \(read)")
        #expect(bad == "OEBPS/a.xhtml" || bad.hasPrefix("damaged:"), "\(bad)")
    }

    @Test func anArchiveFlushedAsItGrowsIsTheSameArchive() throws {
        let entries = try (0..<5).map { number in
            ("teil/\(number).xhtml", try ZIPWriter.Compressed(Data(String(repeating: "Eintrag \(number) ", count: 50 * (number + 1)).utf8), method: .deflate))
        }
        var whole = ZIPWriter(year: 2026, month: 12, day: 4)
        var streamed = ZIPWriter(year: 2026, month: 12, day: 4)
        var pieces: [Data] = []
        for (path, entry) in entries {
            try whole.add(path, entry)
            try streamed.add(path, entry)
            streamed.flush { pieces.append(Data($0)) }
        }
        pieces.append(try streamed.finish())
        let joined = pieces.reduce(Data(), +)
        #expect(pieces.count == 6 && pieces.dropLast().allSatisfy { !$0.isEmpty })
        #expect(joined == (try whole.finish()), "the entries' offsets in the central directory count what was flushed")
        let read = try Self.read(joined)
        #expect(read["bad"] is NSNull, "\(read)")
        #expect((read["entries"] as? [[String: Any]])?.count == 5)
    }
}
