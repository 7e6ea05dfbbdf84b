import Foundation

/// The files of a book folder, relative to it, sorted; hidden files and folders skipped.
/// Symbolic links that lead outside the folder are listed as problems, never followed.
/// Walks with readdir and stat: at ten thousand files, Foundation's enumerator cost more than
/// the search it was checking freshness for.
struct BookDirectory {
    private(set) var files: [String] = []
    /// Files of the book that are not read, and why.
    private(set) var problems: [(path: String, kind: Problem)] = []

    enum Problem {
        /// A symbolic link that leads out of the book folder.
        case outside
        /// A symbolic link that leads, through others, back to itself.
        case loop
        /// A device, pipe or socket with the name of a book file.
        case notRegular
    }
    /// Size and change time (nanoseconds) of every file, by relative path. The change time (ctime),
    /// not the modification time: `touch -r`, `cp -p` and `rsync -t` set a file's modification time
    /// back, but no program can set its change time, which every write moves on.
    private(set) var states: [String: (size: Int, modified: Int)] = [:]

    /// Whether `states` is filled; without it, folders and files known from their directory
    /// entries are not stat'ed.
    private let recordsStates: Bool

    init(root: URL, states: Bool = true) {
        recordsStates = states
        let rootPath = root.resolvingSymlinksInPath().path
        let prefix = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
        walk(root.standardizedFileURL.path, relative: "", rootPrefix: prefix)
        files.sort()
        problems.sort { $0.path < $1.path }
    }

    private mutating func walk(_ directory: String, relative: String, rootPrefix: String) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            entries.append((name, entry.pointee.d_type))
        }
        for (name, type) in entries.sorted(by: { $0.name < $1.name }) {
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            if !recordsStates, type == UInt8(DT_REG) {
                files.append(relativePath)
                continue
            }
            if !recordsStates, type == UInt8(DT_DIR) {
                walk(path, relative: relativePath, rootPrefix: rootPrefix)
                continue
            }
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(path, relative: relativePath, rootPrefix: rootPrefix)
            case S_IFREG:
                record(relativePath, info)
            case S_IFLNK:
                var targetInfo = stat()
                if stat(path, &targetInfo) != 0 && errno == ELOOP {
                    problems.append((relativePath, .loop))
                    continue
                }
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard target.hasPrefix(rootPrefix) else {
                    problems.append((relativePath, .outside))
                    continue
                }
                if stat(path, &targetInfo) == 0 {
                    switch targetInfo.st_mode & S_IFMT {
                    case S_IFREG: record(relativePath, targetInfo)
                    case S_IFDIR: break
                    default: if Self.isBookFileName(name) { problems.append((relativePath, .notRegular)) }
                    }
                }
            default:
                if Self.isBookFileName(name) { problems.append((relativePath, .notRegular)) }
            }
        }
    }

    private mutating func record(_ relativePath: String, _ info: stat) {
        files.append(relativePath)
        guard recordsStates else { return }
        states[relativePath] = (Int(info.st_size), Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec))
    }

    /// Whether a name is that of an XML file or an image, the files a book is read from.
    static func isBookFileName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".xml") || BookLoader.imageExtensions.contains { lowered.hasSuffix("." + $0) }
    }

    static func relativePath(of url: URL, under root: URL) -> String {
        let rootComponents = root.standardizedFileURL.pathComponents
        let components = url.standardizedFileURL.pathComponents
        return components.dropFirst(rootComponents.count).joined(separator: "/")
    }
}
