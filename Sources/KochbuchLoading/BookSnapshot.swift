#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KochbuchModel

/// An exact record of a book folder's XML files: for each, its path relative to the folder, its
/// size and its modification time in nanoseconds, in byte order of the names. Two snapshots are
/// equal exactly when no XML file was added, removed or changed in size or time, which is what
/// `BookLoader.xmlFileStates()` tells, at a fraction of its cost: the walk uses openat, readdir
/// and fstatat on names kept in one buffer per folder, and stats XML files only.
public struct BookSnapshot: Sendable, Equatable {
    /// For each XML file: the relative path, a 0 byte, then size and time as 8 bytes little-endian.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The snapshot of the folder at `path`, or nil when it cannot be read exactly this way:
    /// a symbolic link inside it (the full walk checks where those lead) or an unreadable folder.
    public init?(folder path: String) {
        let root = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return nil }
        var walk = Walk(spreadsFolders: true)
        guard walk.visit(root) else { return nil }
        bytes = walk.bytes
    }

    private struct Walk {
        var bytes: [UInt8] = []
        var path: [UInt8] = []
        /// Whether the folders directly inside this one are walked on all cores (the top level only).
        var spreadsFolders = false
        /// The records of folders already walked, by name.
        private var walked: [[UInt8]: [UInt8]] = [:]

        init(spreadsFolders: Bool = false, path: [UInt8] = []) {
            self.spreadsFolders = spreadsFolders
            self.path = path
        }

        /// Records the folder open as `descriptor` and everything below it; closes the descriptor.
        mutating func visit(_ descriptor: Int32) -> Bool {
            guard let handle = fdopendir(descriptor) else {
                close(descriptor)
                return false
            }
            defer { closedir(handle) }
            // Every name once, 0-terminated, in one buffer; entries point into it.
            var names: [UInt8] = []
            var entries: [(start: Int, count: Int, type: UInt8)] = []
            while let entry = readdir(handle) {
                let start = names.count
                withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    for byte in raw {
                        if byte == 0 { break }
                        names.append(byte)
                    }
                }
                if names.count == start || names[start] == UInt8(ascii: ".") {
                    names.removeSubrange(start...)
                    continue
                }
                entries.append((start, names.count - start, entry.pointee.d_type))
                names.append(0)
            }
            let folder = dirfd(handle)
            return names.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress!
                entries.sort { lhs, rhs in
                    let order = memcmp(base + lhs.start, base + rhs.start, min(lhs.count, rhs.count))
                    return order != 0 ? order < 0 : lhs.count < rhs.count
                }
                if spreadsFolders, !walkFolders(entries.filter { $0.type == UInt8(DT_DIR) }.map { Array(buffer[$0.start..<$0.start + $0.count]) },
                                                in: folder) {
                    return false
                }
                for entry in entries {
                    let name = UnsafeRawPointer(base + entry.start).assumingMemoryBound(to: CChar.self)
                    let nameBytes = UnsafeBufferPointer(start: base + entry.start, count: entry.count)
                    guard record(name, nameBytes, type: entry.type, in: folder) else { return false }
                }
                return true
            }
        }

        /// Records one entry of a folder; false when the snapshot cannot be taken.
        private mutating func record(_ name: UnsafePointer<CChar>, _ nameBytes: UnsafeBufferPointer<UInt8>,
                                     type entryType: UInt8, in folder: Int32) -> Bool {
            var type = entryType
            var info = stat()
            if type == UInt8(DT_UNKNOWN) {
                guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return true }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = UInt8(DT_DIR)
                case S_IFREG: type = UInt8(DT_REG)
                case S_IFLNK: type = UInt8(DT_LNK)
                default: return true
                }
            }
            let pathCount = path.count
            defer { path.removeSubrange(pathCount...) }
            if !path.isEmpty { path.append(UInt8(ascii: "/")) }
            path.append(contentsOf: nameBytes)
            switch type {
            case UInt8(DT_LNK):
                return false
            case UInt8(DT_DIR):
                if let records = walked[Array(nameBytes)] {
                    bytes.append(contentsOf: records)
                    return true
                }
                let child = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                return child >= 0 && visit(child)
            case UInt8(DT_REG) where Self.isXML(nameBytes):
                guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return true }
                guard (info.st_mode & S_IFMT) == S_IFREG else { return false }
                bytes.append(contentsOf: path)
                bytes.append(0)
                append(Int(info.st_size))
                append(Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
                return true
            default:
                return true
            }
        }

        /// Walks the named folders inside `folder` on all cores; false when one cannot be recorded.
        private mutating func walkFolders(_ names: [[UInt8]], in folder: Int32) -> Bool {
            guard names.count > 1 else { return true }
            let prefix = path
            let results = Parallel.map(names) { name -> [UInt8]? in
                let child = (name + [0]).withUnsafeBufferPointer { buffer in
                    openat(folder, UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self),
                           O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                }
                guard child >= 0 else { return nil }
                var walk = Walk(path: prefix.isEmpty ? name : prefix + [UInt8(ascii: "/")] + name)
                return walk.visit(child) ? walk.bytes : nil
            }
            for (name, result) in zip(names, results) {
                guard let result else { return false }
                walked[name] = result
            }
            return true
        }

        private mutating func append(_ value: Int) {
            withUnsafeBytes(of: UInt64(bitPattern: Int64(value)).littleEndian) { bytes.append(contentsOf: $0) }
        }

        /// Whether a name ends in `.xml`, in any case.
        private static func isXML(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
            guard name.count >= 4 else { return false }
            let end = name.count
            func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
            return name[end - 4] == UInt8(ascii: ".") && lower(name[end - 3]) == UInt8(ascii: "x")
                && lower(name[end - 2]) == UInt8(ascii: "m") && lower(name[end - 1]) == UInt8(ascii: "l")
        }
    }
}

extension BookLoader {
    /// The snapshot of the book's XML files; see `BookSnapshot`.
    public func snapshot() -> BookSnapshot? {
        BookSnapshot(folder: directory.path)
    }
}
