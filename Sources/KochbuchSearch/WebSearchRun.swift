import KochbuchModel

/// What a run of documents adds to the browser's search index, with run-local term numbers: per
/// term its postings in document order, four numbers each (document number, title, summary and
/// body counts), and the forms seen with how often; per pair of terms side by side in a field
/// (`a << 32 | b`, ascending) its postings likewise and where it occurs; each document's number
/// of words. The same documents with the same first number always make the same run, byte for
/// byte in `bytes`, so a build can keep a run and take it again when its documents are unchanged.
struct WebSearchRun: Equatable {
    var names: [String] = []
    var postings = Lists()
    /// Per term, its forms in the text (sorted) with their counts.
    var surface: [[Surface]] = []
    var pairKeys: [UInt64] = []
    var pairPostings = Lists()
    /// Per pair, per document: [document, n0, positions…, n1, positions…, n2, positions…].
    var pairPositions = Lists()
    var lengths: [Int32] = []

    /// Lists of numbers end to end in one array: a run has tens of thousands of them, and an
    /// array each would cost an allocation and a header apiece.
    struct Lists: Equatable {
        private(set) var values: [Int32] = []
        private var ends: [Int] = []

        var count: Int { ends.count }

        subscript(index: Int) -> ArraySlice<Int32> {
            values[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
        }

        mutating func append(_ list: some Sequence<Int32>) {
            values.append(contentsOf: list)
            ends.append(values.count)
        }

        /// Makes room for `values` numbers in `lists` lists, so that filling it copies nothing.
        mutating func reserve(values: Int, lists: Int) {
            self.values.reserveCapacity(values)
            ends.reserveCapacity(lists)
        }

        /// Appends an empty list, to be filled by `values` appended next.
        mutating func open() { ends.append(values.count) }

        /// Appends `more` to the end of the last list.
        mutating func extendLast(_ more: ArraySlice<Int32>) {
            values.append(contentsOf: more)
            ends[ends.count - 1] = values.count
        }
    }

    struct Surface: Equatable {
        var form: String
        var count: Int
    }

    /// The key of the run of `documents` numbered from `first`: all that tokenising reads of them.
    static func key(_ documents: [WebSearchIndex.Document], first: Int) -> ContentDigest {
        var key = ContentDigest(of: "search run \(WebSearchIndex.version) first \(first) count \(documents.count)")
        for document in documents {
            key.combine(document.title)
            key.combine(document.summary)
            key.combine(document.body)
        }
        return key
    }

    /// Tokenises, folds and stems the documents with its own normaliser (each distinct word is
    /// normalised once).
    init(_ documents: [WebSearchIndex.Document], first: Int) {
        let normalizer = TermNormalizer()
        var known: [Substring: Int32] = [:]
        var words: [(form: Substring, term: Int32)] = []
        var seen: [Int] = []
        var ids: [String: Int32] = [:]
        var stamp: [Int32] = []
        var slot: [Int32] = []
        var order: [Int32] = []
        var counts: [Int32] = []
        var pairKeys: [(key: UInt64, position: Int32)] = []
        // Each document's term postings and pair rows in document order, sorted by term and pair at the end.
        var termRows: [(term: Int32, at: Int32)] = []
        var termValues: [Int32] = []
        var pairRows: [(pair: UInt64, postings: Int32, positions: Int32, count: Int32)] = []
        var pairValues: [Int32] = []
        var positionValues: [Int32] = []
        for (offset, document) in documents.enumerated() {
            let number = Int32(first + offset)
            order.removeAll(keepingCapacity: true)
            counts.removeAll(keepingCapacity: true)
            pairKeys.removeAll(keepingCapacity: true)
            var length: Int32 = 0
            for (field, text) in [document.title, document.summary, document.body].enumerated() {
                var previous: Int32 = -1
                var position: Int32 = 0
                for token in GermanText.tokens(text) {
                    let word: Int32
                    if let number = known[token] {
                        word = number
                    } else {
                        let canonical = normalizer.canonical(token)
                        let term: Int32
                        if let id = ids[canonical] {
                            term = id
                        } else {
                            term = Int32(names.count)
                            ids[canonical] = term
                            names.append(canonical)
                            stamp.append(-1)
                            slot.append(0)
                        }
                        word = Int32(words.count)
                        known[token] = word
                        words.append((token, term))
                        seen.append(0)
                    }
                    seen[Int(word)] += 1
                    let term = words[Int(word)].term
                    if stamp[Int(term)] != number {
                        stamp[Int(term)] = number
                        slot[Int(term)] = Int32(order.count)
                        order.append(term)
                        counts.append(contentsOf: [0, 0, 0])
                    }
                    counts[Int(slot[Int(term)]) * 3 + field] += 1
                    if previous >= 0 { pairKeys.append((UInt64(previous) << 34 | UInt64(term) << 2 | UInt64(field), position - 1)) }
                    previous = term
                    position += 1
                    length += 1
                }
            }
            for (index, term) in order.enumerated() {
                termRows.append((term, Int32(termValues.count)))
                termValues.append(contentsOf: [number, counts[index * 3], counts[index * 3 + 1], counts[index * 3 + 2]])
            }
            pairKeys.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
            var index = 0
            while index < pairKeys.count {
                let pair = pairKeys[index].key >> 2
                let fieldsAt = pairValues.count, positionsAt = positionValues.count
                pairValues.append(contentsOf: [number, 0, 0, 0])
                positionValues.append(number)
                for field in 0..<3 {
                    let countAt = positionValues.count
                    positionValues.append(0)
                    while index < pairKeys.count, pairKeys[index].key >> 2 == pair, Int(pairKeys[index].key & 3) == field {
                        pairValues[fieldsAt + field + 1] += 1
                        positionValues.append(pairKeys[index].position)
                        index += 1
                    }
                    positionValues[countAt] = pairValues[fieldsAt + field + 1]
                }
                pairRows.append((pair, Int32(fieldsAt), Int32(positionsAt), Int32(positionValues.count - positionsAt)))
            }
            lengths.append(length)
        }
        var forms = [[String: Int]](repeating: [:], count: names.count)
        for (word, count) in zip(words, seen) { forms[Int(word.term)][String(word.form), default: 0] += count }
        surface = forms.map { $0.map { Surface(form: $0.key, count: $0.value) }.sorted { $0.form.utf8.lexicographicallyPrecedes($1.form.utf8) } }
        // Rows of the same term or pair stay in document order: the sorts are by (key, place).
        var termOrder = Array(termRows.indices)
        termOrder.sort { (termRows[$0].term, $0) < (termRows[$1].term, $1) }
        postings.reserve(values: termValues.count, lists: names.count)
        var next = 0
        for term in names.indices {
            postings.open()
            while next < termOrder.count, termRows[termOrder[next]].term == Int32(term) {
                let at = Int(termRows[termOrder[next]].at)
                postings.extendLast(termValues[at..<at + 4])
                next += 1
            }
        }
        var pairOrder = Array(pairRows.indices)
        pairOrder.sort { (pairRows[$0].pair, $0) < (pairRows[$1].pair, $1) }
        pairPostings.reserve(values: pairValues.count, lists: pairRows.count)
        pairPositions.reserve(values: positionValues.count, lists: pairRows.count)
        for row in pairOrder.lazy.map({ pairRows[$0] }) {
            if self.pairKeys.last != row.pair {
                self.pairKeys.append(row.pair)
                pairPostings.open()
                pairPositions.open()
            }
            pairPostings.extendLast(pairValues[Int(row.postings)..<Int(row.postings) + 4])
            pairPositions.extendLast(positionValues[Int(row.positions)..<Int(row.positions + row.count)])
        }
    }

