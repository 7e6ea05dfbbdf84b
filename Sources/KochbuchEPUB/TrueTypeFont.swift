import Foundation

/// A TrueType font read from its file, as much as setting a line of a cover needs: the character
/// map, advance widths, pair kerning (`kern`) and the glyph outlines (`glyf`, composites included).
/// No hinting: the cover is drawn large, with exact area coverage (`CoverRaster`).
///
/// Every read is bounds-checked: a damaged file is refused when it is opened, and a damaged glyph
/// draws as nothing; neither stops a build.
struct TrueTypeFont: Sendable {
    /// A point of a contour in font units; off-curve points are quadratic control points.
    struct Point: Sendable, Equatable {
        var x: Double
        var y: Double
        var onCurve: Bool
    }

    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    let unitsPerEm: Int
    let ascender: Int
    let descender: Int
    private let data: [UInt8]
    private let glyphCount: Int
    private let horizontalMetricCount: Int
    private let hmtx: Int
    private let loca: Int
    private let longOffsets: Bool
    private let glyf: Int
    private let glyfLength: Int
    private let characters: [UInt32: Int]
    private let kerning: [UInt32: Int]

    init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Unreadable(description: "\(url.path) cannot be read")
        }
        try self.init(bytes: [UInt8](data), name: url.lastPathComponent)
    }

    init(bytes: [UInt8], name: String = "font") throws {
        let reader = Reader(bytes: bytes)
        var tables: [String: (offset: Int, length: Int)] = [:]
        let tableCount = try reader.u16(4)
        for index in 0..<tableCount {
            let record = 12 + 16 * index
            let tag = String(decoding: try reader.slice(record, 4), as: UTF8.self)
            let offset = try reader.u32(record + 8), length = try reader.u32(record + 12)
            guard offset + length <= bytes.count else { throw Unreadable(description: "\(name): table \(tag) lies outside the file") }
            tables[tag] = (offset, length)
        }
        func table(_ tag: String) throws -> (offset: Int, length: Int) {
            guard let table = tables[tag] else { throw Unreadable(description: "\(name) has no '\(tag)' table: not a TrueType font") }
            return table
        }
        let head = try table("head").offset, hhea = try table("hhea").offset, maxp = try table("maxp").offset
        unitsPerEm = try reader.u16(head + 18)
        longOffsets = try reader.i16(head + 50) == 1
        ascender = try reader.i16(hhea + 4)
        descender = try reader.i16(hhea + 6)
        horizontalMetricCount = try reader.u16(hhea + 34)
        glyphCount = try reader.u16(maxp + 4)
        hmtx = try table("hmtx").offset
        loca = try table("loca").offset
        (glyf, glyfLength) = try table("glyf")
        guard unitsPerEm > 0, horizontalMetricCount > 0, glyphCount > 0 else { throw Unreadable(description: "\(name): empty font") }
        characters = try Self.characterMap(reader, at: try table("cmap").offset)
        kerning = try tables["kern"].map { try Self.pairKerning(reader, at: $0.offset) } ?? [:]
        data = bytes
    }

    /// The glyph for a character; 0 (the font's "missing" glyph) for one it does not have.
    func glyph(for scalar: Unicode.Scalar) -> Int { characters[scalar.value] ?? 0 }

    /// The advance width of a glyph, in font units.
    func advance(_ glyph: Int) -> Int {
        let reader = Reader(bytes: data)
        let index = min(glyph, horizontalMetricCount - 1)
        return (try? reader.u16(hmtx + 4 * index)) ?? 0
    }

    /// The kerning between two glyphs, in font units (negative: closer).
    func kern(_ left: Int, _ right: Int) -> Int { kerning[UInt32(left) << 16 | UInt32(right)] ?? 0 }

    /// The glyph's contours in font units (y upwards); empty for a space or a damaged glyph.
    func contours(_ glyph: Int) -> [[Point]] {
        (try? contours(glyph, depth: 0)) ?? []
    }

    private func contours(_ glyph: Int, depth: Int) throws -> [[Point]] {
        guard glyph >= 0, glyph < glyphCount, depth < 8 else { return [] }
        let reader = Reader(bytes: data)
        let start = longOffsets ? try reader.u32(loca + 4 * glyph) : 2 * (try reader.u16(loca + 2 * glyph))
        let end = longOffsets ? try reader.u32(loca + 4 * glyph + 4) : 2 * (try reader.u16(loca + 2 * glyph + 2))
        guard end > start else { return [] }
        guard end <= glyfLength else { throw Unreadable(description: "glyph \(glyph) lies outside 'glyf'") }
        let offset = glyf + start
        let contourCount = try reader.i16(offset)
        return contourCount >= 0 ? try simpleContours(reader, at: offset, count: contourCount)
            : try compositeContours(reader, at: offset, depth: depth)
    }

    private func simpleContours(_ reader: Reader, at offset: Int, count: Int) throws -> [[Point]] {
        var ends: [Int] = []
        for index in 0..<count { ends.append(try reader.u16(offset + 10 + 2 * index)) }
        let pointCount = (ends.last ?? -1) + 1
        let instructionLength = try reader.u16(offset + 10 + 2 * count)
        var position = offset + 12 + 2 * count + instructionLength
        var flags: [UInt8] = []
        flags.reserveCapacity(pointCount)
        while flags.count < pointCount {
            let flag = UInt8(try reader.u8(position))
            position += 1
            flags.append(flag)
            if flag & 0x08 != 0 {
                let repeats = try reader.u8(position)
                position += 1
                for _ in 0..<repeats { flags.append(flag) }
            }
        }
        func coordinates(short: UInt8, same: UInt8) throws -> [Int] {
            var values: [Int] = []
            var value = 0
            for flag in flags.prefix(pointCount) {
                if flag & short != 0 {
                    let delta = try reader.u8(position)
                    position += 1
                    value += flag & same != 0 ? delta : -delta
                } else if flag & same == 0 {
                    value += try reader.i16(position)
                    position += 2
                }
                values.append(value)
            }
            return values
        }
        let xs = try coordinates(short: 0x02, same: 0x10)
        let ys = try coordinates(short: 0x04, same: 0x20)
        var contours: [[Point]] = []
        var first = 0
        for end in ends {
            guard end >= first, end < pointCount else { throw Unreadable(description: "contour out of order") }
            contours.append((first...end).map { Point(x: Double(xs[$0]), y: Double(ys[$0]), onCurve: flags[$0] & 0x01 != 0) })
            first = end + 1
        }
        return contours
    }

    private func compositeContours(_ reader: Reader, at offset: Int, depth: Int) throws -> [[Point]] {
        var result: [[Point]] = []
        var position = offset + 10
        while true {
            let flags = try reader.u16(position)
            let component = try reader.u16(position + 2)
            position += 4
            var dx = 0.0, dy = 0.0
            if flags & 0x0001 != 0 {
                dx = Double(try reader.i16(position))
                dy = Double(try reader.i16(position + 2))
                position += 4
            } else {
                dx = Double(Int8(bitPattern: UInt8(try reader.u8(position))))
                dy = Double(Int8(bitPattern: UInt8(try reader.u8(position + 1))))
                position += 2
            }
            // Components placed by matching points (not by offset) are set without the offset.
            if flags & 0x0002 == 0 { dx = 0; dy = 0 }
            var a = 1.0, b = 0.0, c = 0.0, d = 1.0
            if flags & 0x0008 != 0 {
                a = try reader.f2dot14(position)
                d = a
                position += 2
            } else if flags & 0x0040 != 0 {
                a = try reader.f2dot14(position)
                d = try reader.f2dot14(position + 2)
                position += 4
            } else if flags & 0x0080 != 0 {
                a = try reader.f2dot14(position)
                b = try reader.f2dot14(position + 2)
                c = try reader.f2dot14(position + 4)
                d = try reader.f2dot14(position + 6)
                position += 8
            }
            for contour in try contours(component, depth: depth + 1) {
                result.append(contour.map { point in
                    let x: Double = a * point.x + c * point.y + dx
                    let y: Double = b * point.x + d * point.y + dy
                    return Point(x: x, y: y, onCurve: point.onCurve)
                })
            }
            if flags & 0x0020 == 0 { break }
        }
        return result
    }

    /// The Unicode character map: format 12 (full range) where the font has it, else format 4 (BMP).
    private static func characterMap(_ reader: Reader, at cmap: Int) throws -> [UInt32: Int] {
        var format4: Int?
        var format12: Int?
        for index in 0..<(try reader.u16(cmap + 2)) {
            let platform = try reader.u16(cmap + 4 + 8 * index), encoding = try reader.u16(cmap + 6 + 8 * index)
            let subtable = cmap + (try reader.u32(cmap + 8 + 8 * index))
            let format = try reader.u16(subtable)
            let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            if unicode, format == 12, format12 == nil { format12 = subtable }
            if unicode, format == 4, format4 == nil { format4 = subtable }
        }
        var map: [UInt32: Int] = [:]
        if let subtable = format12 {
            for group in 0..<(try reader.u32(subtable + 12)) {
                let record = subtable + 16 + 12 * group
                let first = try reader.u32(record), last = try reader.u32(record + 4), glyph = try reader.u32(record + 8)
                guard last >= first, last - first < 0x10000 else { continue }
                for code in first...last { map[UInt32(code)] = glyph + code - first }
            }
        } else if let subtable = format4 {
            let segments = try reader.u16(subtable + 6) / 2
            let ends = subtable + 14, starts = ends + 2 * segments + 2
            let deltas = starts + 2 * segments, rangeOffsets = deltas + 2 * segments
            for segment in 0..<segments {
                let end = try reader.u16(ends + 2 * segment), start = try reader.u16(starts + 2 * segment)
                let delta = try reader.u16(deltas + 2 * segment), rangeOffset = try reader.u16(rangeOffsets + 2 * segment)
                guard start <= end, start != 0xFFFF else { continue }
                for code in start...end {
                    var glyph: Int
                    if rangeOffset == 0 {
                        glyph = (code + delta) & 0xFFFF
                    } else {
                        glyph = try reader.u16(rangeOffsets + 2 * segment + rangeOffset + 2 * (code - start))
                        if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                    }
                    if glyph != 0 { map[UInt32(code)] = glyph }
                }
            }
        } else {
            throw Unreadable(description: "the font has no Unicode character map")
        }
        return map
    }

    /// The `kern` table's horizontal pairs (format 0), the kerning every TrueType renderer reads.
    private static func pairKerning(_ reader: Reader, at kern: Int) throws -> [UInt32: Int] {
        var pairs: [UInt32: Int] = [:]
        guard try reader.u16(kern) == 0 else { return pairs }
        var subtable = kern + 4
        for _ in 0..<(try reader.u16(kern + 2)) {
            let length = try reader.u16(subtable + 2), coverage = try reader.u16(subtable + 4)
            // Format 0, horizontal, kerning values (not minimum values), not cross-stream.
            if coverage >> 8 == 0, coverage & 0x07 == 0x01 {
                for pair in 0..<(try reader.u16(subtable + 6)) {
                    let record = subtable + 14 + 6 * pair
                    pairs[UInt32(try reader.u16(record)) << 16 | UInt32(try reader.u16(record + 2))] = try reader.i16(record + 4)
                }
            }
            subtable += max(length, 6)
        }
        return pairs
    }

    /// Big-endian reads that throw instead of trapping past the end.
    private struct Reader {
        let bytes: [UInt8]

        func u8(_ offset: Int) throws -> Int {
            guard offset >= 0, offset < bytes.count else { throw Unreadable(description: "read past the end of the font") }
            return Int(bytes[offset])
        }

        func u16(_ offset: Int) throws -> Int { (try u8(offset) << 8) | (try u8(offset + 1)) }
        func i16(_ offset: Int) throws -> Int { Int(Int16(bitPattern: UInt16(try u16(offset)))) }
        func u32(_ offset: Int) throws -> Int { (try u16(offset) << 16) | (try u16(offset + 2)) }
        func f2dot14(_ offset: Int) throws -> Double { Double(try i16(offset)) / 16384 }

        func slice(_ offset: Int, _ count: Int) throws -> ArraySlice<UInt8> {
            guard offset >= 0, offset + count <= bytes.count else { throw Unreadable(description: "read past the end of the font") }
            return bytes[offset..<offset + count]
        }
    }
}
