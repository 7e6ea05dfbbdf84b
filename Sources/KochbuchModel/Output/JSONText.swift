/// A small, fast JSON writer for the search index and the pages' structured data
/// (JSONSerialization boxes every value and was most of the build's time at ten thousand recipes).
/// `<`, U+2028 and U+2029 are always escaped, so the text is safe inside a `<script>` element.
public struct JSONText: Sendable {
    public private(set) var text = ""

    public init(capacity: Int = 0) {
        text.reserveCapacity(capacity)
    }

    public mutating func raw(_ value: String) { text += value }

    public mutating func string(_ value: String) {
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

    public mutating func strings(_ values: [String]) {
        text.append("[")
        for (index, value) in values.enumerated() {
            if index > 0 { text.append(",") }
            string(value)
        }
        text.append("]")
    }

    public mutating func integers(_ values: [Int]) {
        text.append("[")
        text += values.map(String.init).joined(separator: ",")
        text.append("]")
    }

    /// `{"key": <value>, …}` with keys sorted, values written by `body`.
    public mutating func object<Value>(_ dictionary: [String: Value], _ body: (inout JSONText, Value) -> Void) {
        text.append("{")
        for (index, key) in dictionary.keys.sorted().enumerated() {
            if index > 0 { text.append(",") }
            string(key)
            text.append(":")
            body(&self, dictionary[key]!)
        }
        text.append("}")
    }

    /// `{"key": <value>, …}` with the fields in sorted key order, each value written by its closure.
    public mutating func object(_ fields: [(key: String, value: (inout JSONText) -> Void)]) {
        text.append("{")
        for (index, field) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { text.append(",") }
            string(field.key)
            text.append(":")
            field.value(&self)
        }
        text.append("}")
    }

    /// `[<value>, …]`, each element written by `body`.
    public mutating func array<Element>(_ elements: [Element], _ body: (inout JSONText, Element) -> Void) {
        text.append("[")
        for (index, element) in elements.enumerated() {
            if index > 0 { text.append(",") }
            body(&self, element)
        }
        text.append("]")
    }
}
