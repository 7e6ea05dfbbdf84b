import Foundation

/// Paths and helpers shared by the formatter tests.
enum FormatterSupport {
    /// The repository folder (three levels above this file).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped book.
    static let recipes = repository.appendingPathComponent("Recipes")

    /// Every XML file of the shipped book, relative to `Recipes/`, sorted.
    static let corpus: [String] = {
        let enumerator = FileManager.default.enumerator(at: recipes, includingPropertiesForKeys: nil)
        var files: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension.lowercased() == "xml" else { continue }
            files.append(String(url.standardizedFileURL.path.dropFirst(recipes.standardizedFileURL.path.count + 1)))
        }
        return files.sorted()
    }()

    static func source(_ relative: String) throws -> String {
        try String(contentsOf: recipes.appendingPathComponent(relative), encoding: .utf8)
    }

    /// A fresh temporary folder.
    static func temporaryFolder(_ label: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
