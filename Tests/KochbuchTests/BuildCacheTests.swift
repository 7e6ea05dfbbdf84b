import Foundation
import Kochbuch
import KochbuchBench
import KochbuchCache
import KochbuchModel
import Testing

/// The build cache is an optimisation, not a different answer: after each kind of change, a build
/// that takes pieces from the cache publishes exactly the bytes of a build without it.
@Suite(.serialized) struct BuildCacheTests {
    /// A generated book (the benchmark's generator: recipes that link to each other, the shipped
    /// laws and catalogs) and a theme, in a folder of their own.
    private struct Workspace {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-cache-\(UUID().uuidString)")
        var book: URL { folder.appendingPathComponent("Recipes") }
        var theme: URL { folder.appendingPathComponent("theme") }
        var output: URL { folder.appendingPathComponent("Exports") }
        var packs: URL { folder.appendingPathComponent(".kochbuch/cache/Recipes") }
        var coldBuilds = 0

        /// 80 recipes: fewer leave words of the synonym list unused, which validation refuses.
        init(recipes: Int = 80) throws {
            try CorpusGenerator(source: BookLocation(path: BuilderTests.recipes.path), count: recipes, seed: 5).generate(into: book)
            let templates = theme.appendingPathComponent("templates")
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: BuilderTests.recipes.deletingLastPathComponent()
                                                .appendingPathComponent("Sources/KochbuchHTML/Resources/templates/recipe.mustache"),
                                             to: templates.appendingPathComponent("recipe.mustache"))
            try FileManager.default.createDirectory(at: theme.appendingPathComponent("assets"), withIntermediateDirectories: true)
            try "main { max-width: 60rem; }\n".write(to: theme.appendingPathComponent("assets/theme.css"), atomically: true, encoding: .utf8)
        }

        func build(into output: URL, cache: Bool = true, keysCoverLinks: Bool = true) throws -> Builder.Summary {
            var options = Builder.Options(output: output, theme: theme)
            options.usesCache = cache
            options.cacheKeysCoverLinkedRecipes = keysCoverLinks
            return try Builder(book: BookLocation(path: book.path), options: options).build()
        }

        /// Builds into the usual folder with the cache and into a new one without, and returns the
        /// cached build's summary and the paths whose bytes differ.
        mutating func compare(keysCoverLinks: Bool = true) throws -> (summary: Builder.Summary, different: [String]) {
            let summary = try build(into: output, keysCoverLinks: keysCoverLinks)
            coldBuilds += 1
            let cold = folder.appendingPathComponent("cold-\(coldBuilds)")
            defer { try? FileManager.default.removeItem(at: cold) }
            _ = try build(into: cold, cache: false)
            let cached = try Self.files(in: output)
            let fresh = try Self.files(in: cold)
            let different = Set(cached.keys).union(fresh.keys).filter { cached[$0] != fresh[$0] }.sorted()
            return (summary, different)
        }

