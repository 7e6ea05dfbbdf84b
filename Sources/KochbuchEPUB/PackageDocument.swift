import KochbuchHTML
import KochbuchModel

/// `content.opf`: metadata (with the accessibility metadata the European Accessibility Act
/// expects and the claim of conformance to EPUB Accessibility 1.1 at WCAG 2.1 Level AA), the
/// manifest of every file, and the reading order.
struct PackageDocument {
    let book: SiteBook
    let epub: EPUBBook

    /// The conformance claim, spelt as EPUB Accessibility 1.1 defines it for conformance reporting.
    /// The claim is the publisher's own; no certifier is named (`a11y:certifiedBy`), as none evaluated the book.
    static let conformance = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"

    func xml(files: [String], order: ReadingOrder, coverImage: String, hasImages: Bool) -> String {
        let manifest = book.book.manifest
        let modified = "\(epub.modifiedDate)T00:00:00Z"
        var items: [(id: String, path: String, type: String, properties: String?)] = []
        var counter = 0
        for path in files.sorted() {
            counter += 1
            let properties: String? = switch path {
            case EPUBPaths.navigation: "nav"
            case coverImage: "cover-image"
            default: nil
            }
            items.append((itemID(path, counter), path, mediaType(path), properties))
        }
        let ids = Dictionary(items.map { ($0.path, $0.id) }, uniquingKeysWith: { first, _ in first })
        let spine = [EPUBPaths.cover, EPUBPaths.titlePage, EPUBPaths.navigation] + order.documents
            + [EPUBPaths.appendix, EPUBPaths.glossary, EPUBPaths.index]
        let creators = (manifest?.editors ?? []).enumerated().map { index, editor in
            "<dc:creator id=\"creator\(index + 1)\">\(HTML.escape(editor))</dc:creator>"
        }
        let accessModes = hasImages ? ["textual", "visual"] : ["textual"]
        var features = ["structuralNavigation", "tableOfContents", "index", "readingOrder", "displayTransformability"]
        if hasImages { features.append("alternativeText") }
        features.sort()
        let summary = "Das Buch ist durchgehend mit Überschriften, Listen und Tabellen ausgezeichnet und hat ein Inhaltsverzeichnis, "
            + "ein Register und Querverweise. Alle Abbildungen haben einen Alternativtext; ihre Aussage steht auch im Text. "
            + "Es gibt keine Medien mit Ton oder Bewegung. Das Buch erfüllt EPUB Accessibility 1.1 und die WCAG 2.1 auf Stufe AA."
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="de">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:identifier id="pub-id">\(epub.identifier)</dc:identifier>
        <dc:title>\(HTML.escape(epub.bookTitle))</dc:title>
        <dc:language>\(HTML.escape(manifest?.language ?? "de"))</dc:language>
        \(creators.joined(separator: "\n"))
        <dc:publisher>\(HTML.escape(manifest?.publisher ?? ""))</dc:publisher>
        <dc:rights>\(HTML.escape(manifest?.licence ?? ""))\(manifest?.licenceURL.map { " – " + HTML.escape($0) } ?? "")</dc:rights>
        <dc:date>\(epub.modifiedDate)</dc:date>
        <meta property="dcterms:modified">\(modified)</meta>
        \(accessModes.map { "<meta property=\"schema:accessMode\">\($0)</meta>" }.joined(separator: "\n"))
        <meta property="schema:accessModeSufficient">textual</meta>
        \(features.map { "<meta property=\"schema:accessibilityFeature\">\($0)</meta>" }.joined(separator: "\n"))
        <meta property="schema:accessibilityHazard">none</meta>
        <meta property="schema:accessibilitySummary">\(HTML.escape(summary))</meta>
        <meta property="dcterms:conformsTo">\(Self.conformance)</meta>
        </metadata>
        <manifest>
        \(items.map { item in "<item id=\"\(item.id)\" href=\"\(HTML.escape(item.path))\" media-type=\"\(item.type)\"\(item.properties.map { " properties=\"\($0)\"" } ?? "")/>" }.joined(separator: "\n"))
        </manifest>
        <spine>
        \(spine.compactMap { ids[$0] }.map { id in "<itemref idref=\"\(id)\"\(id == ids[EPUBPaths.navigation] ? " linear=\"no\"" : "")/>" }.joined(separator: "\n"))
        </spine>
        </package>

        """
    }

    private func itemID(_ path: String, _ number: Int) -> String {
        "i\(number)-" + String(path.map { $0.isLetter || $0.isNumber ? $0 : "-" }).lowercased()
    }

    private func mediaType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "xhtml": "application/xhtml+xml"
        case "css": "text/css"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        default: "application/octet-stream"
        }
    }
}

import Foundation
