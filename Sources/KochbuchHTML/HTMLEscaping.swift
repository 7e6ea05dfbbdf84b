/// Escaping for text and attribute values. Every piece of book content passes through here.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Whether an external link target may be emitted: http, https and mailto only.
    public static func isSafeExternalURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return false }
        return !url.contains { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" || $0.asciiValue.map { $0 < 0x20 } == true }
    }

    /// An anchor-safe fragment: letters, digits and hyphens only.
    public static func fragment(_ text: String) -> String {
        String(text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }
}
