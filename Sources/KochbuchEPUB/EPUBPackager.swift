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

    /// - Parameter mimetypeMethod: how `mimetype` is stored; anything but `.none` makes an invalid EPUB
    ///   (the tests use it as a negative control for epubcheck).
    static func package(files: [(path: String, data: Data)], modified: CalendarDate,
                        mimetypeMethod: CompressionMethod = .none) throws -> Data {
        var components = DateComponents()
        components.year = modified.year
        components.month = modified.month
        components.day = modified.day
        components.hour = 12
        components.timeZone = TimeZone(identifier: "UTC")
        let date = Calendar(identifier: .gregorian).date(from: components) ?? Date(timeIntervalSince1970: 0)
        let archive = try Archive(accessMode: .create)
        try add("mimetype", Data("application/epub+zip".utf8), to: archive, date: date, method: mimetypeMethod)
        try add("META-INF/container.xml", Data(container.utf8), to: archive, date: date, method: .deflate)
        for file in files.sorted(by: { $0.path < $1.path }) {
            try add("OEBPS/\(file.path)", file.data, to: archive, date: date, method: .deflate)
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    private static func add(_ path: String, _ data: Data, to archive: Archive, date: Date, method: CompressionMethod) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                             permissions: 0o644, compressionMethod: method) { position, size in
            data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
        }
    }
}
