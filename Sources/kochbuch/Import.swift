import ArgumentParser
import Foundation
import Kochbuch
import KochbuchImport
import KochbuchModel

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring law texts and the OZG catalog into the book's catalogs.",
        subcommands: [ImportLaw.self, ImportTopics.self]
    )
}

struct ImportLaw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "law",
        abstract: "Import a law from its Markdown text into catalogs/laws/<id>.xml, or add a version to its history.",
        discussion: """
        Reads both source formats: bundestag/gesetze (YAML front matter, '## § N Title') and \
        gesetze-im-internet.de as mirrored by kmein/gesetze ('% Title', '# § N – Title'; the publisher's \
        '(+++ … +++)' notes are left out). When the law changes, import the new text with --as-of DATE \
        (the day it took effect): it becomes a new version, moved sections are detected, and validate \
        reports every citation the change touches. The same text again changes nothing.
        """
    )

    @OptionGroup var options: BookOptions

    @Option(help: "The law's id (default: its abbreviation in lower case, e.g. bitv-2.0).")
    var id: String?

    @Flag(inversion: .prefixedNo, help: "Mark the text as a draft (default: detected from a 'Fassung … Entwurf' entry).")
    var draft: Bool?

    @Option(help: "For a draft: the id of the law it amends.")
    var supersedes: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Add the text as the version in force from this day (YYYY-MM-DD).", valueName: "DATE"))
    var asOf: String?

    @Option(help: ArgumentHelp("How far the law binds municipalities at most: direct, federal-law, land-law or none.", valueName: "HOW"))
    var municipalities: String?

    @Option(help: ArgumentHelp("The official address of the law text (https://…).", valueName: "URL"))
    var address: String?

    @Argument(help: ArgumentHelp("The Markdown file.", valueName: "FILE.md"))
    var file: String

    func validate() throws {
        if let municipalities, MunicipalApplicability(rawValue: municipalities) == nil {
            throw ValidationError("--municipalities '\(municipalities)' is not one of: \(MunicipalApplicability.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let address, !address.hasPrefix("https://") {
            throw ValidationError("--address must be an https:// address")
        }
        if let asOf, CalendarDate(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date; write YYYY-MM-DD, e.g. 2024-07-24")
        }
    }

    func run() throws {
        let url = URL(fileURLWithPath: file)
        do {
            let outcome = try CatalogImport(book: options.location).importLaw(
                from: url, options: .init(id: id, draft: draft, supersedes: supersedes, sourceName: url.lastPathComponent),
                asOf: asOf.flatMap(CalendarDate.init),
                municipalities: municipalities.flatMap(MunicipalApplicability.init(rawValue:)), address: address)
            report(outcome)
        } catch let error as LawImportError {
            throw ValidationError(error.message)
        } catch let error as OutsideBookError {
            throw ValidationError(error.description)
        }
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
    for path in outcome.written { Terminal.out("wrote \(path)") }
    for path in outcome.unchanged { Terminal.out("unchanged \(path)") }
    for note in outcome.notes { Terminal.out("note: \(note)") }
}
