import Foundation
import KochbuchModel

/// One pack file of the build cache: pieces of an edition, each under the digest of everything it
/// was made from (`RecipeInputKeys`). When the file is opened its index is read (the pieces are
/// read one at a time as they are asked for, so the pack never sits in memory); a piece made in this build is
/// appended at once (so the build never holds the made pieces in memory), and `save` compacts the
/// file, keeping only the pieces this build used or made, once the others take more room than they
/// do. A new file (or one replacing an unusable one) is written beside the old and renamed over it.
///
/// Nothing in the file is trusted: a file from another format or another build of the tool
/// (`identity`), a truncated or garbled file, and any piece whose bytes do not match the digest
/// stored with it are ignored, and the piece is made anew (`Status`).
///
/// Layout: the magic line, the format version (4 bytes), the identity's length (4 bytes) and
/// UTF-8; then to the end of the file, per piece its key (16 bytes), length (4 bytes), digest of
/// its bytes (16 bytes) and the bytes. Numbers little-endian; a key given twice means its last piece.
///
/// One build at a time: the caller holds the cache folder's lock (`CacheFolderLock`).
public final class PieceCache: @unchecked Sendable {
    /// What opening the file found.
    public enum Status: Sendable, Equatable {
        /// No file yet.
        case missing
        /// The file holds this many pieces.
        case read(pieces: Int)
        /// The file was not used: why.
        case ignored(String)
    }

    static let magic = Array("KOCHBUCH-CACHE\n".utf8)
    static let formatVersion: UInt32 = 2
    /// Bytes before a piece's own: key, length, digest.
    static let entryHeader = 36

    public let file: URL
    public let identity: String
    public private(set) var status: Status = .missing

    private typealias Entry = (start: Int, count: Int, check: ContentDigest)

    private let lock = NSLock()
    /// The pack as it was opened, read from by position.
    private var stored: PackFile?
    private var index: [ContentDigest: Entry] = [:]
    private var used: Set<ContentDigest> = []
    private var reusedCount = 0
    private var damagedCount = 0
    /// Where made pieces are appended: the pack itself when it was read, else a new file renamed
    /// into place by `save`.
    private var writer: Writer?
    private var made: Set<ContentDigest> = []
    private var madeBytes = 0
    private var writeFailure: Error?

    /// Opens the pack file at `file`; a file whose identity is not `identity` is ignored.
    /// - Parameter identity: what the pieces' meaning depends on beyond their keys: the tool's
    ///   version and build, the kind of piece.
    public init(file: URL, identity: String) {
        self.file = file
        self.identity = identity
        guard let pack = PackFile(file) else { return }
        switch Self.parse(pack, identity: identity) {
        case .success(let index):
            stored = pack
            self.index = index
            status = .read(pieces: index.count)
        case .failure(let reason):
            status = .ignored(reason.text)
        }
    }

    /// How many pieces were taken from the file, and how many were found damaged (and made anew).
    public var counts: (reused: Int, damaged: Int) {
        lock.withLock { (reusedCount, damagedCount) }
    }

    /// The piece kept under `key`, after checking its bytes against its digest.
    public func piece(_ key: ContentDigest) -> [UInt8]? {
        guard let entry = lock.withLock({ index[key] }), let stored else { return nil }
        guard let piece = stored.read(entry.count, at: entry.start), ContentDigest(of: piece) == entry.check else {
            lock.withLock {
                damagedCount += 1
                index[key] = nil
            }
            return nil
        }
        lock.withLock {
            used.insert(key)
            reusedCount += 1
        }
        return piece
    }

    /// Keeps a piece just made under `key`: appended to the pack at once. A failure to write is
    /// reported by `save`; the piece is then not kept.
    public func keep(_ piece: [UInt8], under key: ContentDigest) {
        var entry = key.bytes
        Self.append(UInt32(piece.count), to: &entry)
        entry += ContentDigest(of: piece).bytes
        entry += piece
        lock.withLock {
            guard writeFailure == nil else { return }
            do {
                if writer == nil { writer = try openWriter() }
                try writer!.append(entry)
                made.insert(key)
                madeBytes += entry.count
            } catch {
                writeFailure = error
            }
        }
    }

    /// Whether `save` would write: pieces were made, or the unused ones are to be dropped.
    public var hasChanges: Bool {
        lock.withLock { !made.isEmpty || needsCompaction }
    }

    /// Finishes the pack: renames a new file into place, or drops the pieces this build did not use
    /// once they take more room than the used ones. Writes nothing when nothing changed.
    public func save() throws {
        try lock.withLock {
            defer { writer = nil }
            if let writeFailure {
                writer?.abandon()
                throw writeFailure
            }
            if let writer {
                try writer.finish(replacing: file)
            }
            guard needsCompaction else { return }
            guard let pack = PackFile(file), case .success(let all) = Self.parse(pack, identity: identity) else { return }
            let compacted = try Writer(new: file, header: header)
            do {
                for (key, entry) in all.sorted(by: { $0.value.start < $1.value.start }) where used.contains(key) || made.contains(key) {
                    guard let piece = pack.read(entry.count, at: entry.start) else { throw Writer.failure(file) }
                    var bytes = key.bytes
                    Self.append(UInt32(entry.count), to: &bytes)
                    bytes += entry.check.bytes
                    try compacted.append(bytes + piece)
                }
                try compacted.finish(replacing: file)
            } catch {
                compacted.abandon()
                throw error
            }
        }
    }

