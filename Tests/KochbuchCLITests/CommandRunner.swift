import Foundation
import Testing

/// Runs the built `kochbuch` binary as a user would.
struct CommandRunner {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("kochbuch"),
            Bundle.main.bundleURL.appendingPathComponent("kochbuch"),
            repository.appendingPathComponent(".build/debug/kochbuch"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    static func run(_ arguments: [String], in directory: URL = repository) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                      error: String(decoding: errorData, as: UTF8.self))
    }

    /// A temporary folder holding a copy of the shipped book as `Recipes/`.
    static func copyOfShippedBook() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Recipes"), to: directory.appendingPathComponent("Recipes"))
        return directory
    }
}
