import Foundation
import KochbuchLinking
import KochbuchModel
@testable import KochbuchSearch
import Testing

/// The browser index's runs of documents kept between builds: a kept run is taken only for the
/// same documents at the same place, reads back exactly as it was made, and the index made with
/// kept runs is byte for byte the index made without them.
@Suite struct WebSearchRunTests {
    /// Keeps pieces in memory and counts what was asked for and found.
    final class MemoryPieces: DigestPieces, @unchecked Sendable {
        private let lock = NSLock()
        private(set) var pieces: [ContentDigest: [UInt8]] = [:]
        private(set) var found = 0
        private(set) var kept = 0

        func piece(_ key: ContentDigest) -> [UInt8]? {
            lock.withLock {
                let piece = pieces[key]
                if piece != nil { found += 1 }
                return piece
            }
        }

        func keep(_ piece: [UInt8], under key: ContentDigest) {
            lock.withLock {
                pieces[key] = piece
                kept += 1
            }
        }

        func replaceAll(_ change: ([UInt8]) -> [UInt8]) {
            lock.withLock { pieces = pieces.mapValues(change) }
        }
    }

    private let book = sharedFixture.library.book.loader.load().book

    private func documents(_ book: Book) -> [WebSearchIndex.Document] {
        WebSearchIndex.documents(book: book, recipes: book.recipes, url: { "rezepte/\($0).html" })
    }

