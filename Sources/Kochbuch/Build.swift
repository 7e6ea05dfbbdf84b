import Foundation
import KochbuchEPUB
import KochbuchHTML
import KochbuchLinking
import KochbuchModel
import KochbuchText

/// An edition of the book.
public enum Edition: String, Sendable, CaseIterable {
    case html
    case epub
    case text

    /// The folder under `Exports/`.
    public var folder: String { rawValue }
}

/// Builds editions: validates the book first and refuses to publish a book with errors,
/// then renders each edition and publishes it atomically into the output folder.
public struct Builder: Sendable {
    public struct Options: Sendable {
        public var editions: [Edition]
        public var output: URL
        public var theme: URL?
        public var baseURL: String?
        /// For the EPUB edition: a subset of the book as its own book.
        public var selection: EPUBSelection
        /// For the text edition: the line width.
        public var width: Int
        /// Publish drafts that no chapter lists too (the author's preview, `kochbuch serve`).
        public var includesUnlistedDrafts = false
        /// Take unchanged recipes' pieces from the build cache in `.kochbuch/` and keep the new ones there
        /// (`BuildCache`); off, every piece is made anew and the cache is neither read nor written.
        public var usesCache = true
        /// Whether a cache key covers the recipes a recipe links to and from. Only tests turn this off:
        /// the negative control that shows the cache tests notice a key missing an input.
        public var cacheKeysCoverLinkedRecipes = true

        public init(editions: [Edition] = Edition.allCases, output: URL, theme: URL? = nil, baseURL: String? = nil,
                    selection: EPUBSelection = EPUBSelection(), width: Int = 78) {
            self.width = width
            self.editions = editions
            self.output = output
            self.theme = theme
            self.baseURL = baseURL
            self.selection = selection
        }
    }

    /// What a build did, for the closing summary.
    public struct Summary: Sendable {
        public var editions: [(edition: Edition, files: Int, bytes: Int, rewritten: Int, folder: URL)]
        public var seconds: Double
        public var warnings: Int
        /// Nothing the editions depend on changed since the last build: nothing was written.
        public var upToDate = false
        /// How many recipe pages of the website were rendered (the others were kept as published), of how many.
        public var recipePages: (rendered: Int, of: Int)?
        /// How many of the website's other pages (laws, topics, overviews, guides) were rendered, of how many.
        public var otherPages: (rendered: Int, of: Int)?
        /// How many pieces (recipe texts, Markdown copies, EPUB documents) were taken from the build
        /// cache, and how many of the kept ones were damaged and made anew; nil without the cache.
        public var cachedPieces: (reused: Int, damaged: Int)?

        /// ", 18 von 61 Rezeptseiten und 7 von 103 weiteren Seiten neu erzeugt": the website's pages
        /// that were rendered, when some were kept.
        private func rendered(recipes: String, others: String, of: String, and: String, done: String) -> String {
            let parts = [(recipePages, recipes), (otherPages, others)].compactMap { counts, name -> String? in
                guard let counts, counts.rendered < counts.of else { return nil }
                return "\(counts.rendered) \(of) \(counts.of) \(name)"
            }
            return parts.isEmpty ? "" : ", " + parts.joined(separator: " \(and) ") + done
        }

        /// The summary in the user's language (`Language.current`).
        public var description: String { description(in: .current) }

        /// The summary in the given language.
        public func description(in language: Language) -> String {
            let time = String(format: " (%.2f s)", seconds)
            if language == .german {
                let zeit = time.replacingOccurrences(of: ".", with: ",")
                if upToDate { return "alles auf dem neuesten Stand" + zeit }
                let parts = editions.map { edition in
                    "\(edition.edition.rawValue) mit \(edition.files) \(edition.files == 1 ? "Datei" : "Dateien")"
                        + (edition.rewritten < edition.files ? " (\(edition.rewritten) geändert)" : "")
                        + (edition.edition == .html ? rendered(recipes: "Rezeptseiten", others: "weiteren Seiten", of: "von", and: "und", done: " neu erzeugt") : "")
                        + ", \(Self.germanSize(edition.bytes)) in \(edition.folder.path)"
                }
                let cache = cachedPieces.map { counts in
                    counts.reused == 0 && counts.damaged == 0 ? ""
                        : "; aus dem Zwischenspeicher: \(counts.reused) \(counts.reused == 1 ? "Teil" : "Teile")"
                        + (counts.damaged > 0 ? ", \(counts.damaged) beschädigte neu erzeugt" : "")
                } ?? ""
                return "veröffentlicht: " + parts.joined(separator: "; ") + cache + zeit
                    + (warnings > 0 ? ", \(warnings) \(warnings == 1 ? "Warnung" : "Warnungen")" : "")
            }
            if upToDate { return "everything up to date" + time }
            let parts = editions.map { edition in
                "\(edition.edition.rawValue): \(edition.files) file\(edition.files == 1 ? "" : "s")"
                    + (edition.rewritten < edition.files ? " (\(edition.rewritten) changed)" : "")
                    + (edition.edition == .html ? rendered(recipes: "recipe pages", others: "other pages", of: "of", and: "and", done: " rendered") : "")
                    + ", \(ByteCountFormatter.string(fromByteCount: Int64(edition.bytes), countStyle: .file)) in \(edition.folder.path)"
            }
            let cache = cachedPieces.map { counts in
                counts.reused == 0 && counts.damaged == 0 ? ""
                    : "; from the cache: \(counts.reused) piece\(counts.reused == 1 ? "" : "s")"
                    + (counts.damaged > 0 ? ", \(counts.damaged) damaged ones made anew" : "")
            } ?? ""
            return "built " + parts.joined(separator: "; ") + cache + time
                + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")
        }

