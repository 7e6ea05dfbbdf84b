import CFileSystem
import Foundation

/// Wakes the preview's watcher as soon as something changes in the watched folders (Linux
/// inotify on every folder below them), instead of only every few hundred milliseconds. Only a
/// wake-up: what changed is decided by comparing snapshots. Where inotify is not available, or a
/// folder cannot be watched, `wait` just sleeps its time.
final class DirectoryWatch: @unchecked Sendable {
    private let descriptor: Int32
    private let directories: [URL]
    private var watched: Set<String> = []

    init(directories: [URL]) {
        self.directories = directories
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        addWatches()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether changes wake the watcher (else it looks every few hundred milliseconds).
    var isActive: Bool { descriptor >= 0 && !watched.isEmpty }

    /// Returns when something changed in a watched folder, or after `seconds`. Events that come
    /// close together (an editor writing a file in steps) are taken as one.
    func wait(seconds: Double) {
        guard descriptor >= 0 else {
            Thread.sleep(forTimeInterval: seconds)
            return
        }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, Int32(seconds * 1000)) > 0 else { return }
        var newFolder = false
        repeat {
            newFolder = drain() || newFolder
            entry.revents = 0
        } while poll(&entry, 1, 15) > 0
        if newFolder { addWatches() }
    }

    /// Reads the events that arrived; true when a folder was made or moved in.
    private func drain() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var newFolder = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return newFolder }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { newFolder = true }
                offset += header + Int(event.len)
            }
        }
    }

    /// Watches every folder below the watched ones not watched yet (new folders too).
    private func addWatches() {
        guard descriptor >= 0 else { return }
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)
        for directory in directories {
            var folders = [directory.path]
            if let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isDirectoryKey],
                                                               options: [.skipsHiddenFiles]) {
                for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                    folders.append(url.path)
                }
            }
            for folder in folders where !watched.contains(folder) {
                if inotify_add_watch(descriptor, folder, mask) >= 0 { watched.insert(folder) }
            }
        }
    }
}
