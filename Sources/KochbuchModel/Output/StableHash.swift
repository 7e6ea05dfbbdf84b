/// A 64-bit FNV-1a hash that is the same in every run (unlike `Hasher`), for keys that are kept
/// between builds. Not for security: only to notice that inputs changed.
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        value = hash
    }

    public mutating func combine(_ text: String) {
        var text = text
        combine(Int(text.utf8.count))
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ number: Int) {
        withUnsafeBytes(of: Int64(number).littleEndian) { combine(bytes: $0) }
    }

    /// Combines a template context: strings, numbers, booleans, lists and dictionaries (keys sorted),
    /// optionals; anything else by its description. Each kind is tagged, so `["a"]` and `"a"` differ.
    public mutating func combine(context value: Any) {
        switch value {
        case let text as String:
            combine(1)
            combine(text)
        case let flag as Bool:
            combine(flag ? 2 : 3)
        case let number as Int:
            combine(4)
            combine(number)
        case let list as [Any]:
            combine(5)
            combine(list.count)
            for element in list { combine(context: element) }
        case let dictionary as [String: Any]:
            combine(6)
            combine(dictionary.count)
            for key in dictionary.keys.sorted() {
                combine(key)
                combine(context: dictionary[key]!)
            }
        default:
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                if let wrapped = mirror.children.first?.value { combine(context: wrapped) } else { combine(7) }
            } else {
                combine(8)
                combine(String(describing: value))
            }
        }
    }

    /// The value as 16 hexadecimal digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
