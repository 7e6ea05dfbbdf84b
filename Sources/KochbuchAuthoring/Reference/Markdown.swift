import Foundation

/// Markdown helpers: escaping and GitHub-style heading anchors.
enum Markdown {
    /// The anchor GitHub and most renderers give a heading: lowercased, punctuation dropped, spaces as hyphens.
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { character -> Character? in
            if character == " " { return "-" }
            return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
        })
    }

    /// Prose from the schemas, safe as Markdown text: XML examples in it (`<cite law="egovg"/>`,
    /// `<abbr title="…">OZG</abbr>`) become code spans, everything else is escaped.
    static func text(_ string: String) -> String {
        guard let markup = try? Regex(#"<([A-Za-z][\w-]*)[^<>]*>[^<>]*</\1>|<[^<>]+>"#) else { return escape(string) }
        var result = ""
        var rest = string[...]
        while let match = rest.firstMatch(of: markup) {
            result += escape(String(rest[..<match.range.lowerBound])) + code(String(rest[match.range]))
            rest = rest[match.range.upperBound...]
        }
        return result + escape(String(rest))
    }

    private static func escape(_ string: String) -> String {
        var result = ""
        for character in string {
            switch character {
            case "\\", "`", "*", "_", "[", "]": result += "\\\(character)"
            case "<": result += "&lt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Inline code; longer backtick fences when the text holds backticks.
    static func code(_ string: String) -> String {
        string.contains("`") ? "`` \(string) ``" : "`\(string)`"
    }

    /// A table cell: pipes escaped (also inside code spans), no line breaks.
    static func cell(_ string: String) -> String {
        string.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
