import ArgumentParser
import Foundation
import Kochbuch

extension DiagnosticFormatter.Style: ExpressibleByArgument {}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the book against its schemas and cross-references.",
        discussion: """
        Reports every problem in every file, like a compiler: path:line:column: severity: message [code].
        With PATHs, only those files are reported on, but they are checked against the whole book.
        Exit status: 0 when there are no errors (and, with --strict, no warnings), 1 otherwise.
        """
    )

    @OptionGroup var options: BookOptions

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: "Output format: text or json.")
    var format: DiagnosticFormatter.Style = .text

    @Argument(help: ArgumentHelp("Files to report on (default: the whole book).", valueName: "PATH"))
    var paths: [String] = []

    func run() throws {
        let report = Validator(book: options.location, strict: strict).validate(paths: paths)
        let formatter = DiagnosticFormatter(style: format, colour: format == .text && Terminal.isColourCapable)
        print(formatter.format(report), terminator: "")
        if !report.passed { throw ExitCode.failure }
    }
}
