import Foundation
import KochbuchModel

/// Writes the files of an edition into its staging folder as they are made, from any thread.
/// Plain `open`/`write`/`close`: the folder is private to the build until the publisher swaps it in.
public final class EditionWriter: FileSink, @unchecked Sendable {
    private let folder: String
    private let lock = NSLock()
    private var madeDirectories: Set<String> = [""]
    private var fileCount = 0
    private var byteCount = 0

    init(folder: URL) {
        self.folder = folder.path
    }

    /// How many files and bytes were written.
    var totals: (files: Int, bytes: Int) { lock.withLock { (fileCount, byteCount) } }

    public func write(_ path: String, _ data: Data) throws {
        guard Publisher.safeRelativePath(path) else { throw Publisher.PublishError.unsafePath(path) }
        try makeDirectory(containing: path)
        let full = folder + "/" + path
        let descriptor = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Publisher.PublishError.unwritable(path, errno: errno) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Publisher.PublishError.unwritable(path, errno: errno)
                }
                offset += written
            }
        }
        lock.withLock {
            fileCount += 1
            byteCount += data.count
        }
    }

    private func makeDirectory(containing path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = String(path[..<slash])
        if lock.withLock({ madeDirectories.contains(directory) }) { return }
        try FileManager.default.createDirectory(atPath: folder + "/" + directory, withIntermediateDirectories: true)
        lock.withLock { _ = madeDirectories.insert(directory) }
    }
}
