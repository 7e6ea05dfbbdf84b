import ArgumentParser
import Foundation
import Kochbuch
import KochbuchImport
import KochbuchModel

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(de: "Übernimmt Gesetzestexte und den OZG-Katalog in die Kataloge des Buchs.",
                      en: "Bring law texts and the OZG catalog into the book's catalogs."),
        subcommands: [ImportLaw.self, ImportTopics.self]
    )
}

struct ImportLaw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "law",
        abstract: say(de: "Übernimmt ein Gesetz aus seinem Markdown-Text nach catalogs/laws/<id>.xml oder fügt ihm eine neue Fassung hinzu.",
                      en: "Import a law from its Markdown text into catalogs/laws/<id>.xml, or add a version to its history."),
        discussion: say(de: """
        Liest beide Quellformate: bundestag/gesetze (YAML-Vorspann, '## § N Titel') und gesetze-im-internet.de \
        in der Spiegelung von kmein/gesetze ('% Titel', '# § N – Titel'; die Hinweise des Herausgebers \
        '(+++ … +++)' werden weggelassen). Ändert sich das Gesetz, übernehmen Sie den neuen Text mit --as-of DATUM \
        (dem Tag des Inkrafttretens): Er wird eine neue Fassung, verschobene Paragrafen werden erkannt, und \
        validate meldet jedes Zitat, das die Änderung berührt. Derselbe Text ein zweites Mal ändert nichts.
        """, en: """
        Reads both source formats: bundestag/gesetze (YAML front matter, '## § N Title') and \
        gesetze-im-internet.de as mirrored by kmein/gesetze ('% Title', '# § N – Title'; the publisher's \
        '(+++ … +++)' notes are left out). When the law changes, import the new text with --as-of DATE \
        (the day it took effect): it becomes a new version, moved sections are detected, and validate \
        reports every citation the change touches. The same text again changes nothing.
        """)
    )

    @OptionGroup var options: BookOptions

    @Option(help: .say(de: "Die ID des Gesetzes (Vorgabe: seine Abkürzung in Kleinbuchstaben, z. B. bitv-2.0).",
                       en: "The law's id (default: its abbreviation in lower case, e.g. bitv-2.0)."))
    var id: String?

    @Flag(inversion: .prefixedNo, help: .say(de: "Kennzeichnet den Text als Entwurf (Vorgabe: erkannt an einem Eintrag 'Fassung … Entwurf').",
                                             en: "Mark the text as a draft (default: detected from a 'Fassung … Entwurf' entry)."))
    var draft: Bool?

    @Option(help: .say(de: "Bei einem Entwurf: die ID des Gesetzes, das er ändert.", en: "For a draft: the id of the law it amends.",
                       value: ("id", "supersedes")))
    var supersedes: String?

    @Option(name: .customLong("as-of"), help: .say(de: "Fügt den Text als Fassung hinzu, die ab diesem Tag gilt (JJJJ-MM-TT).",
                                                   en: "Add the text as the version in force from this day (YYYY-MM-DD).", value: ("DATUM", "DATE")))
    var asOf: String?

    @Option(help: .say(de: "Wie weit das Gesetz Kommunen höchstens bindet: direct (unmittelbar), federal-law (nur beim Ausführen von Bundesrecht), "
                           + "land-law (nur über Landesrecht) oder none (gar nicht).",
                       en: "How far the law binds municipalities at most: direct, federal-law, land-law or none.", value: ("BINDUNG", "HOW")))
    var municipalities: String?

    @Option(help: .say(de: "Die amtliche Adresse des Gesetzestexts (https://…).", en: "The official address of the law text (https://…).",
                       value: ("URL", "URL")))
    var address: String?

    @Argument(help: .say(de: "Die Markdown-Datei.", en: "The Markdown file.", value: ("DATEI.md", "FILE.md")))
    var file: String

    func validate() throws {
        if let municipalities, MunicipalApplicability(rawValue: municipalities) == nil {
            let allowed = MunicipalApplicability.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(say(de: "--municipalities '\(municipalities)' ist keiner dieser Werte: \(allowed)",
                                      en: "--municipalities '\(municipalities)' is not one of: \(allowed)"))
        }
        if let address, !address.hasPrefix("https://") {
            throw ValidationError(say(de: "--address muss eine https://-Adresse sein", en: "--address must be an https:// address"))
        }
        if let asOf, CalendarDate(asOf) == nil {
            throw ValidationError(say(de: "--as-of '\(asOf)' ist kein Datum; schreiben Sie JJJJ-MM-TT, z. B. 2024-07-24",
                                      en: "--as-of '\(asOf)' is not a date; write YYYY-MM-DD, e.g. 2024-07-24"))
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
        abstract: say(de: "Übernimmt den OZG-Katalog (themenfelder.csv, lebenslagen.csv, ozg-leistungen.csv, leika-leistungen.csv).",
                      en: "Import the OZG catalog (themenfelder.csv, lebenslagen.csv, ozg-leistungen.csv, leika-leistungen.csv)."),
        discussion: say(de: "Schreibt catalogs/topics.xml, catalogs/ozg-leistungen.xml und, wenn leika-leistungen.csv vorhanden ist, catalogs/leika.xml.",
                        en: "Writes catalogs/topics.xml, catalogs/ozg-leistungen.xml and, when leika-leistungen.csv is present, catalogs/leika.xml.")
    )

    @OptionGroup var options: BookOptions

    @Argument(help: .say(de: "Der Ordner mit den CSV-Dateien.", en: "The folder holding the CSV files.", value: ("ORDNER", "DIR")))
    var directory: String

    func run() throws {
        let outcome = try CatalogImport(book: options.location).importTopics(from: URL(fileURLWithPath: directory))
        report(outcome)
    }
}

private func report(_ outcome: CatalogImport.Outcome) {
    for path in outcome.written { Terminal.out(say(de: "geschrieben: \(path)", en: "wrote \(path)")) }
    for path in outcome.unchanged { Terminal.out(say(de: "unverändert: \(path)", en: "unchanged \(path)")) }
    for note in outcome.notes { Terminal.out(say(de: "Hinweis: \(note)", en: "note: \(note)")) }
}
