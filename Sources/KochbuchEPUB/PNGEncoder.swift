import Foundation
import ZIPFoundation

/// Writes an 8-bit RGB picture as PNG: each row filtered (None, Sub or Up, whichever leaves the
/// smallest differences, as libpng chooses), the rows deflated with zlib through ZIPFoundation
/// (already linked for the EPUB's own compression, so nothing more is loaded), no ancillary chunks
/// (no time stamp, no gamma), so equal pixels give equal bytes.
enum PNGEncoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func rgb(width: Int, height: Int, pixels: [UInt8]) throws -> Data {
        precondition(pixels.count == width * height * 3, "an RGB picture has three bytes a pixel")
        var png = Data(signature)
        var header = Data()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header.append(contentsOf: [8, 2, 0, 0, 0])  // 8 bits a channel, RGB, deflate, adaptive filtering, not interlaced
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", try zlibStream(filtered(width: width, height: height, pixels: pixels)), to: &png)
        appendChunk("IEND", Data(), to: &png)
        return png
    }

    /// Each row preceded by its filter type.
    static func filtered(width: Int, height: Int, pixels: [UInt8]) -> [UInt8] {
        let stride = width * 3
        var out = [UInt8](repeating: 0, count: (stride + 1) * height)
        pixels.withUnsafeBufferPointer { pixels in
            out.withUnsafeMutableBufferPointer { out in
                for row in 0..<height {
                    let line = row * stride, target = row * (stride + 1)
                    let current = UnsafeBufferPointer(rebasing: pixels[line..<line + stride])
                    let above = row == 0 ? nil : UnsafeBufferPointer(rebasing: pixels[line - stride..<line])
                    // A row like the one above filters to zeros with Up: the common case on a cover.
                    if let above, memcmp(current.baseAddress!, above.baseAddress!, stride) == 0 {
                        out[target] = 2
                        continue
                    }
                    var costs = [0, 0, 0]
                    for index in 0..<stride {
                        let value = current[index]
                        let left = index >= 3 ? current[index - 3] : 0
                        let up = above?[index] ?? 0
                        costs[0] += cost(value)
                        costs[1] += cost(value &- left)
                        costs[2] += cost(value &- up)
                    }
                    let filter = costs.indices.min { costs[$0] < costs[$1] }!
                    out[target] = UInt8(filter)
                    for index in 0..<stride {
                        let value = current[index]
                        switch filter {
                        case 1: out[target + 1 + index] = value &- (index >= 3 ? current[index - 3] : 0)
                        case 2: out[target + 1 + index] = value &- (above?[index] ?? 0)
                        default: out[target + 1 + index] = value
                        }
                    }
                }
            }
        }
        return out
    }

    /// libpng's measure of a filtered byte: its distance from zero as a signed byte.
    private static func cost(_ byte: UInt8) -> Int { byte < 128 ? Int(byte) : 256 - Int(byte) }

    /// A zlib stream (RFC 1950): header, raw deflate data, Adler-32 of the input.
    static func zlibStream(_ bytes: [UInt8]) throws -> Data {
        let input = Data(bytes)
        var stream = Data([0x78, 0x9C])
        _ = try Data.compress(size: Int64(input.count), bufferSize: 1 << 16, provider: { position, size in
            input.subdata(in: Int(position)..<Int(position) + size)
        }, consumer: { stream.append($0) })
        stream.appendBigEndian(adler32(bytes))
        return stream
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                // 5552 bytes is the most that cannot overflow 32 bits before the modulo.
                let end = min(index + 5552, buffer.count)
                while index < end {
                    a &+= UInt32(buffer[index])
                    b &+= a
                    index += 1
                }
                a %= 65521
                b %= 65521
            }
        }
        return b << 16 | a
    }

    private static func appendChunk(_ type: String, _ content: Data, to png: inout Data) {
        png.appendBigEndian(UInt32(content.count))
        let typed = Data(type.utf8) + content
        png.append(typed)
        png.appendBigEndian(typed.crc32(checksum: 0))
    }
}

private extension Data {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }
}
