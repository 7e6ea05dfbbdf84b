import Foundation
import Kochbuch

/// `kochbuch-bench run`: every command as a whole process, several runs, on a generated book;
/// compared with xmllint and grep on the same files in the same run.
public struct BenchmarkRunner {
    public var binary: String
    public var book: URL
    public var runs: Int
    public var log: (String) -> Void

    public init(binary: String, book: URL, runs: Int, log: @escaping (String) -> Void) {
        self.binary = binary
        self.book = book
        self.runs = runs
        self.log = log
    }

    public static let queries = [
        "akte", "Antrag", "Anträge", "Bürgerportal", "Buergerportal", "Verwaltungen", "portal", "Rechnung",
        "\"elektronische Akte\"", "\"Online-Antrag\"", "Bau*", "Daten*", "Akte -Scan", "XRechnung Peppol",
        "§ 6 EGovG", "OZG § 3", "Nutzerkonto BundID", "Barrierefreiheit", "Datenschutz Folgenabschätzung", "Bürgerprotal",
        // Questions as readers ask them (the rules of QueryRules apply: stopwords, separable verbs, synonyms).
        "Wie führe ich die E-Akte ein", "Welche Pflichten habe ich nach § 3 EGovG", "Sperrmüll bestellen",
        "Welche Pflichten hat eine Gemeinde beim elektronischen Zugang?",
    ]

