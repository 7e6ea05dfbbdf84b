import ArgumentParser
import Foundation
import Kochbuch
import KochbuchModel

@main
struct KochbuchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kochbuch",
        abstract: say(de: "Das E-Government-Kochbuch: Rezepte prüfen, verknüpfen und veröffentlichen.",
                      en: "Das E-Government-Kochbuch: Rezepte prüfen, verknüpfen und veröffentlichen."),
        discussion: say(de: "Jeder Befehl arbeitet mit dem Buch im Ordner ./Recipes, sofern --book keinen anderen Ordner nennt.",
                        en: "Every command works on the book in ./Recipes unless --book names another folder."),
        version: KochbuchVersion.current,
        subcommands: [Validate.self, BuildCommand.self, SearchCommand.self, ShowCommand.self, ListCommand.self, LawCommand.self,
                      TopicsCommand.self, CoverageCommand.self, NewCommand.self, FormatCommand.self, ServeCommand.self,
                      CheckLinksCommand.self, Import.self, AssistantCommand.self, InitCommand.self]
    )

    /// A misspelt command gets the nearest one ("serch" → "search") instead of a parser error.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        if let first = arguments.first, !first.hasPrefix("-"), !names.contains(first) {
            let nearest = names.map { ($0, EditDistance.between(first.lowercased(), $0)) }
                .filter { $0.1 <= max(2, first.count / 3) }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
            Terminal.error(say(de: "unbekannter Befehl '\(first)'" + (nearest.map { "; meinten Sie 'kochbuch \($0)'?" } ?? "")
                                   + " ('kochbuch --help' zeigt alle Befehle)",
                               en: "unknown command '\(first)'" + (nearest.map { "; did you mean 'kochbuch \($0)'?" } ?? "")
                                   + " ('kochbuch --help' lists the commands)"))
            Foundation.exit(64)
        }
        do {
            var command = try await asyncParseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            finish(with: error, arguments: arguments)
        }
    }

    /// Ends as ArgumentParser's `exit(withError:)` does, with the same text, stream and exit status;
    /// in German the parser's fixed words of help and error output are German too.
    private static func finish(with error: Error, arguments: [String]) -> Never {
        guard Language.current == .german, !ParserWording.asksForMachineOutput(arguments) else { exit(withError: error) }
        let status = exitCode(for: error)
        let english = fullMessage(for: error, columns: ParserWording.helpWidth)
        if status == .success {
            if !english.isEmpty { print(ParserWording.help(english)) }
        } else if !english.isEmpty {
            let text = ParserWording.error(english, message: message(for: error))
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
        Foundation.exit(status.rawValue)
    }
}
