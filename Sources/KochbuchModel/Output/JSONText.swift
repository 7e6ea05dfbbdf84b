/// A small, fast JSON writer for the search index and the pages' structured data
/// (JSONSerialization boxes every value and was most of the build's time at ten thousand recipes).
/// Writes UTF-8 bytes; `<`, U+2028 and U+2029 are always escaped, so the text is safe inside a
/// `<script>` element.
public struct JSONText: Sendable {
    private var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The JSON written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The JSON written so far, as UTF-8.
    public var utf8: [UInt8] { bytes }

    /// How many bytes are written and not yet handed on.
    public var count: Int { bytes.count }

    /// Hands the bytes written so far to `body` and forgets them, for writing large JSON in pieces.
    public mutating func flush(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try bytes.withUnsafeBytes(body)
        bytes.removeAll(keepingCapacity: true)
    }

    public mutating func raw(_ value: String) { bytes.append(contentsOf: value.utf8) }

    public mutating func string(_ value: String) {
        var value = value
        bytes.append(0x22)
        value.withUTF8 { source in
            var runStart = 0
            var index = 0
            func flush() {
                if runStart < index { bytes.append(contentsOf: source[runStart..<index]) }
            }
            while index < source.count {
                let byte = source[index]
                var escape: String?
                var length = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x3C: escape = "\\u003c"
                case 0x00..<0x20:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2 where index + 2 < source.count && source[index + 1] == 0x80
                    && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9):
                    escape = source[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default:
                    break
                }
                if let escape {
                    flush()
                    bytes.append(contentsOf: escape.utf8)
                    index += length
                    runStart = index
                } else {
                    index += 1
                }
            }
            flush()
        }
        bytes.append(0x22)
    }

    public mutating func strings(_ values: [String]) {
        array(values) { $0.string($1) }
    }

    public mutating func integers(_ values: [Int]) {
        array(values) { $0.integer($1) }
    }

    /// A whole number, written without going through a formatter.
    public mutating func integer(_ value: Int) {
        guard value >= 0 else {
            raw(String(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(0x30 + rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// `{"key": <value>, …}` with keys sorted, values written by `body`.
    public mutating func object<Value>(_ dictionary: [String: Value], _ body: (inout JSONText, Value) -> Void) {
        bytes.append(0x7B)
        for (index, key) in dictionary.keys.sorted().enumerated() {
            if index > 0 { bytes.append(0x2C) }
            string(key)
            bytes.append(0x3A)
            body(&self, dictionary[key]!)
        }
        bytes.append(0x7D)
    }

    /// `{"key": <value>, …}` with the fields in sorted key order, each value written by its closure.
    public mutating func object(_ fields: [(key: String, value: (inout JSONText) -> Void)]) {
        bytes.append(0x7B)
        for (index, field) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { bytes.append(0x2C) }
            string(field.key)
            bytes.append(0x3A)
            field.value(&self)
        }
        bytes.append(0x7D)
    }

    /// `[<value>, …]`, each element written by `body`.
    public mutating func array<Element>(_ elements: [Element], _ body: (inout JSONText, Element) -> Void) {
        bytes.append(0x5B)
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            body(&self, element)
        }
        bytes.append(0x5D)
    }
}
