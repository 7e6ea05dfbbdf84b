import KochbuchHTML
import KochbuchModel

/// Link targets inside the EPUB: recipes of the selection, the legal appendix, the glossary.
/// A recipe the selection leaves out has no target, so links to it become text with a note.
struct EPUBLinkTargets: LinkTargets {
    /// Relative path from the current document to the package root ("" or "../").
    let root: String
    let included: Set<String>
    let citedSections: Set<String>
    let glossary: Set<String>

    func recipe(_ id: String) -> String? { included.contains(id) ? root + EPUBPaths.recipe(id) : nil }

    func step(_ recipe: String, _ step: String) -> String? {
        included.contains(recipe) ? root + EPUBPaths.recipe(recipe) + "#schritt-\(HTML.fragment(step))" : nil
    }

    func law(_ law: String, section number: String?) -> String? {
        if let number {
            return citedSections.contains("\(law):\(number)") ? root + EPUBPaths.appendix + "#" + EPUBPaths.sectionAnchor(law, number) : nil
        }
        return citedSections.contains { $0.hasPrefix("\(law):") } ? root + EPUBPaths.appendix + "#gesetz-\(HTML.fragment(law))" : nil
    }

    func term(_ id: String) -> String? { glossary.contains(id) ? root + EPUBPaths.glossary + "#begriff-\(HTML.fragment(id))" : nil }
    func image(_ path: String) -> String { root + EPUBPaths.image(Figure.bookPath(of: path) ?? path) }
    var termTooltips: Bool { false }
    var xmlSyntax: Bool { true }
}

/// Paths of the book's documents, relative to the package folder `OEBPS/`.
enum EPUBPaths {
    static let cover = "cover.xhtml"
    /// The cover as SVG: the cover when no raster cover can be made.
    static let coverImage = "cover.svg"
    /// The raster cover, the book's cover image wherever it can be made.
    static let coverRaster = "cover.png"
    static let titlePage = "titel.xhtml"
    static let navigation = "nav.xhtml"
    static let appendix = "anhang-gesetze.xhtml"
    static let glossary = "glossar.xhtml"
    static let index = "register.xhtml"
    static let style = "style.css"
    static func recipe(_ id: String) -> String { "rezepte/\(id).xhtml" }
    /// A chapter's title page.
    static func chapter(_ id: String) -> String { "kapitel/\(HTML.fragment(id)).xhtml" }
    /// The book's images keep a folder of their own, so none can take the name of a file the EPUB makes.
    static func image(_ bookPath: String) -> String { "bilder/\(bookPath)" }
    static func sectionAnchor(_ law: String, _ number: String) -> String { "\(HTML.fragment(law))-p\(HTML.fragment(number))" }
}
