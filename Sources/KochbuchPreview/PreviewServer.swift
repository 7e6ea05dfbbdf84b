import Foundation
import Kochbuch
import KochbuchModel

/// `kochbuch serve`: builds the HTML edition into a temporary folder, serves it on the loopback
/// interface, watches the book (and theme) and rebuilds on every change. Open pages poll a tiny
/// status endpoint and reload themselves; a book with errors shows its diagnostics instead of a
/// stale site.
public actor PreviewServer {
    public let book: BookLocation
    public let theme: URL?
    public let host: String
    public let port: UInt16
    private let folder: URL
    private var generation = 0
    private var failure: String?
    private var server: HTTPListener?
    private var watcher: Task<Void, Never>?
    private var log: @Sendable (String) -> Void

    public init(book: BookLocation, theme: URL? = nil, host: String = "127.0.0.1", port: UInt16 = 8000,
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.book = book
        self.theme = theme
        self.host = host
        self.port = port
        self.log = log
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-serve-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    }

    /// The served site's folder (for tests).
    public var siteFolder: URL { folder.appendingPathComponent("html") }

    /// Builds, starts listening and watching; returns the address once the server listens.
    public func start() async throws -> URL {
        rebuild()
        let server = try HTTPListener(host: host, port: port) { [weak self] path in
            guard let self else { return HTTPListener.Response(status: 404, contentType: "text/plain; charset=utf-8", body: Data()) }
            return await self.response(path: path)
        }
        self.server = server
        server.start()
        startWatching()
        return URL(string: "http://\(host):\(server.port)/")!
    }

    /// Stops serving and removes the temporary folder.
    public func stop() async {
        watcher?.cancel()
        server?.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The current build number and whether the book builds.
    public var status: (generation: Int, ok: Bool) { (generation, failure == nil) }

    private func rebuild() {
        var options = Builder.Options(editions: [.html], output: folder, theme: theme)
        options.includesUnlistedDrafts = true
        let builder = Builder(book: book, options: options)
        do {
            let summary = try builder.build()
            failure = nil
            let files = summary.editions.first?.files ?? 0, seconds = String(format: "%.2f", summary.seconds)
            log(Phrase(de: "erzeugt: \(files) \(files == 1 ? "Datei" : "Dateien") (\(seconds.replacingOccurrences(of: ".", with: ",")) s)",
                       en: "built \(files) files (\(seconds) s)").text(in: .current))
        } catch let error as Builder.InvalidBook {
            failure = DiagnosticFormatter(language: .current).format(error.report)
            log(Phrase(de: "das Buch enthält Fehler; die Seite zeigt sie:\n", en: "the book has errors; the page shows them:\n").text(in: .current)
                + (failure ?? ""))
        } catch {
            failure = "\(error)"
            log(Phrase(de: "die Website ließ sich nicht erzeugen: \(error)", en: "build failed: \(error)").text(in: .current))
        }
        generation += 1
    }

    private func startWatching() {
        let directories = [book.directory] + (theme.map { [$0] } ?? [])
        watcher = Task { [weak self] in
            var previous = FileSnapshot(directories: directories)
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 400_000_000)
                let current = FileSnapshot(directories: directories)
                if current != previous {
                    previous = current
                    await self?.rebuild()
                }
            }
        }
    }

    private func response(path: String) -> HTTPListener.Response {
        switch path {
        case "/__kochbuch/status":
            let body = "{\"generation\":\(generation),\"ok\":\(failure == nil)}"
            return HTTPListener.Response(status: 200, contentType: "application/json", body: Data(body.utf8))
        case "/__kochbuch/reload.js":
            return HTTPListener.Response(status: 200, contentType: "text/javascript; charset=utf-8", body: Data(PreviewPages.reloadScript.utf8))
        default:
            return fileResponse(path: path)
        }
    }

    private func fileResponse(path: String) -> HTTPListener.Response {
        var relative = path.removingPercentEncoding ?? path
        if relative.hasPrefix("/") { relative.removeFirst() }
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        let isPage = relative.hasSuffix(".html")
        if isPage, let failure {
            return HTTPListener.Response(status: 500, contentType: "text/html; charset=utf-8", body: Data(PreviewPages.errorPage(failure).utf8))
        }
        let site = siteFolder.standardizedFileURL
        let file = site.appendingPathComponent(relative).standardizedFileURL
        guard file.path.hasPrefix(site.path + "/"), let data = FileManager.default.contents(atPath: file.path) else {
            return HTTPListener.Response(status: 404, contentType: "text/plain; charset=utf-8", body: Data("Nicht gefunden: /\(relative)\n".utf8))
        }
        let type = PreviewPages.contentType(file.pathExtension)
        let body = isPage ? PreviewPages.injectReload(into: data) : data
        return HTTPListener.Response(status: 200, contentType: type, body: body)
    }
}

/// Sizes and change times of every file below some folders, and where every symbolic link
/// points: adding, removing or redirecting a link is a change too.
struct FileSnapshot: Equatable {
    private var states: [String: [Int]] = [:]
    private var links: [String: String] = [:]

    init(directories: [URL]) {
        for directory in directories {
            guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in enumerator {
                var info = stat()
                guard lstat(url.path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFLNK:
                    links[url.path] = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? ""
                    var target = stat()
                    if stat(url.path, &target) == 0 {
                        states[url.path] = [Int(target.st_size), Int(target.st_ctim.tv_sec), Int(target.st_ctim.tv_nsec)]
                    }
                case S_IFREG:
                    states[url.path] = [Int(info.st_size), Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec)]
                default:
                    continue
                }
            }
        }
    }
}
