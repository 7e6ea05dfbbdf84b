/// Greedy word wrapping that counts Characters, with a first-line prefix (a marker such as "  - ")
/// and a prefix for the continuation lines (the hanging indent).
///
/// Words are separated by breaking white space. A no-break space glues words together: "§ 6 EGovG"
/// is written glued and moves to the next line as a whole; the final output turns the glue back into
/// ordinary spaces. A hyphenated compound too long for a line breaks after a hyphen. A line is longer
/// than the width only when it holds a single word longer than the width, such as a long URL.
enum TextWrapper {
    /// The character that joins words which must stay on one line.
    static let glue: Character = "\u{00A0}"

    /// The text with its spaces turned into glue.
    static func glued(_ text: String) -> String {
        String(text.map { $0 == " " ? glue : $0 })
    }

    /// Whether a character is a no-break space.
    static func isGlue(_ character: Character) -> Bool {
        character == "\u{00A0}" || character == "\u{202F}" || character == "\u{2007}"
    }

    /// Whether a scalar is a no-break space.
    static func isGlue(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2007}"
    }

    /// White space that may break a line: every white space but the no-break spaces.
    private static func isBreakingSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace && !isGlue(scalar)
    }

    /// Words that stay with the word after them: "§ 6", "Abs. 2".
    private static let leadingWords: Set<String> = ["§", "§§", "Abs.", "Art.", "Nr."]
    /// Dashes stay with the word before them, so no line starts with one.
    private static let trailingWords: Set<String> = ["–", "—"]

    /// The words of a text, split at breaking white space, with "§" and the like glued to the next word.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if isBreakingSpace(scalars[index]) {
                if let begin = start { words.append(String(scalars[begin..<index])) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = scalars.index(after: index)
        }
        if let begin = start { words.append(String(scalars[begin..<scalars.endIndex])) }
        var result: [String] = []
        for word in words {
            if let last = result.last, leadingWords.contains(last) || trailingWords.contains(word) {
                result[result.count - 1] = last + String(glue) + word
            } else {
                result.append(word)
            }
        }
        return result
    }

    /// The text on one line: white space collapsed to single spaces.
    static func collapsed(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// The length of the longest word.
    static func longestWord(_ text: String) -> Int {
        words(text).map(\.count).max() ?? 0
    }

    /// Wraps a text to lines of at most `width` Characters.
    /// - Parameters:
    ///   - first: the prefix of the first line, e.g. an indent and a list marker.
    ///   - rest: the prefix of every further line, usually spaces as wide as `first`.
    /// - Returns: the lines without trailing spaces; no lines for an empty text without a marker.
    static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        // Each piece with whether it continues the word before it (after a hyphen) or follows a space.
        var queue = words(text).map { (text: $0, continues: false) }
        var lines: [String] = []
        var line = first
        var lineLength = length(of: first)
        let restLength = length(of: rest)
        var lineHasWord = false
        var index = 0
        while index < queue.count {
            let (word, continues) = queue[index]
            let length = length(of: word)
            if lineHasWord {
                let separator = continues ? "" : " "
                if lineLength + separator.count + length <= width {
                    line += separator + word
                    lineLength += separator.count + length
                    index += 1
                    continue
                }
                if restLength + length > width, let parts = split(word, continues: continues) {
                    queue.replaceSubrange(index...index, with: parts)
                    continue
                }
                lines.append(line)
                line = rest
                lineLength = restLength
                lineHasWord = false
                continue
            }
            if lineLength + length <= width {
                line += word
                lineLength += length
                lineHasWord = true
                index += 1
                continue
            }
            if let parts = split(word, continues: continues) {
                queue.replaceSubrange(index...index, with: parts)
                continue
            }
            if length > width {
                // A single unbreakable word longer than the width, such as a URL: it overflows.
                line += word
                lineLength += length
                lineHasWord = true
                index += 1
                continue
            }
            if lines.isEmpty && line == first && line != rest && !line.allSatisfy({ $0 == " " }) {
                // The marker stands alone; the word starts the next line.
                lines.append(trimmingTrailingSpaces(line))
                line = rest
                lineLength = restLength
                continue
            }
            // The word fits the width but not the indent: move it left just enough.
            line = String(repeating: " ", count: width - length) + word
            lineLength = width
            lineHasWord = true
            index += 1
        }
        if lineHasWord {
            lines.append(line)
        } else if lines.isEmpty, !first.allSatisfy({ $0 == " " }) {
            lines.append(trimmingTrailingSpaces(first))
        }
        return lines
    }

    /// A word too long for a line, split into pieces: a glued word at its glue (the pieces then
    /// follow a space), else a hyphenated compound after its hyphens ("Informationstechnik-",
    /// "Verordnung"). Nil for a word that cannot be split, such as a URL.
    private static func split(_ word: String, continues: Bool) -> [(text: String, continues: Bool)]? {
        if word.contains(where: isGlue) {
            let parts = word.split(whereSeparator: isGlue).map(String.init)
            guard parts.count > 1 else { return nil }
            return parts.enumerated().map { ($0.element, $0.offset == 0 ? continues : false) }
        }
        guard !word.contains("://"), !word.hasPrefix("mailto:"), !word.hasPrefix("www.") else { return nil }
        var parts: [String] = []
        var current = ""
        let characters = Array(word)
        for (offset, character) in characters.enumerated() {
            current.append(character)
            if character == "-", offset > 0, offset + 1 < characters.count,
               characters[offset - 1].isLetter, characters[offset + 1].isLetter {
                parts.append(current)
                current = ""
            }
        }
        parts.append(current)
        guard parts.count > 1 else { return nil }
        return parts.enumerated().map { ($0.element, $0.offset == 0 ? continues : true) }
    }

    /// The number of Characters of a text. Counted on the UTF-8 bytes when no scalar at or above
    /// U+0300 (combining marks and the like) can join another into one Character.
    static func length(of text: String) -> Int {
        var text = text
        let counted: Int? = text.withUTF8 { bytes in
            var scalars = 0
            for byte in bytes {
                if byte >= 0xCC && byte < 0xF8 || byte == 0x0D { return nil }
                if byte & 0xC0 != 0x80 { scalars += 1 }
            }
            return scalars
        }
        return counted ?? text.count
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while let last = line.last, last.isWhitespace { line.removeLast() }
        return line
    }

    /// Spaces as wide as a text.
    static func spaces(_ count: Int) -> String {
        String(repeating: " ", count: max(0, count))
    }
}
