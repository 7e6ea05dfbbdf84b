import ArgumentParser
import Foundation
import Kochbuch

extension DiagnosticFormatter.Style: ExpressibleByArgument {}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(de: "Prüft das Buch anhand seiner Schemata und Querverweise.",
                      en: "Check the book against its schemas and cross-references."),
        discussion: say(de: """
        Meldet jedes Problem in jeder Datei, wie ein Compiler: Pfad:Zeile:Spalte: Fehler oder Warnung: Meldung [Code].
        Mit PFAD-Angaben werden nur Probleme dieser Dateien gemeldet; geprüft werden sie aber im Zusammenhang des ganzen Buchs.
        Rückgabewert (Exit-Status): 0, wenn es keine Fehler gibt (und mit --strict auch keine Warnungen), sonst 1.
        """, en: """
        Reports every problem in every file, like a compiler: path:line:column: severity: message [code].
        With PATHs, only those files are reported on, but they are checked against the whole book.
        Exit status: 0 when there are no errors (and, with --strict, no warnings), 1 otherwise.
        """)
    )

    @OptionGroup var options: BookOptions

    @Flag(help: .say(de: "Behandelt auch Warnungen als Fehler.", en: "Fail on warnings too."))
    var strict = false

    @Option(help: .say(de: "Ausgabeformat: text oder json.", en: "Output format: text or json."))
    var format: DiagnosticFormatter.Style = .text

    @Argument(help: .say(de: "Die Dateien, deren Probleme gemeldet werden (Vorgabe: das ganze Buch).",
                         en: "Files to report on (default: the whole book).", value: ("PFAD", "PATH")))
    var paths: [String] = []

    func run() throws {
        let report = Validator(book: options.location, strict: strict).validate(paths: paths)
        let formatter = DiagnosticFormatter(style: format, colour: format == .text && Terminal.isColourCapable, language: .current)
        print(formatter.format(report), terminator: "")
        if !report.passed { throw ExitCode.failure }
    }
}
