import Foundation
import KochbuchCache
import KochbuchEPUB
import KochbuchHTML
import KochbuchLinking
import KochbuchLoading
import KochbuchModel

/// The build cache of a book: in `.kochbuch/cache/<book folder>/` beside the book folder (where
/// the search index lives, never in the output folder), one pack file per kind of piece: the text
/// edition's recipe texts, the website's Markdown copies, the EPUB's compressed recipe documents.
/// Each piece is found by its recipe's input key (`RecipeInputKeys`), so a piece is taken only when
/// everything it was made from is unchanged; the editions are then byte for byte those of a build
/// without the cache.
///
/// The folders are made only as real folders: where `.kochbuch`, `cache` or the book's folder in
/// it is a symbolic link or a file, the build runs without the cache; so does a build while
/// another one of the same book holds the folder's lock. Pieces are appended as they are made;
/// `Pieces.save` finishes the packs after the editions were published.
struct BuildCache {
    /// Where the packs are, or nil when the build runs without the cache.
    let folder: URL?
    /// Why there is no cache folder, when there should be one.
    let problem: Phrase?
    /// Held until `finish`: one build at a time appends to the packs.
    private var lock: CacheFolderLock?

    /// The cache folder of `book`; made when missing (unless `enabled` is false).
    init(book: BookLocation, enabled: Bool) {
        guard enabled else {
            folder = nil
            problem = nil
            return
        }
        let base = book.directory.deletingLastPathComponent().appendingPathComponent(".kochbuch")
        var current = base
        for (index, component) in ["", "cache", book.directory.lastPathComponent].enumerated() {
            if index > 0 { current = current.appendingPathComponent(component) }
            var status = stat()
            if lstat(current.path, &status) != 0 {
                guard mkdir(current.path, 0o755) == 0 || errno == EEXIST, lstat(current.path, &status) == 0 else {
                    folder = nil
                    problem = Phrase(de: "der Zwischenspeicher \(current.path) lässt sich nicht anlegen (\(String(cString: strerror(errno)))); es wird ohne ihn gebaut",
                                     en: "the cache folder \(current.path) cannot be made (\(String(cString: strerror(errno)))); building without it")
                    return
                }
            }
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                folder = nil
                problem = Phrase(de: "\(current.path) ist kein Ordner, sondern eine Verknüpfung oder Datei; kochbuch legt seinen Zwischenspeicher nur in einem eigenen Ordner an und baut ohne ihn – löschen oder verschieben Sie \(current.path)",
                                 en: "\(current.path) is not a folder but a link or a file; kochbuch keeps its cache only in a folder of its own and builds without it – delete or move \(current.path)")
                return
            }
        }
        do {
            guard let lock = try CacheFolderLock(folder: current) else {
                folder = nil
                problem = Phrase(de: "eine andere Erzeugung dieses Buchs verwendet gerade den Zwischenspeicher \(current.path); es wird ohne ihn gebaut",
                                 en: "another build of this book is using the cache \(current.path); building without it")
                return
            }
            self.lock = lock
        } catch {
            folder = nil
            problem = Phrase(de: "die Sperrdatei des Zwischenspeichers lässt sich nicht öffnen (\(error.localizedDescription)); es wird ohne ihn gebaut",
                             en: "the cache's lock file cannot be opened (\(error.localizedDescription)); building without it")
            return
        }
        folder = current
        problem = nil
    }

    /// Lets the next build use the cache folder.
    func finish() {
        lock?.release()
    }

    /// The pack of one kind of piece, or nil without a cache folder.
    func pack(_ name: String) -> PieceCache? {
        folder.map { PieceCache(file: $0.appendingPathComponent("\(name).pack"), identity: "\(Self.identity) \(name)") }
    }

    /// The tool's version and build: a rebuilt tool does not trust pieces made by another.
    static var identity: String { "kochbuch \(KochbuchVersion.current) tool \(BuildFingerprint.toolState())" }

    /// The pieces of the editions of one build, each under its recipe's key and its kind.
    struct Pieces {
        var text: (any RecipePieces)?
        var markdown: (any RecipePieces)?
        var epub: (any RecipePieces)?
        /// The website's search index, a run of documents at a time.
        var searchRuns: (any DigestPieces)?
        /// Each recipe's input key, for the keys of the website's recipe pages.
        var recipeKeys: [String: ContentDigest] = [:]
        var packs: [PieceCache] = []

        /// How many pieces were taken from the packs, how many were made anew, how many were found damaged.
        var counts: (reused: Int, damaged: Int) {
            packs.reduce((0, 0)) { ($0.0 + $1.counts.reused, $0.1 + $1.counts.damaged) }
        }

        /// Finishes the packs; the first failure is returned, not thrown (the editions are published).
        func save() -> Error? {
            var failure: Error?
            for pack in packs {
                do { try pack.save() } catch { failure = failure ?? error }
            }
            return failure
        }
    }

    /// The pieces for the editions of `options`, keyed for the book as it is published.
    func pieces(loaded: LoadedBook, site: SiteBook, options: Builder.Options, today: CalendarDate, keyNeighbours: Bool = true) -> Pieces {
        var pieces = Pieces()
        guard folder != nil else { return pieces }
        var context = ContentDigest(of: Self.identity)
        for part in ["today \(today)", "rechtsstand \(site.rechtsstand)", "drafts \(options.includesUnlistedDrafts)"] {
            context.combine(part)
        }
        let keys = RecipeInputKeys(book: site.book, graph: site.graph, digests: loaded.digests,
                                   recipeFiles: Set(loaded.book.recipes.map(\.location.path)), context: context, neighbours: keyNeighbours)
        pieces.recipeKeys = keys.keys
        // The preview (drafts shown) keeps packs of its own, so that it and `build` do not drop each other's pieces.
        let variant = options.includesUnlistedDrafts ? "-preview" : ""
        func view(_ name: String, _ parts: [String]) -> (any RecipePieces)? {
            guard let pack = pack(name + variant) else { return nil }
            pieces.packs.append(pack)
            return CachedPieces(cache: pack, keys: keys, kind: ([name] + parts).joined(separator: "\n"))
        }
        for edition in options.editions {
            switch edition {
            case .text: pieces.text = view("text", ["width \(options.width)"])
            case .html:
                pieces.markdown = view("markdown", ["base \(options.baseURL ?? "")"])
                if let runs = pack("search" + variant) {
                    pieces.packs.append(runs)
                    pieces.searchRuns = runs
                }
            case .epub:
                let included = EPUBBook(book: site, selection: options.selection, bookDirectory: URL(fileURLWithPath: "/")).recipes.map(\.id)
                let name = options.selection.isWholeBook ? "epub" : "epub-" + String(ContentDigest(of: options.selection.key).description.prefix(12))
                pieces.epub = view(name, ["selection \(options.selection.key)", "included \(included.joined(separator: " "))"])
            }
        }
        return pieces
    }
}
