import ArgumentParser
import Foundation
import Kochbuch
import KochbuchModel
import KochbuchSearch

/// Filters shared by `search` and `list`.
struct FilterOptions: ParsableArguments {
    @Option(help: .say(de: "Nur Rezepte, die dieses Gesetz oder diesen Paragrafen zitieren: EGovG, \"EGovG § 6\", EGovG:6 (mehrfach möglich).",
                       en: "Only recipes citing this law or section: EGovG, \"EGovG § 6\", EGovG:6 (repeatable).", value: ("GESETZ", "LAW")),
            completion: Completion.laws)
    var law: [String] = []

    @Option(help: .say(de: "Nur Rezepte dieses Themenfelds oder dieser Lebenslage, nach ID oder Name (mehrfach möglich).",
                       en: "Only recipes of this Themenfeld or Lebenslage, by id or name (repeatable).", value: ("THEMA", "TOPIC")),
            completion: Completion.topics)
    var topic: [String] = []

    @Option(help: .say(de: "Nur Rezepte zu dieser OZG-Leistung (fünfstellige ID; mehrfach möglich).",
                       en: "Only recipes for this OZG-Leistung (five-digit id; repeatable).", value: ("ID", "ID")))
    var ozg: [String] = []

    @Option(help: .say(de: "Nur Rezepte mit diesem Status: draft, review oder published (Entwurf, in Prüfung, veröffentlicht; mehrfach möglich).",
                       en: "Only recipes with this status: draft, review, published (repeatable).", value: ("STATUS", "STATUS")),
            completion: Completion.statuses)
    var status: [String] = []

    var filters: SearchFilters { SearchFilters(laws: law, topics: topic, ozg: ozg, statuses: status) }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: say(de: "Durchsucht das Kochbuch: Treffer nach Relevanz geordnet, mit Rücksicht auf deutsche Wortformen.",
                      en: "Search the cookbook: ranked results in German-aware matching."),
        discussion: say(de: """
        Umlaute und ß gelten in beiden Schreibungen (Buergerportal = Bürgerportal), Wortformen werden erkannt \
        (Anträge findet Antrag), ebenso Teile zusammengesetzter Wörter (akte findet E-Akte und Steuerakte). \
        "…" sucht eine Wortfolge, bau* einen Wortanfang, -wort schließt ein Wort aus; § 6 EGovG findet Rezepte, \
        die den Paragrafen zitieren. Filter wirken mit einem Suchbegriff oder allein.

        Rückgabewert (Exit-Status) wie bei grep: 0, wenn Rezepte gefunden wurden, 1, wenn keine gefunden wurden, \
        64 bei einem unbekannten Filterwert oder einer falschen Option.
        """, en: """
        Umlauts and ß fold both ways (Buergerportal = Bürgerportal), word forms match (Anträge finds Antrag), \
        and parts of compounds too (akte finds E-Akte and Steuerakte). "…" finds a phrase, bau* a prefix, \
        -word excludes; § 6 EGovG finds recipes citing the section. Filters work with a query or alone.

        Exit status, as with grep: 0 when recipes were found, 1 when none, 64 for an unknown filter \
        value or a wrong option.
        """)
    )

    @OptionGroup var options: BookOptions
    @OptionGroup var filterOptions: FilterOptions

    @Option(help: .say(de: "Die Höchstzahl der angezeigten Treffer.", en: "The most results to show.", value: ("anzahl", "limit")))
    var limit: Int = 10

    @Flag(help: .say(de: "Gibt die Treffer als JSON aus.", en: "Print the results as JSON."))
    var json = false

    @Argument(help: .say(de: "Wonach gesucht wird.", en: "What to look for.", value: ("SUCHBEGRIFF", "QUERY")))
    var query: [String] = []

    func validate() throws {
        if limit < 1 {
            throw ValidationError(say(de: "--limit \(limit) zeigt nichts; geben Sie mindestens 1 Treffer an, z. B. --limit 10",
                                      en: "--limit \(limit) shows nothing; give a number of results of at least 1, e.g. --limit 10"))
        }
    }

    func run() throws {
        let text = query.joined(separator: " ")
        let library = Library(book: options.location)
        let results: SearchResults
        do {
            results = text.trimmingCharacters(in: .whitespaces).isEmpty && !filterOptions.filters.isEmpty
                ? SearchResults(hits: try library.list(filters: filterOptions.filters).prefix(max(limit, 0)).map { $0 },
                                total: try library.list(filters: filterOptions.filters).count, suggestions: [], message: nil)
                : try library.search(text, filters: filterOptions.filters, limit: max(limit, 0))
        } catch let error as SearchIndex.UnknownFilter {
            Terminal.error(error.description)
            throw ExitCode.validationFailure
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            print(SearchPrinter(colour: Terminal.isColourCapable, width: Terminal.snippetWidth).format(results, query: text), terminator: "")
        }
        // As grep does: 1 when nothing was found, so scripts can tell.
        if results.hits.isEmpty { throw ExitCode(1) }
    }
}

