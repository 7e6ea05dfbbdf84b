import Foundation
import Kochbuch
import KochbuchModel
import KochbuchSearch

/// A private copy of the shipped book, so a test may change it and its index lives apart.
struct SearchFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let folder: URL
    var recipes: URL { folder.appendingPathComponent("Recipes") }
    var library: Library { Library(book: BookLocation(path: recipes.path)) }
    var store: IndexStore { IndexStore(book: BookLocation(path: recipes.path)) }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Recipes"), to: recipes)
    }

    func ids(_ query: String, filters: SearchFilters = SearchFilters(), limit: Int = 50) throws -> [String] {
        try library.search(query, filters: filters, limit: limit).hits.map(\.id)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}

/// One shared copy for the read-only tests.
let sharedFixture: SearchFixture = try! SearchFixture()

/// Writes files into a folder (creating folders as needed): a site's files for the browser tests.
struct DirectorySink: FileSink {
    let folder: URL

    init(_ folder: URL) { self.folder = folder }

    func write(_ path: String, contents: UnsafeRawBufferPointer) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents).write(to: url)
    }
}