    /// Unused pieces take more room than those used and made in this build.
    private var needsCompaction: Bool {
        guard case .read = status else { return false }
        let usedBytes = used.reduce(0) { $0 + Self.entryHeader + (index[$1]?.count ?? 0) } + madeBytes
        let unusedBytes = index.reduce(0) { used.contains($1.key) ? $0 : $0 + Self.entryHeader + $1.value.count }
        return unusedBytes > usedBytes
    }

    private var header: [UInt8] {
        var bytes = Self.magic
        Self.append(Self.formatVersion, to: &bytes)
        let name = Array(identity.utf8)
        Self.append(UInt32(name.count), to: &bytes)
        return bytes + name
    }

    private func openWriter() throws -> Writer {
        if case .read = status, let stored { return try Writer(appendingTo: file, expectedSize: stored.size) }
        return try Writer(new: file, header: header)
    }

    /// Appends to a pack file: the existing one (cut back to where it was if a write fails), or a
    /// new one beside it, renamed over it when finished.
    private struct Writer {
        let descriptor: Int32
        let temporary: URL?
        let start: off_t

        init(appendingTo file: URL, expectedSize: Int) throws {
            descriptor = open(file.path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { throw Self.failure(file) }
            start = lseek(descriptor, 0, SEEK_END)
            temporary = nil
            guard start == off_t(expectedSize) else {
                close(descriptor)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path,
                                                              NSLocalizedDescriptionKey: "\(file.path) changed while it was read"])
            }
        }

        init(new file: URL, header: [UInt8]) throws {
            let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString).tmp")
            descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw Self.failure(temporary) }
            self.temporary = temporary
            start = 0
            try append(header)
        }

        func append(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { try append($0) }
        }

        func append(_ buffer: UnsafeRawBufferPointer) throws {
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    let failure = Self.failure(temporary ?? URL(fileURLWithPath: "/dev/fd/\(descriptor)"))
                    if temporary == nil { _ = ftruncate(descriptor, start) }
                    throw failure
                }
                offset += written
            }
        }

        func finish(replacing file: URL) throws {
            guard close(descriptor) == 0 else { throw Self.failure(file) }
            if let temporary, rename(temporary.path, file.path) != 0 {
                let failure = Self.failure(file)
                unlink(temporary.path)
                throw failure
            }
        }

        /// Closes without keeping what was written: a new file is removed, appended bytes cut off.
        func abandon() {
            if let temporary {
                unlink(temporary.path)
            } else {
                _ = ftruncate(descriptor, start)
            }
            close(descriptor)
        }

        static func failure(_ file: URL) -> Error {
            CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path,
                                                    NSLocalizedDescriptionKey: "\(file.path): \(String(cString: strerror(errno)))"])
        }
    }

    private struct Unusable: Error {
        let text: String
    }

    /// A pack file open for reading by position (a regular file only, never through a symbolic link).
    final class PackFile: @unchecked Sendable {
        private let descriptor: Int32
        /// The file's size when it was opened.
        let size: Int

        init?(_ file: URL) {
            let descriptor = open(file.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            var status = stat()
            guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
                close(descriptor)
                return nil
            }
            self.descriptor = descriptor
            size = Int(status.st_size)
        }

        deinit { close(descriptor) }

        /// `count` bytes from `offset`, or nil when the file ends before (from any thread).
        func read(_ count: Int, at offset: Int) -> [UInt8]? {
            guard count >= 0, offset >= 0, count <= size - offset else { return nil }
            var bytes = [UInt8](repeating: 0, count: count)
            var done = 0
            while done < count {
                let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { return nil }
                done += got
            }
            return bytes
        }
    }

    /// The pack's index: each piece's place, length and digest, read from the pieces' headers.
    private static func parse(_ pack: PackFile, identity: String) -> Result<[ContentDigest: Entry], Unusable> {
        var reader = Reader(pack: pack)
        guard reader.take(magic.count) == magic else { return .failure(Unusable(text: "not a kochbuch cache file")) }
        guard let version = reader.number(), version == formatVersion else {
            return .failure(Unusable(text: "written in another format"))
        }
        guard let length = reader.number(), let name = reader.take(Int(length)) else { return .failure(Unusable(text: "truncated")) }
        guard String(decoding: name, as: UTF8.self) == identity else {
            return .failure(Unusable(text: "written by another build of kochbuch or for something else"))
        }
        var index: [ContentDigest: Entry] = [:]
        while reader.offset < pack.size {
            guard let header = reader.take(entryHeader), let key = ContentDigest(bytes: header[0..<16]),
                  let check = ContentDigest(bytes: header[20..<36]) else { return .failure(Unusable(text: "truncated")) }
            let size = Int(Reader.number(header[16..<20]))
            let start = reader.offset
            guard reader.skip(size) else { return .failure(Unusable(text: "truncated")) }
            index[key] = (start, size, check)
        }
        return .success(index)
    }

    /// Reads the headers of a pack in order.
    private struct Reader {
        let pack: PackFile
        var offset = 0

        mutating func take(_ count: Int) -> [UInt8]? {
            guard let bytes = pack.read(count, at: offset) else { return nil }
            offset += count
            return bytes
        }

        mutating func skip(_ count: Int) -> Bool {
            guard count >= 0, count <= pack.size - offset else { return false }
            offset += count
            return true
        }

        mutating func number() -> UInt32? {
            take(4).map(Self.number)
        }

        static func number(_ bytes: some Collection<UInt8>) -> UInt32 {
            bytes.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) }
        }
    }

    private static func append(_ number: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: number.littleEndian) { bytes += $0 }
    }
}
extension PieceCache: DigestPieces {}