    /// The index of `book` in runs of five documents, as files by path.
    private func index(_ book: Book, kept: any DigestPieces) throws -> [String: Data] {
        var index = WebSearchIndex()
        index.runLength = 5
        let sink = CollectingSink()
        try index.write(recipes: book.recipes, book: book, graph: LinkGraph(book: book), url: { "rezepte/\($0).html" },
                        into: sink, keptRuns: kept)
        return Dictionary(sink.files.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func aRunReadsBackAsItWasMade() throws {
        let run = WebSearchRun(Array(documents(book).prefix(12)), first: 40)
        #expect(run.names.count > 100 && run.pairKeys.count > 100)
        #expect(WebSearchRun(bytes: run.bytes) == run)
        #expect(run.bytes == WebSearchRun(Array(documents(book).prefix(12)), first: 40).bytes, "the same documents make the same bytes")
    }

    @Test func aRunHoldsEachTermsAndPairsRowsInDocumentOrder() throws {
        func document(_ id: String, title: String, body: String) -> WebSearchIndex.Document {
            WebSearchIndex.Document(id: id, url: "\(id).html", title: title, summary: "", body: body, themenfeld: "", laws: [])
        }
        let run = WebSearchRun([document("a", title: "Akte Portal", body: "Portal Akte Portal"),
                                document("b", title: "Nichts", body: "Akte"),
                                document("c", title: "Portal", body: "Akte Portal Akte Portal")], first: 7)
        func term(_ word: String) throws -> Int { try #require(run.names.firstIndex(of: TermNormalizer().canonical(Substring(word)))) }
        let akte = try term("Akte"), portal = try term("Portal")
        // [document, title, summary, body] per document that has the term.
        #expect(Array(run.postings[akte]) == [7, 1, 0, 1, 8, 0, 0, 1, 9, 0, 0, 2])
        #expect(Array(run.postings[portal]) == [7, 1, 0, 2, 9, 1, 0, 2])
        let akteThenPortal = try #require(run.pairKeys.firstIndex(of: UInt64(akte) << 32 | UInt64(portal)))
        #expect(Array(run.pairPostings[akteThenPortal]) == [7, 1, 0, 1, 9, 0, 0, 2])
        // [document, count and positions in the title, in the summary, in the body].
        #expect(Array(run.pairPositions[akteThenPortal]) == [7, 1, 0, 0, 1, 1, 9, 0, 0, 2, 0, 2])
        #expect(run.lengths == [5, 2, 5])
        #expect(WebSearchRun(bytes: run.bytes) == run)
    }

    @Test func bytesThatAreNoRunAreRefused() throws {
        let bytes = WebSearchRun(Array(documents(book).prefix(3)), first: 0).bytes
        #expect(WebSearchRun(bytes: Array(bytes.dropLast())) == nil, "cut short")
        #expect(WebSearchRun(bytes: bytes + [0]) == nil, "with bytes after the end")
        #expect(WebSearchRun(bytes: [2] + bytes.dropFirst()) == nil, "of another format")
        #expect(WebSearchRun(bytes: []) == nil)
    }

    @Test func theKeyCoversTheDocumentsAndTheirPlace() throws {
        let all = documents(book)
        let some = Array(all.prefix(4))
        #expect(WebSearchRun.key(some, first: 0) == WebSearchRun.key(some, first: 0))
        #expect(WebSearchRun.key(some, first: 0) != WebSearchRun.key(some, first: 4))
        #expect(WebSearchRun.key(some, first: 0) != WebSearchRun.key(Array(all.prefix(5)), first: 0))
        for field in [\WebSearchIndex.Document.title, \.summary, \.body] {
            var changed = some
            changed[2][keyPath: field] += " Ergänzung"
            #expect(WebSearchRun.key(changed, first: 0) != WebSearchRun.key(some, first: 0), "\(field)")
        }
    }

    @Test func theIndexWithKeptRunsIsTheIndexWithout() throws {
        let kept = MemoryPieces()
        let fresh = try index(book, kept: NoDigestPieces())
        #expect(try index(book, kept: kept) == fresh)
        let runs = (book.recipes.count + 4) / 5
        #expect(kept.kept == runs && kept.found == 0)
        #expect(try index(book, kept: kept) == fresh)
        #expect(kept.found == runs && kept.kept == runs)

        // One recipe's summary changed (what others show of it is its title): its run is made anew,
        // the others are taken, and the index is the one made without.
        var changed = book
        changed.recipes[changed.recipes.count / 2].summary.append(.text(" Ergänzt um eine Bürgerbefragung."))
        let changedFresh = try index(changed, kept: NoDigestPieces())
        #expect(changedFresh != fresh)
        #expect(try index(changed, kept: kept) == changedFresh)
        #expect(kept.kept == runs + 1 && kept.found == 2 * runs - 1, "\(kept.kept) made, \(kept.found) found of \(runs) runs")
    }

    /// The negative control: kept runs that are not what their documents make change the index,
    /// so the comparison above would notice a key that took the wrong run.
    @Test func aWrongKeptRunIsNoticed() throws {
        let kept = MemoryPieces()
        let fresh = try index(book, kept: kept)
        let other = WebSearchRun(Array(documents(book).suffix(5)), first: 0).bytes
        kept.replaceAll { _ in other }
        #expect(try index(book, kept: kept) != fresh)
    }
}

/// Runs taken by their recipes' input keys: without making the documents, with the `d`
/// fragments kept from the published edition.
@Suite struct WebSearchRunsByRecipeKeysTests {
    /// Collects the files written and keeps those of `previous` when asked to.
    final class KeepingSink: FileSink, @unchecked Sendable {
        private let lock = NSLock()
        let previous: [String: Data]
        private(set) var files: [String: Data] = [:]
        private(set) var reused = 0

        init(previous: [String: Data] = [:]) { self.previous = previous }

        func write(_ path: String, contents: UnsafeRawBufferPointer) throws {
            let data = Data(contents)
            lock.withLock { files[path] = data }
        }

        func reuse(_ path: String) -> Bool {
            lock.withLock {
                guard let data = previous[path] else { return false }
                files[path] = data
                reused += 1
                return true
            }
        }
    }

    private let book = sharedFixture.library.book.loader.load().book

    private func keys(_ book: Book) -> [String: ContentDigest] {
        Dictionary(book.recipes.map { ($0.id, ContentDigest(of: $0.id)) }, uniquingKeysWith: { first, _ in first })
    }

    private func index(_ book: Book, kept: any DigestPieces = NoDigestPieces(), keys: [String: ContentDigest] = [:],
                       previous: [String: Data] = [:]) throws -> KeepingSink {
        var index = WebSearchIndex()
        index.runLength = 32
        let sink = KeepingSink(previous: previous)
        try index.write(recipes: book.recipes, book: book, graph: LinkGraph(book: book), url: { "rezepte/\($0).html" },
                        into: sink, keptRuns: kept, recipeKeys: keys)
        return sink
    }

    @Test func unchangedRecipesKeepTheirRunsAndDocumentFragments() throws {
        let kept = WebSearchRunTests.MemoryPieces()
        let fresh = try index(book).files
        let first = try index(book, kept: kept, keys: keys(book))
        #expect(first.files == fresh)
        let runs = (book.recipes.count + 31) / 32
        #expect(kept.kept == 2 * runs, "each run is kept by its documents and by its recipes")

        let second = try index(book, kept: kept, keys: keys(book), previous: fresh)
        #expect(second.files == fresh)
        let documentFiles = fresh.keys.filter { $0.hasPrefix("assets/suche/d") }.count
        #expect(second.reused == documentFiles && documentFiles == book.recipes.count)
        #expect(kept.kept == 2 * runs, "nothing was made again")

        // A changed recipe with a changed key: its run is made again, the index is the one made without.
        var changed = book
        let middle = changed.recipes.count / 2
        changed.recipes[middle].summary.append(.text(" Ergänzt um eine Bürgerbefragung."))
        var changedKeys = keys(book)
        changedKeys[changed.recipes[middle].id] = ContentDigest(of: "changed")
        let changedFresh = try index(changed).files
        #expect(changedFresh != fresh)
        #expect(try index(changed, kept: kept, keys: changedKeys, previous: fresh).files == changedFresh)
        #expect(kept.kept == 2 * runs + 2)

        // A document fragment missing from the published edition: its run's documents are made
        // again and only the missing files written.
        var damaged = fresh
        let missing = try #require(fresh.keys.filter { $0.hasPrefix("assets/suche/d3-") }.first)
        damaged.removeValue(forKey: missing)
        let repaired = try index(book, kept: kept, keys: keys(book), previous: damaged)
        #expect(repaired.files == fresh)
    }

    /// The negative control: a key that misses a change takes the old run, and the index differs
    /// from the one made without, so the comparisons above would notice a key that misses an input.
    @Test func aKeyThatMissesAChangeIsNoticed() throws {
        let kept = WebSearchRunTests.MemoryPieces()
        let fresh = try index(book, kept: kept, keys: keys(book)).files
        var changed = book
        changed.recipes[0].summary.append(.text(" Ergänzt um eine Bürgerbefragung."))
        #expect(try index(changed, kept: kept, keys: keys(book), previous: fresh).files != index(changed).files)
    }
}

/// The compact number strings' digits are computed, not looked up: they must be the alphabet's.
@Suite struct CompactNumberTests {
    @Test func theComputedDigitsAreTheAlphabet() {
        #expect((0..<64).map(WebSearchFragments.character) == WebSearchFragments.alphabet)
        var bytes: [UInt8] = []
        for value in [0, 31, 32, 1023, 1024, 123_456_789] { WebSearchFragments.appendNumber(value, to: &bytes) }
        // As the table look-up wrote them: 0, 31, 32 (two digits), 1023, 1024 (three), 123456789.
        #expect(String(decoding: bytes, as: UTF8.self) == "0" + "V" + "X0" + "_V" + "XW0" + "ZrtpeL")
        var offset = 0
        let read = (0..<6).map { _ in WebSearchFragments.number(in: bytes, at: &offset) }
        #expect(read == [0, 31, 32, 1023, 1024, 123_456_789] && offset == bytes.count)
    }

    /// The merged index keeps its postings encoded; the `a` fragments read them back.
    @Test func postingsReadBackAsTheyWereAdded() {
        var random = SystemRandomNumberGenerator()
        var rows: [[Int]] = []
        var document = -1
        for _ in 0..<2_000 {
            document += Int.random(in: 1...3_000, using: &random)
            rows.append([document, Int.random(in: 0...2, using: &random) * Int.random(in: 0...40, using: &random),
                         Int.random(in: 0...1, using: &random), Int.random(in: 0...5_000, using: &random)])
        }
        var postings = WebSearchFragments.Postings()
        postings.add(flat: rows.flatMap { $0.map(Int32.init) }[...])
        var read: [[Int]] = []
        postings.forEach { read.append([$0, $1, $2, $3]) }
        #expect(read == rows)
        #expect(postings.count == rows.count)
    }
}
