/// A small, fast JSON writer for the search index (JSONSerialization boxes every value and was
/// most of the build's time at ten thousand recipes). Keys are written in the order given.
struct JSONText {
    private(set) var text = ""

    init(capacity: Int = 0) {
        text.reserveCapacity(capacity)
    }

    mutating func raw(_ value: String) { text += value }

    mutating func string(_ value: String) {
        text.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "<": text += "\\u003c"
            case "\u{2028}": text += "\\u2028"
            case "\u{2029}": text += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text.append("\"")
    }

    mutating func strings(_ values: [String]) {
        text.append("[")
        for (index, value) in values.enumerated() {
            if index > 0 { text.append(",") }
            string(value)
        }
        text.append("]")
    }

    mutating func integers(_ values: [Int]) {
        text.append("[")
        text += values.map(String.init).joined(separator: ",")
        text.append("]")
    }

    /// `{"key": <value>, …}` with keys sorted, values written by `body`.
    mutating func object<Value>(_ dictionary: [String: Value], _ body: (inout JSONText, Value) -> Void) {
        text.append("{")
        for (index, key) in dictionary.keys.sorted().enumerated() {
            if index > 0 { text.append(",") }
            string(key)
            text.append(":")
            body(&self, dictionary[key]!)
        }
        text.append("}")
    }
}
