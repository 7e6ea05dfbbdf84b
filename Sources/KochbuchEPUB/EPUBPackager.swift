import Foundation
import KochbuchModel
import ZIPFoundation

/// Packs an EPUB: `mimetype` first and stored, then `META-INF/container.xml` and every file of
/// `OEBPS/` in sorted order, all with the same fixed timestamp, so equal input gives equal bytes.
enum EPUBPackager {
    static let container = """
    <?xml version="1.0" encoding="UTF-8"?>
    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
    <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
    </rootfiles>
    </container>

    """

    /// A file of the book, made when it is packed. `make` only reads (the book and its settings),
    /// so entries are made on any thread.
    struct Entry: @unchecked Sendable {
        let path: String
        let make: () -> Data
    }

    static let mimetype = "application/epub+zip"

    /// - Parameters:
    ///   - mimetypeMethod: how `mimetype` is stored; anything but `.none` makes an invalid EPUB
    ///   - mimetype: what `mimetype` says; anything but `application/epub+zip` makes an invalid EPUB
    ///   (the tests use both as negative controls for epubcheck).
    static func package(files: [(path: String, data: Data)], modified: CalendarDate,
                        mimetypeMethod: CompressionMethod = .none, mimetype: String = mimetype) throws -> Data {
        try package(entries: files.map { file in Entry(path: file.path) { file.data } }, modified: modified,
                    mimetypeMethod: mimetypeMethod, mimetype: mimetype)
    }

    /// Packs entries in sorted order; they are made 64 at a time, on all cores.
    static func package(entries: [Entry], modified: CalendarDate, mimetypeMethod: CompressionMethod = .none,
                        mimetype: String = mimetype) throws -> Data {
        var components = DateComponents()
        components.year = modified.year
        components.month = modified.month
        components.day = modified.day
        components.hour = 12
        components.timeZone = TimeZone(identifier: "UTC")
        let date = Calendar(identifier: .gregorian).date(from: components) ?? Date(timeIntervalSince1970: 0)
        let archive = try Archive(accessMode: .create)
        try add("mimetype", Data(mimetype.utf8), to: archive, date: date, method: mimetypeMethod)
        try add("META-INF/container.xml", Data(container.utf8), to: archive, date: date, method: .deflate)
        // While one batch is compressed, the next is made on the other cores.
        let sorted = entries.sorted { $0.path < $1.path }
        let batches = stride(from: 0, to: sorted.count, by: 64).map { Array(sorted[$0..<min($0 + 64, sorted.count)]) }
        var upcoming = batches.first.map(Batch.init)
        for (index, batch) in batches.enumerated() {
            let made = upcoming!.wait()
            upcoming = index + 1 < batches.count ? Batch(batches[index + 1]) : nil
            for (entry, data) in zip(batch, made) {
                try add("OEBPS/\(entry.path)", data, to: archive, date: date, method: .deflate)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// Entries being made in the background.
    private final class Batch: @unchecked Sendable {
        private var made: [Data] = []
        private let done = DispatchGroup()

        /// On a thread of its own: a pool thread could wait behind the very work that waits for it.
        init(_ entries: [Entry]) {
            done.enter()
            Thread.detachNewThread { [self] in
                made = Parallel.map(entries) { $0.make() }
                done.leave()
            }
        }

        /// The entries' data, once made.
        func wait() -> [Data] {
            done.wait()
            return made
        }
    }

    private static func add(_ path: String, _ data: Data, to archive: Archive, date: Date, method: CompressionMethod) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                             permissions: 0o644, compressionMethod: method) { position, size in
            data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
        }
    }
}
