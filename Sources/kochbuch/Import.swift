import ArgumentParser
import Foundation
import Kochbuch
import KochbuchImport

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring law texts and the OZG catalog into the book's catalogs.",
        subcommands: [ImportLaw.self, ImportTopics.self]
    )
}

struct ImportLaw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "law",
        abstract: "Import a law from its Markdown text (bundestag/gesetze format) into catalogs/laws/<id>.xml.",
        discussion: "Run it again when the law changes: the catalog file is rewritten, recipes' citations are checked by validate."
    )

    @OptionGroup var options: BookOptions

    @Option(help: "The law's id (default: its abbreviation in lower case, e.g. bitv-2.0).")
    var id: String?

    @Flag(inversion: .prefixedNo, help: "Mark the text as a draft (default: detected from a 'Fassung … Entwurf' entry).")
    var draft: Bool?

    @Option(help: "For a draft: the id of the law it amends.")
    var supersedes: String?

    @Argument(help: ArgumentHelp("The Markdown file.", valueName: "FILE.md"))
    var file: String

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let outcome = try CatalogImport(book: options.location).importLaw(
            from: url, options: .init(id: id, draft: draft, supersedes: supersedes, sourceName: url.lastPathComponent))
        report(outcome)
    }
}

struct ImportTopics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Import the OZG catalog (themenfelder.csv, lebenslagen.csv, ozg-leistungen.csv, leika-leistungen.csv).",
        discussion: "Writes catalogs/topics.xml, catalogs/ozg-leistungen.xml and, when leika-leistungen.csv is present, catalogs/leika.xml."
    )

    @OptionGroup var options: BookOptions

    @Argument(help: ArgumentHelp("The folder holding the CSV files.", valueName: "DIR"))
    var directory: String

    func run() throws {
        let outcome = try CatalogImport(book: options.location).importTopics(from: URL(fileURLWithPath: directory))
        report(outcome)
    }
}

private func report(_ outcome: CatalogImport.Outcome) {
    for path in outcome.written { print("wrote \(path)") }
    for path in outcome.unchanged { print("unchanged \(path)") }
    for note in outcome.notes { print("note: \(note)") }
}