/// Search results for a terminal: matches in colour on a TTY, in […] otherwise.
struct SearchPrinter {
    let colour: Bool
    /// The line width snippets wrap to; nil keeps each snippet on one line (for a pipe).
    var width: Int? = nil

    func format(_ results: SearchResults, query: String) -> String {
        var out = ""
        if results.hits.isEmpty {
            out += results.message.map { $0 == "Keine Treffer." ? "Keine Treffer für „\(query)“." : $0 } ?? "Keine Treffer."
            if !results.suggestions.isEmpty { out += " Meinten Sie: \(results.suggestions.joined(separator: ", "))?" }
            return TerminalText.visible(out) + "\n"
        }
        if !results.corrections.isEmpty, let message = results.message { out += TerminalText.visible(message) + "\n" }
        for (index, hit) in results.hits.enumerated() {
            let plainTitle = TerminalText.visible(hit.title)
            let title = colour ? "\u{1B}[1m\(plainTitle)\u{1B}[0m" : plainTitle
            out += "\(String(index + 1).leftPadded(to: 2)). \(title)  (\(TerminalText.visible(hit.id)))\n"
            var meta = [hit.themenfeld].filter { !$0.isEmpty }
            if !hit.laws.isEmpty { meta.append(hit.laws.joined(separator: ", ")) }
            if hit.status != "published" { meta.append(hit.status) }
            if !meta.isEmpty { out += "    \(TerminalText.visible(meta.joined(separator: " · ")))\n" }
            out += wrapped(hit.snippet)
        }
        if results.total > results.hits.count {
            out += "\(results.total - results.hits.count) weitere Treffer (--limit \(results.total) zeigt alle)\n"
        }
        return out
    }

