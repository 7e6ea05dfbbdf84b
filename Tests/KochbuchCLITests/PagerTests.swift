import Foundation
import Testing

/// `kochbuch show` in a real terminal: an interactive shell in tmux runs it, the pager shows the
/// recipe in the foreground, and one key ends it (it used to be stopped as a background job at once).
@Suite struct PagerTests {
    /// Runs tmux through the shell (`system`), which waits for the client; the server it starts
    /// keeps inherited pipes open, so output goes through a file.
    @discardableResult
    private func tmux(_ arguments: [String], output: Bool = false) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        _ = system("/usr/bin/tmux \(quoted) > '\(file.path)' 2>/dev/null < /dev/null")
        return output ? ((try? String(contentsOf: file, encoding: .utf8)) ?? "") : ""
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"), "tmux is missing: run 'make setup'"))
    func showPagesInARealTerminalAndEndsOnQ() throws {
        let socket = "kochbuch-test-\(UUID().uuidString.prefix(8))"
        defer { _ = try? tmux(["-L", socket, "kill-server"]) }
        try tmux(["-L", socket, "new-session", "-d", "-s", "show", "-x", "80", "-y", "20", "bash --norc --noprofile -i"])
        Thread.sleep(forTimeInterval: 0.5)
        let command = "cd '\(CommandRunner.repository.path)' && PAGER= '\(CommandRunner.binary.path)' show e-akte; echo FERTIG-$?"
        try tmux(["-L", socket, "send-keys", "-t", "show", command, "Enter"])
        var screen = ""
        for _ in 0..<100 where !screen.contains("Die E-Akte einführen") {
            Thread.sleep(forTimeInterval: 0.1)
            screen = try tmux(["-L", socket, "capture-pane", "-p", "-t", "show"], output: true)
        }
        #expect(screen.contains("Die E-Akte einführen"), "the pager did not show the recipe: \(screen)")
        #expect(!screen.contains("FERTIG-"), "the recipe is longer than the screen, so a pager must hold it")
        try tmux(["-L", socket, "send-keys", "-t", "show", "q"])
        for _ in 0..<100 where !screen.contains("FERTIG-0") {
            Thread.sleep(forTimeInterval: 0.1)
            screen = try tmux(["-L", socket, "capture-pane", "-p", "-t", "show"], output: true)
        }
        #expect(screen.contains("FERTIG-0"), "the pager did not end on q (stopped as a background job?): \(screen)")
    }

    @Test func throughAPipeTheWholeRecipeIsPrinted() throws {
        let result = try CommandRunner.run(["show", "e-akte"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("Die E-Akte einführen\n") && result.output.contains("Zubereitung"))
    }
}
