import Foundation
import KochbuchHTML
import KochbuchLinking
import KochbuchModel

/// The EPUB 3 edition of a book or of a selection from it: cover (PNG, or SVG where the fonts to
/// draw the PNG are missing), title page, for each chapter of the manifest a title page followed by
/// one XHTML document per recipe, a legal appendix with the text of every cited section, the
/// glossary, an index and the navigation document, with accessibility metadata and a conformance claim.
public struct EPUBBook {
    public let book: SiteBook
    public let selection: EPUBSelection
    public let bookDirectory: URL

    /// Compressed recipe documents kept from earlier builds, and where to keep the ones made.
    public var pieces: any RecipePieces = NoRecipePieces()

    /// The fonts of the raster cover; without them the cover is SVG only (`coverWarning`).
    var coverFonts: Result<CoverFonts, TrueTypeFont.Unreadable> = CoverFonts.system

    public init(book: SiteBook, selection: EPUBSelection = EPUBSelection(), bookDirectory: URL) {
        self.book = book
        self.selection = selection
        self.bookDirectory = bookDirectory
    }

    /// Why the book has no raster cover (PNG) beside its SVG one, or `nil` when it has.
    public var coverWarning: Phrase? {
        guard case .failure(let problem) = coverFonts else { return nil }
        return Phrase(
            de: "der Umschlag des EPUB ist nur SVG, ohne das Rasterbild (PNG), das manche Lesegeräte und Shops brauchen: "
                + "\(problem.description); installieren Sie Debians Paket fonts-dejavu-core (scripts/setup.sh tut es)",
            en: "the EPUB's cover is SVG only, without the raster cover (PNG) that some readers and shops need to show a cover: "
                + "\(problem.description); install Debian's fonts-dejavu-core (scripts/setup.sh does)")
    }

    /// The selection has no recipes.
    public struct EmptySelection: Error, CustomStringConvertible {
        public let key: String
        public var description: String { "no recipe matches the selection '\(key)'" }
    }

    /// The file name: `<book-id>.epub`, or `<book-id>-<selection>.epub` for a subset.
    public var fileName: String {
        let id = book.book.manifest?.id ?? "kochbuch"
        return selection.isWholeBook ? "\(id).epub" : "\(id)-\(selection.key).epub"
    }

    public var recipes: [Recipe] { book.orderedRecipes.filter { selection.contains($0, book: book.book) } }

    /// The stable identifier: the same book and selection always give the same UUID.
    public var identifier: String {
        StableUUID.make(from: "kochbuch:\(book.book.manifest?.id ?? "kochbuch"):\(selection.key)")
    }

    /// The EPUB file's bytes. The recipe documents are made while the book is packed, a few at
    /// a time on all cores, so that they never all exist at once.
    public func data() throws -> Data {
        var archive = Data()
        try write { archive.append(contentsOf: $0) }
        return archive
    }

    /// The EPUB file's bytes handed to `piece` in order, a few recipe documents at a time: the
    /// book is never held whole (for `FileSink.write(_:pieces:)`).
    public func write(_ piece: (UnsafeRawBufferPointer) throws -> Void) throws {
        if let coverWarning { Self.warnOnce(coverWarning) }
        try EPUBPackager.package(entries: try entries(), modified: modifiedDate, pieces: pieces, into: piece)
    }

    private static let warned = Locked<Set<String>>([])

    /// A warning on standard error, once per process (a build makes the EPUB once; the tests many times).
    private static func warnOnce(_ warning: Phrase) {
        let language = Language.current
        let text = warning.text(in: language)
        guard warned.withLock({ $0.insert(text).inserted }) else { return }
        FileHandle.standardError.write(Data("\(language == .german ? "Warnung" : "warning"): \(text)\n".utf8))
    }

    var modifiedDate: CalendarDate { book.book.manifest?.editionDate ?? CalendarDate("2000-01-01")! }

    /// Every file inside `OEBPS/`, path → content.
    func files() throws -> [(path: String, data: Data)] {
        try entries().map { ($0.path, $0.make()) }
    }

