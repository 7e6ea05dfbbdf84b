import Foundation
import Kochbuch
import KochbuchModel
import Testing

/// A private copy of the MiniBook fixture that a test may damage.
struct FixtureBook {
    let directory: URL

    init() throws {
        let source = try #require(Bundle.module.url(forResource: "Fixtures/MiniBook", withExtension: nil))
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kochbuch-tests-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: directory)
    }

    func url(_ file: String) -> URL { directory.appendingPathComponent(file) }

    func read(_ file: String) throws -> String { try String(contentsOf: url(file), encoding: .utf8) }

    func write(_ text: String, to file: String) throws {
        try FileManager.default.createDirectory(at: url(file).deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url(file), atomically: true, encoding: .utf8)
    }

    /// Replaces the single occurrence of `old` in `file`; fails the test if `old` is not there exactly once.
    func replace(_ old: String, with new: String, in file: String) throws {
        let text = try read(file)
        let occurrences = text.components(separatedBy: old).count - 1
        try #require(occurrences == 1, "'\(old)' occurs \(occurrences) times in \(file)")
        try write(text.replacingOccurrences(of: old, with: new), to: file)
    }

    func remove(_ file: String) throws { try FileManager.default.removeItem(at: url(file)) }

    /// The 1-based line of the first line containing `needle`.
    func line(of needle: String, in file: String) throws -> Int {
        let lines = try read(file).components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.contains(needle) }) + 1
    }

    var location: BookLocation { BookLocation(path: directory.path) }

    func validate(paths: [String] = [], strict: Bool = false) -> ValidationReport {
        Validator(book: location, strict: strict, today: CalendarDate("2026-11-21")!).validate(paths: paths)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}
