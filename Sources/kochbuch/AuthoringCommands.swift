import ArgumentParser
import Foundation
import Kochbuch
import KochbuchModel

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: say(de: "Legt ein neues Rezept an: einen Entwurf mit kommentierter Gliederung aller Abschnitte.",
                      en: "Start a new recipe: a draft skeleton with a commented outline of every section."),
        discussion: say(de: "Beispiel: kochbuch new online-wahlhelfer --title \"Wahlhelfer online gewinnen\" --topic engagement-hobby --law egovg:3",
                        en: "Example: kochbuch new online-wahlhelfer --title \"Wahlhelfer online gewinnen\" --topic engagement-hobby --law egovg:3")
    )

    @OptionGroup var options: BookOptions

    @Option(help: .say(de: "Der Titel des Rezepts.", en: "The recipe's title.", value: ("titel", "title")))
    var title: String

    @Option(help: .say(de: "Ein Themenfeld oder eine Lebenslage, nach ID oder Name (mehrfach möglich).",
                       en: "A Themenfeld or Lebenslage, by id or name (repeatable).", value: ("THEMA", "TOPIC")))
    var topic: [String] = []

    @Option(help: .say(de: "Eine Rechtsgrundlage: egovg, egovg:6, \"OZG § 3 Abs. 1\" (mehrfach möglich).",
                       en: "A legal basis: egovg, egovg:6, \"OZG § 3 Abs. 1\" (repeatable).", value: ("GESETZ", "LAW")))
    var law: [String] = []

    @Option(help: .say(de: "Der Unterordner des Buchs, in dem es angelegt wird.", en: "A sub-folder of the book to put it in.",
                       value: ("ORDNER", "FOLDER")))
    var folder: String?

    @Argument(help: .say(de: "Die ID des neuen Rezepts (Kleinbuchstaben, Ziffern, Bindestriche); zugleich sein Dateiname.",
                         en: "The new recipe's id (lowercase letters, digits, hyphens); also its file name."))
    var id: String

    func run() throws {
        do {
            let path = try Authoring(book: options.location).newRecipe(id: id, title: title, topics: topic, laws: law, folder: folder)
            Terminal.out(say(de: "angelegt: \(path) (Entwurf)", en: "wrote \(path) (draft)"))
            Terminal.out(say(de: "Als Nächstes: Bearbeiten Sie das Rezept, dann 'kochbuch fmt \(path)' und 'kochbuch validate \(path)'; "
                                 + "tragen Sie <recipe ref=\"\(id)\"/> in ein Kapitel von book.xml ein",
                             en: "next: edit it, then 'kochbuch fmt \(path)' and 'kochbuch validate \(path)'; add <recipe ref=\"\(id)\"/> to a chapter of book.xml"))
        } catch let refusal as Authoring.Refusal {
            Terminal.error(refusal.message)
            throw ExitCode.failure
        }
    }
}

struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: say(de: "Formatiert Rezepte einheitlich (Einrückung, Reihenfolge der Attribute, Zeilenumbruch), ohne etwas zu verlieren.",
                      en: "Format recipes canonically (indentation, attribute order, wrapping), losslessly."),
        discussion: say(de: """
        Ohne PFAD: alle Rezepte, book.xml und das Glossar. Kommentare, Verarbeitungsanweisungen, CDATA und \
        jeder Text bleiben erhalten; ein zweites Formatieren ändert nichts. Eine Datei, die sich nicht einlesen \
        lässt, wird nie geschrieben. Mit --check wird nichts geschrieben: Der Befehl nennt die Dateien, die sich \
        ändern würden, und endet dann mit dem Rückgabewert (Exit-Status) 1 (für CI).
        """, en: """
        Without PATHs: every recipe, book.xml and the glossary. Comments, processing instructions, CDATA and \
        all text survive; formatting twice changes nothing. A file that does not parse is never written. \
        With --check nothing is written: exit status 1 lists the files that would change (for CI).
        """)
    )

    @OptionGroup var options: BookOptions

    @Flag(help: .say(de: "Nennt nur die Dateien, die sich ändern würden.", en: "Only report the files that would change."))
    var check = false

    @Option(help: .say(de: "Die Zeilenbreite, bei der umbrochen wird.", en: "The line width to wrap at.", value: ("breite", "width")))
    var width: Int = 100

    @Argument(help: .say(de: "Die zu formatierenden Dateien.", en: "Files to format.", value: ("PFAD", "PATH")))
    var paths: [String] = []

    func run() throws {
        let authoring = Authoring(book: options.location)
        let results = authoring.format(paths: paths.isEmpty ? authoring.defaultFormatPaths() : paths, check: check, width: width)
        var changed = 0
        var failed = 0
        for (path, outcome) in results {
            switch outcome {
            case .unchanged: break
            case .changed:
                changed += 1
                Terminal.out(check ? say(de: "würde neu formatiert: \(path)", en: "would reformat \(path)")
                                   : say(de: "formatiert: \(path)", en: "formatted \(path)"))
            case .failed(let message):
                failed += 1
                Terminal.error(say(de: "\(path): Fehler: \(message) (nicht formatiert) [format.unreadable]",
                                   en: "\(path): error: \(message) (not formatted) [format.unreadable]"), prefixed: false)
            }
        }
        let unchanged = results.count - changed - failed
        Terminal.out(say(
            de: "\(results.count) \(results.count == 1 ? "Datei" : "Dateien"): \(changed) "
                + "\(check ? (changed == 1 ? "würde sich ändern" : "würden sich ändern") : "formatiert"), \(unchanged) unverändert"
                + "\(failed > 0 ? ", \(failed) nicht lesbar" : "")",
            en: "\(results.count) files: \(changed) \(check ? "would change" : "formatted"), \(unchanged) unchanged\(failed > 0 ? ", \(failed) not readable" : "")"))
        if failed > 0 || (check && changed > 0) { throw ExitCode.failure }
    }
}

