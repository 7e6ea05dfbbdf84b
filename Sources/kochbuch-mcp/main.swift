import Foundation
import Kochbuch
import KochbuchAssistant

// `kochbuch-mcp [--book DIR]`: the assistant server on stdio (see `AssistantServer`). Started by
// `kochbuch mcp`, or directly from an assistant's configuration. Its own program, so that the MCP
// SDK and Foundation's networking are loaded only here, not at every `kochbuch` start.
var arguments = Array(CommandLine.arguments.dropFirst())
var bookPath = "Recipes"
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--book":
        guard let value = arguments.first else {
            FileHandle.standardError.write(Data("kochbuch mcp: --book needs a folder\n".utf8))
            exit(64)
        }
        bookPath = value
        arguments.removeFirst()
    case "--help", "-h":
        print("""
        USAGE: kochbuch mcp [--book DIR]

        Serves the book to an AI assistant as a Model Context Protocol server on standard input and
        output (read-only). Put this command line into the assistant's configuration.
        """)
        exit(0)
    default:
        FileHandle.standardError.write(Data("kochbuch mcp: unknown argument '\(argument)'; usage: kochbuch mcp [--book DIR]\n".utf8))
        exit(64)
    }
}
let location = BookLocation(path: bookPath)
var isDirectory: ObjCBool = false
guard FileManager.default.fileExists(atPath: location.directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
    FileHandle.standardError.write(Data("kochbuch mcp: no book folder at '\(bookPath)': run it in the project folder, or pass --book DIR\n".utf8))
    exit(66)
}
try await AssistantServer(book: location).run()