    private init() {}

    // MARK: - Kept between builds

    /// The run as bytes: a format tag, then counts, texts (length and UTF-8) and numbers, each
    /// number as a LEB128 varint.
    var bytes: [UInt8] {
        var writer = Writer()
        writer.bytes.reserveCapacity(1 << 20)
        writer.number(Self.format)
        writer.number(names.count)
        for (index, name) in names.enumerated() {
            writer.text(name)
            writer.numbers(postings[index])
            writer.number(surface[index].count)
            for form in surface[index] {
                writer.text(form.form)
                writer.number(form.count)
            }
        }
        writer.number(pairKeys.count)
        for (index, key) in pairKeys.enumerated() {
            writer.number(Int(key >> 32))
            writer.number(Int(key & 0xFFFF_FFFF))
            writer.numbers(pairPostings[index])
            writer.numbers(pairPositions[index])
        }
        writer.numbers(lengths[...])
        return writer.bytes
    }

    /// The run kept as `bytes`, or nil for bytes that are not one (damaged, or of another format).
    init?(bytes: [UInt8]) {
        var reader = Reader(bytes: bytes)
        guard reader.number() == Self.format, let count = reader.number() else { return nil }
        var run = WebSearchRun()
        run.names.reserveCapacity(count)
        for _ in 0..<count {
            guard let name = reader.text(), let list = reader.numbers(), let forms = reader.number() else { return nil }
            var surface: [Surface] = []
            surface.reserveCapacity(forms)
            for _ in 0..<forms {
                guard let form = reader.text(), let seen = reader.number() else { return nil }
                surface.append(Surface(form: form, count: seen))
            }
            run.names.append(name)
            run.postings.append(list)
            run.surface.append(surface)
        }
        guard let pairs = reader.number() else { return nil }
        run.pairKeys.reserveCapacity(pairs)
        for _ in 0..<pairs {
            guard let first = reader.number(), let second = reader.number(), first < count, second < count,
                  let list = reader.numbers(), let positions = reader.numbers() else { return nil }
            run.pairKeys.append(UInt64(first) << 32 | UInt64(second))
            run.pairPostings.append(list)
            run.pairPositions.append(positions)
        }
        guard let lengths = reader.numbers(), reader.isAtEnd else { return nil }
        run.lengths = lengths
        self = run
    }

    /// Changed whenever the layout of `bytes` changes.
    private static let format = 1

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func number(_ value: Int) {
            var rest = UInt64(value)
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func numbers(_ values: ArraySlice<Int32>) {
            number(values.count)
            for value in values { number(Int(value)) }
        }

        mutating func text(_ value: String) {
            number(value.utf8.count)
            bytes += value.utf8
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var isAtEnd: Bool { offset == bytes.count }

        mutating func number() -> Int? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count, shift < 63 {
                let byte = bytes[offset]
                offset += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value <= UInt64(Int32.max) ? Int(value) : nil }
                shift += 7
            }
            return nil
        }

        mutating func numbers() -> [Int32]? {
            guard let count = number(), count <= bytes.count - offset else { return nil }
            var values = [Int32]()
            values.reserveCapacity(count)
            for _ in 0..<count {
                guard let value = number() else { return nil }
                values.append(Int32(value))
            }
            return values
        }

        mutating func text() -> String? {
            guard let count = number(), count <= bytes.count - offset else { return nil }
            defer { offset += count }
            return String(validating: bytes[offset..<offset + count], as: UTF8.self)
        }
    }
}
