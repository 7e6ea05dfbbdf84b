import KochbuchLinking
import KochbuchModel

/// The plain-text edition: recipes and the whole guide as UTF-8 text wrapped to a width.
///
/// Headings are underlined, facts are aligned "Label: value" lines, lists hang under their
/// markers, tables are laid out in columns, and links, citations, cross-references and glossary
/// terms become numbered references listed under "Verweise" at the end of each recipe. The output
/// depends only on the book, the recipes and the width.
public struct TextRenderer: Sendable {
    private let book: TextBook
    private let width: Int

    /// - Parameters:
    ///   - book: the book the recipes come from, for titles, laws, the glossary and the catalogs.
    ///   - graph: the book's link graph, for backlinks; built from the book when nil.
    ///   - width: the number of Characters per line (at least 20).
    public init(book: Book, graph: LinkGraph? = nil, width: Int = 78) {
        self.book = TextBook(book: book, graph: graph)
        self.width = max(20, width)
    }

    /// One recipe as text, with its numbered references at the end.
    public func render(_ recipe: Recipe) -> String {
        Self.finish(RecipeText(book: book, width: width, edition: nil).lines(recipe))
    }

    /// The whole guide: title block (title, subtitle, edition, publisher, licence), introduction,
    /// table of contents by chapter, every recipe in the given order, the glossary.
    public func renderBook(recipes: [Recipe]) -> String {
        Self.finish(BookText(book: book, width: width).lines(recipes))
    }

    /// Recipes rendered together on all cores while the guide is written: only one batch of texts exists at once.
    var batchSize = 256

    /// Writes the text edition into `sink`: the whole guide at `guide`, in pieces of about a
    /// megabyte, and each recipe on its own at `recipePath(recipe)`. When the guide holds every
    /// recipe of the book, each recipe is rendered once, a batch at a time on all cores as the guide
    /// reaches it, and its text used in both (a recipe's file is exactly its part of the guide, plus
    /// the final line break), so the edition is never held whole.
    /// - Parameter pieces: recipe texts kept from earlier builds, and where to keep the ones made.
    public func writeEdition(recipes: [Recipe], guide: String, recipePath: (Recipe) -> String, into sink: some FileSink,
                             pieces: any RecipePieces = NoRecipePieces()) throws {
        var written = Set<Int>()
        var current: (start: Int, texts: [String]) = (0, [])
        /// The texts of the batch holding recipe `index`, each written to its own file the first time.
        func text(_ index: Int) throws -> String {
            if !(current.start..<current.start + current.texts.count).contains(index) {
                let start = index / batchSize * batchSize
                current = (start, texts(Array(recipes[start..<min(start + batchSize, recipes.count)]), pieces: pieces))
                if written.insert(start).inserted {
                    for (offset, text) in current.texts.enumerated() { try sink.write(recipePath(recipes[start + offset]), text: text) }
                }
            }
            return current.texts[index - current.start]
        }

        if Set(recipes.map(\.id)) == Set(book.book.recipes.map(\.id)) {
            // U+0001 cannot occur in XML text, so no line of the guide can look like a placeholder.
            let lines = BookText(book: book, width: width).lines(recipes) { Self.marker + String($0) }
            try sink.write(guide) { piece in
                var buffer: [UInt8] = []
                buffer.reserveCapacity(2 << 20)
                for line in lines {
                    if line.hasPrefix(Self.marker), let index = Int(line.dropFirst(Self.marker.count)) {
                        var recipeText = try text(index)
                        recipeText.withUTF8 { buffer.append(contentsOf: $0.dropLast()) }
                    } else {
                        buffer += Self.finish(line).utf8
                    }
                    buffer.append(0x0A)
                    if buffer.count >= 1 << 20 {
                        try buffer.withUnsafeBytes(piece)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
                try buffer.withUnsafeBytes(piece)
            }
        } else {
            try sink.write(guide, text: renderBook(recipes: recipes))
        }
        for start in stride(from: 0, to: recipes.count, by: batchSize) where !written.contains(start) { _ = try text(start) }
    }

    private static let marker = "\u{1}"

    /// The recipes' texts, rendered on all cores, or kept from an earlier build.
    private func texts(_ recipes: [Recipe], pieces: any RecipePieces) -> [String] {
        let book = self.book
        let width = self.width
        return Parallel.map(recipes, chunk: 8) { recipe in
            String(decoding: pieces.piece(for: recipe.id) { Array(Self.finish(RecipeText(book: book, width: width, edition: nil).lines(recipe)).utf8) },
                   as: UTF8.self)
        }
    }

    /// The lines as one text ending in a newline: no-break spaces written as spaces, control
    /// characters from the sources removed, no trailing spaces.
    private static func finish(_ lines: [String]) -> String {
        lines.map(finish).joined(separator: "\n") + "\n"
    }

    /// Works on the UTF-8 bytes: control characters (Cc: U+0000–U+001F, U+007F–U+009F) go,
    /// no-break spaces (U+00A0, U+2007, U+202F) become spaces.
    fileprivate static func finish(_ line: String) -> String {
        var line = line
        let cleaned: String? = line.withUTF8 { bytes in
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F {
                    index += 1
                } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] <= 0xA0 {
                    if bytes[index + 1] == 0xA0 { result.append(0x20) }
                    index += 2
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                          bytes[index + 2] == 0x87 || bytes[index + 2] == 0xAF {
                    result.append(0x20)
                    index += 3
                } else {
                    result.append(byte)
                    index += 1
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
        return TextWrapper.trimmingTrailingSpaces(cleaned ?? line)
    }
}
