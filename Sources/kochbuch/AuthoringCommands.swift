import ArgumentParser
import Foundation
import Kochbuch
import KochbuchModel

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new recipe: a draft skeleton with a commented outline of every section.",
        discussion: "Example: kochbuch new online-wahlhelfer --title \"Wahlhelfer online gewinnen\" --topic engagement-hobby --law egovg:3"
    )

    @OptionGroup var options: BookOptions

    @Option(help: "The recipe's title.")
    var title: String

    @Option(help: ArgumentHelp("A Themenfeld or Lebenslage, by id or name (repeatable).", valueName: "TOPIC"))
    var topic: [String] = []

    @Option(help: ArgumentHelp("A legal basis: egovg, egovg:6, \"OZG § 3 Abs. 1\" (repeatable).", valueName: "LAW"))
    var law: [String] = []

    @Option(help: ArgumentHelp("A sub-folder of the book to put it in.", valueName: "FOLDER"))
    var folder: String?

    @Argument(help: "The new recipe's id (lowercase letters, digits, hyphens); also its file name.")
    var id: String

    func run() throws {
        do {
            let path = try Authoring(book: options.location).newRecipe(id: id, title: title, topics: topic, laws: law, folder: folder)
            Terminal.out("wrote \(path) (draft)")
            Terminal.out("next: edit it, then 'kochbuch fmt \(path)' and 'kochbuch validate \(path)'; add <recipe ref=\"\(id)\"/> to a chapter of book.xml")
        } catch let refusal as Authoring.Refusal {
            Terminal.error(refusal.message)
            throw ExitCode.failure
        }
    }
}

struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Format recipes canonically (indentation, attribute order, wrapping), losslessly.",
        discussion: """
        Without PATHs: every recipe, book.xml and the glossary. Comments, processing instructions, CDATA and \
        all text survive; formatting twice changes nothing. A file that does not parse is never written. \
        With --check nothing is written: exit status 1 lists the files that would change (for CI).
        """
    )

    @OptionGroup var options: BookOptions

    @Flag(help: "Only report the files that would change.")
    var check = false

    @Option(help: "The line width to wrap at.")
    var width: Int = 100

    @Argument(help: ArgumentHelp("Files to format.", valueName: "PATH"))
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
                Terminal.out(check ? "would reformat \(path)" : "formatted \(path)")
            case .failed(let message):
                failed += 1
                Terminal.error("\(path): error: \(message) (not formatted) [format.unreadable]", prefixed: false)
            }
        }
        Terminal.out("\(results.count) files: \(changed) \(check ? "would change" : "formatted"), \(results.count - changed - failed) unchanged\(failed > 0 ? ", \(failed) not readable" : "")")
        if failed > 0 || (check && changed > 0) { throw ExitCode.failure }
    }
}

struct CheckLinksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-links",
        abstract: "Check the book's links: internal ones as validate does, external ones with --external.",
        discussion: "External links are checked with HEAD (GET where HEAD is refused), a timeout and a limit on parallel requests. Without a network the command says so."
    )

    @OptionGroup var options: BookOptions

    @Flag(help: "Also request every external http(s) link.")
    var external = false

    @Option(help: "Seconds to wait for each answer.")
    var timeout: Double = 10

    @Option(help: "Requests at the same time.")
    var concurrency: Int = 8

    func run() async throws {
        let linkCodes: Set<String> = ["reference.recipe", "reference.step", "reference.law", "reference.law-section",
                                      "reference.law-paragraph", "reference.term", "reference.image", "image.outside-book",
                                      "link.scheme", "link.draft"]
        let report = Validator(book: options.location).validate()
        let internalProblems = report.diagnostics.filter { linkCodes.contains($0.code.rawValue) }
        let formatter = DiagnosticFormatter(colour: Terminal.isColourCapable)
        for diagnostic in internalProblems { print(formatter.format(diagnostic)) }
        Terminal.out("internal links: \(internalProblems.filter { $0.severity == .error }.count) broken")
        var failed = internalProblems.contains { $0.severity == .error }
        if external {
            let links = ExternalLinkChecker.links(in: options.location.loader.load().book)
            let result = await ExternalLinkChecker(timeout: timeout, concurrency: concurrency).check(links)
            if result.offline {
                Terminal.out("external links: not checked – no network (none of \(links.count) addresses could be reached)")
            } else {
                for (link, outcome) in result.dead {
                    let reason: String = switch outcome {
                    case .dead(let status): "HTTP \(status)"
                    case .failed(let message): message
                    default: ""
                    }
                    for location in link.locations.prefix(3) {
                        Terminal.out("\(location.description): error: dead link \(link.url) (\(reason)) [link.dead]")
                    }
                }
                let unreachable = result.results.filter { if case .unreachable = $0.outcome { true } else { false } }.count
                Terminal.out("external links: \(links.count) checked, \(result.dead.count) dead" + (unreachable > 0 ? ", \(unreachable) not reachable from here" : ""))
                failed = failed || !result.dead.isEmpty
            }
        }
        if failed { throw ExitCode.failure }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, valid book in DIR: manifest, catalogs, schemas and a first draft recipe.",
        discussion: "The catalogs (laws with their versions, the OZG catalog, LeiKa, the glossary) are copied from the book named by --from (./Recipes by default)."
    )

    @Argument(help: ArgumentHelp("The new book's folder (it must not exist, or be empty).", valueName: "DIR"))
    var folder: String

    @Option(help: "The book's title.")
    var title: String

    @Option(help: "Who publishes it, e.g. the municipality.")
    var publisher: String

    @Option(name: .customLong("from"), help: ArgumentHelp("The book whose catalogs the new one starts with.", valueName: "DIR"))
    var from: String = "Recipes"

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--title may not be empty") }
        if publisher.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--publisher may not be empty") }
    }

    func run() throws {
        let setup = BookSetup(folder: URL(fileURLWithPath: folder), title: title, publisher: publisher, catalogs: BookLocation(path: from))
        do {
            let written = try setup.create()
            Terminal.out("created the book \(folder): \(written.count) files and folders; it validates.")
            Terminal.out("next: kochbuch validate --book \(folder), kochbuch serve --book \(folder); the first recipe is \(folder)/erstes-rezept.xml")
        } catch let failure as BookSetup.Failure {
            Terminal.error(failure.description)
            throw ExitCode.failure
        }
    }
}
