/// A block of content: paragraph, list, note, table or figure.
public indirect enum Block: Sendable, Hashable {
    case paragraph([Inline])
    case list(List)
    case note(Note)
    case table(Table)
    case figure(Figure)
}

/// An ordered or unordered list.
public struct List: Sendable, Hashable {
    public var ordered: Bool
    public var items: [ListItem]

    public init(ordered: Bool, items: [ListItem]) {
        self.ordered = ordered
        self.items = items
    }
}

/// A list item: running text and any nested lists.
public struct ListItem: Sendable, Hashable {
    public var content: [Inline]
    public var sublists: [List]

    public init(content: [Inline], sublists: [List] = []) {
        self.content = content
        self.sublists = sublists
    }
}

/// A highlighted note or warning.
public struct Note: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case note, warning
    }

    public var kind: Kind
    public var blocks: [Block]

    public init(kind: Kind, blocks: [Block]) {
        self.kind = kind
        self.blocks = blocks
    }
}

/// A simple table with a caption, an optional header row and data rows.
public struct Table: Sendable, Hashable {
    public var caption: [Inline]
    public var header: [[Inline]]?
    public var rows: [[[Inline]]]

    public init(caption: [Inline], header: [[Inline]]?, rows: [[[Inline]]]) {
        self.caption = caption
        self.header = header
        self.rows = rows
    }
}

/// An image from the book folder with its alternative text and caption.
public struct Figure: Sendable, Hashable {
    /// Path relative to the book folder.
    public var source: String
    public var alternativeText: String
    public var caption: [Inline]
    public var location: SourceLocation

    public init(source: String, alternativeText: String, caption: [Inline], location: SourceLocation) {
        self.source = source
        self.alternativeText = alternativeText
        self.caption = caption
        self.location = location
    }

    /// The image's path relative to the book folder with `.` and `..` resolved, or nil when it is
    /// absolute or climbs out of the book.
    public var bookPath: String? { Self.bookPath(of: source) }

    /// A figure source's path relative to the book folder with `.` and `..` resolved, or nil when
    /// it is absolute or climbs out of the book.
    public static func bookPath(of source: String) -> String? {
        guard !source.hasPrefix("/"), !source.contains("\\"), !source.contains(":") else { return nil }
        var components: [Substring] = []
        for component in source.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}
