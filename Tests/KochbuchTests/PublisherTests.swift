import Foundation
import Kochbuch
import KochbuchModel
import Testing

@Suite struct PublisherTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-publish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func publishesAndReplacesWholeEditions() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let publisher = Publisher(target: folder.appendingPathComponent("html"))
        try publisher.publish([("index.html", Data("alt".utf8)), ("rezepte/a.html", Data("a".utf8))])
        try publisher.publish([("index.html", Data("neu".utf8))])
        #expect(try String(contentsOf: folder.appendingPathComponent("html/index.html"), encoding: .utf8) == "neu")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("html/rezepte/a.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["html"])
    }

    @Test func aFailedPublicationLeavesTheOldEditionIntact() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let publisher = Publisher(target: folder.appendingPathComponent("html"))
        try publisher.publish([("index.html", Data("gut".utf8))])
        #expect(throws: Publisher.PublishError.self) {
            try publisher.publish([("index.html", Data("halb".utf8)), ("../ausbruch.html", Data("x".utf8))])
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("html/index.html"), encoding: .utf8) == "gut")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["html"])
    }

    @Test func anInterruptedSwapIsRepaired() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("html")
        try Publisher(target: target).publish([("index.html", Data("gut".utf8))])
        try FileManager.default.moveItem(at: target, to: folder.appendingPathComponent(".html.previous"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".html.staging-999999"), withIntermediateDirectories: true)
        try Publisher(target: target).recover()
        #expect(try String(contentsOf: target.appendingPathComponent("index.html"), encoding: .utf8) == "gut")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["html"])
    }
}

@Suite struct BuilderTests {
    static let recipes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Recipes")

    @Test func aBookWithErrorsPublishesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-build-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("Recipes")
        try FileManager.default.copyItem(at: Self.recipes, to: book)
        let output = folder.appendingPathComponent("Exports")
        let builder = Builder(book: BookLocation(path: book.path), options: .init(editions: [.html], output: output))
        let summary = try builder.build()
        #expect(summary.editions.first?.files ?? 0 > 100)
        let index = output.appendingPathComponent("html/index.html")
        let before = try Data(contentsOf: index)
        try "<recipe xmlns=\"urn:kochbuch:1.0\" id=\"kaputt\"".write(to: book.appendingPathComponent("kaputt.xml"), atomically: true, encoding: .utf8)
        #expect(throws: Builder.InvalidBook.self) { try builder.build() }
        #expect(try Data(contentsOf: index) == before)
    }
}
