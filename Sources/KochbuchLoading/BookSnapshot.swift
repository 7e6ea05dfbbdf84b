#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KochbuchModel

/// An exact record of a book folder's XML files: for each, its path relative to the folder, its
/// size and its change time (ctime) in nanoseconds, in byte order of the names; and for each folder,
/// its change time. The change time, because a modification time can be set back (`touch -r`,
/// `cp -p`, `rsync -t`) and a change time cannot. Two snapshots hold the same files exactly when no XML file was added,
/// removed or changed in size or time, which is what `BookLoader.xmlFileStates()` tells, at a
/// fraction of its cost: the walk uses openat, readdir and fstatat on names kept in one buffer per
/// folder, and stats XML files only.
///
/// A kept snapshot can also be checked without listing any folder (`isCurrent`): a folder whose
/// time has not changed has had no entry added, removed or renamed, so only its files need a stat.
public struct BookSnapshot: Sendable, Equatable {
    /// The time the walk began (8 bytes, nanoseconds), then for each XML file: the relative path,
    /// a 0 byte, then size and time as 8 bytes little-endian each; for each folder the same, with
    /// the path ending in "/" (the book folder itself is "/") and the size -1.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The snapshot of the folder at `path`, or nil when it cannot be read exactly this way:
    /// a symbolic link inside it (the full walk checks where those lead) or an unreadable folder.
    public init?(folder path: String) {
        let began = Self.now()
        let root = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return nil }
        var walk = Walk(spreadsFolders: true)
        walk.append(began)
        guard walk.visit(root) else { return nil }
        bytes = walk.bytes
    }

    /// Whether two snapshots record the same files and folders (when they were taken aside).
    public func holdsTheSameFiles(as other: BookSnapshot) -> Bool {
        bytes.count == other.bytes.count && bytes.count >= 8 && bytes[8...] == other.bytes[8...]
    }

    /// Whether some file or folder changed so shortly before the snapshot was taken that a later
    /// change within the same clock tick would leave its time as it was. Such a snapshot is not
    /// trusted by `isCurrent`; it is taken again once the moment has passed.
    public var isRacy: Bool {
        guard let records = Record.all(in: bytes) else { return true }
        return Self.isRacy(records)
    }

    private static func isRacy(_ records: (began: Int, entries: [Record])) -> Bool {
        let margin = 2_000_000_000
        return records.entries.contains { $0.modified >= records.began - margin }
    }

    /// Whether the folder at `path` still holds exactly the files of this snapshot, checked
    /// without listing any folder: every folder's time and every file's size and time are
    /// compared, on all cores. False when in doubt (a racy or damaged snapshot, an unreadable
    /// folder); the full walk then decides.
    public func isCurrent(folder path: String) -> Bool {
        guard let records = Record.all(in: bytes), !Self.isRacy(records) else { return false }
        var groups: [(folder: Record, files: [Record])] = []
        var groupOfFolder: [ArraySlice<UInt8>: Int] = [:]
        for record in records.entries {
            if record.isFolder {
                groupOfFolder[bytes[record.folder]] = groups.count
                groups.append((record, []))
            } else {
                guard let group = groupOfFolder[bytes[record.folder]] else { return false }
                groups[group].files.append(record)
            }
        }
        var work: [(folder: Record, files: ArraySlice<Record>)] = []
        for group in groups {
            var start = 0
            repeat {
                let stop = min(start + 512, group.files.count)
                work.append((group.folder, group.files[start..<stop]))
                start = stop
            } while start < group.files.count
        }
        let root = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return false }
        defer { close(root) }
        let bytes = bytes
        let checks = Parallel.map(work) { item in
            bytes.withUnsafeBufferPointer { buffer in Self.check(item.folder, item.files, in: root, bytes: buffer) }
        }
        return !checks.contains(false)
    }

    /// Stats one folder and some of its files; true when all are as recorded.
    private static func check(_ folder: Record, _ files: ArraySlice<Record>, in root: Int32, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let relative = folder.folder
        var name = Array(bytes[relative]) + [0]
        if relative.isEmpty { name = Array(".".utf8) + [0] }
        let descriptor = name.withUnsafeBufferPointer {
            openat(root, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, Self.nanoseconds(info.st_ctim) == folder.modified else { return false }
        var nameBuffer = [CChar](repeating: 0, count: 4097)
        for file in files {
            let span = file.name
            guard span.count < nameBuffer.count else { return false }
            for (offset, byte) in bytes[span].enumerated() { nameBuffer[offset] = CChar(bitPattern: byte) }
            nameBuffer[span.count] = 0
            guard fstatat(descriptor, nameBuffer, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                  Int(info.st_size) == file.size, Self.nanoseconds(info.st_ctim) == file.modified else { return false }
        }
        return true
    }

    /// One entry of the bytes, as ranges into them.
    private struct Record {
        /// The folder part of the path (without the final "/"), empty for the book folder.
        var folder: Range<Int>
        /// The file name; empty for a folder.
        var name: Range<Int>
        var size: Int
        var modified: Int
        var isFolder: Bool { size == -1 }

        static func all(in bytes: [UInt8]) -> (began: Int, entries: [Record])? {
            guard bytes.count >= 8 else { return nil }
            let began = integer(bytes, at: 0)
            var entries: [Record] = []
            var position = 8
            while position < bytes.count {
                guard let end = bytes[position...].firstIndex(of: 0), end + 17 <= bytes.count else { return nil }
                let size = integer(bytes, at: end + 1), modified = integer(bytes, at: end + 9)
                if size == -1 {
                    guard end > position, bytes[end - 1] == UInt8(ascii: "/") else { return nil }
                    entries.append(Record(folder: position..<max(position, end - 1), name: end..<end, size: size, modified: modified))
                } else {
                    let slash = bytes[position..<end].lastIndex(of: UInt8(ascii: "/"))
                    entries.append(Record(folder: position..<(slash ?? position), name: (slash.map { $0 + 1 } ?? position)..<end,
                                          size: size, modified: modified))
                }
                position = end + 17
            }
            return (began, entries)
        }

        private static func integer(_ bytes: [UInt8], at offset: Int) -> Int {
            var value: UInt64 = 0
            for index in (offset..<offset + 8).reversed() { value = value << 8 | UInt64(bytes[index]) }
            return Int(Int64(bitPattern: value))
        }
    }

    private static func nanoseconds(_ time: timespec) -> Int {
        Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time)
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
            var info = stat()
            guard fstat(descriptor, &info) == 0, let handle = fdopendir(descriptor) else {
                close(descriptor)
                return false
            }
            bytes.append(contentsOf: path)
            bytes.append(contentsOf: [UInt8(ascii: "/"), 0])
            append(-1)
            append(BookSnapshot.nanoseconds(info.st_ctim))
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
                append(BookSnapshot.nanoseconds(info.st_ctim))
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

        mutating func append(_ value: Int) {
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
