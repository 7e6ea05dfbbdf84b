/// Text from the book made safe to print on a terminal: control characters (which could move the
/// cursor, recolour, rename the window or hide text) and bidirectional overrides (which reorder what
/// a reader sees) are shown as visible placeholders instead of being sent raw.
public enum TerminalText {
    /// The text with every control and bidi character made visible; line feeds (and tabs, when
    /// `keepingTabs`) stay as they are.
    public static func visible(_ text: String, keepingTabs: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0, keepingTabs: keepingTabs) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar, keepingTabs: keepingTabs) else { result.append(scalar); continue }
            if scalar.value < 0x20 {
                result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            } else if scalar.value == 0x7F {
                result.append("\u{2421}")
            } else {
                result.append(contentsOf: "⟨U+\(hex(scalar.value))⟩".unicodeScalars)
            }
        }
        return String(result)
    }

    /// Whether a scalar must not reach a terminal raw: C0 controls (but the line feed and, if kept,
    /// the tab), DEL, C1 controls, and the bidirectional marks, embeddings, overrides and isolates.
    public static func isUnsafe(_ scalar: Unicode.Scalar, keepingTabs: Bool = true) -> Bool {
        switch scalar.value {
        case 0x0A: false
        case 0x09: !keepingTabs
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The first unsafe scalar of a text, for a diagnostic that names it.
    public static func firstUnsafe(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { isUnsafe($0, keepingTabs: false) }
    }

    /// The four or more hexadecimal digits of a code point, as in U+009B.
    public static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
