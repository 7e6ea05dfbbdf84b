import Foundation
import KochbuchModel

/// The pieces the browser's search index is written in: compact number strings, posting lists,
/// hashes, the folding search.js applies, and families of fragment files.
enum WebSearchFragments {
    /// The 64 characters of compact number strings; none needs escaping in JSON or JavaScript.
    static let alphabet: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    /// Appends a number ≥ 0 as base-32 digits, most significant first; every digit but the last
    /// is written as the character 32 places further (search.js: `decodeNumbers`).
    @inline(__always)
    static func appendNumber(_ value: Int, to bytes: inout [UInt8]) {
        if value < 32 {
            bytes.append(character(value))
            return
        }
        var shift = 0
        while value >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            bytes.append(character(32 + ((value >> shift) & 31)))
            shift -= 5
        }
        bytes.append(character(value & 31))
    }

    /// `alphabet[digit]`, computed (a table look-up costs a lazy global's check on every call).
    @inline(__always)
    static func character(_ digit: Int) -> UInt8 {
        switch digit {
        case 0..<10: UInt8(truncatingIfNeeded: 0x30 + digit)
        case 10..<36: UInt8(truncatingIfNeeded: 0x41 + digit - 10)
        case 36..<62: UInt8(truncatingIfNeeded: 0x61 + digit - 36)
        case 62: 0x2D
        default: 0x5F
        }
    }

    /// A posting list as a compact string, made in document order: per document the distance to
    /// the previous one (minus one), then `body × 4 + (title > 0 ? 2 : 0) + (summary > 0 ? 1 : 0)`,
    /// then the title count and the summary count where they are not 0 (search.js: `decodePostings`).
    struct Postings: Sendable {
        var bytes: [UInt8] = []
        var last = -1
        var count = 0

        mutating func add(_ document: Int, title: Int, summary: Int, body: Int) {
            WebSearchFragments.appendNumber(document - last - 1, to: &bytes)
            last = document
            WebSearchFragments.appendNumber(body * 4 + (title > 0 ? 2 : 0) + (summary > 0 ? 1 : 0), to: &bytes)
            if title > 0 { WebSearchFragments.appendNumber(title, to: &bytes) }
            if summary > 0 { WebSearchFragments.appendNumber(summary, to: &bytes) }
            count += 1
        }

        /// Flat postings, four numbers each (document, title, summary, body).
        mutating func add(flat: ArraySlice<Int32>) {
            var index = flat.startIndex
            while index + 3 < flat.endIndex {
                add(Int(flat[index]), title: Int(flat[index + 1]), summary: Int(flat[index + 2]), body: Int(flat[index + 3]))
                index += 4
            }
        }

        /// Each posting in order, decoded as search.js decodes it.
        func forEach(_ body: (_ document: Int, _ title: Int, _ summary: Int, _ body: Int) -> Void) {
            var offset = 0
            var document = -1
            while offset < bytes.count {
                document += WebSearchFragments.number(in: bytes, at: &offset) + 1
                let flags = WebSearchFragments.number(in: bytes, at: &offset)
                let title = flags & 2 != 0 ? WebSearchFragments.number(in: bytes, at: &offset) : 0
                let summary = flags & 1 != 0 ? WebSearchFragments.number(in: bytes, at: &offset) : 0
                body(document, title, summary, flags >> 2)
            }
        }
    }

    /// The number at `offset` of a compact number string (`appendNumber`), moving past it.
    static func number(in bytes: [UInt8], at offset: inout Int) -> Int {
        var value = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            let digit = switch byte {
            case 0x30...0x39: Int(byte) - 0x30
            case 0x41...0x5A: Int(byte) - 0x41 + 10
            case 0x61...0x7A: Int(byte) - 0x61 + 36
            case 0x2D: 62
            default: 63
            }
            if digit < 32 { return value * 32 + digit }
            value = value * 32 + digit - 32
        }
        return value
    }

    /// Documents with one number each (a weight, a frequency), in document order: the distance to
    /// the previous document (minus one), then the number (search.js: `decodeValues`).
    static func values(_ rows: [(document: Int, value: Int)]) -> [UInt8] {
        var bytes: [UInt8] = []
        var last = -1
        for row in rows {
            appendNumber(row.document - last - 1, to: &bytes)
            appendNumber(row.value, to: &bytes)
            last = row.document
        }
        return bytes
    }

    /// FNV-1a over bytes, 64 bits.
    static func hash(_ bytes: [UInt8], into state: inout UInt64) {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* 0x100_0000_01B3
        }
    }

    static let hashStart: UInt64 = 0xCBF2_9CE4_8422_2325

    static func hex(_ state: UInt64) -> String {
        let folded = UInt32(truncatingIfNeeded: state ^ (state >> 32))
        let text = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - text.count) + text
    }

    /// The bucket of a word pair `"a b"`: FNV-1a over its UTF-16 code units, 32 bits, modulo the
    /// number of buckets (search.js: `pairBucket`).
    static func bucket(_ key: String, of buckets: Int) -> Int {
        var state: UInt32 = 0x811C_9DC5
        for unit in key.utf16 {
            state ^= UInt32(unit)
            state = state &* 0x0100_0193
        }
        return Int(state % UInt32(buckets))
    }

    /// Whether `a` sorts before `b` as JavaScript compares strings (by UTF-16 code units).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }

    /// `fold` exactly as search.js computes it (String.prototype.normalize and toLowerCase):
    /// NFC, lowercase; ß → ss, ä/ö/ü → a/o/u; if anything else is not ASCII, NFD without the
    /// combining marks U+0300–U+036F; then ae → a, oe → o, ue → u (but not after q).
    static func browserFold(_ text: String) -> String {
        let units = commonFoldedUnits(text) ?? Array(normalizedFold(text).utf16)
        guard units.contains(0x65) else { return String(decoding: units, as: UTF16.self) }
        // The regular expression /([aou])e/g, left to right without overlaps; "ue" after q stays.
        var result: [UInt16] = []
        result.reserveCapacity(units.count)
        var index = 0
        while index < units.count {
            let unit = units[index]
            if index + 1 < units.count, units[index + 1] == 0x65, unit == 0x61 || unit == 0x6F || unit == 0x75 {
                result.append(unit)
                if unit == 0x75, index > 0, units[index - 1] == 0x71 { result.append(0x65) }
                index += 2
                continue
            }
            result.append(unit)
            index += 1
        }
        return String(decoding: result, as: UTF16.self)
    }

    /// The characters German titles are made of that no normalisation or case mapping changes:
    /// dashes, quotation marks, spaces, §, ° and the like (`WebSearchFoldTests` checks each).
    static let inertScalars: Set<UInt32> = [
        0xA0, 0xA7, 0xAB, 0xB0, 0xB7, 0xBB, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2018, 0x2019, 0x201A,
        0x201C, 0x201D, 0x201E, 0x2022, 0x2026, 0x202F, 0x20AC,
    ]

    /// The folding before the ae/oe/ue rule, without Foundation's normalisation, for a text of
    /// ASCII, German letters and `inertScalars`; nil for any other text.
    static func commonFoldedUnits(_ text: String) -> [UInt16]? {
        var units: [UInt16] = []
        units.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x41...0x5A: units.append(UInt16(value + 0x20))
            case 0..<0x80: units.append(UInt16(value))
            case 0xC4, 0xE4: units.append(0x61)
            case 0xD6, 0xF6: units.append(0x6F)
            case 0xDC, 0xFC: units.append(0x75)
            case 0xDF: units.append(0x73); units.append(0x73)
            default:
                guard inertScalars.contains(value) else { return nil }
                units.append(UInt16(value))
            }
        }
        return units
    }

    /// The folding before the ae/oe/ue rule, by Foundation's normalisation, for any text.
    static func normalizedFold(_ text: String) -> String {
        var folded = text.precomposedStringWithCanonicalMapping.lowercased()
        if !folded.utf8.allSatisfy({ $0 < 0x80 }) {
            folded = folded.replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "ä", with: "a")
                .replacingOccurrences(of: "ö", with: "o").replacingOccurrences(of: "ü", with: "u")
            if !folded.utf8.allSatisfy({ $0 < 0x80 }) {
                var scalars = String.UnicodeScalarView()
                for scalar in folded.decomposedStringWithCanonicalMapping.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
                    scalars.append(scalar)
                }
                folded = String(scalars)
            }
        }
        return folded
    }

    /// One family of fragment files (`t0`, `t1`, … in `assets/suche/`): each file calls
    /// `kochbuchSuche.push(["t0", data])`, and its name carries a hash of its group of neighbouring
    /// files (`t0-1a2b3c4d.js`), so that a page never mixes fragments of two builds.
    struct Family {
        let letter: String
        let group: Int

        /// The file's text around its data.
        func contents(_ index: Int, _ data: [UInt8]) -> [UInt8] {
            Array("(self.kochbuchSuche=self.kochbuchSuche||[]).push([\"\(letter)\(index)\",".utf8) + data + Array("]);\n".utf8)
        }

        /// Writes the files `first…` of one group (but those in `skipping`) and returns the group's hash.
        func writeGroup(first: Int, _ data: [[UInt8]], folder: String, into sink: some FileSink,
                        skipping: Set<String> = []) throws -> String {
            let files = data.enumerated().map { contents(first + $0.offset, $0.element) }
            var state = WebSearchFragments.hashStart
            for file in files { WebSearchFragments.hash(file, into: &state) }
            let hash = WebSearchFragments.hex(state)
            for (offset, file) in files.enumerated() {
                let path = "\(folder)\(letter)\(first + offset)-\(hash).js"
                if !skipping.contains(path) { try sink.write(path, bytes: file) }
            }
            return hash
        }

        /// Writes all files of the family, a group at a time; the groups' hashes in order.
        func write(_ data: [[UInt8]], folder: String, into sink: some FileSink) throws -> [String] {
            try write(count: data.count, folder: folder, into: sink) { data[$0] }
        }

        /// Writes `count` files made by `data`, a group at a time: only one group's data exists at once.
        func write(count: Int, folder: String, into sink: some FileSink, data: (Int) -> [UInt8]) throws -> [String] {
            try stride(from: 0, to: count, by: group).map { start in
                try writeGroup(first: start, (start..<min(start + group, count)).map(data), folder: folder, into: sink)
            }
        }
    }
}
