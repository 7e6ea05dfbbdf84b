import Foundation
import KochbuchAuthoring
import KochbuchChecking
import KochbuchLoading
import KochbuchModel

/// What authors do: start a recipe, format files canonically.
public struct Authoring: Sendable {
    public let book: BookLocation

    public init(book: BookLocation) {
        self.book = book
    }

    /// A request `new` cannot fulfil, with what to do instead.
    public struct Refusal: Error, CustomStringConvertible {
        /// The refusal in both languages.
        public let phrase: Phrase

        public init(_ phrase: Phrase) {
            self.phrase = phrase
        }

        /// The refusal in the user's language (`Language.current`).
        public var message: String { phrase.text(in: .current) }
        public var description: String { message }
    }

    /// Writes `Recipes/<id>.xml` (or `Recipes/<folder>/<id>.xml`): a draft that validates.
    /// - Parameters:
    ///   - topics: Themenfelder or Lebenslagen, by id or name.
    ///   - laws: `egovg`, `egovg:6`, `EGovG § 6`, `OZG § 3 Abs. 1`.
    public func newRecipe(id: String, title: String, topics: [String], laws: [String], folder: String? = nil,
                          today: CalendarDate = .today) throws -> String {
        guard id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil, id.count <= 80 else {
            throw Refusal(Phrase(
                de: "'\(id)' ist keine gültige Kennung für ein Rezept: verwenden Sie Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche, z. B. 'online-wahlhelfer'",
                en: "'\(id)' is not a valid recipe id: use lowercase letters a–z, digits and single hyphens, e.g. 'online-wahlhelfer'"))
        }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Refusal(Phrase(de: "der Titel darf nicht leer sein", en: "the title must not be empty"))
        }
        let loaded = book.loader.load()
        if let existing = loaded.book.recipe(id) {
            throw Refusal(Phrase(de: "das Rezept '\(id)' gibt es schon: \(existing.location.path)",
                                 en: "recipe '\(id)' exists already: \(existing.location.path)"))
        }
        let relative = (folder.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/" } ?? "") + "\(id).xml"
        guard Publisher.safeRelativePath(relative) else {
            throw Refusal(Phrase(de: "der Ordner muss innerhalb des Buchs liegen", en: "the folder must lie inside the book"))
        }
        let url = book.directory.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) {
            let display = book.loader.displayPath(forRelativePath: relative)
            throw Refusal(Phrase(de: "\(display) gibt es schon", en: "\(display) exists already"))
        }
        var themenfelder: [String] = []
        var lebenslagen: [String] = []
        let catalog = loaded.book.topics
        for topic in topics {
            let key = topic.lowercased()
            if let field = catalog?.themenfelder.first(where: { $0.id == key || $0.name.lowercased() == key }) {
                if !themenfelder.contains(field.id) { themenfelder.append(field.id) }
            } else if let lage = catalog?.lebenslagen.first(where: { $0.id == key || $0.name.lowercased() == key }) {
                lebenslagen.append(lage.id)
                if !themenfelder.contains(lage.themenfeld) { themenfelder.append(lage.themenfeld) }
            } else {
                let ids = (catalog?.themenfelder.map(\.id) ?? []) + (catalog?.lebenslagen.map(\.id) ?? [])
                let hint = Suggestion.phrase(for: key, in: ids).map { Phrase(de: "; ", en: "; ") + $0 }
                    ?? Phrase(de: "; alle Themenfelder und Lebenslagen zeigt 'kochbuch topics'", en: "; see 'kochbuch topics'")
                throw Refusal(Phrase(de: "unbekanntes Themenfeld oder unbekannte Lebenslage '\(topic)'", en: "unknown topic '\(topic)'") + hint)
            }
        }
        var references: [LawReference] = []
        for law in laws {
            references.append(try lawReference(law, in: loaded.book))
        }
        let depth = relative.split(separator: "/").count - 1
        let schema = String(repeating: "../", count: depth) + "schema/recipe.xsd"
        let xml = RecipeSkeleton.xml(id: id, title: title, themenfelder: themenfelder, lebenslagen: lebenslagen,
                                     laws: references, schemaPath: schema, today: today)
        try AtomicFile.write(Data(xml.utf8), to: url)
        return book.loader.displayPath(forRelativePath: relative)
    }

    private func lawReference(_ text: String, in book: Book) throws -> LawReference {
        let cleaned = text.replacingOccurrences(of: "§", with: " ").replacingOccurrences(of: ":", with: " ")
        var parts = cleaned.split(separator: " ").map(String.init)
        var paragraph: String?
        if let abs = parts.firstIndex(where: { $0.lowercased().hasPrefix("abs") }), abs + 1 < parts.count {
            paragraph = parts[abs + 1]
            parts.removeSubrange(abs...(abs + 1))
        }
        let numbers = parts.filter { $0.first?.isNumber == true }
        let names = parts.filter { $0.first?.isNumber != true }
        let name = names.joined(separator: " ").lowercased()
        // An abbreviation names the law in force; a draft of the same abbreviation only by its id.
        let candidates = book.laws.sorted { ($0.status == .draft ? 1 : 0) < ($1.status == .draft ? 1 : 0) }
        guard let law = candidates.first(where: { $0.id == name }) ?? candidates.first(where: { $0.abbreviation.lowercased() == name }) else {
            let known = book.laws.map(\.id).sorted().joined(separator: ", ")
            throw Refusal(Phrase(de: "unbekanntes Gesetz '\(text)'; bekannte Gesetze: \(known)", en: "unknown law '\(text)'; known: \(known)"))
        }
        let section = numbers.first
        if let section, law.section(section) == nil {
            throw Refusal(Phrase(de: "\(law.abbreviation) hat keinen § \(section)", en: "\(law.abbreviation) has no § \(section)"))
        }
        return LawReference(law: law.id, section: section, paragraph: paragraph, location: SourceLocation(path: ""))
    }

    /// The outcome of formatting one file.
    public enum FormatOutcome: Sendable, Equatable {
        case unchanged
        case changed
        case failed(String)
    }

    /// The files `fmt` works on by default: recipes, the manifest and the glossary (not the imported catalogs).
    public func defaultFormatPaths() -> [String] {
        let loaded = book.loader.load()
        var paths = loaded.book.recipes.map(\.location.path)
        if let manifest = loaded.book.manifest { paths.append(manifest.location.path) }
        if let entry = loaded.book.glossary?.first { paths.append(entry.location.path) }
        return paths.sorted()
    }

    /// Formats files; with `check`, only reports what would change. Never writes a file it could not
    /// parse, and writes atomically.
    /// The largest file `fmt` reads or writes: the limit for every file of a book.
    static let maximumFileSize = 8 * 1024 * 1024

    /// "8 MiB", "8.5 MiB" ("8,5 MiB" in German).
    static func mebibytes(_ bytes: Int, in language: Language = .english) -> String {
        let value = Double(bytes) / 1024 / 1024
        let text = value == value.rounded() ? "\(Int(value)) MiB" : String(format: "%.1f MiB", value)
        return language == .german ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// Why a file was not formatted, in both languages; `.failed` carries the sentence in the user's language.
    private static func failed(de german: String, en english: String) -> FormatOutcome {
        .failed(Phrase(de: german, en: english).text(in: .current))
    }

    public func format(paths: [String], check: Bool, width: Int = 100) -> [(path: String, outcome: FormatOutcome)] {
        let formatter = RecipeFormatter(width: width)
        return paths.map { path in
            let url = URL(fileURLWithPath: path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
            var status = stat()
            guard lstat(url.path, &status) == 0 else {
                return (path, Self.failed(de: "die Datei gibt es nicht", en: "the file does not exist"))
            }
            if (status.st_mode & S_IFMT) == S_IFLNK {
                return (path, Self.failed(de: "ist ein symbolischer Link; formatieren Sie die Datei, auf die er zeigt (der Link bleibt, wie er ist)",
                                          en: "is a symbolic link; format the file it points to (the link is left as it is)"))
            }
            guard (status.st_mode & S_IFMT) == S_IFREG else {
                return (path, Self.failed(de: "ist keine gewöhnliche Datei", en: "is not a regular file"))
            }
            let limit = Self.maximumFileSize
            guard Int(status.st_size) <= limit else {
                let size = Int(status.st_size)
                return (path, Self.failed(de: "ist \(Self.mebibytes(size, in: .german)) groß, mehr als die \(Self.mebibytes(limit, in: .german)), die eine Datei des Buchs höchstens haben darf",
                                          en: "is \(Self.mebibytes(size)), over the \(Self.mebibytes(limit)) limit for a book file"))
            }
            guard let data = FileManager.default.contents(atPath: url.path), let source = String(data: data, encoding: .utf8) else {
                return (path, Self.failed(de: "die Datei lässt sich nicht als UTF-8 lesen", en: "cannot read the file as UTF-8"))
            }
            do {
                let formatted = try formatter.format(source)
                guard formatted != source else { return (path, .unchanged) }
                guard formatted.utf8.count <= limit else {
                    let size = formatted.utf8.count
                    return (path, Self.failed(de: "formatiert wäre die Datei \(Self.mebibytes(size, in: .german)) groß, mehr als die erlaubten \(Self.mebibytes(limit, in: .german)); es wurde nichts geschrieben",
                                              en: "formatted, it would be \(Self.mebibytes(size)), over the \(Self.mebibytes(limit)) limit; nothing was written"))
                }
                if !check { try AtomicFile.write(Data(formatted.utf8), to: url, keepingModeAndOwnerOf: status) }
                return (path, .changed)
            } catch let error as FormatError {
                return ("\(path):\(error.line):\(error.column)", .failed(error.message(in: .current)))
            } catch {
                return (path, .failed("\(error)"))
            }
        }
    }
}
