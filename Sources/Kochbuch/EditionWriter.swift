import Foundation
import KochbuchModel

/// Writes the files of an edition into its staging folder as they are made, from any thread.
///
/// A file whose bytes equal the same file of the edition being replaced is not written again:
/// the staging folder gets a hard link to the published file. So a build after a small change
/// rewrites only the files that changed, and unchanged files keep their identity and time
/// (useful for `rsync` and caches). The published edition is never written to; the swap stays atomic.
public final class EditionWriter: FileSink, @unchecked Sendable {
    private let folder: String
    private let previous: String?
    private let lock = NSLock()
    private var madeDirectories: Set<String> = [""]
    private var fileCount = 0
    private var byteCount = 0
    private var keptCount = 0

    /// - Parameters:
    ///   - folder: the staging folder.
    ///   - previous: the published edition to compare with, if there is one.
    init(folder: URL, previous: URL?) {
        self.folder = folder.path
        self.previous = previous?.path
    }

    /// How many files and bytes were written, and how many of the files were kept unchanged.
    var totals: Publisher.Totals {
        lock.withLock { Publisher.Totals(files: fileCount, bytes: byteCount, unchanged: keptCount) }
    }

    public func write(_ path: String, contents data: UnsafeRawBufferPointer) throws {
        guard Publisher.safeRelativePath(path) else { throw Publisher.PublishError.unsafePath(path) }
        try makeDirectory(containing: path)
        let full = folder + "/" + path
        let kept = keepsPublishedCopy(path, of: data, at: full)
        if !kept { try create(full, path: path, data: data) }
        lock.withLock {
            fileCount += 1
            byteCount += data.count
            if kept { keptCount += 1 }
        }
    }

    /// Writes the pieces to the staging folder as they come, comparing them with the published
    /// file; when all of it is the same, the staging copy gives way to a link to the published one.
    public func write(_ path: String, pieces produce: (_ piece: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        guard Publisher.safeRelativePath(path) else { throw Publisher.PublishError.unsafePath(path) }
        try makeDirectory(containing: path)
        let full = folder + "/" + path
        let descriptor = Self.openNew(full)
        guard descriptor >= 0 else { throw Publisher.PublishError.unwritable(path, errno: errno) }
        let published = previous.map { open($0 + "/" + path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) } ?? -1
        defer { if published >= 0 { close(published) } }
        var same = published >= 0
        var existing: [UInt8] = []
        var size = 0
        do {
            defer { close(descriptor) }
            try produce { piece in
                if same {
                    if existing.count < piece.count { existing = [UInt8](repeating: 0, count: piece.count) }
                    same = Self.read(published, count: piece.count, into: &existing)
                        && (piece.isEmpty || existing.withUnsafeBytes { memcmp(piece.baseAddress!, $0.baseAddress!, piece.count) == 0 })
                }
                try Self.writeAll(piece, to: descriptor, path: path)
                size += piece.count
            }
        }
        var status = stat()
        same = same && fstat(published, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && Int(status.st_size) == size
        // The link replaces the written copy in one rename; if it cannot be made, the copy stays.
        let linked = full + ".kept"
        let kept = same && link(previous! + "/" + path, linked) == 0 && rename(linked, full) == 0
        if same && !kept { unlink(linked) }
        lock.withLock {
            fileCount += 1
            byteCount += size
            if kept { keptCount += 1 }
        }
    }

    /// Reads exactly `count` bytes into the start of `buffer`; false at the end of the file or on an error.
    private static func read(_ descriptor: Int32, count: Int, into buffer: inout [UInt8]) -> Bool {
        var total = 0
        while total < count {
            let got = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + total, count - total) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return false }
            total += got
        }
        return true
    }

    /// Links the published file at `path` into the staging folder, unread.
    public func reuse(_ path: String) -> Bool {
        guard let previous, Publisher.safeRelativePath(path), (try? makeDirectory(containing: path)) != nil else { return false }
        let published = previous + "/" + path
        var status = stat()
        guard lstat(published, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              link(published, folder + "/" + path) == 0 else { return false }
        lock.withLock {
            fileCount += 1
            byteCount += Int(status.st_size)
            keptCount += 1
        }
        return true
    }

    /// Links the published file into the staging folder when it holds exactly `data`.
    private func keepsPublishedCopy(_ path: String, of data: UnsafeRawBufferPointer, at full: String) -> Bool {
        guard let previous else { return false }
        let published = previous + "/" + path
        let descriptor = open(published, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == data.count else {
            return false
        }
        // Compared a megabyte at a time: the published copy of a large file is never read whole.
        var existing = [UInt8](repeating: 0, count: min(data.count, 1 << 20))
        var offset = 0
        while offset < data.count {
            let count = min(existing.count, data.count - offset)
            guard Self.read(descriptor, count: count, into: &existing),
                  existing.withUnsafeBytes({ memcmp(data.baseAddress! + offset, $0.baseAddress!, count) }) == 0 else { return false }
            offset += count
        }
        return link(published, full) == 0
    }

    private func create(_ full: String, path: String, data buffer: UnsafeRawBufferPointer) throws {
        let descriptor = Self.openNew(full)
        guard descriptor >= 0 else { throw Publisher.PublishError.unwritable(path, errno: errno) }
        defer { close(descriptor) }
        try Self.writeAll(buffer, to: descriptor, path: path)
    }

    /// Opens a new file for writing. A file already at the path (a page written twice, or one kept
    /// first: a hard link to the published copy) is unlinked first, never written through.
    private static func openNew(_ full: String) -> Int32 {
        let descriptor = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor < 0, errno == EEXIST, unlink(full) == 0 else { return descriptor }
        return open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    }

    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
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

    private func makeDirectory(containing path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = String(path[..<slash])
        if lock.withLock({ madeDirectories.contains(directory) }) { return }
        try FileManager.default.createDirectory(atPath: folder + "/" + directory, withIntermediateDirectories: true)
        lock.withLock { _ = madeDirectories.insert(directory) }
    }
}