        /// A size as Foundation writes it ("1.2 MB", "512 bytes"), with a decimal comma and German unit names.
        static func germanSize(_ bytes: Int) -> String {
            ByteCountFormatter.string(fromByteCount: Int64(bytes), countStyle: .file)
                .replacingOccurrences(of: "Zero", with: "0").replacingOccurrences(of: ".", with: ",")
                .replacingOccurrences(of: "bytes", with: "Bytes").replacingOccurrences(of: "byte", with: "Byte")
        }
    }

    /// The book has errors; nothing was published.
    public struct InvalidBook: Error, Sendable {
        public let report: ValidationReport
    }

    public let book: BookLocation
    public let options: Options
    public let today: CalendarDate

    public init(book: BookLocation, options: Options, today: CalendarDate = .today) {
        self.book = book
        self.options = options
        self.today = today
    }

    /// Runs the build; `progress` receives one line per step, in the user's language (`Language.current`).
    /// A file-system error is reported as a sentence naming the path and what to do (`OutputError`),
    /// not as Foundation's message.
    public func build(progress: (String) -> Void = { _ in }) throws -> Summary {
        do {
            return try buildEditions(progress: progress)
        } catch let error as NSError where error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain {
            throw OutputError(error, output: options.output)
        }
    }

    private func buildEditions(progress: (String) -> Void) throws -> Summary {
        let start = Date()
        try OutputOwnership.checkOutput(options.output, book: book.directory)
        try Publication.recover(in: options.output)
        for edition in options.editions {
            try OutputOwnership.adoptOrRefuse(options.output.appendingPathComponent(edition.folder))
        }
        let fingerprint = BuildFingerprint.compute(book: book, options: options, today: today)
        let stateFile = BuildFingerprint.file(in: options.output)
        if let previous = try? String(contentsOf: stateFile, encoding: .utf8), previous == fingerprint,
           options.editions.allSatisfy({ FileManager.default.fileExists(atPath: options.output.appendingPathComponent($0.folder).path) }) {
            progress(Phrase(de: "seit dem letzten Lauf von 'kochbuch build' nach \(options.output.path) hat sich nichts geändert",
                            en: "nothing changed since the last build into \(options.output.path)").text(in: .current))
            return Summary(editions: [], seconds: Date().timeIntervalSince(start), warnings: 0, upToDate: true)
        }
        try? FileManager.default.removeItem(at: stateFile)
        let steps = 1 + options.editions.count
        progress(Phrase(de: "[1/\(steps)] \(book.displayPrefix) prüfen", en: "[1/\(steps)] validate \(book.displayPrefix)").text(in: .current))
        let validator = Validator(book: book, today: today)
        Trace.mark("build: loading the book")
        var loaded = book.loader.load()
        Trace.mark("build: book loaded")
        loaded.book = loaded.book.withRechtsstand(today)
        let graph = LinkGraph(book: loaded.book)
        let report = validator.report(for: loaded, graph: graph)
        guard report.errorCount == 0 else { throw InvalidBook(report: report) }
        Trace.mark("build: book checked")
        let theme = try options.theme.map(Theme.load) ?? .builtIn
        // A public site (one with an address) of a German public body needs an Impressum and a Datenschutzerklärung.
        if options.baseURL != nil, options.editions.contains(.html), loaded.book.manifest?.imprint == nil,
           theme.settings.imprintURL == nil || theme.settings.privacyURL == nil {
            throw OutputOwnership.Refusal(Phrase(
                de: "eine öffentliche Website (--base-url) wird nicht ohne Impressum und Datenschutzerklärung veröffentlicht: ergänzen Sie in \(book.displayPrefix)/book.xml das Element <imprint> mit den Angaben des Herausgebers (docs/theming.md, „Impressum und Datenschutz“), oder nennen Sie im Theme die vorhandenen Seiten des Herausgebers als imprintURL und privacyURL (docs/theming.md); es wurde nichts veröffentlicht",
                en: "refusing to publish a public website (--base-url) without an Impressum and a Datenschutzerklärung: add <imprint> with the publisher's details to \(book.displayPrefix)/book.xml (docs/theming.md, „Impressum und Datenschutz“), or name the publisher's existing pages as imprintURL and privacyURL in the theme (docs/theming.md); nothing was published"))
        }
        let published = options.includesUnlistedDrafts ? loaded.book : loaded.book.forPublication
        let site = published.recipes.count == loaded.book.recipes.count ? SiteBook(book: loaded.book, graph: graph) : SiteBook(book: published)
        for recipe in loaded.book.unpublishedRecipes where !options.includesUnlistedDrafts {
            progress(Phrase(de: "  nicht veröffentlicht: \(recipe.id) (\(GermanLabels.status(recipe.status)), in keinem Kapitel von book.xml)",
                            en: "  not published: \(recipe.id) (\(GermanLabels.status(recipe.status)), in no chapter of book.xml)").text(in: .current))
        }
        var summary = Summary(editions: [], seconds: 0, warnings: report.warningCount)
        for (index, edition) in options.editions.enumerated() {
            progress("[\(index + 2)/\(steps)] \(edition.rawValue) → \(options.output.appendingPathComponent(edition.folder).path)")
        }
        // The editions are made side by side: each has parts that run on one core (the search index,
        // the EPUB's compression, the text guide), which then overlap with the others' parallel parts.
        // All editions are staged first and switched in together: a build that fails in one publishes none.
        let cache = BuildCache(book: book, enabled: options.usesCache)
        if let problem = cache.problem { progress(problem.text(in: .current)) }
        let pieces = cache.pieces(loaded: loaded, site: site, options: options, today: today,
                                  keyNeighbours: options.cacheKeysCoverLinkedRecipes)
        // The pieces made are good whatever happens to the build: the packs are finished either way.
        var packsSaved = false
        defer {
            if !packsSaved { _ = pieces.save() }
            cache.finish()
        }
        Trace.mark("build: cache keys made")
        let outcomes = Parallel.map(options.editions) { edition in
            Result {
                defer { Trace.mark("build: \(edition) staged") }
                return try stage(edition, site: site, theme: theme, pieces: pieces)
            }
        }
        let staged: [(edition: StagedEdition, pages: HTMLSite.RecipePages?)]
        do {
            staged = try outcomes.map { try $0.get() }
        } catch {
            for case .success(let made) in outcomes { try? FileManager.default.removeItem(at: made.edition.staging) }
            throw error
        }
        try Publication.commit(staged.map(\.edition), in: options.output)
        Trace.mark("build: editions switched in")
        for (edition, (written, pages)) in zip(options.editions, staged) {
            if let pages {
                summary.recipePages = (pages.rendered, pages.count)
                summary.otherPages = (pages.otherRendered, pages.otherCount)
                try RecipePageKeys(output: options.output).save(pages.keys)
            }
            summary.editions.append((edition, written.totals.files, written.totals.bytes, written.totals.files - written.totals.unchanged,
                                     options.output.appendingPathComponent(edition.folder)))
        }
        if cache.folder != nil {
            summary.cachedPieces = pieces.counts
            packsSaved = true
            if let failure = pieces.save() {
                progress(Phrase(de: "der Zwischenspeicher in \(cache.folder!.path) ließ sich nicht schreiben (\(failure.localizedDescription)); die Ausgaben sind veröffentlicht, der nächste Lauf baut ohne ihn",
                                en: "the cache in \(cache.folder!.path) could not be written (\(failure.localizedDescription)); the editions are published, the next build runs without it").text(in: .current))
            }
        }
        try AtomicFile.write(Data(fingerprint.utf8), to: stateFile)
        Trace.mark("build: done")
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Renders one edition into its staging folder, ready to be switched in.
    private func stage(_ edition: Edition, site: SiteBook, theme: Theme,
                       pieces: BuildCache.Pieces) throws -> (edition: StagedEdition, pages: HTMLSite.RecipePages?) {
        let target = options.output.appendingPathComponent(edition.folder)
        let pageKeys = RecipePageKeys(output: options.output)
        let previousKeys = edition == .html && FileManager.default.fileExists(atPath: target.path) ? pageKeys.take() : [:]
        var pages: HTMLSite.RecipePages?
        let staged = try Publisher(target: target).stage { sink in
            switch edition {
            case .html:
                let docs = book.directory.deletingLastPathComponent().appendingPathComponent("docs")
                pages = try HTMLSite(book: site, bookDirectory: book.directory, theme: theme, baseURL: options.baseURL,
                                     today: today, guides: Guide.load(from: docs))
                    .write(to: sink, previousKeys: previousKeys, salt: "\(KochbuchVersion.current) \(BuildFingerprint.toolState())",
                           kept: HTMLSite.Kept(markdown: pieces.markdown ?? NoRecipePieces(),
                                               searchRuns: pieces.searchRuns ?? NoDigestPieces(),
                                               recipeInputKeys: pieces.markdown == nil ? [:] : pieces.recipeKeys))
            case .epub:
                var epub = EPUBBook(book: site, selection: options.selection, bookDirectory: book.directory)
                if let kept = pieces.epub { epub.pieces = kept }
                try sink.write(epub.fileName) { piece in try epub.write(piece) }
            case .text:
                let renderer = TextRenderer(book: site.book, graph: site.graph, width: options.width)
                let id = site.book.manifest?.id ?? "kochbuch"
                try renderer.writeEdition(recipes: site.orderedRecipes, guide: "\(id).txt", recipePath: { "rezepte/\($0.id).txt" },
                                          into: sink, pieces: pieces.text ?? NoRecipePieces())
            }
        }
        return (staged, pages)
    }
}
