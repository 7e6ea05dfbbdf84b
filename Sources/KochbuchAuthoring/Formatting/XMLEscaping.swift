/// Minimal escaping for the canonical form: only what XML requires, plus the characters that
/// would not survive parsing unescaped (carriage returns; tabs and newlines in attribute values).
/// Every other character, including all non-ASCII ones, is written as UTF-8.
enum XMLEscaping {
    /// Character data: `&amp;`, `&lt;`, `&gt;` (and `&#13;`, which parsing would otherwise drop).
    static func text(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\r" }) else {
            return text
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\r": result.append(contentsOf: "&#13;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// A double-quoted attribute value: `&quot;`, `&amp;`, `&lt;`, and character references for
    /// tab, newline and carriage return (attribute value normalisation would turn them into spaces).
    static func attribute(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: {
            $0 == "\"" || $0 == "&" || $0 == "<" || $0 == "\t" || $0 == "\n" || $0 == "\r"
        }) else {
            return value
        }
        var result = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case "\t": result.append(contentsOf: "&#9;".unicodeScalars)
            case "\n": result.append(contentsOf: "&#10;".unicodeScalars)
            case "\r": result.append(contentsOf: "&#13;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
