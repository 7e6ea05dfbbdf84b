import Foundation
import KochbuchModel
import KochbuchXML

/// A book read from disk, with every problem found while reading it.
public struct LoadedBook: Sendable {
    public var book: Book
    /// Problems found while reading: unreadable files, malformed XML, schema errors.
    public var diagnostics: [Diagnostic]
    /// The display paths of all XML files read, in order.
    public var files: [String]
    /// The digest of each XML file's bytes as read, by display path (for the build cache).
    public var digests: [String: ContentDigest] = [:]
}

/// Reads every XML file of a book folder, refuses hostile input, validates each file against
/// its schema (compiled once per run) and builds the model. Never stops at the first problem.
public struct BookLoader: Sendable {
    /// The image formats a figure may show.
    /// Files larger than this are refused unread.
    public static var maximumFileSize: Int { InputGuard.maximumFileSize }

    public static let imageExtensions: Set<String> = ["svg", "png", "jpg", "jpeg", "webp"]

    public let directory: URL
    public let displayPrefix: String
    private let schemas: SchemaSet

    /// - Parameters:
    ///   - directory: the book folder (`Recipes/`).
    ///   - displayPrefix: how diagnostics name the folder, e.g. `Recipes`.
    public init(directory: URL, displayPrefix: String? = nil, schemas: SchemaSet = SchemaSet()) {
        self.directory = directory.standardizedFileURL
        self.displayPrefix = displayPrefix ?? directory.path
        self.schemas = schemas
    }

    /// The path diagnostics show for a path relative to the book folder.
    public func displayPath(forRelativePath relative: String) -> String {
        displayPrefix.isEmpty || displayPrefix == "." ? relative : "\(displayPrefix)/\(relative)"
    }

    public func load() -> LoadedBook {
        var book = Book()
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        let listing = BookDirectory(root: directory, states: false)
        diagnostics += listing.problems.map { problem in
            let location = SourceLocation(path: displayPath(forRelativePath: problem.path))
            switch problem.kind {
            case .outside:
                return Diagnostic(.error, .fileOutsideBook,
                                  Phrase(de: "'\(problem.path)' verweist auf etwas außerhalb des Buchs und wird nicht gelesen",
                                         en: "'\(problem.path)' points outside the book and is not read"), at: location,
                                  hint: Phrase(de: "legen Sie jede Datei des Buchs in seinen Ordner; ersetzen Sie die Verknüpfung durch die Datei selbst",
                                               en: "keep every file of the book inside its folder; replace the link by the file itself"))
            case .loop:
                return Diagnostic(.error, .fileUnreadable,
                                  Phrase(de: "'\(problem.path)' ist eine symbolische Verknüpfung, die auf sich selbst zurückführt (eine Schleife), und wird nicht gelesen",
                                         en: "'\(problem.path)' is a symbolic link that leads back to itself (a loop of links) and is not read"),
                                  at: location,
                                  hint: Phrase(de: "ersetzen Sie die Verknüpfung durch die Datei selbst oder löschen Sie sie",
                                               en: "replace the link by the file itself, or delete it"))
            case .notRegular:
                return Diagnostic(.error, .fileUnreadable,
                                  Phrase(de: "'\(problem.path)' ist ein Gerät, eine Pipe oder ein Socket, keine Datei, und wird nicht gelesen",
                                         en: "'\(problem.path)' is a device, pipe or socket, not a file, and is not read"),
                                  at: location,
                                  hint: Phrase(de: "löschen Sie es; ein Buch enthält nur gewöhnliche Dateien",
                                               en: "delete it; a book holds ordinary files only"))
            }
        }
        book.imagePaths = Set(listing.files.filter { BookLoader.imageExtensions.contains(Self.pathExtension(of: $0)) })
        for image in book.imagePaths.sorted() where Self.pathExtension(of: image) == "svg" {
            diagnostics += inspectSVG(relative: image)
        }
        let relatives = listing.files.filter { Self.pathExtension(of: $0) == "xml" }
        var digests: [String: ContentDigest] = [:]
        for (relative, result) in zip(relatives, readAll(relatives)) {
            let display = displayPath(forRelativePath: relative)
            files.append(display)
            digests[display] = result.digest
            merge((result.0, result.1), display: display, into: &book, diagnostics: &diagnostics)
        }
        return LoadedBook(book: book, diagnostics: diagnostics, files: files, digests: digests)
    }

