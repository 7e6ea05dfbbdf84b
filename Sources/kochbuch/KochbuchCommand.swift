import ArgumentParser
import Kochbuch

@main
struct KochbuchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kochbuch",
        abstract: "Das E-Government-Kochbuch: Rezepte prüfen, verknüpfen und veröffentlichen.",
        discussion: "Every command works on the book in ./Recipes unless --book names another folder.",
        version: KochbuchVersion.current,
        subcommands: [Validate.self, BuildCommand.self, SearchCommand.self, ShowCommand.self, ListCommand.self, LawCommand.self,
                      TopicsCommand.self, CoverageCommand.self, NewCommand.self, FormatCommand.self, ServeCommand.self,
                      CheckLinksCommand.self, Import.self, AssistantCommand.self]
    )
}
