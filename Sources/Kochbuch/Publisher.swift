import Foundation

/// Publishes an edition atomically: the new files are written into a staging folder beside the
/// target and swapped in only when complete. A build that fails or is interrupted leaves the
/// previous edition untouched; leftovers of an interrupted swap are repaired on the next run.
public struct Publisher: Sendable {
    public let target: URL

    public init(target: URL) {
        self.target = target.standardizedFileURL
    }

    private var parent: URL { target.deletingLastPathComponent() }
    private var name: String { target.lastPathComponent }

    /// Writes `files` as the new content of the target folder.
    public func publish(_ files: [(path: String, data: Data)]) throws {
        _ = try publish { sink in
            for file in files { try sink.write(file.path, file.data) }
        }
    }

    /// Makes the new content of the target folder by letting `body` write it, file by file
    /// and from any thread, into the staging folder; swaps it in when `body` returns.
    /// Files whose bytes equal the published ones are linked, not written again (see `EditionWriter`).
    /// - Returns: how many files and bytes the edition has, and how many files were unchanged.
    @discardableResult
    public func publish(_ body: (EditionWriter) throws -> Void) throws -> Totals {
        let manager = FileManager.default
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        try recover()
        try OutputOwnership.checkReplaceable(target)
        let staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            let writer = EditionWriter(folder: staging, previous: manager.fileExists(atPath: target.path) ? target : nil)
            try body(writer)
            try OutputOwnership.placeMarker(in: staging, name: name, previous: target)
            let previous = parent.appendingPathComponent(".\(name).previous")
            try? manager.removeItem(at: previous)
            if manager.fileExists(atPath: target.path) {
                try manager.moveItem(at: target, to: previous)
            }
            do {
                try manager.moveItem(at: staging, to: target)
            } catch {
                if manager.fileExists(atPath: previous.path) { try? manager.moveItem(at: previous, to: target) }
                throw error
            }
            try? manager.removeItem(at: previous)
            return writer.totals
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// What a publication holds.
    public struct Totals: Sendable, Equatable {
        /// The files of the new edition and their bytes.
        public var files: Int
        public var bytes: Int
        /// How many of the files were identical to the published ones and kept as they were.
        public var unchanged: Int
    }

    /// Puts back an edition whose swap was interrupted, and removes abandoned staging folders.
    public func recover() throws {
        let manager = FileManager.default
        let previous = parent.appendingPathComponent(".\(name).previous")
        if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: previous.path) {
            try manager.moveItem(at: previous, to: target)
        }
        for entry in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(".\(name).staging-") {
            let pid = Int32(entry.split(separator: "-").last.map(String.init) ?? "") ?? 0
            if pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) != 0 {
                try? manager.removeItem(at: parent.appendingPathComponent(entry))
            }
        }
    }

    /// Whether a relative path stays inside the folder it is relative to.
    public static func safeRelativePath(_ path: String) -> Bool {
        safeURL(path, in: URL(fileURLWithPath: "/")) != nil
    }

    /// The URL of a relative path inside `folder`, or nil if the path could leave it.
    static func safeURL(_ path: String, in folder: URL) -> URL? {
        let components = path.split(separator: "/")
        guard !path.hasPrefix("/"), !components.isEmpty,
              components.allSatisfy({ $0 != ".." && $0 != "." && !$0.isEmpty }) else { return nil }
        return folder.appendingPathComponent(path)
    }

    public enum PublishError: Error, CustomStringConvertible {
        case unsafePath(String)
        case unwritable(String, errno: Int32)

        public var description: String {
            switch self {
            case .unsafePath(let path): "refusing to write '\(path)' outside the edition folder"
            case .unwritable(let path, let code): "cannot write '\(path)': \(String(cString: strerror(code)))"
            }
        }
    }
}
