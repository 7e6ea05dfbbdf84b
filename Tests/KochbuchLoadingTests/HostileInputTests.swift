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

    /// Authors read German by default: every diagnostic is worded in both languages, with a hint in both.
    private func expectBilingual(_ diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!diagnostics.isEmpty, sourceLocation: sourceLocation)
        for diagnostic in diagnostics {
            let german = diagnostic.german?.message ?? ""
            #expect(diagnostic.german != nil, "\(diagnostic.code) is worded in English only: \(diagnostic.message)", sourceLocation: sourceLocation)
            #expect(!german.isEmpty && german != diagnostic.message,
                    "\(diagnostic.code): no German message of its own: \(german)", sourceLocation: sourceLocation)
            #expect(diagnostic.hint != nil, "\(diagnostic.code) has no hint", sourceLocation: sourceLocation)
            #expect(diagnostic.german?.hint != nil, "\(diagnostic.code) has no German hint", sourceLocation: sourceLocation)
            #expect(diagnostic.german?.hint != diagnostic.hint,
                    "\(diagnostic.code): the German hint is the English one", sourceLocation: sourceLocation)
        }
    }

    @Test func externalEntityIsRefusedBeforeParsing() throws {
        let diagnostics = try load("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE recipe [ <!ENTITY passwd SYSTEM "file:///etc/passwd"> ]>
        <recipe xmlns="urn:kochbuch:1.0">&passwd;</recipe>
        """)
        #expect(diagnostics.map(\.code) == [.xmlDoctype])
        #expect(diagnostics.first?.location == SourceLocation(path: "Recipes/rezept.xml", line: 2, column: 1))
        #expect(!diagnostics.description.contains("root:"))
        expectBilingual(diagnostics)
    }

    @Test func billionLaughsIsRefused() throws {
        var entities = "<!ENTITY l0 \"lol\">"
        for level in 1...9 { entities += "<!ENTITY l\(level) \"\(String(repeating: "&l\(level - 1);", count: 10))\">" }
        let diagnostics = try load("<?xml version=\"1.0\"?>\n<!-- harmlos -->\n<!DOCTYPE r [\(entities)]>\n<r>&l9;</r>")
        #expect(diagnostics.map(\.code) == [.xmlDoctype])
        #expect(diagnostics.first?.location.line == 3)
        expectBilingual(diagnostics)
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
        expectBilingual(diagnostics)
    }

    @Test func utf16IsRefused() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<recipe/>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let diagnostics = try load(bytes)
        #expect(diagnostics.map(\.code) == [.fileEncoding])
        expectBilingual(diagnostics)
    }

    @Test func otherDeclaredEncodingIsRefused() throws {
        let diagnostics = try load("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<recipe/>")
        #expect(diagnostics.map(\.code) == [.fileEncoding])
        #expect(diagnostics.first?.message.contains("ISO-8859-1") == true)
        #expect(diagnostics.first?.german?.message.contains("ISO-8859-1") == true)
        expectBilingual(diagnostics)
    }

    @Test func emptyFileIsRefused() throws {
        #expect(try load("").map(\.code) == [.fileEmpty])
        let diagnostics = try load("  \n\n")
        #expect(diagnostics.map(\.code) == [.fileEmpty])
        expectBilingual(diagnostics)
    }

    @Test func textThatIsNotXMLIsMalformed() throws {
        let diagnostics = try load("Dies ist kein XML, sondern ein Brief.")
        #expect(diagnostics.first?.code == .xmlMalformed)
        #expect(diagnostics.first?.location.line == 1)
        expectBilingual(diagnostics)
    }

    @Test func truncatedFileIsMalformedAtItsEnd() throws {
        let diagnostics = try load("<?xml version=\"1.0\"?>\n<recipe xmlns=\"urn:kochbuch:1.0\">\n  <title>Abgeschnit")
        #expect(diagnostics.first?.code == .xmlMalformed)
        #expect(diagnostics.first?.location.line == 3)
        #expect((diagnostics.first?.location.column ?? 0) > 0)
        expectBilingual(diagnostics)
        // libxml2's words are English; the German message says the same in German, naming the element.
        #expect(diagnostics.first?.german?.message.contains("<title>") == true, "\(diagnostics.first?.german?.message ?? "")")
    }

    @Test func mismatchedTagsAreExplainedInGerman() throws {
        let diagnostics = try load("<?xml version=\"1.0\"?>\n<recipe xmlns=\"urn:kochbuch:1.0\">\n  <title>Titel</titel>\n</recipe>")
        #expect(diagnostics.first?.code == .xmlMalformed)
        #expect(diagnostics.first?.message.hasPrefix("Opening and ending tag mismatch") == true)
        #expect(diagnostics.first?.german?.message == "Start- und End-Tag passen nicht zusammen: <title> aus Zeile 3 wird mit </titel> geschlossen",
                "\(diagnostics.first?.german?.message ?? "")")
        expectBilingual(diagnostics)
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
        #expect(diagnostics.first?.german?.message.contains("8,0 MiB (8.388.609 Byte)") == true, "\(diagnostics.first?.german?.message ?? "")")
        expectBilingual(diagnostics)
    }

    /// Shapes whose parsing cost grows with the square of a count are refused before parsing, at once.
    @Test func tooManyAttributesElementsOrTooLongATextAreRefusedBeforeParsing() throws {
        let attributes = (0..<50_000).map { " a\($0)=\"x\"" }.joined()
        let wide = try load("<recipe xmlns=\"urn:kochbuch:1.0\" id=\"x\">\n<title\(attributes)>T</title></recipe>")
        #expect(wide.map(\.code) == [.xmlTooComplex])
        #expect(wide.first?.location.line == 2)
        #expect(wide.first?.message.contains("more than 64 attributes") == true)
        expectBilingual(wide)
        let many = try load("<recipe xmlns=\"urn:kochbuch:1.0\">" + String(repeating: "<p/>", count: 250_001) + "</recipe>")
        #expect(many.map(\.code) == [.xmlTooComplex])
        expectBilingual(many)
        let long = try load("<recipe xmlns=\"urn:kochbuch:1.0\"><title>" + String(repeating: "a", count: (1 << 20) + 1) + "</title></recipe>")
        #expect(long.map(\.code) == [.xmlTooComplex])
        expectBilingual(long)
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
        expectBilingual(diagnostics)
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
        expectBilingual(loaded.diagnostics)
    }

    @Test func symbolicLinkLoopAndPipeAreNotRead() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("kreis.xml").path, withDestinationPath: "kreis.xml")
        #expect(mkfifo(directory.appendingPathComponent("rohr.xml").path, 0o600) == 0)
        let loaded = BookLoader(directory: directory, displayPrefix: "Recipes").load()
        #expect(loaded.diagnostics.map(\.code) == [.fileUnreadable, .fileUnreadable], "\(loaded.diagnostics)")
        #expect(Set(loaded.diagnostics.map(\.location.path)) == ["Recipes/kreis.xml", "Recipes/rohr.xml"])
        #expect(loaded.files.isEmpty)
        expectBilingual(loaded.diagnostics)
    }

    @Test func foreignRootIsReportedNotGuessed() throws {
        let diagnostics = try load("<?xml version=\"1.0\"?>\n<html><body/></html>")
        #expect(diagnostics.map(\.code) == [.xmlUnknownRoot])
        #expect(diagnostics.first?.location == SourceLocation(path: "Recipes/rezept.xml", line: 2, column: 1))
        expectBilingual(diagnostics)
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
        expectBilingual(diagnostics)
    }
}
