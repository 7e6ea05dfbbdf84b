import Foundation
import ZIPFoundation

/// Writes a ZIP archive front to back: each entry's local header and data are appended once and the
/// central directory is written at the end, so packing is linear in the archive's size (an in-memory
/// `ZIPFoundation.Archive` rewrites its central directory with every entry added). Entries are
/// compressed beforehand (`ZIPWriter.Compressed`), on any thread, with ZIPFoundation's deflate.
/// Every entry has the same fixed time, Unix permissions 0644 and no extra fields, so equal entries
/// give equal bytes.
struct ZIPWriter {
    /// An entry's bytes as they go into the archive.
    struct Compressed: Sendable {
        let data: Data
        let crc32: UInt32
        let uncompressedSize: Int
        let deflated: Bool

        /// Deflates `data`, or keeps it as it is with `.none`.
        init(_ data: Data, method: CompressionMethod) throws {
            crc32 = data.crc32(checksum: 0)
            uncompressedSize = data.count
            deflated = method == .deflate
            if deflated {
                var deflated = Data()
                deflated.reserveCapacity(data.count / 3)
                _ = try Data.compress(size: Int64(data.count), bufferSize: 1 << 16, provider: { position, size in
                    data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
                }, consumer: { deflated.append($0) })
                self.data = deflated
            } else {
                self.data = data
            }
        }

        /// The entry as a build cache keeps it: CRC-32, uncompressed size (4 bytes each,
        /// little-endian), 1 when deflated, then the data.
        var stored: [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(9 + data.count)
            withUnsafeBytes(of: crc32.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: UInt32(uncompressedSize).littleEndian) { bytes += $0 }
            bytes.append(deflated ? 1 : 0)
            bytes += data
            return bytes
        }

        /// An entry from `stored` bytes; nil when they are not such bytes.
        init?(stored bytes: [UInt8]) {
            guard bytes.count >= 9, bytes[8] <= 1 else { return nil }
            func number(_ at: Int) -> UInt32 { (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }
            crc32 = number(0)
            uncompressedSize = Int(number(4))
            deflated = bytes[8] == 1
            data = Data(bytes[9...])
        }
    }

    /// The archive is larger than a ZIP without its 64-bit extension can describe.
    struct TooLarge: Error, CustomStringConvertible {
        var description: String { "the EPUB would be larger than 4 GB or hold more than 65,535 files, more than a ZIP file without ZIP64 can hold" }
    }

    /// What was appended since the last `flush`.
    private(set) var bytes = Data()
    /// The bytes handed on by `flush` so far.
    private var flushed = 0
    private var directory = Data()
    private var count = 0
    private let time: UInt16
    private let date: UInt16

    /// - Parameters: year, month, day: the time of every entry, at 12:00.
    init(year: Int, month: Int, day: Int) {
        time = 12 << 11
        date = UInt16(max(0, min(127, year - 1980))) << 9 | UInt16(month) << 5 | UInt16(day)
    }

    /// Appends an entry.
    mutating func add(_ path: String, _ entry: Compressed) throws {
        let name = Data(path.utf8)
        let offset = flushed + bytes.count
        guard offset <= Int(UInt32.max) - 30 - name.count - entry.data.count, count < 0xFFFF,
              entry.uncompressedSize <= Int(UInt32.max) else { throw TooLarge() }
        let methodCode: UInt16 = entry.deflated ? 8 : 0
        let needed: UInt16 = entry.deflated ? 20 : 10
        let flags: UInt16 = path.utf8.allSatisfy { $0 < 0x80 } ? 0 : 1 << 11
        var header = Data()
        header.reserveCapacity(30 + name.count)
        header.little(UInt32(0x0403_4B50))
        header.little(needed)
        header.little(flags)
        header.little(methodCode)
        header.little(time)
        header.little(date)
        header.little(entry.crc32)
        header.little(UInt32(entry.data.count))
        header.little(UInt32(entry.uncompressedSize))
        header.little(UInt16(name.count))
        header.little(UInt16(0))
        header.append(name)
        bytes.append(header)
        bytes.append(entry.data)

        directory.little(UInt32(0x0201_4B50))
        directory.little(UInt16(3 << 8 | 20))  // made by: Unix, ZIP 2.0
        directory.little(needed)
        directory.little(flags)
        directory.little(methodCode)
        directory.little(time)
        directory.little(date)
        directory.little(entry.crc32)
        directory.little(UInt32(entry.data.count))
        directory.little(UInt32(entry.uncompressedSize))
        directory.little(UInt16(name.count))
        directory.little(UInt16(0))  // extra field
        directory.little(UInt16(0))  // comment
        directory.little(UInt16(0))  // disk
        directory.little(UInt16(0))  // internal attributes
        directory.little(UInt32(0o100644) << 16)  // a regular file, rw-r--r--
        directory.little(UInt32(offset))
        directory.append(name)
        count += 1
    }

    /// Hands the bytes appended since the last call to `piece` and forgets them, so that the
    /// archive streams out instead of growing in memory.
    mutating func flush(_ piece: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try bytes.withUnsafeBytes(piece)
        flushed += bytes.count
        bytes = Data()
    }

    /// The rest of the archive (all of it when nothing was flushed) with its central directory.
    mutating func finish() throws -> Data {
        let offset = flushed + bytes.count
        guard offset + directory.count <= Int(UInt32.max) else { throw TooLarge() }
        bytes.append(directory)
        bytes.little(UInt32(0x0605_4B50))
        bytes.little(UInt16(0))
        bytes.little(UInt16(0))
        bytes.little(UInt16(count))
        bytes.little(UInt16(count))
        bytes.little(UInt32(directory.count))
        bytes.little(UInt32(offset))
        bytes.little(UInt16(0))
        directory = Data()
        return bytes
    }
}

private extension Data {
    mutating func little(_ value: UInt16) {
        append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)])
    }

    mutating func little(_ value: UInt32) {
        append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)])
    }
}
