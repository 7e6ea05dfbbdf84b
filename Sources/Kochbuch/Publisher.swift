import Foundation
import KochbuchModel

/// Publishes an edition: the new files are written into a staging folder beside the target and
/// switched in only when complete (see `Publication`). A build that fails or is interrupted
/// leaves the previous edition untouched; leftovers of an interrupted switch are repaired on the next run.
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
    /// and from any thread, into the staging folder; switches it in when `body` returns.
    /// Files whose bytes equal the published ones are linked, not written again (see `EditionWriter`).
    /// - Returns: how many files and bytes the edition has, and how many files were unchanged.
    @discardableResult
    public func publish(_ body: (EditionWriter) throws -> Void) throws -> Totals {
        try Publication.recover(in: parent)
        let staged = try stage(body)
        try Publication.commit([staged], in: parent)
        return staged.totals
    }

    /// Writes the new content into a staging folder beside the target and leaves it there, complete,
    /// for `Publication.commit`. On an error the staging folder is removed and nothing else changed.
    public func stage(_ body: (EditionWriter) throws -> Void) throws -> StagedEdition {
        let manager = FileManager.default
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        try OutputOwnership.checkReplaceable(target)
        let staging = parent.appendingPathComponent("\(Publication.stagingPrefix(for: name))\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            let writer = EditionWriter(folder: staging, previous: manager.fileExists(atPath: target.path) ? target : nil)
            try body(writer)
            try OutputOwnership.placeMarker(in: staging, name: name, previous: target)
            return StagedEdition(target: target, staging: staging, totals: writer.totals)
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

    /// Puts back an interrupted switch and removes abandoned staging folders beside the target.
    public func recover() throws {
        try Publication.recover(in: parent)
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

        /// The error in the user's language (`Language.current`).
        public var description: String { phrase.text(in: .current) }

        /// The error in both languages.
        public var phrase: Phrase {
            switch self {
            case .unsafePath(let path):
                Phrase(de: "'\(path)' läge außerhalb des Ordners der Ausgabe und wird nicht geschrieben",
                       en: "refusing to write '\(path)' outside the edition folder")
            case .unwritable(let path, let code):
                Phrase(de: "'\(path)' lässt sich nicht schreiben: ", en: "cannot write '\(path)': ") + SystemError.phrase(code)
                    + (code == ENOSPC ? Phrase(de: "; geben Sie Speicherplatz frei und starten Sie 'kochbuch build' erneut (die veröffentlichten Ausgaben sind unverändert)",
                                               en: "; free some space and build again (the published editions are unchanged)")
                                      : Phrase(de: "", en: ""))
            }
        }
    }
}

/// An edition written completely into its staging folder, waiting to be switched in.
public struct StagedEdition: Sendable {
    /// The published edition folder it replaces.
    public let target: URL
    /// Where it was written.
    public let staging: URL
    public let totals: Publisher.Totals
}
