import ArgumentParser
import Foundation
import Kochbuch

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Show where the book has gaps: law sections, topics and OZG-Leistungen without recipes.",
        discussion: "Also lists recipes nothing links to, drafts, and recipes whose review is over a year old."
    )

    @OptionGroup var options: BookOptions

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let (report, errors) = Coverage(book: options.location).report()
        for error in errors {
            FileHandle.standardError.write(Data((DiagnosticFormatter().format(error) + "\n").utf8))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            Terminal.out(Coverage.text(report), terminator: "")
        }
        if !errors.isEmpty { throw ExitCode.failure }
    }
}
