import Foundation
import KochbuchModel

enum Terminal {
    /// Colour only on a terminal, and never when NO_COLOR is set.
    static var isColourCapable: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// The width to render for: the terminal's (at most 100) on a terminal, else 78.
    static var width: Int {
        guard isatty(STDOUT_FILENO) == 1 else { return 78 }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 20 { return min(columns, 100) }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return min(Int(size.ws_col), 100) }
        return 78
    }

    /// The width search snippets wrap to: the terminal's, or COLUMNS when set; none for a pipe.
    static var snippetWidth: Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 20 { return columns }
        return isatty(STDOUT_FILENO) == 1 ? width : nil
    }

    /// The width tables fit into: COLUMNS when set, else the terminal's whole width; none for a pipe,
    /// which gets every cell whole.
    static var tableWidth: Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 20 { return columns }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        return 80
    }

    /// Writes a message to standard error, `Fehler: ` (`error: ` in English) first unless `prefixed` is
    /// false; control and bidi characters (a file name or title can carry them) are made visible.
    static func error(_ message: String, prefixed: Bool = true) {
        let prefix = prefixed ? say(de: "Fehler: ", en: "error: ") : ""
        FileHandle.standardError.write(Data((prefix + TerminalText.visible(message) + "\n").utf8))
    }

    /// Prints text that carries no colour of its own, with control and bidi characters made visible.
    static func out(_ text: String, terminator: String = "\n") {
        print(TerminalText.visible(text), terminator: terminator)
    }

    /// Prints text, through a pager when it is longer than the terminal and stdout is a terminal;
    /// control and bidi characters from the book are made visible first.
    static func page(_ text: String) {
        let text = TerminalText.visible(text)
        var size = winsize()
        let rows = isatty(STDOUT_FILENO) == 1 && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_row) : 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        guard rows > 0, lines > rows else {
            print(text, terminator: "")
            return
        }
        let pager = ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -R -F -X"
        guard !runPager(pager, text: text) else { return }
        print(text, terminator: "")
    }

    /// Runs the pager in this process's own process group, so that it stays in the terminal's
    /// foreground: Foundation's Process puts a child into a group of its own, where a pager that
    /// reads the terminal is stopped at once (SIGTTIN) and the command seems to freeze.
    private static func runPager(_ command: String, text: String) -> Bool {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        var pid: pid_t = 0
        let arguments: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { $0.withCString { strdup($0) } } + [nil]
        defer { arguments.forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, arguments, environ)
        close(pipeEnds[0])
        guard spawned == 0 else {
            close(pipeEnds[1])
            return false
        }
        // A pager that quits early closes the pipe: writing must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        Data(text.utf8).withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(pipeEnds[1], raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { break }
                offset += written
            }
        }
        close(pipeEnds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return true
    }
}
