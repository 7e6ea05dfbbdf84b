/// A 128-bit FNV-1a digest of bytes: the same in every run and on every machine, for keys that are
/// kept between builds (the build cache). Not for security: it notices that inputs changed.
public struct ContentDigest: Hashable, Sendable, CustomStringConvertible {
    public private(set) var value: UInt128

    private static let offsetBasis: UInt128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d

    /// The digest of nothing; combine bytes into it.
    public init() {
        value = Self.offsetBasis
    }

    public init(value: UInt128) {
        self.value = value
    }

    /// The digest of `bytes`.
    public init(of bytes: some Sequence<UInt8>) {
        self.init()
        combine(bytes)
    }

    /// The digest of the UTF-8 of `text`.
    public init(of text: String) {
        self.init()
        combine(text)
    }

    /// Folds bytes in (FNV-1a: prime 2^88 + 0x13B).
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ combine(UnsafeRawBufferPointer($0)) }) != nil { return }
        var hash = value
        for byte in bytes { Self.step(&hash, byte) }
        value = hash
    }

    /// Folds the bytes of a buffer in.
    public mutating func combine(_ buffer: UnsafeRawBufferPointer) {
        var hash = value
        for byte in buffer { Self.step(&hash, byte) }
        value = hash
    }

    @inline(__always)
    private static func step(_ hash: inout UInt128, _ byte: UInt8) {
        hash ^= UInt128(byte)
        hash = (hash << 88) &+ (hash &* 0x13B)
    }

    /// Folds a text in, preceded by its length, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func combine(_ text: String) {
        combine(number: text.utf8.count)
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    /// Folds a number in as 8 bytes.
    public mutating func combine(number: Int) {
        withUnsafeBytes(of: Int64(number).littleEndian) { combine($0) }
    }

    /// Folds another digest in.
    public mutating func combine(_ digest: ContentDigest) {
        withUnsafeBytes(of: digest.value.littleEndian) { combine($0) }
    }

    /// 32 hexadecimal digits.
    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 32 - hex.count) + hex
    }

    /// From 32 hexadecimal digits (`description`).
    public init?(hex: String) {
        guard hex.utf8.count == 32, let value = UInt128(hex, radix: 16) else { return nil }
        self.value = value
    }

    /// The 16 bytes, little-endian.
    public var bytes: [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    /// From 16 little-endian bytes.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var value: UInt128 = 0
        for (shift, byte) in bytes.enumerated() { value |= UInt128(byte) << (8 * shift) }
        self.value = value
    }
}
