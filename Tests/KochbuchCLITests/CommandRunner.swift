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

    static func run(_ arguments: [String], in directory: URL = repository, environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        // The tests read the English wording; the German one has tests of its own (LanguageTests).
        environment["KOCHBUCH_LANG"] = "en"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let errorBox = Box()
        let errorReader = Thread { errorBox.data = readAll(error.fileHandleForReading) }
        errorReader.start()
        let outputData = readAll(output.fileHandleForReading)
        while !errorReader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        let errorData = errorBox.data
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                      error: String(decoding: errorData, as: UTF8.self))
    }

    /// Runs another program (a test tool, a checker) and returns its status and output (stdout and stderr together).
    static func runProgram(_ executable: URL, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: readAll(pipe.fileHandleForReading), as: UTF8.self)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: output, error: "")
    }

    final class Box: @unchecked Sendable { var data = Data() }

    /// Reads a pipe to its end, retrying reads that a signal interrupted.
    static func readAll(_ handle: FileHandle) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(handle.fileDescriptor, &buffer, buffer.count)
            if count > 0 { data.append(buffer, count: count); continue }
            if count < 0 && errno == EINTR { continue }
            break
        }
        return data
    }

    /// A temporary folder holding a copy of the shipped book as `Recipes/`.
    static func copyOfShippedBook() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Recipes"), to: directory.appendingPathComponent("Recipes"))
        return directory
    }
}
