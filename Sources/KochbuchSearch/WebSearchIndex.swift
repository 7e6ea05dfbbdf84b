import Foundation
import KochbuchLinking
import KochbuchModel

/// The search index the HTML edition ships in `assets/suche/`, in fragments that the site's
/// `search.js` loads as a query needs them (also from `file://`: each is a script that hands its
/// data to `kochbuchSuche.push`). `meta-<hash>.js`, which the search page names, holds what every
/// query needs: the number of documents, their lengths for BM25, the query rules, the law names,
/// and where the other fragments are. These are, each family numbered and named with a hash of
/// each group of neighbouring files so that a browser never mixes two builds:
///
/// - `t<n>`: the canonical terms in ranges (sorted by UTF-16 code units, as JavaScript compares),
///   each with its display form and its postings per field (title, summary, body);
/// - `k<n>`: per term, the compounds with it as head or modifier, with their postings;
/// - `p<n>` and `q<n>`: the postings of word pairs side by side (in any field; in titles), in
///   buckets by a hash of the pair, for phrases and the title bonus; `r<n>` where each pair
///   occurs, for phrases of three words and more;
/// - `a<n>`: for prefixes whose terms would fill more than a few fragments, each document's
///   summed weighted frequency of the terms with that prefix (what a `prefix*` scores);
/// - `c<n>`: the documents citing each law or section, with their weights;
/// - `v<n>`: the vocabulary (display form, term, document frequency) by folded length, for
///   corrections and suggestions;
/// - `d<n>`: one document each (id, title, address, text for the snippet), for the results shown.
///
/// Documents are numbered in the order the browser sorts equal scores (by folded title), so
/// that ranking needs no titles. The site's `search.js` applies the same folding and stemming to
/// queries and computes the same scores as before the index was split.
public struct WebSearchIndex {
    /// One document: a recipe as the index sees it.
    public struct Document: Sendable {
        public var id: String
        public var url: String
        public var title: String
        public var summary: String
        public var body: String
        public var themenfeld: String
        public var laws: [String]
    }

    private let normalizer = TermNormalizer()

    public init() {}

    /// Makes the index's documents of a book's recipes.
    public struct DocumentMaker {
        private let themenfelder: [String: String]
        private let laws: [String: String]
        private let url: (String) -> String
        private let lookup: BookLookup

