extension LawSection {
    /// The section's text as one line of words, without structure: what similarity and diffs compare.
    public var plainText: String {
        text.plainText
    }

    /// Whether two sections read the same: number aside, the same title, status and words (two
    /// transcriptions that nest the same items differently read the same).
    public func readsLike(_ other: LawSection) -> Bool {
        title == other.title && status == other.status && (text == other.text || plainText == other.plainText)
    }
}

extension Array where Element == LawText {
    /// The text as one line of words, items with their labels.
    public var plainText: String {
        var words: [String] = []
        func add(_ parts: [LawTextPart]) {
            for part in parts {
                switch part {
                case .text(let text): words.append(text)
                case .item(let label, let children):
                    words.append(label)
                    add(children)
                }
            }
        }
        for piece in self {
            switch piece {
            case .heading(let heading): words.append(heading)
            case .paragraph(let paragraph):
                if let number = paragraph.number { words.append("(\(number))") }
                add(paragraph.parts)
            }
        }
        return words.joined(separator: " ")
    }
}
