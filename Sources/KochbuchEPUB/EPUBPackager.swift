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
        /// The recipe the entry shows, whose compressed entry a build cache may hold.
        var recipeID: String? = nil
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

    /// Packs entries in sorted order; they are made and compressed 64 at a time, on all cores,
    /// and appended to the archive in order (`ZIPWriter`).
    /// - Parameter pieces: compressed recipe entries kept from earlier builds, and where to keep the ones made.
    static func package(entries: [Entry], modified: CalendarDate, mimetypeMethod: CompressionMethod = .none,
                        mimetype: String = mimetype, pieces: any RecipePieces = NoRecipePieces()) throws -> Data {
        var archive = Data()
        try package(entries: entries, modified: modified, mimetypeMethod: mimetypeMethod, mimetype: mimetype, pieces: pieces) {
            archive.append(contentsOf: $0)
        }
        return archive
    }

    /// Packs entries as `package(entries:…)` does, handing the archive to `piece` in order, a
    /// batch of entries at a time: it is never held whole.
    static func package(entries: [Entry], modified: CalendarDate, mimetypeMethod: CompressionMethod = .none,
                        mimetype: String = mimetype, pieces: any RecipePieces = NoRecipePieces(),
                        into piece: (UnsafeRawBufferPointer) throws -> Void) throws {
        var writer = ZIPWriter(year: modified.year, month: modified.month, day: modified.day)
        try writer.add("mimetype", ZIPWriter.Compressed(Data(mimetype.utf8), method: mimetypeMethod))
        try writer.add("META-INF/container.xml", ZIPWriter.Compressed(Data(container.utf8), method: .deflate))
        // While one batch is appended, the next is made and compressed on the other cores.
        let sorted = entries.sorted { $0.path < $1.path }
        let batches = stride(from: 0, to: sorted.count, by: 64).map { Array(sorted[$0..<min($0 + 64, sorted.count)]) }
        var upcoming = batches.first.map { Batch($0, pieces: pieces) }
        for (index, batch) in batches.enumerated() {
            let made = upcoming!.wait()
            upcoming = index + 1 < batches.count ? Batch(batches[index + 1], pieces: pieces) : nil
            for (entry, compressed) in zip(batch, made) {
                try writer.add("OEBPS/\(entry.path)", compressed.get())
            }
            try writer.flush(piece)
        }
        try writer.finish().withUnsafeBytes(piece)
    }

    /// Entries being made and compressed in the background.
    private final class Batch: @unchecked Sendable {
        private var made: [Result<ZIPWriter.Compressed, Error>] = []
        private let done = DispatchGroup()

        /// On a thread of its own: a pool thread could wait behind the very work that waits for it.
        init(_ entries: [Entry], pieces: any RecipePieces) {
            done.enter()
            Thread.detachNewThread { [self] in
                made = Parallel.map(entries) { entry in
                    Result {
                        if let id = entry.recipeID, let kept = pieces.piece(for: id).flatMap(ZIPWriter.Compressed.init(stored:)) {
                            return kept
                        }
                        let compressed = try ZIPWriter.Compressed(entry.make(), method: .deflate)
                        if let id = entry.recipeID { pieces.keep(compressed.stored, for: id) }
                        return compressed
                    }
                }
                done.leave()
            }
        }

        /// The entries, once made and compressed.
        func wait() -> [Result<ZIPWriter.Compressed, Error>] {
            done.wait()
            return made
        }
    }
}
