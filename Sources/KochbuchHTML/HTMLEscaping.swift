/// Escaping for text and attribute values. Every piece of book content passes through here.
public enum HTML {
    /// `& < > " '` as character references. Works on the UTF-8 bytes, so a combining mark after
    /// `<` cannot hide it; text without any of them is returned as it is.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 32)
            for byte in bytes {
                switch byte {
                case 0x26: result.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])          // &amp;
                case 0x3C: result.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])                // &lt;
                case 0x3E: result.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])                // &gt;
                case 0x22: result.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])    // &quot;
                case 0x27: result.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])          // &#39;
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
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
