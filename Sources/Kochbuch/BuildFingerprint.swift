import Foundation
import KochbuchHTML
import KochbuchLoading
import KochbuchModel

/// What a build's output depends on: the book's files, the guides, the theme, the options, the
/// date and the tool itself. When nothing of it changed since the last successful build into the
/// same folder, the editions there are current and the build has nothing to do.
struct BuildFingerprint {
    static func compute(book: BookLocation, options: Builder.Options, today: CalendarDate) -> String {
        var lines = ["kochbuch \(KochbuchVersion.current)", "tool \(toolState())", "today \(today)",
                     "editions \(options.editions.map(\.rawValue).joined(separator: ","))",
                     "base \(options.baseURL ?? "")", "selection \(options.selection.key)", "width \(options.width)",
                     "book \(book.directory.path)"]
        func add(_ prefix: String, _ states: [String: (size: Int, modified: Int)]) {
            for key in states.keys.sorted() { lines.append("\(prefix)\(key) \(states[key]!.size) \(states[key]!.modified)") }
        }
        add("", book.loader.fileStates())
        let docs = book.directory.deletingLastPathComponent().appendingPathComponent("docs")
        add("docs/", BookLoader(directory: docs).fileStates().filter { $0.key.hasSuffix(".md") })
        if let theme = options.theme { add("theme/", BookLoader(directory: theme).fileStates()) }
        // The built-in templates and assets ship beside the tool, not in it: a new search.js is a change.
        add("resources/", BookLoader(directory: HTMLSite.resources).fileStates())
        return lines.joined(separator: "\n") + "\n"
    }

    /// Size and modification time of the running executable, so a rebuilt tool rebuilds the book.
    static func toolState() -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown" }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    static func file(in output: URL) -> URL { output.appendingPathComponent(".kochbuch-build-state") }
}

/// The keys of the recipe pages of the published website (see `HTMLSite.write`), kept beside the
/// editions. Removed before the website is rebuilt and written only after it was published, so a
/// key on record always describes the page that is published.
struct RecipePageKeys {
    let file: URL

    init(output: URL) {
        file = output.appendingPathComponent(".kochbuch-page-keys")
    }

    /// The keys of the last build, and forgets them (until `save`).
    func take() -> [String: String] {
        defer { try? FileManager.default.removeItem(at: file) }
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [:] }
        var keys: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { keys[String(parts[1])] = String(parts[0]) }
        }
        return keys
    }

    func save(_ keys: [String: String]) throws {
        let text = keys.keys.sorted().map { "\(keys[$0]!) \($0)\n" }.joined()
        try AtomicFile.write(Data(text.utf8), to: file)
    }
}
