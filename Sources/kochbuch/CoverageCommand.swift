import ArgumentParser
import Foundation
import Kochbuch

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: say(de: "Zeigt, wo das Buch Lücken hat: Paragrafen, Themen und OZG-Leistungen ohne Rezept.",
                      en: "Show where the book has gaps: law sections, topics and OZG-Leistungen without recipes."),
        discussion: say(de: "Nennt außerdem Rezepte, auf die nichts verweist, Entwürfe und Rezepte, deren letzte Prüfung mehr als ein Jahr zurückliegt.",
                        en: "Also lists recipes nothing links to, drafts, and recipes whose review is over a year old.")
    )

    @OptionGroup var options: BookOptions

    @Flag(help: .say(de: "Gibt den Bericht als JSON aus.", en: "Print the report as JSON."))
    var json = false

    func run() throws {
        let (report, errors) = Coverage(book: options.location).report()
        for error in errors {
            FileHandle.standardError.write(Data((DiagnosticFormatter(language: .current).format(error) + "\n").utf8))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            Terminal.out(Coverage.text(report, width: Terminal.tableWidth), terminator: "")
        }
        if !errors.isEmpty { throw ExitCode.failure }
    }
}
