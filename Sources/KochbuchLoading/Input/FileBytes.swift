#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with one `open`, `fstat` and as few `read`s as it takes, refusing
/// files over a size limit before reading them.
enum FileBytes {
    enum Outcome {
        case bytes([UInt8])
        case tooLarge(Int)
        case unreadable
    }

    static func contents(of path: String, limit: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return .unreadable }
        let size = Int(status.st_size)
        if size > limit { return .tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while total < size {
                let count = read(descriptor, buffer.baseAddress! + total, size - total)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return count == 0 }
                total += count
            }
            return true
        }
        guard complete else { return .unreadable }
        if total < size { bytes.removeSubrange(total...) }
        return .bytes(bytes)
    }
}
