/// A window of text around the first matching word, with the matched words marked.
enum Snippet {
    static func make(text: String, terms: Set<String>, normalizer: TermNormalizer, width: Int = 160) -> [SearchHit.Fragment] {
        let tokens = GermanText.tokens(text)
        let matches = tokens.filter { terms.contains(normalizer.canonical($0)) }
        guard let first = matches.first else {
            let prefix = String(text.prefix(width))
            return [SearchHit.Fragment(text: collapse(prefix) + (text.count > width ? " …" : ""), match: false)]
        }
        var start = text.index(first.startIndex, offsetBy: -width / 3, limitedBy: text.startIndex) ?? text.startIndex
        var end = text.index(start, offsetBy: width, limitedBy: text.endIndex) ?? text.endIndex
        if start != text.startIndex, let space = text[start..<first.startIndex].firstIndex(of: " ") { start = text.index(after: space) }
        if end != text.endIndex, let space = text[first.endIndex..<end].lastIndex(of: " ") { end = space }
        var fragments: [SearchHit.Fragment] = []
        if start != text.startIndex { fragments.append(.init(text: "… ", match: false)) }
        var cursor = start
        for token in matches where token.startIndex >= start && token.endIndex <= end {
            if cursor < token.startIndex { fragments.append(.init(text: collapse(String(text[cursor..<token.startIndex])), match: false)) }
            fragments.append(.init(text: String(token), match: true))
            cursor = token.endIndex
        }
        if cursor < end { fragments.append(.init(text: collapse(String(text[cursor..<end])), match: false)) }
        if end != text.endIndex { fragments.append(.init(text: " …", match: false)) }
        return fragments
    }

    /// Runs of whitespace (line breaks included) become one space; spaces at the ends are kept.
    private static func collapse(_ text: String) -> String {
        var result = ""
        var space = false
        for character in text {
            if character.isWhitespace { space = true; continue }
            if space { result.append(" ") }
            space = false
            result.append(character)
        }
        if space { result.append(" ") }
        return result
    }
}