    /// Diagnostics for an SVG image that could act when published (see `SVGGuard`).
    func inspectSVG(relative: String) -> [Diagnostic] {
        let display = displayPath(forRelativePath: relative)
        guard case .bytes(let bytes) = FileBytes.contents(of: directory.path + "/" + relative, limit: InputGuard.maximumFileSize) else {
            return [Diagnostic(.error, .imageUnsafe,
                               Phrase(de: "das Bild lässt sich nicht lesen oder ist größer als \(InputGuard.maximumFileSize / 1024 / 1024) MiB",
                                      en: "the image cannot be read or is larger than \(InputGuard.maximumFileSize / 1024 / 1024) MiB"),
                               at: SourceLocation(path: display),
                               hint: Phrase(de: "verwenden Sie ein kleineres SVG oder ein PNG", en: "use a smaller SVG, or a PNG"))]
        }
        return SVGGuard.problems(in: bytes).map { problem in
            Diagnostic(.error, .imageUnsafe, problem.message, at: SourceLocation(path: display, line: problem.line, column: 1),
                       hint: Phrase(de: "ein Bild darf keinen Code ausführen und nichts nachladen: entfernen Sie Skripte, Event-Handler, foreignObject, Stylesheets und Verweise nach außen, oder exportieren Sie die Abbildung neu als einfaches SVG",
                                    en: "an image must not run code or load anything: remove scripts, event handlers, foreignObject, style sheets and outside references, or export the figure anew as plain SVG"))
        }
    }

    /// The extension of a path's last component, in lower case ("" when it has none).
    static func pathExtension(of path: String) -> String {
        let bytes = path.utf8
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")),
              !bytes[dot...].contains(UInt8(ascii: "/")), dot != bytes.startIndex,
              bytes[bytes.index(before: dot)] != UInt8(ascii: "/") else { return "" }
        let suffix = path[path.index(after: dot)...]
        return suffix.utf8.allSatisfy({ $0 < 0x41 || $0 > 0x5A }) ? String(suffix) : suffix.lowercased()
    }

    /// What reading one file gave: a document of some kind, and its problems.
    enum FileResult {
        case recipe(Recipe)
        case law(Law)
        case topics(TopicCatalog)
        case ozgLeistungen([OZGLeistung])
        case leika([LeiKaLeistung])
        case glossary([GlossaryEntry])
        case synonyms([Synonym])
        case manifest(BookManifest)
        case nothing
    }

    /// Reads files on all cores; results in the order of `relatives`.
    private func readAll(_ relatives: [String]) -> [(FileResult, [Diagnostic], digest: ContentDigest?)] {
        Parallel.map(relatives) { relative in
            var diagnostics: [Diagnostic] = []
            var digest: ContentDigest?
            let result = read(relative: relative, display: displayPath(forRelativePath: relative), diagnostics: &diagnostics, digest: &digest)
            return (result, diagnostics, digest)
        }
    }

    private func merge(_ result: (FileResult, [Diagnostic]), display: String, into book: inout Book, diagnostics: inout [Diagnostic]) {
        diagnostics += result.1
        let whole = SourceLocation(path: display)
        switch result.0 {
        case .recipe(let recipe): book.recipes.append(recipe)
        case .law(let law): book.laws.append(law.selectingVersion(inForceOn: .today))
        case .topics(let topics):
            if book.topics != nil { duplicate(Phrase(de: "Themenkatalog", en: "topic catalog"), .masculine, at: whole, &diagnostics) }
            book.topics = topics
        case .ozgLeistungen(let leistungen):
            if book.ozgLeistungen != nil {
                duplicate(Phrase(de: "Katalog der OZG-Leistungen", en: "OZG-Leistungen catalog"), .masculine, at: whole, &diagnostics)
            }
            book.ozgLeistungen = leistungen
        case .leika(let leika):
            book.leika = (book.leika ?? []) + leika
        case .glossary(let entries):
            if book.glossary != nil { duplicate(Phrase(de: "Glossar", en: "glossary"), .neuter, at: whole, &diagnostics) }
            book.glossary = entries
        case .synonyms(let entries):
            if book.synonyms != nil { duplicate(Phrase(de: "Liste der Suchwörter", en: "list of search words"), .feminine, at: whole, &diagnostics) }
            book.synonyms = entries
        case .manifest(let manifest):
            if book.manifest != nil { duplicate(Phrase(de: "Buch-Manifest (book.xml)", en: "book manifest"), .neuter, at: whole, &diagnostics) }
            book.manifest = manifest
        case .nothing: break
        }
    }

    /// Reads only the given files (paths relative to the book folder); no catalogs, no images.
    /// For bringing an index up to date after a few recipes changed.
    public func load(only relativePaths: [String]) -> LoadedBook {
        var book = Book()
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        let relatives = relativePaths.sorted().filter { $0.lowercased().hasSuffix(".xml") }
        for (relative, result) in zip(relatives, readAll(relatives)) {
            files.append(displayPath(forRelativePath: relative))
            merge((result.0, result.1), display: displayPath(forRelativePath: relative), into: &book, diagnostics: &diagnostics)
        }
        return LoadedBook(book: book, diagnostics: diagnostics, files: files)
    }