    /// The snippet indented by four spaces, its matches marked, broken between words to `width`.
    private func wrapped(_ snippet: [SearchHit.Fragment]) -> String {
        // Words as they read, each made of the pieces of fragments between spaces ("E-" and a marked "Akte").
        var words: [(marked: String, length: Int)] = []
        var current: (marked: String, length: Int)?
        for fragment in snippet {
            let text = TerminalText.visible(fragment.text)
            var piece = ""
            func flushPiece() {
                guard !piece.isEmpty else { return }
                let marked = !fragment.match ? piece : colour ? "\u{1B}[1;33m\(piece)\u{1B}[0m" : "[\(piece)]"
                let length = piece.count + (fragment.match && !colour ? 2 : 0)
                current = current.map { ($0.marked + marked, $0.length + length) } ?? (marked, length)
                piece = ""
            }
            for character in text {
                if character.isWhitespace {
                    flushPiece()
                    if let word = current { words.append(word) }
                    current = nil
                } else {
                    piece.append(character)
                }
            }
            flushPiece()
        }
        if let word = current { words.append(word) }
        guard !words.isEmpty else { return "" }
        var lines: [String] = []
        var line = ""
        var length = 0
        for word in words {
            if line.isEmpty {
                (line, length) = (word.marked, word.length)
            } else if let width, length + 1 + word.length > width - 4 {
                lines.append(line)
                (line, length) = (word.marked, word.length)
            } else {
                line += " " + word.marked
                length += 1 + word.length
            }
        }
        lines.append(line)
        return lines.map { "    " + $0 + "\n" }.joined()
    }
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: say(de: "Zeigt ein ganzes Rezept im Terminal an (seitenweise, wenn es lang ist).",
                      en: "Show a whole recipe, rendered for the terminal (paged when long).")
    )

    @OptionGroup var options: BookOptions

    @Option(help: .say(de: "Die Zeilenbreite (Vorgabe: die des Terminals, höchstens 100; 78, wenn die Ausgabe in kein Terminal geht).",
                       en: "Line width (default: the terminal's, at most 100; 78 when not a terminal).", value: ("breite", "width")))
    var width: Int?

    @Argument(help: .say(de: "Die ID des Rezepts.", en: "The recipe's id."), completion: Completion.recipes)
    var id: String

    func run() throws {
        let text: String
        do {
            text = try Library(book: options.location).show(id, width: width ?? Terminal.width)
        } catch let error as Library.UnknownRecipe {
            Terminal.error(error.description)
            throw ExitCode.failure
        }
        Terminal.page(text)
    }
}

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: say(de: "Listet Rezepte in einer Tabelle auf, mit denselben Filtern wie search.",
                      en: "List recipes in a table, with the same filters as search."),
        discussion: say(de: "Rückgabewert (Exit-Status) wie bei grep: 0, wenn Rezepte aufgelistet wurden, 1, wenn keine, 64 bei einem unbekannten Filterwert.",
                        en: "Exit status, as with grep: 0 when recipes were listed, 1 when none, 64 for an unknown filter value.")
    )

    @OptionGroup var options: BookOptions
    @OptionGroup var filterOptions: FilterOptions

    @Flag(help: .say(de: "Gibt die Liste als JSON aus.", en: "Print the list as JSON."))
    var json = false

    func run() throws {
        let hits: [SearchHit]
        do {
            hits = try Library(book: options.location).list(filters: filterOptions.filters)
        } catch let error as SearchIndex.UnknownFilter {
            Terminal.error(error.description)
            throw ExitCode.validationFailure
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(hits.map { ListEntry(id: $0.id, title: $0.title, themenfeld: $0.themenfeld, status: $0.status, laws: $0.laws) }), as: UTF8.self))
            if hits.isEmpty { throw ExitCode(1) }
            return
        }
        let table = TextTable(header: ["ID", "Themenfeld", "Titel"], rows: hits.map { hit in
            [hit.id, hit.themenfeld, hit.title + (hit.status == "published" ? "" : " [\(hit.status)]")]
        }, shortened: [1])
        let width = Terminal.tableWidth
        let (text, fit) = table.layout(width: width)
        Terminal.out(text)
        if let width, fit == .shortened || fit == .stacked {
            Terminal.out(say(de: "(Auf \(width) Spalten gekürzt. Ungekürzt: ein breiteres Fenster oder kochbuch list | less -S)",
                             en: "(Shortened to \(width) columns. In full: a wider window or kochbuch list | less -S)"))
        }
        Terminal.out(hits.count == 1 ? "1 Rezept" : "\(hits.count) Rezepte")
        if hits.isEmpty { throw ExitCode(1) }
    }

    struct ListEntry: Encodable {
        var id: String
        var title: String
        var themenfeld: String
        var status: String
        var laws: [String]
    }
}

struct LawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "law",
        abstract: say(de: "Die Paragrafen eines Gesetzes, Text und Änderungsgeschichte eines Paragrafen oder die Änderungen zwischen zwei Fassungen.",
                      en: "A law's sections, one section's text and history, or what changed between two versions."),
        discussion: say(de: "Beispiele: kochbuch law EGovG · kochbuch law EGovG 6a · kochbuch law diff egovg · kochbuch law diff ozg 2023-09-01 2024-07-24",
                        en: "Examples: kochbuch law EGovG · kochbuch law EGovG 6a · kochbuch law diff egovg · kochbuch law diff ozg 2023-09-01 2024-07-24"),
        subcommands: [LawShowCommand.self, LawDiffCommand.self],
        defaultSubcommand: LawShowCommand.self
    )
}

struct LawDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: say(de: "Neue, weggefallene, umbenannte, verschobene und geänderte Paragrafen zwischen zwei Fassungen, Wort für Wort, mit den Rezepten, die sie zitieren.",
                      en: "Sections added, removed, renamed, moved and changed between two versions, word by word, with the recipes citing each."),
        discussion: say(de: "Ohne Datum: die vorige Fassung im Vergleich mit der geltenden. Ein Datum bezeichnet die Fassung, die an diesem Tag galt.",
                        en: "Without dates: the previous version against the one in force. A date names the version in force on that day.")
    )

    @OptionGroup var options: BookOptions

    @Argument(help: .say(de: "Das Gesetz: seine Abkürzung oder ID (EGovG, ozg).", en: "The law: its abbreviation or id (EGovG, ozg).",
                         value: ("gesetz", "law")), completion: Completion.laws)
    var law: String

    @Argument(help: .say(de: "Die frühere Fassung: die an diesem Tag geltende (JJJJ-MM-TT).",
                         en: "The earlier version: the one in force on this day (YYYY-MM-DD).", value: ("VON", "FROM")))
    var from: String?

    @Argument(help: .say(de: "Die spätere Fassung (Vorgabe: die heute geltende).",
                         en: "The later version (default: the one in force today).", value: ("BIS", "TO")))
    var to: String?

    @Flag(help: .say(de: "Gibt JSON aus.", en: "Print JSON."))
    var json = false

    func validate() throws {
        for date in [from, to].compactMap({ $0 }) where CalendarDate(date) == nil {
            throw ValidationError(say(de: "'\(date)' ist kein Datum; schreiben Sie JJJJ-MM-TT, z. B. 2024-07-24",
                                      en: "'\(date)' is not a date; write YYYY-MM-DD, e.g. 2024-07-24"))
        }
    }

    func run() throws {
        do {
            let report = try LawDiffReport(book: options.location, law: law, from: from.flatMap(CalendarDate.init),
                                           to: to.flatMap(CalendarDate.init))
            if json { print(try report.json(), terminator: "") } else { Terminal.page(report.text()) }
        } catch let error as Library.UnknownLaw {
            Terminal.error(error.description)
            throw ExitCode.failure
        }
    }
}

