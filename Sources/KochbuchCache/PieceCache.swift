import Foundation
import KochbuchModel

/// One pack file of the build cache: pieces of an edition, each under the digest of everything it
/// was made from (`RecipeInputKeys`). Read whole when opened, written whole and atomically by
/// `save`, holding then only the pieces this build used or made, so it never grows stale.
///
/// Nothing in the file is trusted: a file from another format or another build of the tool
/// (`identity`), a truncated or garbled file, and any piece whose bytes do not match the digest
/// stored with it are ignored, and the piece is made anew (`Status`).
///
/// Layout: the magic line, the format version (4 bytes), the identity's length (4 bytes) and
/// UTF-8, the number of pieces (4 bytes); per piece its key (16 bytes), length (4 bytes), digest
/// of its bytes (16 bytes) and the bytes. Numbers little-endian.
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
    static let formatVersion: UInt32 = 1

    public let file: URL
    public let identity: String
    public private(set) var status: Status = .missing

    private let lock = NSLock()
    private var stored: [UInt8] = []
    /// Where each kept piece lies in `stored`, and the digest of its bytes.
    private var index: [ContentDigest: (start: Int, count: Int, check: ContentDigest)] = [:]
    private var made: [ContentDigest: [UInt8]] = [:]
    private var used: Set<ContentDigest> = []
    private var reusedCount = 0
    private var damagedCount = 0

    /// Opens the pack file at `file`; a file whose identity is not `identity` is ignored.
    /// - Parameter identity: what the pieces' meaning depends on beyond their keys: the tool's
    ///   version and build, the kind of piece.
    public init(file: URL, identity: String) {
        self.file = file
        self.identity = identity
        guard let data = FileManager.default.contents(atPath: file.path) else { return }
        let bytes = [UInt8](data)
        switch Self.parse(bytes, identity: identity) {
        case .success(let index):
            stored = bytes
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
        let entry: (start: Int, count: Int, check: ContentDigest)? = lock.withLock {
            if let piece = made[key] { return (-1, piece.count, ContentDigest()) }
            return index[key]
        }
        guard let entry else { return nil }
        if entry.start < 0 { return lock.withLock { made[key] } }
        let piece = Array(stored[entry.start..<entry.start + entry.count])
        guard ContentDigest(of: piece) == entry.check else {
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

    /// Keeps a piece just made under `key`.
    public func keep(_ piece: [UInt8], under key: ContentDigest) {
        lock.withLock { made[key] = piece }
    }

    /// Whether the file would change: pieces were made, or kept ones went unused.
    public var hasChanges: Bool {
        lock.withLock { !made.isEmpty || used.count != index.count || status != .read(pieces: index.count) }
    }

    /// Writes the pieces used or made in this build, replacing the file atomically; nothing when
    /// nothing changed.
    public func save() throws {
        guard hasChanges else { return }
        let bytes: [UInt8] = lock.withLock {
            var keys = Set(made.keys).union(used)
            keys.formIntersection(Set(made.keys).union(index.keys))
            var out = Self.magic
            Self.append(Self.formatVersion, to: &out)
            let name = Array(identity.utf8)
            Self.append(UInt32(name.count), to: &out)
            out += name
            Self.append(UInt32(keys.count), to: &out)
            for key in keys.sorted(by: { $0.value < $1.value }) {
                out += key.bytes
                if let piece = made[key] {
                    Self.append(UInt32(piece.count), to: &out)
                    out += ContentDigest(of: piece).bytes
                    out += piece
                } else if let entry = index[key] {
                    Self.append(UInt32(entry.count), to: &out)
                    out += entry.check.bytes
                    out += stored[entry.start..<entry.start + entry.count]
                }
            }
            return out
        }
        try Self.writeAtomically(bytes, to: file)
    }

    private struct Unusable: Error {
        let text: String
    }

    private static func parse(_ bytes: [UInt8], identity: String) -> Result<[ContentDigest: (start: Int, count: Int, check: ContentDigest)], Unusable> {
        var reader = Reader(bytes: bytes)
        guard reader.take(magic.count).map(Array.init) == magic else { return .failure(Unusable(text: "not a kochbuch cache file")) }
        guard let version = reader.number(), version == formatVersion else {
            return .failure(Unusable(text: "written in another format"))
        }
        guard let length = reader.number(), let name = reader.take(Int(length)) else { return .failure(Unusable(text: "truncated")) }
        guard String(decoding: name, as: UTF8.self) == identity else {
            return .failure(Unusable(text: "written by another build of kochbuch or for something else"))
        }
        guard let count = reader.number() else { return .failure(Unusable(text: "truncated")) }
        var index: [ContentDigest: (start: Int, count: Int, check: ContentDigest)] = [:]
        for _ in 0..<count {
            guard let key = reader.take(16).flatMap(ContentDigest.init(bytes:)), let size = reader.number(),
                  let check = reader.take(16).flatMap(ContentDigest.init(bytes:)) else { return .failure(Unusable(text: "truncated")) }
            let start = reader.offset
            guard reader.take(Int(size)) != nil else { return .failure(Unusable(text: "truncated")) }
            index[key] = (start, Int(size), check)
        }
        guard reader.offset == bytes.count else { return .failure(Unusable(text: "has bytes after its last piece")) }
        return .success(index)
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, count <= bytes.count - offset else { return nil }
            defer { offset += count }
            return bytes[offset..<offset + count]
        }

        mutating func number() -> UInt32? {
            take(4).map { $0.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) } }
        }
    }

    private static func append(_ number: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: number.littleEndian) { bytes += $0 }
    }

    private static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(bytes).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
