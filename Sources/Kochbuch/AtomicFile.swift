import Foundation

/// Writes files so that a reader sees either the old or the complete new content, never a part.
public enum AtomicFile {
    /// Writes `data` beside the target under a temporary name, then renames it into place. With
    /// `status`, the new file gets the old one's permissions and, where allowed, its owner and group.
    public static func write(_ data: Data, to url: URL, keepingModeAndOwnerOf status: stat? = nil) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            if let status {
                _ = chown(temporary.path, status.st_uid, status.st_gid)
                chmod(temporary.path, status.st_mode & 0o7777)
            }
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes UTF-8 text; returns false when the file already had exactly this content (and leaves it untouched).
    @discardableResult
    public static func write(_ text: String, to url: URL) throws -> Bool {
        let data = Data(text.utf8)
        if let existing = FileManager.default.contents(atPath: url.path), existing == data { return false }
        try write(data, to: url)
        return true
    }
}
