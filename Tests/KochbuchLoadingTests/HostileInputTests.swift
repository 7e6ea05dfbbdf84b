import Foundation
import KochbuchLoading
import KochbuchModel
import Testing

/// Hostile and broken input is refused with a clear diagnostic, and never crashes the process.
@Suite struct HostileInputTests {
    /// Loads a book holding one file with these bytes and returns the diagnostics for it.
    private func load(_ bytes: [UInt8], name: String = "rezept.xml") throws -> [Diagnostic] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(bytes).write(to: directory.appendingPathComponent(name))
        return BookLoader(directory: directory, displayPrefix: "Recipes").load().diagnostics
    }

    private func load(_ text: String) throws -> [Diagnostic] { try load(Array(text.utf8)) }

    @Test func externalEntityIsRefusedBeforeParsing() throws {
        let diagnostics = try load("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE recipe [ <!ENTITY passwd SYSTEM "file:///etc/passwd"> ]>
        <recipe xmlns="urn:kochbuch:1.0">&passwd;</recipe>
        """)
        #expect(diagnostics.map(\.code) == [.xmlDoctype])
        #expect(diagnostics.first?.location == SourceLocation(path: "Recipes/rezept.xml", line: 2, column: 1))
        #expect(!diagnostics.description.contains("root:"))
    }

    @Test func billionLaughsIsRefused() throws {
        var entities = "<!ENTITY l0 \"lol\">"
        for level in 1...9 { entities += "<!ENTITY l\(level) \"\(String(repeating: "&l\(level - 1);", count: 10))\">" }
        let diagnostics = try load("<?xml version=\"1.0\"?>\n<!-- harmlos -->\n<!DOCTYPE r [\(entities)]>\n<r>&l9;</r>")
        #expect(diagnostics.map(\.code) == [.xmlDoctype])
        #expect(diagnostics.first?.location.line == 3)
    }

    @Test func latin1BytesAreRefusedWithTheirPosition() throws {
        var bytes = Array("<?xml version=\"1.0\"?>\n<recipe>Stra".utf8)
        bytes.append(0xDF) // ß in Latin-1
        bytes += Array("e</recipe>".utf8)
        let diagnostics = try load(bytes)
        #expect(diagnostics.map(\.code) == [.fileEncoding])
        #expect(diagnostics.first?.location.line == 2)
        #expect(diagnostics.first?.location.column == 13)
        #expect(diagnostics.first?.hint?.contains("UTF-8") == true)
    }

    @Test func utf16IsRefused() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<recipe/>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try load(bytes).map(\.code) == [.fileEncoding])
    }

    @Test func otherDeclaredEncodingIsRefused() throws {
        let diagnostics = try load("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<recipe/>")
        #expect(diagnostics.map(\.code) == [.fileEncoding])
        #expect(diagnostics.first?.message.contains("ISO-8859-1") == true)
    }

    @Test func emptyFileIsRefused() throws {
        #expect(try load("").map(\.code) == [.fileEmpty])
        #expect(try load("  \n\n").map(\.code) == [.fileEmpty])
    }

    @Test func textThatIsNotXMLIsMalformed() throws {
        let diagnostics = try load("Dies ist kein XML, sondern ein Brief.")
        #expect(diagnostics.first?.code == .xmlMalformed)
        #expect(diagnostics.first?.location.line == 1)
    }

    @Test func truncatedFileIsMalformedAtItsEnd() throws {
        let diagnostics = try load("<?xml version=\"1.0\"?>\n<recipe xmlns=\"urn:kochbuch:1.0\">\n  <title>Abgeschnit")
        #expect(diagnostics.first?.code == .xmlMalformed)
        #expect(diagnostics.first?.location.line == 3)
        #expect((diagnostics.first?.location.column ?? 0) > 0)
    }

    @Test func hugeFileIsRefusedUnread() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-huge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("riesig.xml")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(BookLoader.maximumFileSize + 1))
        try handle.close()
        let diagnostics = BookLoader(directory: directory, displayPrefix: "Recipes").load().diagnostics
        #expect(diagnostics.map(\.code) == [.fileTooLarge])
        #expect(diagnostics.first?.message.contains("file is 8.0 MiB (8,388,609 bytes); the limit is 8 MiB (8388608 bytes)") == true,
                "\(diagnostics.first?.message ?? "")")
    }

    /// Shapes whose parsing cost grows with the square of a count are refused before parsing, at once.
    @Test func tooManyAttributesElementsOrTooLongATextAreRefusedBeforeParsing() throws {
        let attributes = (0..<50_000).map { " a\($0)=\"x\"" }.joined()
        let wide = try load("<recipe xmlns=\"urn:kochbuch:1.0\" id=\"x\">\n<title\(attributes)>T</title></recipe>")
        #expect(wide.map(\.code) == [.xmlTooComplex])
        #expect(wide.first?.location.line == 2)
        #expect(wide.first?.message.contains("more than 64 attributes") == true)
        let many = try load("<recipe xmlns=\"urn:kochbuch:1.0\">" + String(repeating: "<p/>", count: 250_001) + "</recipe>")
        #expect(many.map(\.code) == [.xmlTooComplex])
        let long = try load("<recipe xmlns=\"urn:kochbuch:1.0\"><title>" + String(repeating: "a", count: (1 << 20) + 1) + "</title></recipe>")
        #expect(long.map(\.code) == [.xmlTooComplex])
        // Quoted ">" and "=" in values, comments and CDATA do not count.
        let fine = try load("<recipe xmlns=\"urn:kochbuch:1.0\" id=\"a=b>c\"><!-- <x a=1 b=2> --><title><![CDATA[<>=]]></title></recipe>")
        #expect(!fine.contains { $0.code == .xmlTooComplex })
    }

    @Test func deepNestingIsRefused() throws {
        let depth = 5_000
        let text = "<recipe xmlns=\"urn:kochbuch:1.0\">" + String(repeating: "<p>", count: depth)
            + String(repeating: "</p>", count: depth) + "</recipe>"
        let diagnostics = try load(text)
        #expect(diagnostics.first?.code == .xmlTooDeep)
    }

    @Test func symbolicLinkOutOfTheBookIsNotFollowed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-link-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createSymbolicLink(
            at: directory.appendingPathComponent("passwd.xml"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        let loaded = BookLoader(directory: directory, displayPrefix: "Recipes").load()
        #expect(loaded.diagnostics.map(\.code) == [.fileOutsideBook])
        #expect(loaded.files.isEmpty)
    }

    @Test func foreignRootIsReportedNotGuessed() throws {
        let diagnostics = try load("<?xml version=\"1.0\"?>\n<html><body/></html>")
        #expect(diagnostics.map(\.code) == [.xmlUnknownRoot])
        #expect(diagnostics.first?.location == SourceLocation(path: "Recipes/rezept.xml", line: 2, column: 1))
    }

    @Test func everyFileIsReportedInOneRun() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-many-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data().write(to: directory.appendingPathComponent("a.xml"))
        try Data("<x".utf8).write(to: directory.appendingPathComponent("b.xml"))
        try Data([0xC3, 0x28]).write(to: directory.appendingPathComponent("c.xml"))
        let diagnostics = BookLoader(directory: directory, displayPrefix: "B").load().diagnostics
        #expect(Set(diagnostics.map(\.location.path)) == ["B/a.xml", "B/b.xml", "B/c.xml"])
    }
}
