import Foundation
import Kochbuch
import KochbuchHTML
import Testing
import ZIPFoundation
@testable import KochbuchEPUB

/// The EPUB checked by the real epubcheck and read by a second, independent reader (pandoc).
@Suite(.serialized) struct EPUBCheckTests {
    static let epubcheck = "/usr/bin/epubcheck"

    static func write(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-\(UUID().uuidString).epub")
        try data.write(to: url)
        return url
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func check(_ url: URL) throws -> (status: Int32, output: String) {
        try #require(FileManager.default.fileExists(atPath: epubcheck), "epubcheck is missing: run 'make setup'")
        return try run("/usr/bin/java", ["-jar", epubcheck, url.path])
    }

    @Test(arguments: [EPUBSelection(), EPUBSelection(topics: ["bauen-wohnen"], laws: ["egovg:6"])])
    func epubcheckReportsNothing(_ selection: EPUBSelection) throws {
        let url = try Self.write(EPUBBookTests.epub(EPUBBookTests.shipped, selection).data())
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try Self.check(url)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Messages: 0 fatals / 0 errors / 0 warnings"), "\(result.output)")
    }

    /// A book image named like a file the EPUB makes (`cover.svg`), reached through `./` and `../`,
    /// keeps a folder of its own: the EPUB passes epubcheck and its cover stays its cover.
    @Test func aBookImageCannotTakeTheNameOfAFileTheEPUBMakes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-epub-names-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: EPUBBookTests.miniBook, to: folder)
        let image = try Data(contentsOf: folder.appendingPathComponent("images/ablauf.svg"))
        try image.write(to: folder.appendingPathComponent("cover.svg"))
        let recipe = folder.appendingPathComponent("everything.xml")
        let source = try String(contentsOf: recipe, encoding: .utf8)
        try source.replacingOccurrences(of: "src=\"images/ablauf.svg\"", with: "src=\"./images/../cover.svg\"").write(to: recipe, atomically: true, encoding: .utf8)
        let book = EPUBBookTests.epub(folder)
        let files = try book.files()
        #expect(files.first { $0.path == "bilder/cover.svg" }?.data == image)
        #expect(files.first { $0.path == "cover.svg" }?.data != image)
        let chapter = String(decoding: try #require(files.first { $0.path == "rezepte/everything.xhtml" }).data, as: UTF8.self)
        #expect(chapter.contains("src=\"../bilder/cover.svg\""))
        let url = try Self.write(book.data())
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try Self.check(url)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Messages: 0 fatals / 0 errors / 0 warnings"), "\(result.output)")
    }

    /// Negative control: a compressed mimetype must be rejected, or the check proves nothing.
    @Test func epubcheckRejectsACompressedMimetype() throws {
        let files = try EPUBBookTests.epub(EPUBBookTests.shipped, EPUBSelection(recipes: ["e-akte"])).files()
        let broken = try EPUBPackager.package(files: files, modified: .init("2026-11-21")!, mimetypeMethod: .deflate)
        let url = try Self.write(broken)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try Self.check(url)
        #expect(result.status != 0)
        #expect(result.output.contains("PKG-007") || result.output.contains("ERROR"), "\(result.output)")
    }

    @Test func pandocReadsEveryRecipeTitle() throws {
        let book = EPUBBookTests.epub(EPUBBookTests.shipped)
        let url = try Self.write(book.data())
        defer { try? FileManager.default.removeItem(at: url) }
        let pandoc = try #require(["/usr/bin/pandoc", "/usr/local/bin/pandoc"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                  "pandoc is missing: run 'make setup'")
        let result = try Self.run(pandoc, ["-f", "epub", "-t", "plain", "--wrap=none", url.path])
        #expect(result.status == 0)
        for recipe in book.recipes {
            #expect(result.output.contains(recipe.title), "pandoc did not find '\(recipe.title)'")
        }
    }
}