struct LawShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: say(de: "Die Paragrafen eines Gesetzes mit den Rezepten, die sie zitieren, oder Text und Änderungsgeschichte eines Paragrafen.",
                      en: "A law's sections with the recipes citing each, or one section's text and history."),
        discussion: say(de: "Beispiele: kochbuch law EGovG · kochbuch law EGovG 6a · kochbuch law \"BITV 2.0\" 7",
                        en: "Examples: kochbuch law EGovG · kochbuch law EGovG 6a · kochbuch law \"BITV 2.0\" 7")
    )

    @OptionGroup var options: BookOptions

    @Argument(help: .say(de: "Das Gesetz: seine Abkürzung oder ID (EGovG, OZG, bitv-2.0).",
                         en: "The law: its abbreviation or id (EGovG, OZG, bitv-2.0).", value: ("gesetz", "law")), completion: Completion.laws)
    var law: String

    @Argument(help: .say(de: "Eine Paragrafennummer (6, 4a).", en: "A section number (6, 4a).", value: ("paragraf", "section")))
    var section: String?

    func run() throws {
        do {
            Terminal.page(try Library(book: options.location).law(law, section: section, width: Terminal.width))
        } catch let error as Library.UnknownLaw {
            Terminal.error(error.description)
            throw ExitCode.failure
        }
    }
}

struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: say(de: "Die OZG-Themenfelder und Lebenslagen, jeweils mit der Zahl ihrer Rezepte.",
                      en: "The OZG Themenfelder and Lebenslagen with the number of recipes in each."),
        discussion: say(de: "Mit --search werden stattdessen Einträge der Kataloge nach Wörtern gesucht: kochbuch topics --search Parkausweis.\n\nRückgabewert (Exit-Status) mit --search wie bei grep: 0, wenn Einträge gefunden wurden, 1, wenn keine.",
                        en: "With --search, finds entries of the catalogs by words instead: kochbuch topics --search Parkausweis.\n\nExit status with --search as grep's: 0 when entries were found, 1 when none were.")
    )

    @OptionGroup var options: BookOptions

    @Option(help: .say(de: "Sucht Themenfelder, Lebenslagen, OZG-Leistungen und LeiKa-Schlüssel nach Wörtern (z. B. Parkausweis).",
                       en: "Find Themenfelder, Lebenslagen, OZG-Leistungen and LeiKa keys by words (e.g. Parkausweis).", value: ("WÖRTER", "WORDS")))
    var search: String?

    @Flag(help: .say(de: "Gibt die gefundenen Einträge als JSON aus.", en: "Print the entries found as JSON."))
    var json = false

    func run() throws {
        guard let search else {
            Terminal.out(try Library(book: options.location).topics(), terminator: "")
            return
        }
        let found = CatalogLookup(book: options.location.loader.load().book).find(search)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(found), as: UTF8.self))
        } else if found.isEmpty {
            Terminal.out("Kein Eintrag der Kataloge enthält „\(search)“.")
        } else {
            let keyWidth = min(found.map(\.key.count).max() ?? 0, 16)
            var kind = ""
            for entry in found {
                if entry.kind != kind {
                    kind = entry.kind
                    Terminal.out("\n\(kind):")
                }
                let used = entry.recipes > 0 ? "  (\(entry.recipes) Rezept\(entry.recipes == 1 ? "" : "e"))" : ""
                Terminal.out("  \(entry.key.rightPadded(to: keyWidth))  \(entry.name)\(used)")
            }
        }
        if found.isEmpty { throw ExitCode(1) }
    }
}

extension String {
    func rightPadded(to width: Int) -> String {
        count >= width ? String(prefix(width)) : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
