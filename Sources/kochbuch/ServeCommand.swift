import ArgumentParser
import Foundation
import Kochbuch
import KochbuchPreview

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: say(de: "Zeigt eine Vorschau der Website auf diesem Rechner; die Seiten laden sich neu, wenn sich das Buch ändert.",
                      en: "Preview the website locally; pages reload themselves when the book changes."),
        discussion: say(de: """
        Erzeugt die HTML-Ausgabe in einem temporären Ordner und stellt sie unter 127.0.0.1 bereit (nie an \
        anderen Netzwerkschnittstellen, außer --host verlangt es). Jede Änderung an einem Rezept, einem Katalog \
        oder einer Theme-Datei erzeugt die Website neu; hat das Buch Fehler, zeigt die Seite sie mit Datei und \
        Zeile an. Beenden mit Strg-C.
        """, en: """
        Builds the HTML edition into a temporary folder and serves it on 127.0.0.1 (never on other \
        interfaces unless --host says so). Every change to a recipe, catalog or theme file rebuilds the \
        site; a book with errors shows them on the page with file and line. Stop with Ctrl-C.
        """)
    )

    @OptionGroup var options: BookOptions

    @Option(help: .say(de: "Der Port (0 wählt einen freien).", en: "The port (0 picks a free one)."))
    var port: UInt16 = 8000

    @Option(help: .say(de: "Die Adresse, an der die Vorschau erreichbar ist. Jede andere als 127.0.0.1 macht sie von anderen Rechnern aus erreichbar.",
                       en: "The address to listen on. Anything but 127.0.0.1 makes the preview reachable from other machines.",
                       value: ("adresse", "host")))
    var host: String = "127.0.0.1"

    @Option(help: .say(de: "Ein Theme-Ordner (siehe docs/theming.md).", en: "A theme folder (see docs/theming.md).", value: ("ORDNER", "DIR")))
    var theme: String?

    func run() async throws {
        if host != "127.0.0.1" && host != "localhost" {
            FileHandle.standardError.write(Data(say(de: "Warnung: die Vorschau ist unter \(host) auch von anderen Rechnern aus erreichbar\n",
                                                    en: "warning: the preview listens on \(host) and is reachable from other machines\n").utf8))
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
            FileHandle.standardError.write(Data(say(de: "Fehler: die Vorschau lässt sich nicht unter \(host):\(port) bereitstellen: \(error)\n",
                                                    en: "error: cannot serve on \(host):\(port): \(error)\n").utf8))
            throw ExitCode.failure
        }
        FileHandle.standardOutput.write(Data(say(de: "Vorschau: \(url.absoluteString)  (Strg-C beendet)\n",
                                                 en: "Vorschau: \(url.absoluteString)  (Ctrl-C beendet)\n").utf8))
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
