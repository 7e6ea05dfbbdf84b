import Foundation
import KochbuchImport
import KochbuchModel

/// Brings law texts and the OZG catalog into a book's `catalogs/` folder.
public struct CatalogImport: Sendable {
    public let book: BookLocation

    public init(book: BookLocation) {
        self.book = book
    }

    /// What an import wrote.
    public struct Outcome: Sendable {
        public var written: [String]
        public var unchanged: [String]
        public var notes: [String]
    }

    /// Imports one law from its Markdown text into `catalogs/laws/<id>.xml`.
    public func importLaw(from file: URL, options: LawMarkdownParser.Options) throws -> Outcome {
        let markdown = try String(contentsOf: file, encoding: .utf8)
        let result = try LawMarkdownParser().parse(markdown, options: options)
        let relative = "catalogs/laws/\(result.law.id).xml"
        let changed = try AtomicFile.write(LawXMLWriter.xml(for: result.law), to: book.directory.appendingPathComponent(relative))
        let display = book.loader.displayPath(forRelativePath: relative)
        let summary = "\(result.law.abbreviation): \(result.law.sections.count) sections"
            + (result.law.status == .draft ? " (draft of '\(result.law.supersedes ?? "?")')" : "")
        return Outcome(written: changed ? [display] : [], unchanged: changed ? [] : [display], notes: [summary] + result.notes)
    }

    /// Imports the OZG catalog from its CSV folder into `catalogs/topics.xml`, `ozg-leistungen.xml` and `leika.xml`.
    public func importTopics(from directory: URL) throws -> Outcome {
        let output = try TopicImporter().importCatalog(from: directory)
        var outcome = Outcome(written: [], unchanged: [], notes: [output.summary])
        for (name, xml) in output.files {
            let relative = "catalogs/\(name)"
            let display = book.loader.displayPath(forRelativePath: relative)
            if try AtomicFile.write(xml, to: book.directory.appendingPathComponent(relative)) {
                outcome.written.append(display)
            } else {
                outcome.unchanged.append(display)
            }
        }
        return outcome
    }
}
