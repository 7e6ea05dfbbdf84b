import Foundation
import Testing

/// `kochbuch mcp` driven by a real client, the official Python MCP SDK: every tool on the shipped
/// book with real questions, the resources, and every kind of bad request (Tests/Tools/mcp_client.py).
@Suite struct AssistantServerTests {
    @Test func anAssistantAnswersFromTheBookAndBadRequestsGetClearErrors() throws {
        let python = CommandRunner.repository.appendingPathComponent(".venv-tools/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path), "run 'make setup' for the MCP client")
        let folder = try CommandRunner.copyOfShippedBook()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("Recipes")
        let before = try FileManager.default.subpathsOfDirectory(atPath: book.path).sorted()
        let client = try CommandRunner.runProgram(python, [CommandRunner.repository.appendingPathComponent("Tests/Tools/mcp_client.py").path,
                                                           CommandRunner.binary.path, book.path])
        let output = client.output
        #expect(client.status == 0, "\(output)")
        #expect(output.hasSuffix("ok\n"), "\(output)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: book.path).sorted() == before, "the server wrote into the book")
    }

    @Test func theMainProgramDoesNotLoadTheMCPKit() throws {
        let result = try CommandRunner.run(["mcp", "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("Model Context Protocol"), "\(result.output)")
        let missing = try CommandRunner.run(["mcp", "--book", "/nicht/da"])
        #expect(missing.status != 0)
        #expect(missing.error.contains("no book folder"), "\(missing.error)")
    }
}
