import ArgumentParser
import Foundation
import Kochbuch
import KochbuchModel

@main
struct KochbuchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kochbuch",
        abstract: "Das E-Government-Kochbuch: Rezepte prüfen, verknüpfen und veröffentlichen.",
        discussion: "Every command works on the book in ./Recipes unless --book names another folder.",
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
            Terminal.error("unknown command '\(first)'" + (nearest.map { "; did you mean 'kochbuch \($0)'?" } ?? "")
                           + " ('kochbuch --help' lists the commands)")
            Foundation.exit(64)
        }
        await Self.main(arguments)
    }
}