    /// Every file inside `OEBPS/`, each made when asked for.
    func entries() throws -> [EPUBPackager.Entry] {
        let recipes = self.recipes
        guard !recipes.isEmpty else { throw EmptySelection(key: selection.key) }
        let included = Set(recipes.map(\.id))
        var cited = Set<String>()
        for citation in book.graph.citations where included.contains(citation.recipe) {
            if let section = citation.reference.section { cited.insert("\(citation.reference.law):\(section)") }
        }
        for entry in book.book.glossary ?? [] {
            ContentWalker(visitInline: { inline in
                if case .citation(let reference, _) = inline, let section = reference.section { cited.insert("\(reference.law):\(section)") }
            }).walk(entry.definition)
        }
        cited = cited.filter { key in
            let parts = key.split(separator: ":").map(String.init)
            return book.lawsByID[parts[0]]?.section(parts[1]) != nil
        }
        let glossary = Set((book.book.glossary ?? []).map(\.id))
        let targets = { (root: String) in EPUBLinkTargets(root: root, included: included, citedSections: cited, glossary: glossary) }

        let citedSections = cited
        var files: [EPUBPackager.Entry] = []
        /// A document made when it is packed: at 10,000 recipes the index, the navigation and the
        /// chapter pages would otherwise be held for as long as the whole book is packed.
        func add(_ path: String, _ text: @escaping () -> String) {
            files.append(EPUBPackager.Entry(path: path) { Data(text().utf8) })
        }
        let title = bookTitle
        let cover = (title: book.book.manifest?.title ?? "Kochbuch",
                     subtitle: selection.isWholeBook ? (book.book.manifest?.subtitle ?? "") : selection.title(book: book.book),
                     edition: book.book.manifest?.edition ?? "")
        // The raster cover where the fonts are there, else the SVG.
        let coverImage: String
        switch coverFonts {
        case .success(let fonts):
            coverImage = EPUBPaths.coverRaster
            let png = try CoverImage.png(title: cover.title, subtitle: cover.subtitle, edition: cover.edition, fonts: fonts)
            files.append(EPUBPackager.Entry(path: coverImage) { png })
        case .failure:
            coverImage = EPUBPaths.coverImage
            add(coverImage) { CoverImage.svg(title: cover.title, subtitle: cover.subtitle, edition: cover.edition) }
        }
        add(EPUBPaths.cover) {
            XHTMLDocument.page(title: "Umschlag", root: "", body:
                "<section epub:type=\"cover\" class=\"cover\"><img src=\"\(coverImage)\" alt=\"\(HTML.escape(title))\" /></section>")
        }
        add(EPUBPaths.titlePage) { self.titlePage(targets: targets("")) }
        let order = ReadingOrder(book: book, recipes: recipes)
        for part in order.parts {
            if let page = part.page { add(page) { ChapterDocument.xhtml(part) } }
        }
        let recipeDocument = RecipeDocument(book: book, targets: targets("../"))
        files += recipes.map { recipe in
            EPUBPackager.Entry(path: EPUBPaths.recipe(recipe.id), recipeID: recipe.id) { Data(recipeDocument.xhtml(recipe).utf8) }
        }
        add(EPUBPaths.appendix) { LegalAppendix(book: book).xhtml(cited: citedSections, included: included) }
        add(EPUBPaths.glossary) { self.glossaryDocument(targets: targets("")) }
        add(EPUBPaths.index) { IndexDocument(book: book).xhtml(recipes: recipes, cited: citedSections) }
        add(EPUBPaths.navigation) { NavigationDocument(book: book).xhtml(order: order, title: title) }
        add(EPUBPaths.style) { EPUBStyle.css }
        var images: Set<String> = []
        for recipe in recipes {
            ContentWalker(visitBlock: { if case .figure(let figure) = $0, let path = figure.bookPath { images.insert(path) } }).walk(recipe)
        }
        for image in images.sorted() {
            guard let data = FileManager.default.contents(atPath: bookDirectory.appendingPathComponent(image).path) else { continue }
            files.append(EPUBPackager.Entry(path: EPUBPaths.image(image)) { data })
        }
        let paths = files.map(\.path)
        let hasImages = !images.isEmpty
        add("content.opf") { PackageDocument(book: book, epub: self).xml(files: paths, order: order, coverImage: coverImage, hasImages: hasImages) }
        return files
    }

