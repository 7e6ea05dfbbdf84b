import Foundation
import KochbuchAuthoring
import KochbuchImport
import KochbuchLoading
import KochbuchModel

/// `kochbuch init DIR`: a new book for another municipality or Land, valid from the start: the
/// manifest, the catalogs of an existing book (laws with their versions, the OZG catalog, LeiKa,
/// the glossary), the schemas, and a first draft recipe listed in a chapter.
public struct BookSetup: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        /// The failure in both languages.
        public let phrase: Phrase

        public init(_ phrase: Phrase) {
            self.phrase = phrase
        }

        /// The failure in the user's language (`Language.current`).
        public var description: String { phrase.text(in: .current) }
    }

    public let folder: URL
    public let title: String
    public let publisher: String
    /// The book whose catalogs the new one starts with.
    public let catalogs: BookLocation

    public init(folder: URL, title: String, publisher: String, catalogs: BookLocation) {
        self.folder = folder.standardizedFileURL
        self.title = title
        self.publisher = publisher
        self.catalogs = catalogs
    }

    /// Writes the new book and validates it; returns the files written, relative to the folder.
    public func create(today: CalendarDate = .today) throws -> [String] {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.path) {
            let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? ["?"]
            guard entries.isEmpty else {
                throw Failure(Phrase(
                    de: "den Ordner \(folder.path) gibt es schon, und er ist nicht leer; nennen Sie einen neuen Ordner für das Buch (es wurde nichts geschrieben)",
                    en: "\(folder.path) exists and is not empty; name a new folder for the book (nothing was written)"))
            }
        }
        let source = catalogs.directory.appendingPathComponent("catalogs")
        guard manager.fileExists(atPath: source.appendingPathComponent("laws").path) else {
            throw Failure(Phrase(
                de: "in \(catalogs.displayPrefix)/catalogs gibt es keine Kataloge, mit denen das neue Buch beginnen könnte; nennen Sie mit --from ORDNER ein Buch, das welche hat",
                en: "no catalogs to start from in \(catalogs.displayPrefix)/catalogs; name a book that has them with --from DIR"))
        }
        let id = Slug.make(folder.lastPathComponent).isEmpty ? "kochbuch" : Slug.make(folder.lastPathComponent)
        try manager.createDirectory(at: folder.appendingPathComponent("catalogs"), withIntermediateDirectories: true)
        var written: [String] = []
        // The catalogs, but not the search words: those must name words of this book's recipes.
        for name in (try manager.contentsOfDirectory(atPath: source.path)).sorted() where name != "synonyms.xml" && !name.hasPrefix(".") {
            try manager.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent("catalogs/\(name)"))
            written.append("catalogs/\(name)")
        }
        try manager.copyItem(at: SchemaSet.builtInDirectory, to: folder.appendingPathComponent("schema"))
        written.append("schema/")
        let recipe = "erstes-rezept"
        try Data(RecipeSkeleton.xml(id: recipe, title: "Mein erstes Rezept", themenfelder: [], lebenslagen: [], laws: [],
                                    schemaPath: "schema/recipe.xsd", today: today).utf8)
            .write(to: folder.appendingPathComponent("\(recipe).xml"))
        written.append("\(recipe).xml")
        try Data(manifest(id: id, recipe: recipe, today: today).utf8).write(to: folder.appendingPathComponent("book.xml"))
        written.append("book.xml")
        let report = Validator(book: BookLocation(path: folder.path), today: today).validate()
        guard report.errorCount == 0 else {
            let errors = report.diagnostics.filter { $0.severity == .error }.prefix(5)
            throw Failure(Phrase(
                de: "das neue Buch in \(folder.path) besteht die Prüfung nicht: "
                    + errors.map { "\($0.location): \($0.message(in: .german))" }.joined(separator: "; "),
                en: "the new book in \(folder.path) does not validate: "
                    + errors.map { "\($0.location): \($0.message)" }.joined(separator: "; ")))
        }
        return written
    }

    private func manifest(id: String, recipe: String, today: CalendarDate) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <book xmlns="urn:kochbuch:1.0"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="urn:kochbuch:1.0 schema/book.xsd"
              id="\(XMLText.escape(id))"
              xml:lang="de">
          <title>\(XMLText.escape(title))</title>
          <edition date="\(today)">1. Ausgabe</edition>
          <editors>
            <editor>\(XMLText.escape(publisher))</editor>
          </editors>
          <publisher>\(XMLText.escape(publisher))</publisher>
          <licence href="https://creativecommons.org/licenses/by/4.0/deed.de">CC BY 4.0</licence>
          <introduction>
            <p>Wofür dieses Buch da ist und für wen es geschrieben ist.</p>
          </introduction>
          <chapters>
            <chapter id="erste-schritte">
              <title>Erste Schritte</title>
              <recipe ref="\(recipe)"/>
            </chapter>
          </chapters>
        </book>

        """
    }
}

/// Escaping for text and attribute values written into XML.
enum XMLText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
