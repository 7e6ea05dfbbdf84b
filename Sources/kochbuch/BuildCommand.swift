import ArgumentParser
import Foundation
import Kochbuch
import KochbuchModel
import KochbuchEPUB

extension Edition: ExpressibleByArgument {}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: say(de: "Prüft das Buch und veröffentlicht seine Ausgaben in Exports/.",
                      en: "Validate the book and publish its editions into Exports/."),
        discussion: say(de: """
        Veröffentlicht nichts, solange das Buch Fehler hat (sie erscheinen so wie bei validate). Jede Ausgabe \
        entsteht neben der bisherigen und ersetzt sie erst, wenn sie vollständig ist: Ein fehlgeschlagener oder \
        abgebrochener Lauf lässt die bisherige Ausgabe unverändert. Dasselbe Buch ergibt immer byte-genau dieselben Dateien.
        """, en: """
        Refuses to publish when the book has errors (shown as validate shows them). Each edition is built \
        beside the old one and swapped in only when complete: a failed or interrupted build leaves the \
        previous edition untouched. The same book always gives the same bytes.
        """)
    )

    @OptionGroup var options: BookOptions

    @Option(name: .customLong("format"), help: .say(
        de: "Die zu erzeugende Ausgabe (mehrfach möglich): \(Edition.allCases.map(\.rawValue).joined(separator: ", ")). Vorgabe: alle.",
        en: "Edition to build (repeatable): \(Edition.allCases.map(\.rawValue).joined(separator: ", ")). Default: all."))
    var formats: [Edition] = []

    @Option(help: .say(de: "Der Ausgabeordner.", en: "Output folder.", value: ("ORDNER", "DIR")))
    var out: String = "Exports"

    @Option(help: .say(de: "Ein Theme-Ordner: templates/, assets/ und theme.json darin ersetzen die eingebaute Gestaltung.",
                       en: "A theme folder: templates/, assets/ and theme.json override the built-in look.", value: ("ORDNER", "DIR")))
    var theme: String?

    @Option(help: .say(de: "Die öffentliche Adresse der Website, für kanonische Links und sitemap.xml.",
                       en: "The site's public address, for canonical links and sitemap.xml.", value: ("URL", "URL")))
    var baseURL: String?

    @Option(help: .say(de: "EPUB: nur Rezepte dieses Themenfelds oder dieser Lebenslage (ID oder Name; mehrfach möglich).",
                       en: "EPUB: only recipes of this Themenfeld or Lebenslage (id or name; repeatable).", value: ("THEMA", "TOPIC")))
    var topic: [String] = []

    @Option(help: .say(de: "EPUB: nur Rezepte, die dieses Gesetz oder diesen Paragrafen zitieren (egovg, egovg:6; mehrfach möglich).",
                       en: "EPUB: only recipes citing this law or section (egovg, egovg:6; repeatable).", value: ("GESETZ", "LAW")))
    var law: [String] = []

    @Option(help: .say(de: "EPUB: nur dieses Rezept (ID; mehrfach möglich).", en: "EPUB: only this recipe (id; repeatable).", value: ("ID", "ID")))
    var recipe: [String] = []

    @Option(help: .say(de: "Text: die Zeilenbreite in Zeichen.", en: "Text: the line width.", value: ("ZEICHEN", "COLUMNS")))
    var width: Int = 78

    @Option(name: .customLong("as-of"), help: .say(
        de: "Erzeugt das Buch zum Stand dieses vergangenen Tages (JJJJ-MM-TT): mit dem damals geltenden Recht, für eine archivierte Ausgabe.",
        en: "Build the book as of this past day (YYYY-MM-DD): the laws as they stood then, for an archived edition.", value: ("DATUM", "DATE")))
    var asOf: String?

    @Flag(help: .say(de: "Gibt nur Fehler aus.", en: "Print nothing but errors."))
    var quiet = false

    @Flag(name: .customLong("no-cache"), help: .say(
        de: "Erzeugt alles neu, ohne den Zwischenspeicher in .kochbuch/cache/ zu lesen oder zu schreiben.",
        en: "Make everything anew, without reading or writing the cache in .kochbuch/cache/."))
    var noCache = false

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError(say(de: "--base-url muss mit https:// oder http:// beginnen", en: "--base-url must start with https:// or http://"))
        }
        if let asOf {
            guard let date = CalendarDate(asOf) else {
                throw ValidationError(say(de: "--as-of '\(asOf)' ist kein Datum; schreiben Sie JJJJ-MM-TT, z. B. 2023-01-01",
                                          en: "--as-of '\(asOf)' is not a date; write YYYY-MM-DD, e.g. 2023-01-01"))
            }
            if date > .today {
                throw ValidationError(say(de: "--as-of \(asOf) liegt in der Zukunft; eine Ausgabe zeigt das Recht von heute oder eines vergangenen Tages",
                                          en: "--as-of \(asOf) is in the future; an edition shows the law of today or of a past day"))
            }
        }
        if width < 20 || width > 400 {
            throw ValidationError(say(de: "--width muss zwischen 20 und 400 liegen", en: "--width must be between 20 and 400"))
        }
        if let theme, !FileManager.default.fileExists(atPath: theme) {
            throw ValidationError(say(de: "kein Theme-Ordner unter '\(theme)'", en: "no theme folder at '\(theme)'"))
        }
    }

    func run() throws {
        var settings = Builder.Options(
            editions: formats.isEmpty ? Edition.allCases : formats,
            output: URL(fileURLWithPath: out), theme: theme.map { URL(fileURLWithPath: $0) }, baseURL: baseURL,
            selection: EPUBSelection(topics: topic, laws: law, recipes: recipe), width: width)
        settings.usesCache = !noCache
        let builder = Builder(book: options.location, options: settings, today: asOf.flatMap(CalendarDate.init) ?? .today)
        do {
            let summary = try builder.build { line in
                if !quiet { Terminal.out(line) }
            }
            if !quiet { Terminal.out(summary.description) }
        } catch let error as Builder.InvalidBook {
            let formatter = DiagnosticFormatter(colour: Terminal.isColourCapable, language: .current)
            FileHandle.standardError.write(Data(formatter.format(error.report).utf8))
            FileHandle.standardError.write(Data(say(de: "Fehler: das Buch enthält Fehler; es wurde nichts veröffentlicht\n",
                                                    en: "error: the book has errors; nothing was published\n").utf8))
            throw ExitCode.failure
        } catch let error as OutputOwnership.Refusal {
            Terminal.error(error.description)
            throw ExitCode.failure
        }
    }
}