    /// Every file of the book (relative paths) with its size and change time (ctime) in nanoseconds.
    public func fileStates() -> [String: (size: Int, modified: Int)] {
        BookDirectory(root: directory).states
    }

    /// The XML files of the book (relative paths) with their size and change time (ctime) in nanoseconds.
    public func xmlFileStates() -> [String: (size: Int, modified: Int)] {
        BookDirectory(root: directory).states.filter { $0.key.lowercased().hasSuffix(".xml") }
    }

    private func read(relative: String, display: String, diagnostics: inout [Diagnostic], digest: inout ContentDigest?) -> FileResult {
        let whole = SourceLocation(path: display)
        let bytes: [UInt8]
        switch FileBytes.contents(of: directory.path + "/" + relative, limit: InputGuard.maximumFileSize) {
        case .tooLarge(let size):
            diagnostics.append(Diagnostic(
                .error, .fileTooLarge,
                Phrase(de: "die Datei ist \(InputGuard.germanSizeDescription(size)) groß; erlaubt sind höchstens 8 MiB (\(InputGuard.grouped(InputGuard.maximumFileSize, by: ".")) Byte)",
                       en: "file is \(InputGuard.sizeDescription(size)); the limit is 8 MiB (\(InputGuard.maximumFileSize) bytes)"),
                at: whole,
                hint: Phrase(de: "teilen Sie den Inhalt auf mehrere Rezepte auf; ein Rezept hat meist unter 20 KB",
                             en: "split the content into several recipes; a recipe is typically under 20 KB")))
            return .nothing
        case .unreadable:
            diagnostics.append(Diagnostic(.error, .fileUnreadable, Phrase(de: "die Datei lässt sich nicht lesen", en: "file cannot be read"),
                                          at: whole,
                                          hint: Phrase(de: "prüfen Sie, ob die Datei existiert und Sie sie lesen dürfen",
                                                       en: "check that the file exists and is readable")))
            return .nothing
        case .bytes(let read):
            bytes = read
        }
        digest = ContentDigest(of: bytes)
        return model(of: bytes, display: display, diagnostics: &diagnostics)
    }

    /// The errors reading `bytes` as the book file at `relativePath` would give: what importers
    /// check before they write, so they write only files the loader accepts.
    public func errors(inFileBytes bytes: [UInt8], relativePath: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if bytes.count > InputGuard.maximumFileSize {
            diagnostics.append(Diagnostic(.error, .fileTooLarge,
                                          Phrase(de: "die Datei wäre \(InputGuard.germanSizeDescription(bytes.count)) groß; erlaubt sind höchstens 8 MiB (\(InputGuard.grouped(InputGuard.maximumFileSize, by: ".")) Byte)",
                                                 en: "file would be \(InputGuard.sizeDescription(bytes.count)); the limit is 8 MiB (\(InputGuard.maximumFileSize) bytes)"),
                                          at: SourceLocation(path: displayPath(forRelativePath: relativePath)),
                                          hint: Phrase(de: "teilen Sie die Eingabe auf mehrere Dateien auf", en: "split the input into several files")))
        } else {
            _ = model(of: bytes, display: displayPath(forRelativePath: relativePath), diagnostics: &diagnostics)
        }
        return diagnostics.filter { $0.severity == .error }
    }

    private func model(of bytes: [UInt8], display: String, diagnostics: inout [Diagnostic]) -> FileResult {
        if let refusal = InputGuard.check(bytes, displayPath: display) ?? StructureLimits.check(bytes, displayPath: display) {
            diagnostics.append(refusal)
            return .nothing
        }
        let file = SourceFile(displayPath: display, bytes: bytes)
        let outcome = XMLParser.parse(bytes, name: display)
        guard let document = outcome.document else {
            if let problem = InputGuard.encodingProblem(bytes, displayPath: display) {
                diagnostics.append(problem)
                return .nothing
            }
            diagnostics += outcome.problems.filter { $0.level != .warning }.prefix(10).map { parseDiagnostic($0, file: file) }
            return .nothing
        }
        return document.withRootView { root in
            model(of: root, document: document, file: file, diagnostics: &diagnostics)
        }
    }

