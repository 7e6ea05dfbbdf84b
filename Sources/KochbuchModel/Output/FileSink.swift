import Foundation

/// Where an edition's files go as they are made, so that no edition has to hold all of itself
/// in memory. Implementations must accept writes from several threads at once.
public protocol FileSink: Sendable {
    /// Stores `contents` as the file at `path` (relative, `/`-separated) of the edition.
    func write(_ path: String, contents: UnsafeRawBufferPointer) throws

    /// Keeps the file at `path` as the edition being replaced has it, without making it again;
    /// false when there is no such file (the caller then writes it).
    func reuse(_ path: String) -> Bool

    /// Stores a file made in pieces, for files too large to hold whole: `produce` hands each piece
    /// in order to the function it is given.
    func write(_ path: String, pieces produce: (_ piece: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws
}

extension FileSink {
    public func reuse(_ path: String) -> Bool { false }

    /// Collects the pieces and stores them as one.
    public func write(_ path: String, pieces produce: (_ piece: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        var bytes: [UInt8] = []
        try produce { bytes.append(contentsOf: $0) }
        try write(path, bytes: bytes)
    }

    /// Stores `data` as the file at `path`.
    public func write(_ path: String, _ data: Data) throws {
        try data.withUnsafeBytes { try write(path, contents: $0) }
    }

    /// Stores bytes as the file at `path`.
    public func write(_ path: String, bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write(path, contents: $0) }
    }

    /// Stores text as UTF-8, without copying it first.
    public func write(_ path: String, text: String) throws {
        var text = text
        try text.withUTF8 { try write(path, contents: UnsafeRawBufferPointer($0)) }
    }
}

/// A sink that keeps the files in memory: for tests, and for callers that want the bytes.
public final class CollectingSink: FileSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [(path: String, data: Data)] = []

    public init() {}

    public func write(_ path: String, contents: UnsafeRawBufferPointer) throws {
        let data = Data(contents)
        lock.withLock { collected.append((path, data)) }
    }

    /// The files written so far, sorted by path.
    public var files: [(path: String, data: Data)] {
        lock.withLock { collected.sorted { $0.path < $1.path } }
    }
}
