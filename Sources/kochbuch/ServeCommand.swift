import ArgumentParser
import Foundation
import Kochbuch
import KochbuchPreview

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the website locally; pages reload themselves when the book changes.",
        discussion: """
        Builds the HTML edition into a temporary folder and serves it on 127.0.0.1 (never on other \
        interfaces unless --host says so). Every change to a recipe, catalog or theme file rebuilds the \
        site; a book with errors shows them on the page with file and line. Stop with Ctrl-C.
        """
    )

    @OptionGroup var options: BookOptions

    @Option(help: "The port (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on. Anything but 127.0.0.1 makes the preview reachable from other machines.")
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp("A theme folder (see docs/theming.md).", valueName: "DIR"))
    var theme: String?

    func run() async throws {
        if host != "127.0.0.1" && host != "localhost" {
            FileHandle.standardError.write(Data("warning: the preview listens on \(host) and is reachable from other machines\n".utf8))
        }
        let server = PreviewServer(book: options.location, theme: theme.map { URL(fileURLWithPath: $0) },
                                   host: host == "localhost" ? "127.0.0.1" : host, port: port) { line in
            Terminal.error(line, prefixed: false)
        }
        let url: URL
        do {
            url = try await server.start()
        } catch {
            await server.stop()
            FileHandle.standardError.write(Data("error: cannot serve on \(host):\(port): \(error)\n".utf8))
            throw ExitCode.failure
        }
        FileHandle.standardOutput.write(Data("Vorschau: \(url.absoluteString)  (Ctrl-C beendet)\n".utf8))
        await StopSignal.wait()
        await server.stop()
        print("Vorschau beendet.")
    }
}

/// Waits for Ctrl-C (SIGINT) or SIGTERM.
enum StopSignal {
    static func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumed = Resumed()
            var sources: [DispatchSourceSignal] = []
            let queue = DispatchQueue(label: "kochbuch.signals")
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    if resumed.claim() { continuation.resume() }
                }
                source.resume()
                sources.append(source)
            }
            Retainer.keep(sources)
        }
    }

    private final class Resumed: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false
        func claim() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if done { return false }
            done = true
            return true
        }
    }

    private enum Retainer {
        nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []
        static func keep(_ new: [DispatchSourceSignal]) { sources += new }
    }
}