    private func model(of root: XMLNodeView, document: XMLDocument, file: SourceFile, diagnostics: inout [Diagnostic]) -> FileResult {
        guard root.namespace == DocumentKind.namespace, let kind = DocumentKind(rawValue: root.name) else {
            let found = root.namespace.map { "{\($0)}\(root.name)" } ?? root.name
            let roots = DocumentKind.allCases.map { "<\($0.rawValue)>" }.joined(separator: ", ")
            diagnostics.append(Diagnostic(
                .error, .xmlUnknownRoot, Phrase(de: "unbekanntes Wurzelelement '\(found)'", en: "unknown root element '\(found)'"),
                at: file.location(ofElement: root.name, line: root.line),
                hint: Phrase(de: "das Wurzelelement einer Datei des Buchs ist eines von \(roots) mit xmlns=\"\(DocumentKind.namespace)\"; fehlt das xmlns, ergänzen Sie es",
                             en: "a book file's root is one of \(roots) in the namespace \(DocumentKind.namespace)")))
            return .nothing
        }
        switch schemas.schema(for: kind) {
        case .success(let schema):
            diagnostics += SchemaMessageTranslator.diagnostics(validating: document, against: schema,
                                                               vocabulary: schemas.vocabulary(for: kind), in: file)
        case .failure(let error):
            let reason = error.problems.first?.message
            diagnostics.append(Diagnostic(.error, .schemaInvalid,
                                          Phrase(de: "das Schema \(kind.schemaFileName) lässt sich nicht übersetzen: \(reason ?? "unbekannter Fehler")",
                                                 en: "the schema \(kind.schemaFileName) cannot be compiled: \(reason ?? "unknown error")"),
                                          at: SourceLocation(path: file.displayPath),
                                          hint: Phrase(de: "installieren Sie kochbuch neu; die eingebauten Schemata sind beschädigt",
                                                       en: "reinstall kochbuch; its built-in schemas are damaged")))
            return .nothing
        }
        let content = ContentReader(file: file)
        switch kind {
        case .recipe: return .recipe(RecipeReader(content: content).read(root))
        case .law: return .law(LawReader(content: content).read(root))
        case .topics: return .topics(TopicReader(content: content).topics(root))
        case .ozgLeistungen: return .ozgLeistungen(TopicReader(content: content).ozgLeistungen(root))
        case .leika: return .leika(TopicReader(content: content).leika(root))
        case .glossary: return .glossary(GlossaryReader(content: content).read(root))
        case .synonyms: return .synonyms(root.elements(named: "synonym").map { entry in
            Synonym(word: entry.attribute("word") ?? "", means: entry.elements(named: "means").map { content.text($0) },
                    location: content.attributeLocation("word", of: entry))
        })
        case .book: return .manifest(ManifestReader(content: content).read(root))
        }
    }

    /// The grammatical gender of a German noun, for its article.
    private enum Gender {
        case masculine, feminine, neuter
    }

    private func duplicate(_ what: Phrase, _ gender: Gender, at location: SourceLocation, _ diagnostics: inout [Diagnostic]) {
        let (second, one) = switch gender {
        case .masculine: ("ein zweiter", "genau einen")
        case .feminine: ("eine zweite", "genau eine")
        case .neuter: ("ein zweites", "genau ein")
        }
        diagnostics.append(Diagnostic(.error, .catalogDuplicate,
                                      Phrase(de: "\(second) \(what.german) im Buch", en: "a second \(what.english) in the book"),
                                      at: location,
                                      hint: Phrase(de: "ein Buch hat \(one) \(what.german); führen Sie die Dateien zusammen",
                                                   en: "a book has exactly one \(what.english); merge the files")))
    }

    private func parseDiagnostic(_ problem: XMLProblem, file: SourceFile) -> Diagnostic {
        let location = file.location(line: problem.line, column: problem.column)
        if problem.message.contains("Excessive depth") {
            return Diagnostic(.error, .xmlTooDeep,
                              Phrase(de: "die Elemente sind mehr als 256 Ebenen tief ineinander verschachtelt",
                                     en: "elements are nested more than 256 levels deep"), at: location,
                              hint: Phrase(de: "Rezepte brauchen nur wenige Ebenen; die Datei ist beschädigt oder absichtlich so gebaut – stellen Sie die letzte gute Fassung wieder her",
                                           en: "recipes need only a few levels; the file is damaged or hostile"))
        }
        return Diagnostic(.error, .xmlMalformed, Phrase(de: ParserMessages.german(problem), en: problem.message), at: location,
                          hint: Phrase(de: "die Datei ist kein wohlgeformtes XML; korrigieren Sie die Auszeichnung an dieser Stelle (fehlendes </…>, Tippfehler im Tag, & statt &amp;)",
                                       en: "the file is not well-formed XML; fix the markup at this place"))
    }
}
