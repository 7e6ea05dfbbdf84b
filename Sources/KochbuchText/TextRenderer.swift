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

    /// The whole guide and every recipe on its own, as the text edition writes them. When the guide
    /// holds every recipe of the book, each recipe is rendered once and used in both.
    /// - Parameter map: how to map over the recipes (e.g. on all cores); in order.
    public func renderEdition(recipes: [Recipe],
                              map: ([Recipe], @Sendable (Recipe) -> [String]) -> [[String]] = { $0.map($1) })
        -> (book: String, recipes: [String]) {
        let book = self.book
        let width = self.width
        let lines = map(recipes) { RecipeText(book: book, width: width, edition: nil).lines($0) }
        let whole = Set(recipes.map(\.id)) == Set(book.book.recipes.map(\.id))
        let guide = BookText(book: book, width: width).lines(recipes, recipeLines: whole ? lines : nil)
        return (Self.finish(guide), lines.map(Self.finish))
    }

    /// The lines as one text ending in a newline: no-break spaces written as spaces, control
    /// characters from the sources removed, no trailing spaces.
    private static func finish(_ lines: [String]) -> String {
        lines.map { line in
            var text = ""
            for character in line {
                if TextWrapper.isGlue(character) {
                    text.append(" ")
                } else if !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    text.append(character)
                }
            }
            return TextWrapper.trimmingTrailingSpaces(text)
        }.joined(separator: "\n") + "\n"
    }
}
