import Foundation

/// The lock of a cache folder, held while a build reads and appends to its packs: a second build
/// of the same book at the same time runs without the cache instead of mixing its pieces in.
/// Released when dropped (`release`, or the end of the process).
public final class CacheFolderLock: @unchecked Sendable {
    private var descriptor: Int32

    /// Takes the lock of `folder` (its file `lock`), or returns nil when another process holds it.
    /// - Throws: when the lock file cannot be opened (it is a symbolic link, the folder is not writable).
    public init?(folder: URL) throws {
        let path = folder.appendingPathComponent("lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                          NSLocalizedDescriptionKey: "\(path): \(String(cString: strerror(errno)))"])
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
    }

    /// Lets the next build use the folder.
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