    var bookTitle: String {
        let title = book.book.manifest?.title ?? "Kochbuch"
        return selection.isWholeBook ? title : "\(title): \(selection.title(book: book.book))"
    }

    private func titlePage(targets: EPUBLinkTargets) -> String {
        let manifest = book.book.manifest
        let content = ContentRenderer(book: book, targets: targets)
        var body = "<section epub:type=\"titlepage\" class=\"titlepage\" aria-labelledby=\"buchtitel\">\n"
        body += "<h1 id=\"buchtitel\">\(HTML.escape(manifest?.title ?? "Kochbuch"))</h1>\n"
        if let subtitle = manifest?.subtitle { body += "<p class=\"subtitle\">\(HTML.escape(subtitle))</p>\n" }
        if !selection.isWholeBook {
            body += "<p class=\"selection\">Auszug: \(HTML.escape(selection.title(book: book.book))) – \(recipes.count) Rezepte</p>\n"
        }
        if let manifest {
            body += "<p>\(HTML.escape(manifest.edition))\(manifest.editionDate.map { ", Stand \(GermanLabels.date($0))" } ?? "")</p>\n"
            if let date = book.book.newestLawVersionDate {
                body += "<p>Rechtsstand: \(GermanLabels.date(date)).</p>\n"
            }
            body += "<p>Herausgegeben von \(HTML.escape(manifest.publisher)). Redaktion: \(HTML.escape(manifest.editors.joined(separator: ", "))).</p>\n"
            body += "<p>Lizenz: \(HTML.escape(manifest.licence))\(manifest.licenceURL.flatMap { HTML.isSafeExternalURL($0) ? " (<a href=\"\(HTML.escape($0))\">\(HTML.escape($0))</a>)" : nil } ?? "")</p>\n"
        }
        body += "</section>\n"
        if let introduction = manifest?.introduction, !introduction.isEmpty {
            body += "<section epub:type=\"introduction\" role=\"doc-introduction\" aria-labelledby=\"einleitung\">\n<h2 id=\"einleitung\">Über dieses Kochbuch</h2>\n\(content.blocks(introduction))\n</section>"
        }
        return XHTMLDocument.page(title: manifest?.title ?? "Kochbuch", root: "", body: body)
    }

    private func glossaryDocument(targets: EPUBLinkTargets) -> String {
        let content = ContentRenderer(book: book, targets: targets)
        let entries = (book.book.glossary ?? []).sorted { $0.term.lowercased() < $1.term.lowercased() }
        var body = "<section epub:type=\"glossary\" role=\"doc-glossary\" aria-labelledby=\"glossar\">\n<h1 id=\"glossar\">Glossar</h1>\n<dl>\n"
        for entry in entries {
            let expansion = entry.expansion.map { " (\(HTML.escape($0)))" } ?? ""
            let see = entry.seeAlso.compactMap { reference in book.glossaryByID[reference.id].map {
                "<a href=\"#begriff-\(HTML.fragment($0.id))\">\(HTML.escape($0.term))</a>" } }
            body += "<dt id=\"begriff-\(HTML.fragment(entry.id))\">\(HTML.escape(entry.term))\(expansion)</dt>\n"
            body += "<dd>\(content.inlines(entry.definition))\(see.isEmpty ? "" : " Siehe auch: " + see.joined(separator: ", ") + ".")</dd>\n"
        }
        body += "</dl>\n</section>"
        return XHTMLDocument.page(title: "Glossar", root: "", body: body)
    }
}

/// A UUID derived from a name, so that the same name always gives the same identifier.
enum StableUUID {
    static func make(from name: String) -> String {
        var first: UInt64 = 0xcbf29ce484222325
        var second: UInt64 = 0x84222325cbf29ce4
        for byte in name.utf8 {
            first = (first ^ UInt64(byte)) &* 0x100000001b3
            second = (second ^ UInt64(byte)) &* 0x100000001b3
            second = second.rotateLeft(7)
        }
        var bytes = withUnsafeBytes(of: first.bigEndian, Array.init) + withUnsafeBytes(of: second.bigEndian, Array.init)
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let characters = Array(hex)
        return "urn:uuid:" + [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}

private extension UInt64 {
    func rotateLeft(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