        /// Every published file by path (editions only; not the build's own state files).
        static func files(in folder: URL) throws -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: folder.path)
            while let path = enumerator?.nextObject() as? String {
                guard !path.hasPrefix("."), !path.contains("/.") else { continue }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory),
                      !isDirectory.boolValue else { continue }
                files[path] = try Data(contentsOf: folder.appendingPathComponent(path))
            }
            return files
        }

        func edit(_ relative: String, _ change: (String) -> String) throws {
            let url = folder.appendingPathComponent(relative)
            let before = try String(contentsOf: url, encoding: .utf8)
            let after = change(before)
            #expect(after != before, "the change to \(relative) changed nothing")
            try after.write(to: url, atomically: true, encoding: .utf8)
        }

        /// A recipe that other recipes link to, and one of them.
        func linkedRecipe() throws -> (target: String, linking: String) {
            let files = try FileManager.default.subpathsOfDirectory(atPath: book.path).filter { $0.hasPrefix("teil-") && $0.hasSuffix(".xml") }.sorted()
            for file in files {
                let text = try String(contentsOf: book.appendingPathComponent(file), encoding: .utf8)
                if let range = text.range(of: "<relation recipe=\""), let end = text[range.upperBound...].firstIndex(of: "\"") {
                    let target = String(text[range.upperBound..<end])
                    if let path = files.first(where: { $0.hasSuffix("/\(target).xml") }) { return ("Recipes/" + path, "Recipes/" + file) }
                }
            }
            throw CocoaError(.fileNoSuchFile)
        }
    }

    /// The packs of a build of all editions.
    static let packs = ["text", "markdown", "epub", "search"]

    @Test func afterEachKindOfChangeTheCachedBuildEqualsABuildWithoutIt() throws {
        var space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.folder) }
        let first = try space.build(into: space.output)
        #expect(first.cachedPieces?.reused == 0)
        for pack in Self.packs {
            #expect(FileManager.default.fileExists(atPath: space.packs.appendingPathComponent("\(pack).pack").path), "\(pack).pack")
        }
        func check(_ change: String, compare: inout Workspace) throws -> Int {
            let (summary, different) = try compare.compare()
            #expect(different.isEmpty, "after a change of \(change): \(different.count) files differ from a build without the cache: \(different.prefix(8))")
            return try #require(summary.cachedPieces?.reused)
        }
        // Nothing the pieces depend on changed (the build's own record removed, so it runs).
        try FileManager.default.removeItem(at: space.output.appendingPathComponent(".kochbuch-build-state"))
        let all = try check("nothing", compare: &space)
        // Three pieces per recipe, and one run of the search index (80 recipes, 256 to a run),
        // found by its recipes' keys (with its documents' hashes) and then by its documents.
        let runs = 2
        #expect(all > runs && (all - runs) % 3 == 0, "\(all) pieces")

        let (target, linking) = try space.linkedRecipe()
        try space.edit(target) { $0.replacingOccurrences(of: "</p>", with: " Ergänzt.</p>", options: [], range: $0.range(of: "</p>")) }
        let afterText = try check("a recipe's text", compare: &space)
        #expect(afterText > 0 && afterText < all)

        try space.edit(target) { $0.replacingOccurrences(of: "</title>", with: " (überarbeitet)</title>", options: [], range: $0.range(of: "</title>")) }
        let afterTitle = try check("a recipe's title", compare: &space)
        #expect(afterTitle > 0 && afterTitle < all)

        try space.edit(linking) { $0.replacingOccurrences(of: "<related>\n", with: "<related>\n    <relation recipe=\"rezept-00003\" kind=\"see-also\"/>\n") }
        let afterRelation = try check("relations", compare: &space)
        #expect(afterRelation > 0 && afterRelation < all)

        try space.edit("Recipes/catalogs/laws/egovg.xml") { $0.replacingOccurrences(of: "title=\"Geltungsbereich\"", with: "title=\"Geltungsbereich und Zweck\"") }
        // The search index's run is kept by its documents (their words are the same), not by its
        // recipes' keys, which changed with the law.
        #expect(try check("a law", compare: &space) == 1)

        try space.edit("Recipes/catalogs/topics.xml") { $0.replacingOccurrences(of: "name=\"Bildung\"", with: "name=\"Bildung und Schule\"") }
        #expect(try check("a catalog", compare: &space) == 1)

        try space.edit("theme/templates/recipe.mustache") { "<!-- Theme des Herausgebers -->\n" + $0 }
        #expect(try check("a template", compare: &space) == all)

        try space.edit("theme/assets/theme.css") { $0 + "h1 { color: #123; }\n" }
        #expect(try check("the theme", compare: &space) == all)

        // Another build of the tool: every pack names the build that wrote it.
        for pack in Self.packs {
            let url = space.packs.appendingPathComponent("\(pack).pack")
            var bytes = try [UInt8](Data(contentsOf: url))
            let at = try #require(bytes.indices.first { bytes[$0...].starts(with: Array(" tool ".utf8)) })
            bytes[at + 6] = bytes[at + 6] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
            try Data(bytes).write(to: url)
        }
        try FileManager.default.removeItem(at: space.output.appendingPathComponent(".kochbuch-build-state"))
        #expect(try check("the tool", compare: &space) == 0)

        // A damaged piece is made anew.
        let text = space.packs.appendingPathComponent("text.pack")
        var bytes = try [UInt8](Data(contentsOf: text))
        let at = try #require(bytes.indices.last { bytes[$0...].starts(with: Array("Schritt".utf8)) })
        bytes[at] = UInt8(ascii: "X")
        try Data(bytes).write(to: text)
        try FileManager.default.removeItem(at: space.output.appendingPathComponent(".kochbuch-build-state"))
        let (summary, different) = try space.compare()
        #expect(different.isEmpty, "with a damaged piece: \(different.prefix(8))")
        #expect(summary.cachedPieces?.damaged == 1 && summary.cachedPieces?.reused == all - 1)
    }

    /// The negative control: keys that leave out the recipes a recipe links to and from make the
    /// comparison fail after a title change (the linking recipes' pieces keep the old title).
    @Test func aKeyThatMissesAnInputIsNoticed() throws {
        var space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.folder) }
        _ = try space.build(into: space.output, keysCoverLinks: false)
        let (target, _) = try space.linkedRecipe()
        try space.edit(target) { $0.replacingOccurrences(of: "</title>", with: " (überarbeitet)</title>", options: [], range: $0.range(of: "</title>")) }
        let (_, different) = try space.compare(keysCoverLinks: false)
        #expect(different.contains { $0.hasPrefix("text/") } && different.contains { $0.hasPrefix("epub/") }
                && different.contains { $0.hasSuffix(".md") }, "\(different)")
        // The website's recipe pages, whose keys are made of the same input keys.
        #expect(different.contains { $0.hasPrefix("html/rezepte/") && $0.hasSuffix(".html") && !$0.hasSuffix("\(URL(fileURLWithPath: target).deletingPathExtension().lastPathComponent).html") },
                "\(different)")
    }

    @Test func withoutTheCacheNothingIsReadOrWritten() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.folder) }
        let summary = try space.build(into: space.output, cache: false)
        #expect(summary.cachedPieces == nil)
        #expect(!FileManager.default.fileExists(atPath: space.folder.appendingPathComponent(".kochbuch/cache").path))
    }

    @Test func aCacheFolderThatIsALinkIsNotUsed() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.folder) }
        let elsewhere = space.folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: space.folder.appendingPathComponent(".kochbuch"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: space.folder.appendingPathComponent(".kochbuch/cache"), withDestinationURL: elsewhere)
        var lines: [String] = []
        var options = Builder.Options(output: space.output)
        options.editions = [.text]
        let summary = try Builder(book: BookLocation(path: space.book.path), options: options).build { lines.append($0) }
        #expect(summary.cachedPieces == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        #expect(lines.contains { $0.contains(".kochbuch/cache") }, "\(lines)")
    }

    /// A second build of the same book while one holds the cache runs without it and says so.
    @Test func aBuildWhileAnotherHoldsTheCacheRunsWithoutIt() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.folder) }
        var options = Builder.Options(output: space.output)
        options.editions = [.text]
        _ = try Builder(book: BookLocation(path: space.book.path), options: options).build()
        let held = try #require(try CacheFolderLock(folder: space.packs))
        try FileManager.default.removeItem(at: space.output.appendingPathComponent(".kochbuch-build-state"))
        var lines: [String] = []
        let summary = try Builder(book: BookLocation(path: space.book.path), options: options).build { lines.append($0) }
        #expect(summary.cachedPieces == nil)
        #expect(lines.contains { $0.contains(space.packs.path) }, "\(lines)")
        held.release()
        try FileManager.default.removeItem(at: space.output.appendingPathComponent(".kochbuch-build-state"))
        let recipes = try FileManager.default.contentsOfDirectory(atPath: space.output.appendingPathComponent("text/rezepte").path).count
        #expect(try Builder(book: BookLocation(path: space.book.path), options: options).build().cachedPieces?.reused == recipes)
    }
}
