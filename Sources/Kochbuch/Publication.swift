import CFileSystem
import Foundation
import KochbuchModel

/// Switches the editions of one build in together.
///
/// Every edition is first written completely into a staging folder beside its place. Only then is a
/// journal (`.kochbuch-switch`) written into the output folder, naming each staging folder by its
/// inode, and each edition is switched with one `renameat2(RENAME_EXCHANGE)`: the published folder
/// and the new one trade places, so no edition is ever missing. The journal is removed when all
/// are switched, then the replaced editions are deleted.
///
/// The guarantee: a reader sees each edition whole, old or new. Before the journal exists, an
/// interruption leaves every published edition as it was; once it exists, the next run of the tool
/// (or the interrupted build's own end) completes the switch, so the editions of one build are
/// published together. Only in the microseconds between the exchanges of one switch can a reader
/// see a new edition beside an old one. Where the file system cannot exchange, two renames are
/// used, and during them that one edition is briefly missing.
public enum Publication {
    static let journalName = ".kochbuch-switch"

    /// The start of a staging folder's name; the process id follows.
    static func stagingPrefix(for name: String) -> String { ".\(name).staging-" }

    /// Switches the staged editions in, all together; see the type's description.
    public static func commit(_ editions: [StagedEdition], in output: URL) throws {
        guard !editions.isEmpty else { return }
        try withLock(on: output) {
            var lines: [String] = []
            for edition in editions {
                guard let node = inode(edition.staging.path) else {
                    throw Failure(Phrase(
                        de: "die vorbereitete Ausgabe \(edition.staging.path) ist verschwunden, bevor sie veröffentlicht wurde; starten Sie 'kochbuch build' erneut",
                        en: "the staged edition \(edition.staging.path) disappeared before it was published; build again"))
                }
                lines.append("\(edition.target.lastPathComponent)\t\(edition.staging.lastPathComponent)\t\(node)")
            }
            do {
                try AtomicFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: output.appendingPathComponent(journalName))
            } catch {
                for edition in editions { try? FileManager.default.removeItem(at: edition.staging) }
                throw error
            }
            try finishSwitch(in: output)
        }
    }

    /// Completes a switch a journal describes, and removes staging folders of processes that ended
    /// (an interrupted build, Ctrl-C) and editions of the legacy switch (`.NAME.previous`).
    public static func recover(in output: URL) throws {
        guard FileManager.default.fileExists(atPath: output.path) else { return }
        try withLock(on: output) {
            try finishSwitch(in: output)
            let manager = FileManager.default
            let own = ProcessInfo.processInfo.processIdentifier
            for entry in (try? manager.contentsOfDirectory(atPath: output.path)) ?? [] where entry.hasPrefix(".") {
                if let range = entry.range(of: ".staging-") {
                    let pid = Int32(entry[range.upperBound...].prefix { $0.isNumber }) ?? 0
                    if pid == own || kill(pid, 0) != 0 { try? manager.removeItem(at: output.appendingPathComponent(entry)) }
                } else if entry.hasSuffix(".previous") {
                    let name = String(entry.dropFirst().dropLast(".previous".count))
                    let target = output.appendingPathComponent(name)
                    if !manager.fileExists(atPath: target.path) {
                        try manager.moveItem(at: output.appendingPathComponent(entry), to: target)
                    } else {
                        try? manager.removeItem(at: output.appendingPathComponent(entry))
                    }
                }
            }
        }
    }

    /// Why a switch could not be made.
    public struct Failure: Error, CustomStringConvertible {
        /// The failure in both languages.
        public let phrase: Phrase

        public init(_ phrase: Phrase) {
            self.phrase = phrase
        }

        /// The failure in the user's language (`Language.current`).
        public var description: String { phrase.text(in: .current) }
    }

    /// Carries out the journal, if there is one: every edition not yet switched is switched, then
    /// the journal and the replaced editions are removed.
    private static func finishSwitch(in output: URL) throws {
        let journal = output.appendingPathComponent(journalName)
        guard let text = try? String(contentsOf: journal, encoding: .utf8) else { return }
        let entries = text.split(separator: "\n").compactMap { line -> (name: String, staging: String, inode: UInt64)? in
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 3, let node = UInt64(fields[2]), safeName(fields[0]), safeName(fields[1]) else { return nil }
            return (fields[0], fields[1], node)
        }
        for entry in entries {
            let target = output.appendingPathComponent(entry.name).path
            let staging = output.appendingPathComponent(entry.staging).path
            if inode(target) == entry.inode { continue }
            guard inode(staging) == entry.inode else { continue }
            if inode(target) == nil {
                guard rename(staging, target) == 0 else { throw switchFailure(target, errno) }
            } else if kb_exchange_paths(staging, target) != 0 {
                let code = errno
                guard code == EINVAL || code == ENOSYS else { throw switchFailure(target, code) }
                let replaced = staging + ".replaced"
                guard rename(target, replaced) == 0 else { throw switchFailure(target, errno) }
                guard rename(staging, target) == 0 else {
                    let failed = errno
                    _ = rename(replaced, target)
                    throw switchFailure(target, failed)
                }
            }
        }
        try FileManager.default.removeItem(at: journal)
        removeReplaced(entries.flatMap { entry in
            let staging = output.appendingPathComponent(entry.staging).path
            return [staging, staging + ".replaced"]
        })
    }

    /// Removes the replaced editions (and what is left of failed switches) on all cores, a folder
    /// inside each at a time (a site's recipe pages and its assets, the text's recipes each hold
    /// thousands of files), then the rest. Links are removed, never followed.
    private static func removeReplaced(_ folders: [String]) {
        let manager = FileManager.default
        let existing = folders.filter { var status = stat(); return lstat($0, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR }
        let inside = existing.flatMap { folder in ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).map { folder + "/" + $0 } }
        _ = Parallel.map(inside, chunk: 1) { try? manager.removeItem(atPath: $0) }
        for folder in folders { try? manager.removeItem(atPath: folder) }
    }

    private static func switchFailure(_ target: String, _ code: Int32) -> Failure {
        let reason = SystemError.phrase(code)
        return Failure(Phrase(
            de: "\(target) lässt sich nicht veröffentlichen: \(reason.german); die Ausgaben bleiben, wie sie zuletzt veröffentlicht wurden, und der nächste Lauf von 'kochbuch build' schließt den Wechsel ab",
            en: "cannot publish \(target): \(reason.english); the editions stay as they were published before, and the next build completes the switch"))
    }

    /// A journal's name field: one path component, nothing else.
    private static func safeName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && name != "." && name != ".."
    }

    private static func inode(_ path: String) -> UInt64? {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return UInt64(status.st_ino)
    }

    /// Runs `body` holding an exclusive lock on the output folder, so two builds into it switch one after the other.
    private static func withLock<T>(on output: URL, _ body: () throws -> T) throws -> T {
        let descriptor = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
