import ArgumentParser
import Foundation

/// `kochbuch mcp`: hands over to `kochbuch-mcp`, the assistant server beside this program, so the
/// MCP SDK is loaded only when an assistant connects.
struct AssistantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: say(de: "Stellt das Buch einem KI-Assistenten bereit (Model Context Protocol über stdio, nur lesend).",
                      en: "Serve the book to an AI assistant (Model Context Protocol over stdio, read-only)."),
        discussion: say(de: """
        Werkzeuge: search, get_recipe, get_law_section, list_recipes, topics, coverage; Ressourcen: jedes \
        Rezept (kochbuch://rezepte/ID) und jeder Paragraf (kochbuch://gesetze/GESETZ/PARAGRAF). Tragen Sie \
        diesen Aufruf in die Konfiguration des Assistenten ein, z. B. "command": "/pfad/zu/kochbuch", "args": ["mcp", "--book", "/pfad/zu/Recipes"].
        """, en: """
        Tools: search, get_recipe, get_law_section, list_recipes, topics, coverage; resources: every \
        recipe (kochbuch://rezepte/ID) and law section (kochbuch://gesetze/LAW/SECTION). Put this command \
        line into the assistant's configuration, e.g. "command": "/path/to/kochbuch", "args": ["mcp", "--book", "/path/to/Recipes"].
        """)
    )

    @OptionGroup var options: BookOptions

    func run() throws {
        let own = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        let server = own.deletingLastPathComponent().appendingPathComponent("kochbuch-mcp").path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            Terminal.error(say(de: "der Assistenten-Server \(server) fehlt; erzeugen Sie ihn mit 'make' (swift build -c release --product kochbuch-mcp)",
                               en: "the assistant server \(server) is missing; build it with 'make' (swift build -c release --product kochbuch-mcp)"))
            throw ExitCode.failure
        }
        let arguments = [server, "--book", options.book]
        let pointers = arguments.map { strdup($0) } + [nil]
        execv(server, pointers)
        let reason = String(cString: strerror(errno))
        Terminal.error(say(de: "\(server) lässt sich nicht starten: \(reason)", en: "cannot start \(server): \(reason)"))
        throw ExitCode.failure
    }
}