struct CheckLinksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-links",
        abstract: say(de: "Prüft die Links des Buchs: interne wie validate, externe mit --external.",
                      en: "Check the book's links: internal ones as validate does, external ones with --external."),
        discussion: say(de: "Externe Links werden mit HEAD abgefragt (mit GET, wo HEAD abgelehnt wird), mit einer Wartezeit und einer Höchstzahl gleichzeitiger Anfragen. Ohne Netzwerk meldet der Befehl das.",
                        en: "External links are checked with HEAD (GET where HEAD is refused), a timeout and a limit on parallel requests. Without a network the command says so.")
    )

    @OptionGroup var options: BookOptions

    @Flag(help: .say(de: "Ruft auch jeden externen http(s)-Link ab.", en: "Also request every external http(s) link."))
    var external = false

    @Option(help: .say(de: "Wie viele Sekunden auf jede Antwort gewartet wird.", en: "Seconds to wait for each answer.", value: ("sekunden", "timeout")))
    var timeout: Double = 10

    @Option(help: .say(de: "Wie viele Anfragen gleichzeitig laufen.", en: "Requests at the same time.", value: ("anzahl", "concurrency")))
    var concurrency: Int = 8

    func run() async throws {
        let linkCodes: Set<String> = ["reference.recipe", "reference.step", "reference.law", "reference.law-section",
                                      "reference.law-paragraph", "reference.term", "reference.image", "image.outside-book",
                                      "link.scheme", "link.draft"]
        let report = Validator(book: options.location).validate()
        let internalProblems = report.diagnostics.filter { linkCodes.contains($0.code.rawValue) }
        let formatter = DiagnosticFormatter(colour: Terminal.isColourCapable, language: .current)
        for diagnostic in internalProblems { print(formatter.format(diagnostic)) }
        let broken = internalProblems.filter { $0.severity == .error }.count
        Terminal.out(say(de: "interne Links: \(broken) defekt", en: "internal links: \(broken) broken"))
        var failed = internalProblems.contains { $0.severity == .error }
        if external {
            let links = ExternalLinkChecker.links(in: options.location.loader.load().book)
            let result = await ExternalLinkChecker(timeout: timeout, concurrency: concurrency).check(links)
            if result.offline {
                Terminal.out(say(de: "externe Links: nicht geprüft – kein Netzwerk (keine der \(links.count) Adressen war erreichbar)",
                                 en: "external links: not checked – no network (none of \(links.count) addresses could be reached)"))
            } else {
                for (link, outcome) in result.dead {
                    let reason: String = switch outcome {
                    case .dead(let status): "HTTP \(status)"
                    case .failed(let message): message
                    default: ""
                    }
                    for location in link.locations.prefix(3) {
                        Terminal.out(say(de: "\(location.description): Fehler: defekter Link \(link.url) (\(reason)) [link.dead]",
                                         en: "\(location.description): error: dead link \(link.url) (\(reason)) [link.dead]"))
                    }
                }
                let unreachable = result.results.filter { if case .unreachable = $0.outcome { true } else { false } }.count
                Terminal.out(say(de: "externe Links: \(links.count) geprüft, \(result.dead.count) defekt"
                                     + (unreachable > 0 ? ", \(unreachable) von hier aus nicht erreichbar" : ""),
                                 en: "external links: \(links.count) checked, \(result.dead.count) dead"
                                     + (unreachable > 0 ? ", \(unreachable) not reachable from here" : "")))
                failed = failed || !result.dead.isEmpty
            }
        }
        if failed { throw ExitCode.failure }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: say(de: "Legt in ORDNER ein neues, gültiges Buch an: Manifest, Kataloge, Schemata und einen ersten Rezeptentwurf.",
                      en: "Create a new, valid book in DIR: manifest, catalogs, schemas and a first draft recipe."),
        discussion: say(de: "Die Kataloge (die Gesetze mit ihren Fassungen, der OZG-Katalog, LeiKa, das Glossar) werden aus dem Buch kopiert, das --from nennt (Vorgabe: ./Recipes).",
                        en: "The catalogs (laws with their versions, the OZG catalog, LeiKa, the glossary) are copied from the book named by --from (./Recipes by default).")
    )

    @Argument(help: .say(de: "Der Ordner des neuen Buchs (er darf noch nicht bestehen oder muss leer sein).",
                         en: "The new book's folder (it must not exist, or be empty).", value: ("ORDNER", "DIR")))
    var folder: String

    @Option(help: .say(de: "Der Titel des Buchs.", en: "The book's title.", value: ("titel", "title")))
    var title: String

    @Option(help: .say(de: "Wer es herausgibt, z. B. die Kommune.", en: "Who publishes it, e.g. the municipality.",
                       value: ("herausgeber", "publisher")))
    var publisher: String

    @Option(name: .customLong("from"), help: .say(de: "Das Buch, dessen Kataloge das neue übernimmt.",
                                                  en: "The book whose catalogs the new one starts with.", value: ("ORDNER", "DIR")))
    var from: String = "Recipes"

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(say(de: "--title darf nicht leer sein", en: "--title may not be empty"))
        }
        if publisher.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(say(de: "--publisher darf nicht leer sein", en: "--publisher may not be empty"))
        }
    }

    func run() throws {
        let setup = BookSetup(folder: URL(fileURLWithPath: folder), title: title, publisher: publisher, catalogs: BookLocation(path: from))
        do {
            let written = try setup.create()
            Terminal.out(say(de: "Buch \(folder) angelegt: \(written.count) Dateien und Ordner; es besteht die Prüfung.",
                             en: "created the book \(folder): \(written.count) files and folders; it validates."))
            Terminal.out(say(de: "Als Nächstes: kochbuch validate --book \(folder), kochbuch serve --book \(folder); das erste Rezept ist \(folder)/erstes-rezept.xml",
                             en: "next: kochbuch validate --book \(folder), kochbuch serve --book \(folder); the first recipe is \(folder)/erstes-rezept.xml"))
        } catch let failure as BookSetup.Failure {
            Terminal.error(failure.description)
            throw ExitCode.failure
        }
    }
}
