import ArgumentParser
import Foundation
import Kochbuch
import KochbuchModel
import KochbuchEPUB

extension Edition: ExpressibleByArgument {}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate the book and publish its editions into Exports/.",
        discussion: """
        Refuses to publish when the book has errors (shown as validate shows them). Each edition is built \
        beside the old one and swapped in only when complete: a failed or interrupted build leaves the \
        previous edition untouched. The same book always gives the same bytes.
        """
    )

    @OptionGroup var options: BookOptions

    @Option(name: .customLong("format"), help: "Edition to build (repeatable): \(Edition.allCases.map(\.rawValue).joined(separator: ", ")). Default: all.")
    var formats: [Edition] = []

    @Option(help: ArgumentHelp("Output folder.", valueName: "DIR"))
    var out: String = "Exports"

    @Option(help: ArgumentHelp("A theme folder: templates/, assets/ and theme.json override the built-in look.", valueName: "DIR"))
    var theme: String?

    @Option(help: ArgumentHelp("The site's public address, for canonical links and sitemap.xml.", valueName: "URL"))
    var baseURL: String?

    @Option(help: ArgumentHelp("EPUB: only recipes of this Themenfeld or Lebenslage (id or name; repeatable).", valueName: "TOPIC"))
    var topic: [String] = []

    @Option(help: ArgumentHelp("EPUB: only recipes citing this law or section (egovg, egovg:6; repeatable).", valueName: "LAW"))
    var law: [String] = []

    @Option(help: ArgumentHelp("EPUB: only this recipe (id; repeatable).", valueName: "ID"))
    var recipe: [String] = []

    @Option(help: ArgumentHelp("Text: the line width.", valueName: "COLUMNS"))
    var width: Int = 78

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Build the book as of this past day (YYYY-MM-DD): the laws as they stood then, for an archived edition.", valueName: "DATE"))
    var asOf: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must start with https:// or http://")
        }
        if let asOf {
            guard let date = CalendarDate(asOf) else { throw ValidationError("--as-of '\(asOf)' is not a date; write YYYY-MM-DD, e.g. 2023-01-01") }
            if date > .today { throw ValidationError("--as-of \(asOf) is in the future; an edition shows the law of today or of a past day") }
        }
        if width < 20 || width > 400 {
            throw ValidationError("--width must be between 20 and 400")
        }
        if let theme, !FileManager.default.fileExists(atPath: theme) {
            throw ValidationError("no theme folder at '\(theme)'")
        }
    }

    func run() throws {
        let builder = Builder(book: options.location, options: .init(
            editions: formats.isEmpty ? Edition.allCases : formats,
            output: URL(fileURLWithPath: out), theme: theme.map { URL(fileURLWithPath: $0) }, baseURL: baseURL,
            selection: EPUBSelection(topics: topic, laws: law, recipes: recipe), width: width),
            today: asOf.flatMap(CalendarDate.init) ?? .today)
        do {
            let summary = try builder.build { line in
                if !quiet { Terminal.out(line) }
            }
            if !quiet { Terminal.out(summary.description) }
        } catch let error as Builder.InvalidBook {
            let formatter = DiagnosticFormatter(colour: Terminal.isColourCapable)
            FileHandle.standardError.write(Data(formatter.format(error.report).utf8))
            FileHandle.standardError.write(Data("error: the book has errors; nothing was published\n".utf8))
            throw ExitCode.failure
        } catch let error as OutputOwnership.Refusal {
            Terminal.error(error.description)
            throw ExitCode.failure
        }
    }
}
