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
    private var watcher: WatchLoop?
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

    /// Stops serving, waits for a build under way to end, and removes the temporary folder.
    public func stop() async {
        server?.stop()
        if let watcher {
            watcher.stop()
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async {
                    watcher.waitUntilFinished()
                    done.resume()
                }
            }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The current build number and whether the book builds.
    public var status: (generation: Int, ok: Bool) { (generation, failure == nil) }

    /// What a build of the preview gave: the log line, and the diagnostics or error that the
    /// pages show instead of the site.
    private struct Outcome: Sendable {
        var line: String
        var failure: String?
    }

    private func rebuild() {
        apply(Self.build(book: book, theme: theme, folder: folder))
    }

    /// Builds the site into `folder` (off the actor, so that pages are answered meanwhile).
    private static func build(book: BookLocation, theme: URL?, folder: URL) -> Outcome {
        var options = Builder.Options(editions: [.html], output: folder, theme: theme)
        options.includesUnlistedDrafts = true
        let builder = Builder(book: book, options: options)
        do {
            let summary = try builder.build()
            let files = summary.editions.first?.files ?? 0, seconds = String(format: "%.2f", summary.seconds)
            return Outcome(line: Phrase(de: "erzeugt: \(files) \(files == 1 ? "Datei" : "Dateien") (\(seconds.replacingOccurrences(of: ".", with: ",")) s)",
                                        en: "built \(files) files (\(seconds) s)").text(in: .current))
        } catch let error as Builder.InvalidBook {
            let failure = DiagnosticFormatter(language: .current).format(error.report)
            return Outcome(line: Phrase(de: "das Buch enthält Fehler; die Seite zeigt sie:\n", en: "the book has errors; the page shows them:\n").text(in: .current)
                + failure, failure: failure)
        } catch {
            return Outcome(line: Phrase(de: "die Website ließ sich nicht erzeugen: \(error)", en: "build failed: \(error)").text(in: .current),
                           failure: "\(error)")
        }
    }

    private func apply(_ outcome: Outcome) {
        failure = outcome.failure
        log(outcome.line)
        generation += 1
    }

    /// The pages of a saved recipe were made before the whole build: open pages reload now.
    private func showFirstPages(_ count: Int, since started: Date) {
        guard failure == nil else { return }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        log(Phrase(de: "vorab: \(count) \(count == 1 ? "Seite" : "Seiten") des geänderten Rezepts (\(seconds.replacingOccurrences(of: ".", with: ",")) s); die ganze Website folgt",
                   en: "first: \(count) \(count == 1 ? "page" : "pages") of the changed recipe (\(seconds) s); the whole site follows").text(in: .current))
        generation += 1
    }

    /// Watches the book and the theme. After a change the pages of a saved recipe are made first
    /// (`RecipeEditPreview`), then the whole site is built; both on a thread of their own, so that
    /// pages are answered meanwhile and no thread of Swift's shared pool waits for a build.
    private func startWatching() {
        let directories = [book.directory] + (theme.map { [$0] } ?? [])
        let book = book, theme = theme, folder = folder, site = siteFolder
        let loop = WatchLoop()
        watcher = loop
        let thread = Thread { [weak self] in
            defer { loop.finish() }
            var previous = FileSnapshot(directories: directories)
            var preview = RecipeEditPreview(book: book, theme: theme)
            let wake = DirectoryWatch(directories: directories)
            while !loop.isStopped {
                // Woken by a change; the look without one, which also finds what inotify cannot
                // see (a link's target elsewhere), is less frequent then.
                wake.wait(seconds: wake.isActive ? 2 : 0.4)
                guard !loop.isStopped else { break }
                // A saved recipe's pages first (the preview finds out itself what changed), then
                // the whole site if anything changed at all.
                let started = Date()
                let first = try? preview.updatePages(in: site)
                if let first, !first.isEmpty {
                    let server = self
                    WatchLoop.onActor { await server?.showFirstPages(first.count, since: started) }
                    // The open page reloads before the whole build takes both cores.
                    loop.pause(seconds: 1)
                }
                let current = FileSnapshot(directories: directories)
                guard current != previous, !loop.isStopped else { continue }
                previous = current
                let outcome = Self.build(book: book, theme: theme, folder: folder)
                let server = self
                WatchLoop.onActor { await server?.apply(outcome) }
                if first == nil { preview.reload() }
            }
        }
        thread.name = "kochbuch serve: watch"
        thread.start()
    }

    private func statusResponse() -> HTTPListener.Response {
        let body = "{\"generation\":\(generation),\"ok\":\(failure == nil)}"
        return HTTPListener.Response(status: 200, contentType: "application/json", body: Data(body.utf8))
    }

    private func response(path: String) async -> HTTPListener.Response {
        switch path {
        case "/__kochbuch/status":
            return statusResponse()
        case let path where path.hasPrefix("/__kochbuch/wait/"):
            // Answers as soon as the build is no longer the one named (a page's), at the latest after 10 s.
            let known = Int(path.dropFirst("/__kochbuch/wait/".count)) ?? -1
            for _ in 0..<200 where generation == known {
                try? await Task.sleep(nanoseconds: 50_000_000)
            }
            return statusResponse()
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
        let body = isPage ? PreviewPages.injectReload(into: data, generation: generation) : data
        return HTTPListener.Response(status: 200, contentType: type, body: body)
    }
}

/// The watcher's thread: told to stop, and telling when it has.
final class WatchLoop: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private let wakeUp = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    var isStopped: Bool { lock.withLock { stopped } }

    func stop() {
        lock.withLock { stopped = true }
        wakeUp.signal()
    }

    /// Waits, unless told to stop meanwhile.
    func pause(seconds: Double) {
        _ = wakeUp.wait(timeout: .now() + seconds)
    }

    func finish() { finished.signal() }

    /// Blocks until the thread has left its loop (after the build under way, if any).
    func waitUntilFinished() {
        finished.wait()
        finished.signal()
    }

    /// Runs `body` on Swift's concurrency and waits for it: the watcher's thread is its own.
    static func onActor(_ body: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await body()
            done.signal()
        }
        done.wait()
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