        public init(book: Book, url: @escaping (String) -> String) {
            lookup = BookLookup(book)
            themenfelder = Dictionary((book.topics?.themenfelder ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            laws = Dictionary(book.laws.map { ($0.id, $0.abbreviation) }, uniquingKeysWith: { first, _ in first })
            self.url = url
        }

        public func document(_ recipe: Recipe) -> Document {
            // ReadableText starts with the title and the (non-empty) summary; the rest is the body.
            let summary = recipe.summary.readerText(lookup, in: recipe.id)
            let body = ReadableText.of(recipe, lookup: lookup).dropFirst(summary.isEmpty ? 1 : 2)
            let citations = recipe.legalBasis.map(\.reference).map { reference in
                let abbreviation = laws[reference.law] ?? reference.law
                return reference.section.map { "§ \($0) \(abbreviation)" } ?? abbreviation
            }
            return Document(
                id: recipe.id, url: url(recipe.id), title: recipe.title, summary: summary,
                body: body.joined(separator: "\n"),
                themenfeld: recipe.classification.themenfelder.first.flatMap { themenfelder[$0.id] } ?? "",
                laws: citations.reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        }
    }

    /// The documents of a book, in the order given.
    public static func documents(book: Book, recipes: [Recipe], url: @escaping (String) -> String) -> [Document] {
        recipes.map(DocumentMaker(book: book, url: url).document)
    }

    /// How large fragments may grow (bytes). A fragment holding a single large term or pair may
    /// be larger.
    public struct Limits: Sendable {
        public var terms = 8_192
        public var compounds = 8_192
        public var pairs = 12_288
        public var titlePairs = 4_096
        public var positions = 24_576
        public var vocabulary = 8_192
        /// A prefix whose term fragments add up to more than this gets a fragment of its own.
        public var prefixCover = 40_960
        public init() {}
    }

    public var limits = Limits()

    /// Documents per run: each run is tokenised on its own core and kept as one piece.
    public var runLength = 256

    /// A text folded exactly as search.js folds it, as the documents' numbering uses it.
    public static func browserFold(_ text: String) -> String { WebSearchFragments.browserFold(text) }

    /// The folder of the fragments in the site.
    public static let folder = "assets/suche/"

    /// Fragments per hash in the meta fragment's list: few, so that a changed recipe renames only
    /// the groups it changes (the site's incremental build keeps the other files), and the list
    /// stays short (at 10,000 recipes 625 hashes for the `d` fragments).
    static let documentGroup = 16
    static let group = 4
    /// The fragments' format, checked by search.js.
    static let version = 2

    /// Writes the fragments into `sink` under `folder`; deterministic for the same input. Each
    /// recipe's document is made once, a run at a time on all cores, and its `d` fragment written
    /// at once; `keptRuns` keeps each run's tokens for the next build. Returns the path of the
    /// `meta` fragment, for the search page to load.
    /// - Parameter recipeKeys: each recipe's input key (`RecipeInputKeys`): a run of recipes whose
    ///   keys are all unchanged is taken with its `d` fragments from the earlier build without
    ///   making its documents.
    @discardableResult
    public func write(recipes: [Recipe], book: Book, graph: LinkGraph, url: @escaping (String) -> String,
                      into sink: some FileSink, folder: String = WebSearchIndex.folder,
                      keptRuns: any DigestPieces = NoDigestPieces(), recipeKeys: [String: ContentDigest] = [:]) throws -> String {
        let maker = DocumentMaker(book: book, url: url)
        // Numbered by folded title as search.js folds and compares it, then by the given order.
        let keys = Parallel.map(recipes, chunk: 256) { Array(WebSearchFragments.browserFold($0.title).utf16) }
        let numbered = recipes.indices.sorted {
            keys[$0] == keys[$1] ? $0 < $1 : keys[$0].lexicographicallyPrecedes(keys[$1])
        }.map { recipes[$0] }

        // Runs of documents on all cores, a few runs at a time, each merged as soon as the few are
        // done: the runs' own tables never all exist at once.
        let chunk = max(1, runLength)
        let starts = Array(stride(from: 0, to: numbered.count, by: chunk))
        var merged = Merged()
        var documentHashes: [String] = []
        for batch in stride(from: 0, to: starts.count, by: 2) {
            let runs = Parallel.map(Array(starts[batch..<min(batch + 2, starts.count)])) { start in
                Result {
                    let recipes = numbered[start..<min(start + chunk, numbered.count)]
                    let earlier = KeptRun(recipes, first: start, recipeKeys: recipeKeys)
                    var reused: Set<String> = []
                    if let earlier, let taken = earlier.take(from: keptRuns, folder: folder, sink: sink, reused: &reused) { return taken }
                    let documents = recipes.map(maker.document)
                    let hashes = try Self.writeDocuments(documents, first: start, folder: folder, sink: sink, skipping: reused)
                    let run = Self.run(documents, first: start, kept: keptRuns)
                    earlier?.keep(WebSearchRun.key(documents, first: start), hashes: hashes, in: keptRuns)
                    return (run: run, hashes: hashes)
                }
            }
            for run in runs {
                let (run, hashes) = try run.get()
                merged.add(run)
                documentHashes += hashes
            }
        }

        Trace.mark("search index: runs merged")
        // Display forms and compound splits are made as the command line's index makes them
        // (SearchIndexWriter), so both split the same compounds.
        let display = merged.surface.map { forms in forms.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "" }
        let terms = Set(merged.names)
        let normalizer = TermNormalizer()
        let decompounder = Decompounder(terms: terms, words: Set(display.map { GermanText.fold($0) }).union(terms), normalizer: normalizer)
        var heads: [String: [String]] = [:]
        var modifiers: [String: [String]] = [:]
        for term in merged.names.sorted() {
            guard let split = decompounder.split(term) else { continue }
            heads[split.head, default: []].append(term)
            modifiers[split.modifier, default: []].append(term)
        }
        func postingsText(_ id: Int32) -> String { String(decoding: merged.postings[Int(id)].bytes, as: UTF8.self) }

        // Each family is written as soon as it is made: only the files' hashes and numbers are kept.
        func family(_ letter: String, _ bodies: [[UInt8]]) throws -> [String] {
            try WebSearchFragments.Family(letter: letter, group: Self.group).write(bodies, folder: folder, into: sink)
        }
        /// Packs the records of `keys` into the fragments of a family and writes them: the fragments'
        /// first keys and sizes, and the groups' hashes.
        func packed(_ letter: String, _ keys: [String], limit: Int,
                    record: (String) -> [UInt8]) throws -> (keys: [String], sizes: [Int], hashes: [String]) {
            let fragments = Self.pack(keys, limit: limit, record: record)
            return (fragments.keys, fragments.bodies.map(\.count), try family(letter, fragments.bodies))
        }

        // t: every term, and every word with compounds that is no term itself (with empty postings).
        let withCompounds = Set(heads.keys).union(modifiers.keys)
        let termKeys = terms.union(withCompounds).sorted(by: WebSearchFragments.precedes)
        let termFragments = try packed("t", termKeys, limit: limits.terms) { key in
            var json = JSONText()
            json.string(key)
            json.raw(":[")
            if let id = merged.ids[key] {
                json.string(display[Int(id)])
                json.raw(",\"" + postingsText(id) + "\"")
            } else {
                json.raw("\"\",\"\"")
            }
            if withCompounds.contains(key) { json.raw(",1") }
            json.raw("]")
            return json.utf8
        }

        Trace.mark("search index: t written")
        // k: the compounds of a word with their postings, as its evalWordTerm needs them.
        let compoundKeys = withCompounds.sorted(by: WebSearchFragments.precedes)
        let compoundFragments = try packed("k", compoundKeys, limit: limits.compounds) { key in
            var json = JSONText()
            json.string(key)
            json.raw(":{\"h\":")
            json.strings(heads[key] ?? [])
            json.raw(",\"m\":")
            json.strings(modifiers[key] ?? [])
            json.raw(",\"p\":{")
            for (index, compound) in Set((heads[key] ?? []) + (modifiers[key] ?? [])).sorted(by: WebSearchFragments.precedes).enumerated() {
                if index > 0 { json.raw(",") }
                json.string(compound)
                json.raw(":\"" + (merged.ids[compound].map(postingsText) ?? "") + "\"")
            }
            json.raw("}}")
            return json.utf8
        }

        Trace.mark("search index: k written")
        // p and q: word pairs, in buckets by hash.
        // Made when needed: held for all pairs at once, the names would take 10 MB at 10,000 recipes.
        let names = merged.names
        func pairName(_ key: UInt64) -> String { names[Int(key >> 32)] + " " + names[Int(key & 0xFFFF_FFFF)] }
        // The tables are let go of once the three families are written.
        let bucketFamilies: [(hashes: [String], count: Int)]
        do {
            let tables = merged.pairTables
            merged.pairTables = Merged.PairTables()
            bucketFamilies = try Parallel.map(["p", "q", "r"]) { letter -> Result<(hashes: [String], count: Int), any Error> in
                Result {
                    let family = WebSearchFragments.Family(letter: letter, group: Self.group)
                    return switch letter {
                    case "p": try Self.writeBuckets(family, members: Array(tables.pairKeys.indices), limit: limits.pairs,
                                                    folder: folder, into: sink, name: { pairName(tables.pairKeys[$0]) },
                                                    size: tables.pairs.length(of:)) { tables.pairs.bytes(of: $0) }
                    case "q": try Self.writeBuckets(family, members: Array(tables.titlePairs.keys), limit: limits.titlePairs,
                                                    folder: folder, into: sink, name: { pairName(tables.pairKeys[$0]) },
                                                    size: { tables.titlePairs[$0]!.bytes.count }) { tables.titlePairs[$0]!.bytes }
                    default: try Self.writeBuckets(family, members: Array(tables.pairKeys.indices), limit: limits.positions,
                                                   folder: folder, into: sink, name: { pairName(tables.pairKeys[$0]) },
                                                   size: tables.positions.length(of:)) { tables.positions.bytes(of: $0) }
                    }
                }
            }.map { try $0.get() }
        }
        let (pairBuckets, titlePairBuckets, positionBuckets) = (bucketFamilies[0], bucketFamilies[1], bucketFamilies[2])

        Trace.mark("search index: p, q, r written")
        // a: prefixes whose term fragments would be too many to load.
        let sizes = termFragments.sizes.map { $0 + 64 }
        var before = [0]
        for size in sizes { before.append(before.last! + size) }
        let sortedTerms = termKeys.filter { merged.ids[$0] != nil }
        let sortedUnits = sortedTerms.map { Array($0.utf16) }
        let shardUnits = termFragments.keys.map { Array($0.utf16) }
        var prefixes: Set<[UInt16]> = []
        for units in sortedUnits where units.count >= 2 {
            for length in 2...units.count { prefixes.insert(Array(units[0..<length])) }
        }
        var heavy: [[UInt16]] = []
        for prefix in prefixes {
            var first = 0, last = shardUnits.count - 1
            while first < last {
                let middle = (first + last + 1) / 2
                if shardUnits[middle].lexicographicallyPrecedes(prefix) || shardUnits[middle] == prefix { first = middle } else { last = middle - 1 }
            }
            var end = first
            while end + 1 < shardUnits.count, shardUnits[end + 1].starts(with: prefix) { end += 1 }
            if before[end + 1] - before[first] > limits.prefixCover { heavy.append(prefix) }
        }
        heavy.sort { $0.lexicographicallyPrecedes($1) }
        let weights = (title: Int32(5), summary: Int32(3), body: Int32(1))
        let documentCount = merged.lengths.count
        let prefixFragments: [[UInt8]] = Parallel.map(heavy) { prefix in
            var lower = 0, upper = sortedUnits.count
            while lower < upper {
                let middle = (lower + upper) / 2
                if sortedUnits[middle].lexicographicallyPrecedes(prefix) { lower = middle + 1 } else { upper = middle }
            }
            var frequency = [Int32](repeating: 0, count: documentCount)
            var index = lower
            while index < sortedUnits.count, sortedUnits[index].starts(with: prefix) {
                merged.postings[Int(merged.ids[sortedTerms[index]]!)].forEach { document, title, summary, body in
                    frequency[document] += weights.title * Int32(title) + weights.summary * Int32(summary) + weights.body * Int32(body)
                }
                index += 1
            }
            let rows = frequency.enumerated().filter { $0.element > 0 }.map { (document: $0.offset, value: Int($0.element)) }
            var json = JSONText()
            json.raw("{\"postings\":\"" + String(decoding: WebSearchFragments.values(rows), as: UTF8.self) + "\",\"prefix\":")
            json.string(String(decoding: prefix, as: UTF16.self))
            json.raw("}")
            return json.utf8
        }

        Trace.mark("search index: a made")
        // v: the vocabulary by folded length, digits apart (a word without digits is at least as
        // many edits from a word as that word has digits).
        func digits(_ text: String) -> Int { text.utf8.reduce(0) { $0 + ($1 >= 0x30 && $1 <= 0x39 ? 1 : 0) } }
        var words = Parallel.map(sortedTerms, chunk: 256) { term -> Word in
            let id = Int(merged.ids[term]!)
            let folded = WebSearchFragments.browserFold(display[id])
            return Word(shown: display[id], term: term, frequency: merged.postings[id].count,
                        shownLength: display[id].unicodeScalars.count, foldedLength: folded.unicodeScalars.count,
                        termLength: term.unicodeScalars.count, digits: digits(folded), termDigits: digits(term), folded: folded)
        }
        words.sort { a, b in
            let first = (a.digits > 0 ? 1 : 0, a.foldedLength), second = (b.digits > 0 ? 1 : 0, b.foldedLength)
            return first != second ? first < second : WebSearchFragments.precedes(a.term, b.term)
        }
        var vocabularyFragments: [[UInt8]] = []
        var vocabularyRanges: [[Int]] = []
        var current: [Word] = []
        var currentBytes: [UInt8] = []
        func closeVocabulary() {
            guard !current.isEmpty else { return }
            vocabularyFragments.append([0x5B] + currentBytes + [0x5D])
            func range(_ value: (Word) -> Int) -> [Int] { [current.map(value).min()!, current.map(value).max()!] }
            vocabularyRanges.append(range(\.shownLength) + range(\.foldedLength) + range(\.termLength) + range(\.digits) + range(\.termDigits))
            current = []
            currentBytes = []
        }
        var groupStart = 0
        while groupStart < words.count {
            var groupEnd = groupStart
            let group = (words[groupStart].digits > 0, words[groupStart].foldedLength)
            var entries: [[UInt8]] = []
            while groupEnd < words.count, (words[groupEnd].digits > 0, words[groupEnd].foldedLength) == group {
                var json = JSONText()
                json.raw("[")
                json.string(words[groupEnd].shown)
                json.raw(",")
                if words[groupEnd].folded == words[groupEnd].term { json.raw("0") } else { json.string(words[groupEnd].term) }
                json.raw(",")
                json.integer(words[groupEnd].frequency)
                json.raw("]")
                entries.append(json.utf8)
                groupEnd += 1
            }
            let groupSize = entries.reduce(0) { $0 + $1.count + 1 }
            // Small groups share a fragment; a group does not share one with a group of other digits.
            if !current.isEmpty, currentBytes.count + groupSize > limits.vocabulary || (current[0].digits > 0) != group.0 { closeVocabulary() }
            for (offset, entry) in entries.enumerated() {
                if !current.isEmpty, currentBytes.count + entry.count > limits.vocabulary { closeVocabulary() }
                if !current.isEmpty { currentBytes.append(0x2C) }
                currentBytes += entry
                current.append(words[groupStart + offset])
            }
            groupStart = groupEnd
        }
        closeVocabulary()
        let exceptions = words.filter { !$0.folded.utf16.starts(with: $0.term.utf16) }.map(\.term).sorted(by: WebSearchFragments.precedes)

        Trace.mark("search index: v made")
        // c: citations as the command line's index records them: each legal basis and each <cite>
        // once, weighted as `SearchIndex.citingRecipes` weighs them (a legal basis 2, a mention 1,
        // and a tenth more for every further one, up to six).
        var citationWeights: [String: [Int: Int]] = [:]
        for (number, recipe) in numbered.enumerated() {
            var references = recipe.legalBasis.map { ($0.reference, 1) }
            ContentWalker(visitInline: { if case .citation(let reference, _) = $0 { references.append((reference, 0)) } }).walk(recipe)
            var rows: [String: (basis: Int, count: Int)] = [:]
            for (reference, basis) in references {
                var keys = [reference.law]
                if let section = reference.section { keys.append("\(reference.law):\(section)") }
                for key in keys {
                    let row = rows[key] ?? (0, 0)
                    rows[key] = (max(row.basis, basis), row.count + 1)
                }
            }
            for (key, row) in rows {
                citationWeights[key, default: [:]][number] = (row.basis == 1 ? 20 : 10) + min(row.count, 6)
            }
        }
        let citationKeys = citationWeights.keys.sorted()
        let citationFragments = citationKeys.map { key -> [UInt8] in
            let weights = citationWeights[key]!
            let rows = weights.keys.sorted().map { (document: $0, value: weights[$0]!) }
            return Array("{\"weights\":\"".utf8) + WebSearchFragments.values(rows) + Array("\"}".utf8)
        }
        var lawNames: [String: String] = [:]
        for law in book.laws where law.status == .inForce {
            lawNames[law.id] = law.id
            lawNames[law.abbreviation.lowercased()] = law.id
            if let short = law.abbreviation.split(separator: " ").first { lawNames[String(short).lowercased()] = law.id }
        }

        Trace.mark("search index: c made")
        let files: [(key: String, hashes: [String])] = [
            ("a", try family("a", prefixFragments)), ("c", try family("c", citationFragments)), ("d", documentHashes),
            ("k", compoundFragments.hashes), ("p", pairBuckets.hashes),
            ("q", titlePairBuckets.hashes), ("r", positionBuckets.hashes), ("t", termFragments.hashes),
            ("v", try family("v", vocabularyFragments)),
        ]

        var lengths: [UInt8] = []
        for length in merged.lengths { WebSearchFragments.appendNumber(Int(length), to: &lengths) }
        let rules = QueryRules(synonyms: book.synonyms ?? [])
        var json = JSONText(capacity: 64 << 10)
        json.raw("{\"citations\":")
        json.strings(citationKeys)
        json.raw(",\"compounds\":")
        json.strings(compoundFragments.keys)
        json.raw(",\"count\":")
        json.integer(documentCount)
        json.raw(",\"documentGroup\":")
        json.integer(Self.documentGroup)
        json.raw(",\"exceptions\":")
        json.strings(exceptions)
        json.raw(",\"files\":{")
        for (index, file) in files.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(file.key)
            json.raw(":")
            json.strings(file.hashes)
        }
        json.raw("},\"group\":")
        json.integer(Self.group)
        json.raw(",\"laws\":")
        json.object(lawNames) { $0.string($1) }
        json.raw(",\"lengths\":\"" + String(decoding: lengths, as: UTF8.self) + "\"")
        json.raw(",\"pairs\":")
        json.integer(pairBuckets.count)
        json.raw(",\"positions\":")
        json.integer(positionBuckets.count)
        json.raw(",\"prefixes\":")
        json.strings(heavy.map { String(decoding: $0, as: UTF16.self) })
        json.raw(",\"rules\":{\"particles\":")
        json.strings(QueryRules.particles)
        json.raw(",\"stopwords\":")
        json.strings(QueryRules.stopwords.sorted())
        json.raw(",\"synonyms\":")
        json.object(rules.synonyms) { $0.strings($1) }
        json.raw("},\"terms\":")
        json.strings(termFragments.keys)
        json.raw(",\"titlePairs\":")
        json.integer(titlePairBuckets.count)
        json.raw(",\"total\":")
        json.integer(merged.lengths.reduce(0) { $0 + Int($1) })
        json.raw(",\"version\":")
        json.integer(Self.version)
        json.raw(",\"vocabulary\":")
        json.array(vocabularyRanges) { $0.integers($1) }
        json.raw(",\"weights\":{\"body\":1,\"summary\":3,\"title\":5}}")
        let meta = Array("(self.kochbuchSuche=self.kochbuchSuche||[]).push([\"meta\",".utf8) + json.utf8 + Array("]);\n".utf8)
        var state = WebSearchFragments.hashStart
        WebSearchFragments.hash(meta, into: &state)
        let path = "\(folder)meta-\(WebSearchFragments.hex(state)).js"
        try sink.write(path, bytes: meta)
        return path
    }

    /// The records of `recordKeys` in order (`record` makes each as it is packed), packed into
    /// fragments `{…}` of at most `limit` bytes (a larger record alone); for each fragment the
    /// shortest key that sorts after the previous fragment's last key and not after its own first
    /// (search.js finds a key's fragment between them), the first "".
    private static func pack(_ recordKeys: [String], limit: Int, record: (String) -> [UInt8]) -> (keys: [String], bodies: [[UInt8]]) {
        var keys: [String] = []
        var bodies: [[UInt8]] = []
        var current: [UInt8] = []
        var previous: [UInt16] = []
        for key in recordKeys {
            let bytes = record(key)
            if !current.isEmpty, current.count + bytes.count + 2 > limit {
                bodies.append(current + [0x7D])
                current = []
            }
            if current.isEmpty {
                if keys.isEmpty {
                    keys.append("")
                } else {
                    let first = Array(key.utf16)
                    var common = 0
                    while common < min(first.count, previous.count), first[common] == previous[common] { common += 1 }
                    var end = min(first.count, common + 1)
                    if end < first.count, UTF16.isLeadSurrogate(first[end - 1]) { end += 1 }  // never half a character
                    keys.append(String(decoding: first[0..<end], as: UTF16.self))
                }
                current = [0x7B]
            } else {
                current.append(0x2C)
            }
            current += bytes
            previous = Array(key.utf16)
        }
        if !current.isEmpty { bodies.append(current + [0x7D]) }
        if bodies.isEmpty { return ([""], [[0x7B, 0x7D]]) }
        return (keys, bodies)
    }

    /// Writes pairs `"a b"` (`name(member)` for each of `members`) with their postings in buckets
    /// `{"a b": "…", …}` by `WebSearchFragments.bucket`, as many buckets as make about `limit` bytes
    /// each, a group of buckets at a time. Returns the groups' hashes and the number of buckets.
    private static func writeBuckets(_ family: WebSearchFragments.Family, members: [Int], limit: Int,
                                     folder: String, into sink: some FileSink, name: (Int) -> String, size: (Int) -> Int,
                                     postings: (Int) -> [UInt8]) throws -> (hashes: [String], count: Int) {
        let total = members.reduce(0) { $0 + name($1).utf8.count + size($1) + 6 }
        let count = max(1, (total + limit - 1) / limit)
        var buckets = [[Int]](repeating: [], count: count)
        for member in members { buckets[WebSearchFragments.bucket(name(member), of: count)].append(member) }
        let hashes = try family.write(count: count, folder: folder, into: sink) { bucket in
            var json = JSONText()
            json.raw("{")
            let named = buckets[bucket].map { (name: name($0), member: $0) }.sorted { WebSearchFragments.precedes($0.name, $1.name) }
            for (offset, pair) in named.enumerated() {
                if offset > 0 { json.raw(",") }
                json.string(pair.name)
                json.raw(":\"" + String(decoding: postings(pair.member), as: UTF8.self) + "\"")
            }
            json.raw("}")
            return json.utf8
        }
        return (hashes, count)
    }

    /// A word of the vocabulary, with the lengths search.js measures (in code points).
    private struct Word {
        var shown: String, term: String, frequency: Int
        var shownLength: Int, foldedLength: Int, termLength: Int, digits: Int, termDigits: Int
        var folded: String
    }

    /// The runs merged in document order, with global term numbers.
    private struct Merged {
        var ids: [String: Int32] = [:]
        var names: [String] = []
        /// Per term, its postings as search.js reads them, encoded as the runs are added.
        var postings: [WebSearchFragments.Postings] = []
        var surface: [[String: Int]] = []
        var pairTables = PairTables()
        var lengths: [Int32] = []

        /// Per document (distance to the previous one, minus one), per field the number of the
        /// pair's occurrences and their positions (of the first word; the first as it is, then the
        /// distance to the previous minus one): search.js `decodePositions`.
        struct Positions {
            var bytes: [UInt8] = []
            var last = -1
            mutating func add(flat: ArraySlice<Int32>) {
                var offset = flat.startIndex
                while offset < flat.endIndex {
                    WebSearchFragments.appendNumber(Int(flat[offset]) - last - 1, to: &bytes)
                    last = Int(flat[offset])
                    offset += 1
                    for _ in 0..<3 {
                        let count = Int(flat[offset])
                        WebSearchFragments.appendNumber(count, to: &bytes)
                        offset += 1
                        var previous = -1
                        for _ in 0..<count {
                            WebSearchFragments.appendNumber(Int(flat[offset]) - previous - 1, to: &bytes)
                            previous = Int(flat[offset])
                            offset += 1
                        }
                    }
                }
            }
        }

        struct TitleRows {
            var bytes: [UInt8] = []
            var last = -1
            mutating func add(_ document: Int, _ count: Int) {
                WebSearchFragments.appendNumber(document - last - 1, to: &bytes)
                WebSearchFragments.appendNumber(count, to: &bytes)
                last = document
            }
        }

        /// The pairs of terms, numbered as first met: their postings and where they occur
        /// (`Positions`), each pair's in a list of shared stores, and for those in a title,
        /// (document, title count) rows.
        struct PairTables {
            var pairIndex: [UInt64: Int] = [:]
            var pairKeys: [UInt64] = []
            var pairs = ByteLists(blockSize: 16)
            var positions = ByteLists(blockSize: 32)
            /// Per pair, the last document of its postings and of its positions.
            var lastPosting: [Int32] = []
            var lastPosition: [Int32] = []
            var titlePairs: [Int: TitleRows] = [:]
        }

        /// Adds a run: its terms get their global numbers, then the terms' postings and forms and
        /// the pairs' tables are merged side by side (they share nothing but those numbers).
        mutating func add(_ run: WebSearchRun) {
            let global = run.names.map { name -> Int32 in
                if let id = ids[name] { return id }
                let id = Int32(names.count)
                ids[name] = id
                names.append(name)
                postings.append(.init())
                surface.append([:])
                return id
            }
            // Moved out and back, so that each side owns what it changes.
            var termPostings = postings
            var termForms = surface
            var tables = pairTables
            (postings, surface, pairTables) = ([], [], PairTables())
            _ = Parallel.map([true, false]) { isTerms in
                if isTerms {
                    Self.addTerms(of: run, global: global, postings: &termPostings, surface: &termForms)
                } else {
                    Self.addPairs(of: run, global: global, to: &tables)
                }
            }
            (postings, surface, pairTables) = (termPostings, termForms, tables)
            lengths += run.lengths
        }

        private static func addTerms(of run: WebSearchRun, global: [Int32], postings: inout [WebSearchFragments.Postings],
                                     surface: inout [[String: Int]]) {
            for local in 0..<run.postings.count { postings[Int(global[local])].add(flat: run.postings[local]) }
            for (local, forms) in run.surface.enumerated() {
                surface[Int(global[local])].merge(forms.lazy.map { ($0.form, $0.count) }, uniquingKeysWith: +)
            }
        }

        private static func addPairs(of run: WebSearchRun, global: [Int32], to tables: inout PairTables) {
            var moved = tables
            tables = PairTables()
            defer { tables = moved }
            var posting = WebSearchFragments.Postings()
            var position = Positions()
            for (number, key) in run.pairKeys.enumerated() {
                let flat = run.pairPostings[number]
                let pair = UInt64(UInt32(global[Int(key >> 32)])) << 32 | UInt64(UInt32(global[Int(key & 0xFFFF_FFFF)]))
                let index: Int
                if let known = moved.pairIndex[pair] {
                    index = known
                } else {
                    index = moved.pairKeys.count
                    moved.pairIndex[pair] = index
                    moved.pairKeys.append(pair)
                    _ = moved.pairs.makeList()
                    _ = moved.positions.makeList()
                    moved.lastPosting.append(-1)
                    moved.lastPosition.append(-1)
                }
                posting.bytes.removeAll(keepingCapacity: true)
                posting.last = Int(moved.lastPosting[index])
                posting.add(flat: flat)
                moved.lastPosting[index] = Int32(posting.last)
                moved.pairs.append(posting.bytes, to: index)
                position.bytes.removeAll(keepingCapacity: true)
                position.last = Int(moved.lastPosition[index])
                position.add(flat: run.pairPositions[number])
                moved.lastPosition[index] = Int32(position.last)
                moved.positions.append(position.bytes, to: index)
                var offset = flat.startIndex
                while offset + 3 < flat.endIndex {
                    if flat[offset + 1] > 0 { moved.titlePairs[index, default: .init()].add(Int(flat[offset]), Int(flat[offset + 1])) }
                    offset += 4
                }
            }
        }
    }

    /// The run of `documents` numbered from `first`: kept from an earlier build when they are
    /// unchanged, else made and kept.
    private static func run(_ documents: [Document], first: Int, kept: any DigestPieces) -> WebSearchRun {
        let key = WebSearchRun.key(documents, first: first)
        if let bytes = kept.piece(key), let run = WebSearchRun(bytes: bytes) { return run }
        let run = WebSearchRun(documents, first: first)
        kept.keep(run.bytes, under: key)
        return run
    }

    /// A run of recipes as the build cache knows it by their input keys: its run's key and its `d`
    /// fragments' hashes, kept from the build that made them.
    private struct KeptRun {
        let key: ContentDigest
        let first: Int
        let count: Int

        /// Nil when a recipe of the run has no input key.
        init?(_ recipes: ArraySlice<Recipe>, first: Int, recipeKeys: [String: ContentDigest]) {
            guard !recipeKeys.isEmpty else { return nil }
            var key = ContentDigest(of: "search run by recipes \(WebSearchIndex.version) first \(first) count \(recipes.count)")
            for recipe in recipes {
                guard let recipeKey = recipeKeys[recipe.id] else { return nil }
                key.combine(recipe.id)
                key.combine(recipeKey)
            }
            self.key = key
            self.first = first
            self.count = recipes.count
        }

        /// The run and its `d` fragments' hashes, when both were kept and every fragment of the
        /// published edition could be kept too; the fragments kept are added to `reused` (a run
        /// not taken writes only the others).
        func take(from pieces: any DigestPieces, folder: String, sink: some FileSink,
                  reused: inout Set<String>) -> (run: WebSearchRun, hashes: [String])? {
            guard let entry = pieces.piece(key) else { return nil }
            let lines = String(decoding: entry, as: UTF8.self).split(separator: "\n").map(String.init)
            let groups = (count + WebSearchIndex.documentGroup - 1) / WebSearchIndex.documentGroup
            guard lines.count == groups + 1, let runKey = ContentDigest(hex: lines[0]),
                  let bytes = pieces.piece(runKey), let run = WebSearchRun(bytes: bytes), run.lengths.count == count else { return nil }
            let hashes = Array(lines.dropFirst())
            for (group, hash) in hashes.enumerated() {
                let start = first + group * WebSearchIndex.documentGroup
                for number in start..<min(start + WebSearchIndex.documentGroup, first + count) {
                    let path = "\(folder)d\(number)-\(hash).js"
                    guard sink.reuse(path) else { return nil }
                    reused.insert(path)
                }
            }
            return (run, hashes)
        }

        /// Keeps the key of the run made of the recipes' documents and their fragments' hashes.
        func keep(_ runKey: ContentDigest, hashes: [String], in pieces: any DigestPieces) {
            pieces.keep(Array(([runKey.description] + hashes).joined(separator: "\n").utf8), under: key)
        }
    }

    /// Writes the documents' `d` fragments (but those in `skipping`, already kept); returns their hashes.
    private static func writeDocuments(_ documents: [Document], first: Int, folder: String, sink: some FileSink,
                                       skipping: Set<String> = []) throws -> [String] {
        let files = documents.map { document -> [UInt8] in
            var json = JSONText(capacity: 8 << 10)
            json.raw("{\"id\":"); json.string(document.id)
            json.raw(",\"laws\":"); json.strings(document.laws)
            json.raw(",\"summary\":"); json.string(document.summary)
            json.raw(",\"text\":"); json.string([document.title, document.summary, document.body].joined(separator: "\n"))
            json.raw(",\"themenfeld\":"); json.string(document.themenfeld)
            json.raw(",\"title\":"); json.string(document.title)
            json.raw(",\"url\":"); json.string(document.url)
            json.raw("}")
            return json.utf8
        }
        let family = WebSearchFragments.Family(letter: "d", group: documentGroup)
        return try stride(from: 0, to: files.count, by: documentGroup).map { start in
            try family.writeGroup(first: first + start, Array(files[start..<min(start + documentGroup, files.count)]), folder: folder,
                                  into: sink, skipping: skipping)
        }
    }
}