    /// The results, in the order of the table.
    /// - Parameter searchOnly: measure only the index and the queries (when only search changed).
    public func run(count: Int, searchOnly: Bool = false) throws -> [Series] {
        var results: [Series] = []
        let output = book.deletingLastPathComponent().appendingPathComponent("bench-exports")
        let index = book.deletingLastPathComponent().appendingPathComponent(".kochbuch")
        let recipeFiles = try allRecipeFiles()
        func series(_ name: String, target: String? = nil, limit: Double? = nil, prepare: () throws -> Void = {},
                    _ arguments: () -> (String, [String])) throws -> Series {
            var times: [Double] = []
            var rss = 0.0
            for run in 1...runs {
                try prepare()
                let (executable, args) = arguments()
                let measured = try Measurement.run(executable, args)
                guard measured.status == 0 || name.hasPrefix("grep") || name.hasPrefix("query") else {
                    throw CorpusGenerator.Failure(description: "\(name) failed with status \(measured.status)")
                }
                times.append(measured.seconds)
                rss = max(rss, measured.peakRSSMegabytes)
                log("  \(name) run \(run): \(String(format: "%.3f", measured.seconds)) s, \(String(format: "%.0f", measured.peakRSSMegabytes)) MB")
            }
            var result = Series(name: name, runs: times, peakRSSMegabytes: rss, target: target)
            if let limit { result.met = result.median <= limit }
            return result
        }
        let fresh = {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: index)
        }
        // Cold means without the build cache too: it lies beside the book, not in the output folder.
        let noCache: () -> Void = { try? FileManager.default.removeItem(at: index.appendingPathComponent("cache")) }
        var newFolders: [URL] = []
        if !searchOnly {
        let validate = try series("kochbuch validate") { (binary, ["validate", "--book", book.path]) }
        let xmllint = try series("xmllint --schema (same files)") {
            ("xmllint", ["--noout", "--schema", book.appendingPathComponent("schema/recipe.xsd").path] + recipeFiles)
        }
        var ratio = validate
        ratio.name = "validate / xmllint ratio"
        ratio.runs = [validate.median / max(xmllint.median, 1e-9)]
        ratio.target = "≤ 1.0"
        ratio.met = ratio.runs[0] <= 1.0
        results += [validate, xmllint, ratio]
        // Cold builds into folders never used before, with nothing deleted for 40 s: ext4 without a
        // journal passes over inodes freed in the last 35 seconds when it makes new files, which
        // the runs below pay for after deleting the previous output (the usual `rm -rf; build`).
        log("  waiting 40 s so that no file the benchmark deleted counts as recently deleted")
        Thread.sleep(forTimeInterval: 40)
        func newFolder() -> URL {
            let folder = book.deletingLastPathComponent().appendingPathComponent("bench-exports-new-\(newFolders.count + 1)")
            newFolders.append(folder)
            return folder
        }
        results.append(try series("build all editions (cold, new folder)", prepare: noCache) {
            (binary, ["build", "--book", book.path, "--out", newFolder().path, "--quiet"])
        })
        results.append(try series("build HTML only (cold, new folder)", prepare: noCache) {
            (binary, ["build", "--book", book.path, "--out", newFolder().path, "--format", "html", "--quiet"])
        })
        results.append(try series("build all editions (cold)", target: "≤ 5 s", limit: 5, prepare: fresh) {
            (binary, ["build", "--book", book.path, "--out", output.path, "--quiet"])
        })
        results.append(try series("build HTML only (cold)", target: "≤ 3 s", limit: 3, prepare: fresh) {
            (binary, ["build", "--book", book.path, "--out", output.path, "--format", "html", "--quiet"])
        })
        _ = try Measurement.run(binary, ["build", "--book", book.path, "--out", output.path, "--quiet"])
        let changed = URL(fileURLWithPath: recipeFiles[recipeFiles.count / 2])
        var flip = false
        results.append(try series("one changed recipe, rebuild (warm cache)", target: "≤ 0.3 s", limit: 0.3, prepare: {
            try Self.toggle(changed, "</title>", " (geändert)</title>", flip: &flip)
        }) { (binary, ["build", "--book", book.path, "--out", output.path, "--quiet"]) })
        let law = book.appendingPathComponent("catalogs/laws/egovg.xml")
        var lawFlip = false
        results.append(try series("one changed law, rebuild (warm cache)", target: "≤ 1 s", limit: 1, prepare: {
            try Self.toggle(law, "title=\"Geltungsbereich\"", "title=\"Geltungsbereich (geändert)\"", flip: &lawFlip)
        }) { (binary, ["build", "--book", book.path, "--out", output.path, "--quiet"]) })
        results.append(try series("build with nothing changed", target: "≤ 0.3 s", limit: 0.3) {
            (binary, ["build", "--book", book.path, "--out", output.path, "--quiet"])
        })
        results += try servedChange(recipe: changed)
        if HugoAnchor.isInstalled {
            let hugo = HugoAnchor(site: book.deletingLastPathComponent().appendingPathComponent("bench-hugo"))
            let pages = try hugo.write(from: output.appendingPathComponent("html/rezepte"))
            let published = hugo.site.appendingPathComponent("public")
            log("  Hugo: the same \(pages) recipe pages from their Markdown copies")
            let anchor = try series("hugo, same pages as Markdown (cold)", prepare: { try? FileManager.default.removeItem(at: published) }) {
                ("hugo", ["--quiet", "--source", hugo.site.path, "--destination", published.path])
            }
            results.append(anchor)
            if let html = results.first(where: { $0.name == "build HTML only (cold, new folder)" }) {
                var ratio = html
                ratio.name = "HTML (cold, new folder) / hugo ratio"
                ratio.runs = [html.median / max(anchor.median, 1e-9)]
                ratio.target = "≤ 0.4"
                ratio.met = ratio.runs[0] <= 0.4
                results.append(ratio)
            }
            try? FileManager.default.removeItem(at: hugo.site)
        } else {
            log("  Hugo skipped: not installed (apt-get install hugo)")
        }
        }
        results.append(try series("search index from scratch (+1 query)", prepare: { try? FileManager.default.removeItem(at: index) }) {
            (binary, ["search", "--book", book.path, "--limit", "1", "akte"])
        })
        _ = try Measurement.run(binary, ["search", "--book", book.path, "akte"])
        var queryTimes: [Double] = []
        var queryRSS = 0.0
        var grepTimes: [Double] = []
        for _ in 1...runs {
            for query in Self.queries {
                let measured = try Measurement.run(binary, ["search", "--book", book.path, "--limit", "10", query])
                queryTimes.append(measured.seconds)
                queryRSS = max(queryRSS, measured.peakRSSMegabytes)
                let word = query.split(separator: " ").first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"*-")) } ?? query
                grepTimes.append(try Measurement.run("grep", ["-ril", word, book.path]).seconds)
            }
        }
        log("  \(queryTimes.count) queries measured")
        results.append(Series(name: "search, p50 per query", runs: [Series.percentile(queryTimes, 0.5)], peakRSSMegabytes: queryRSS,
                              target: "≤ 0.015 s", met: Series.percentile(queryTimes, 0.5) <= 0.015))
        results.append(Series(name: "search, p95 per query", runs: [Series.percentile(queryTimes, 0.95)], peakRSSMegabytes: queryRSS,
                              target: "≤ 0.030 s", met: Series.percentile(queryTimes, 0.95) <= 0.030))
        results.append(Series(name: "grep -ril, p50 (same words)", runs: [Series.percentile(grepTimes, 0.5)], peakRSSMegabytes: 0))
        results += try assistantSearch()
        results += try browserSearch(output: output, count: count)
        if !searchOnly { results += try growth(count: count, measured: results) }
        if let full = results.first(where: { $0.name == "build all editions (cold)" }) {
            results.append(Series(name: "peak RSS of the full build (MB)", runs: [full.peakRSSMegabytes], peakRSSMegabytes: full.peakRSSMegabytes,
                                  target: "≤ 300 MB", met: full.peakRSSMegabytes <= 300))
        }
        try? FileManager.default.removeItem(at: output)
        for folder in newFolders { try? FileManager.default.removeItem(at: folder) }
        return results
    }

    /// `kochbuch serve` on the book: the time from saving a changed recipe title to the open page
    /// in headless Chromium showing it (reloaded by itself), each after the whole build of the
    /// change before (Tests/Tools/browser_reload.py --measure).
    private func servedChange(recipe: URL) throws -> [Series] {
        let project = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let python = project.appendingPathComponent(".venv-tools/bin/python").path
        let tool = project.appendingPathComponent("Tests/Tools/browser_reload.py").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            log("  serve skipped: run 'make setup' for selenium and chromium")
            return []
        }
        let text = try String(contentsOf: recipe, encoding: .utf8)
        guard let start = text.range(of: "<title>"), let end = text.range(of: "</title>", range: start.upperBound..<text.endIndex) else {
            throw CorpusGenerator.Failure(description: "\(recipe.path) has no title")
        }
        let title = String(text[start.upperBound..<end.lowerBound])
        let server = Process()
        server.executableURL = URL(fileURLWithPath: binary)
        server.arguments = ["serve", "--book", book.path, "--port", "0"]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            kill(server.processIdentifier, SIGINT)
            server.waitUntilExit()
        }
        // The first line on standard output names the address, once the first build is done.
        var line: [UInt8] = []
        while let byte = try output.fileHandleForReading.read(upToCount: 1)?.first, byte != 10 { line.append(byte) }
        guard let address = String(decoding: line, as: UTF8.self).split(separator: " ").first(where: { $0.hasPrefix("http://") }) else {
            log("  serve did not start: \(String(decoding: line, as: UTF8.self))")
            return []
        }
        let id = recipe.deletingPathExtension().lastPathComponent
        // The preview reads the book into memory once it serves; the changes come after that.
        Thread.sleep(forTimeInterval: 10)
        log("  serve: \(runs) saved changes of \(id), each after the whole build of the one before")
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: python)
        browser.arguments = [tool, "--measure", String(runs), "\(address)rezepte/\(id).html", recipe.path, title, "--timeout", "60"]
        let pipe = Pipe()
        browser.standardOutput = pipe
        try browser.run()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        browser.waitUntilExit()
        guard browser.terminationStatus == 0, let object = try? JSONSerialization.jsonObject(with: Data(printed.utf8)) as? [String: Any],
              let seconds = object["seconds"] as? [Double], !seconds.isEmpty else {
            log("  serve measurement failed: \(printed.suffix(500))")
            return []
        }
        for (run, value) in seconds.enumerated() { log("  serve: change \(run + 1) shown after \(String(format: "%.3f", value)) s") }
        var row = Series(name: "serve: saved recipe shown in open page", runs: seconds, peakRSSMegabytes: 0, target: "≤ 0.5 s")
        row.met = row.median <= 0.5
        return [row]
    }

    /// Whether a cold build grows linearly: books of a tenth and of three times the size (same seed,
    /// from the project's book), each built once into a new folder without a cache, as seconds per
    /// 1,000 recipes beside the main size's.
    private func growth(count: Int, measured: [Series]) throws -> [Series] {
        guard let main = measured.first(where: { $0.name == "build all editions (cold, new folder)" }) else { return [] }
        let source = BookLocation(path: URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Recipes").path)
        var rows = [Series(name: "per 1,000 recipes at \(count) (cold, new folder)", runs: [main.median * 1000 / Double(count)],
                           peakRSSMegabytes: main.peakRSSMegabytes)]
        // Generated books under 300 recipes leave words of the synonym list unused, which validation refuses.
        for size in [count / 10, count * 3] where size >= 300 {
            let folder = book.deletingLastPathComponent().appendingPathComponent("growth-\(size)")
            defer { try? FileManager.default.removeItem(at: folder) }
            log("  growth: generating \(size) recipes")
            _ = try CorpusGenerator(source: source, count: size, seed: 1).generate(into: folder.appendingPathComponent("Recipes"))
            let run = try Measurement.run(binary, ["build", "--book", folder.appendingPathComponent("Recipes").path,
                                                   "--out", folder.appendingPathComponent("out").path, "--no-cache", "--quiet"])
            guard run.status == 0 else { throw CorpusGenerator.Failure(description: "the build of \(size) recipes failed with status \(run.status)") }
            log("  growth: \(size) recipes built in \(String(format: "%.3f", run.seconds)) s, \(String(format: "%.0f", run.peakRSSMegabytes)) MB")
            rows.append(Series(name: "per 1,000 recipes at \(size) (cold, once)", runs: [run.seconds * 1000 / Double(size)],
                               peakRSSMegabytes: run.peakRSSMegabytes))
        }
        return rows
    }

    /// Replaces `original` by `changed` in a file, or back on every second call.
    private static func toggle(_ file: URL, _ original: String, _ changed: String, flip: inout Bool) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        flip.toggle()
        let next = flip ? text.replacingOccurrences(of: original, with: changed) : text.replacingOccurrences(of: changed, with: original)
        guard next != text else { throw CorpusGenerator.Failure(description: "\(file.path) has no \(flip ? original : changed) to change") }
        try next.write(to: file, atomically: true, encoding: .utf8)
    }

    /// The assistant server's `search` tool at this size, called through the official Python MCP
    /// client as an assistant calls it (one server, warm index): p50 and p95 per call.
    private func assistantSearch() throws -> [Series] {
        let project = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let python = project.appendingPathComponent(".venv-tools/bin/python").path
        let client = project.appendingPathComponent("Tests/Tools/mcp_client.py").path
        guard FileManager.default.isExecutableFile(atPath: python), FileManager.default.fileExists(atPath: client) else {
            log("  assistant search skipped: run 'make setup' for the MCP client")
            return []
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [client, binary, book.path, "--bench", String(50 * runs)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let answer = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let p50 = answer["p50_ms"] as? Double, let p95 = answer["p95_ms"] as? Double else {
            log("  assistant search failed: \(String(decoding: data, as: UTF8.self))")
            return []
        }
        log("  \(answer["calls"] ?? 0) assistant search calls measured")
        return [Series(name: "assistant search, p50 per call (warm)", runs: [p50 / 1000], peakRSSMegabytes: 0),
                Series(name: "assistant search, p95 per call (warm)", runs: [p95 / 1000], peakRSSMegabytes: 0)]
    }

    /// The website's search at this size in headless Chromium, from file:// and over HTTP (a local
    /// server, browser cache off): per query the bytes the search page loaded in all (page, style
    /// sheet, scripts, index fragments) and the time from the last keystroke to the results shown,
    /// measured in the page (Tests/Tools/browser_search.py --measure). The site is the one the
    /// builds above made (built here when they were skipped).
    private func browserSearch(output: URL, count: Int) throws -> [Series] {
        let project = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let python = project.appendingPathComponent(".venv-tools/bin/python").path
        let tool = project.appendingPathComponent("Tests/Tools/browser_search.py").path
        guard FileManager.default.isExecutableFile(atPath: python), FileManager.default.fileExists(atPath: tool) else {
            log("  browser search skipped: run 'make setup' for selenium and chromium")
            return []
        }
        let site = output.appendingPathComponent("html")
        if !FileManager.default.fileExists(atPath: site.appendingPathComponent("suche.html").path) {
            _ = try Measurement.run(binary, ["build", "--book", book.path, "--out", output.path, "--format", "html", "--quiet"])
        }
        log("  browser search at \(count) recipes: bytes transferred, time to results (headless Chromium, file:// and HTTP)")
        var rows: [Series] = []
        for http in [false, true] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [tool, "--measure", site.path, "--json"] + (http ? ["--http"] : []) + Self.queries
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
            let queries = lines.filter { $0["summary"] == nil }
            let bytes = queries.compactMap { ($0["bytes"] as? NSNumber)?.doubleValue }
            let times = queries.compactMap { ($0["ms"] as? NSNumber)?.doubleValue }.map { $0 / 1000 }
            guard !bytes.isEmpty, !times.isEmpty else {
                log("  browser search (\(http ? "HTTP" : "file://")) failed: \(String(decoding: data, as: UTF8.self).suffix(500))")
                continue
            }
            for query in queries {
                log("    \(query["query"] ?? ""): \(String(format: "%.1f", ((query["bytes"] as? NSNumber)?.doubleValue ?? 0) / 1000)) KB, \(String(format: "%.0f", (query["ms"] as? NSNumber)?.doubleValue ?? -1)) ms")
            }
            let mode = http ? "HTTP" : "file"
            let largest = bytes.max()! / 1e6
            rows.append(Series(name: "browser search MB/query, max (\(mode))", runs: [largest], peakRSSMegabytes: 0,
                               target: "≤ 0.30 MB", met: largest <= 0.3))
            rows.append(Series(name: "browser search MB/query, p50 (\(mode))", runs: [Series.percentile(bytes, 0.5) / 1e6], peakRSSMegabytes: 0))
            let p50 = Series.percentile(times, 0.5), p95 = Series.percentile(times, 0.95)
            rows.append(Series(name: "browser search to results, p50 (\(mode))", runs: [p50], peakRSSMegabytes: 0, target: "≤ 0.150 s", met: p50 <= 0.15))
            rows.append(Series(name: "browser search to results, p95 (\(mode))", runs: [p95], peakRSSMegabytes: 0, target: "≤ 0.150 s", met: p95 <= 0.15))
        }
        return rows
    }

    private func allRecipeFiles() throws -> [String] {
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: book.path)
        while let path = enumerator?.nextObject() as? String {
            if path.hasPrefix("teil-"), path.hasSuffix(".xml") { files.append(book.appendingPathComponent(path).path) }
        }
        return files.sorted()
    }

    /// The table printed at the end.
    public static func table(_ results: [Series]) -> String {
        var lines = ["measure                                   median      min      max   peak RSS   target      met",
                     String(repeating: "-", count: 96)]
        for result in results {
            let isRatio = result.name.contains("ratio") || result.name.contains("MB")
            func format(_ value: Double) -> String { isRatio ? String(format: "%8.2f", value) : String(format: "%7.3fs", value) }
            let rss = result.peakRSSMegabytes > 0 ? String(format: "%7.0f MB", result.peakRSSMegabytes) : "          "
            let met = result.met.map { $0 ? "yes" : "NO" } ?? ""
            lines.append("\(result.name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(format(result.median)) \(format(result.minimum)) \(format(result.maximum)) \(rss)   \((result.target ?? "").padding(toLength: 10, withPad: " ", startingAt: 0)) \(met)")
        }
        return lines.joined(separator: "\n")
    }

    /// The machine the numbers come from.
    public static func machine() -> [String: String] {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?.split(separator: "\n")
            .first { $0.hasPrefix("model name") }.map { String($0.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let memory = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?.split(separator: "\n").first
            .map { String($0).replacingOccurrences(of: "MemTotal:", with: "").trimmingCharacters(in: .whitespaces) } ?? "unknown"
        return ["cpu": cpu, "cores": String(ProcessInfo.processInfo.activeProcessorCount), "memory": memory,
                "os": ProcessInfo.processInfo.operatingSystemVersionString]
    }
}
