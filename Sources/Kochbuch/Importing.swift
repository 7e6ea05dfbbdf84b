import Foundation
import KochbuchImport
import KochbuchModel

/// Brings law texts and the OZG catalog into a book's `catalogs/` folder.
public struct CatalogImport: Sendable {
    public let book: BookLocation

    public init(book: BookLocation) {
        self.book = book
    }

    /// What an import wrote.
    public struct Outcome: Sendable {
        public var written: [String]
        public var unchanged: [String]
        public var notes: [String]
    }

    /// Imports one law from its Markdown text (either source format) into `catalogs/laws/<id>.xml`.
    ///
    /// With `asOf`, the text becomes a new version of the law's history, dated `asOf`; otherwise it
    /// is the law's only version (and an existing history is kept, not replaced: that needs `asOf`).
    /// The same text again is a no-op. Nothing is written when anything is wrong.
    public func importLaw(from file: URL, options: LawMarkdownParser.Options, asOf: CalendarDate? = nil,
                          municipalities: MunicipalApplicability? = nil, address: String? = nil,
                          today: CalendarDate = .today) throws -> Outcome {
        let markdown = try Self.readInput(file)
        let result: LawMarkdownParser.Result
        do {
            result = try LawMarkdownParser().parse(markdown, options: options)
        } catch let error as LawMarkdownParser.ParseError {
            throw LawImportError(Phrase(de: "\(file.path): ", en: "\(file.path): ") + LawImportError.phrase(for: error))
        }
        var law = result.law
        guard LawImportError.isValidID(law.id) else {
            throw LawImportError(Phrase(
                de: "\(file.path): '\(law.id)' ist keine gültige Kennung für ein Gesetz; verwenden Sie Kleinbuchstaben und Ziffern, dazwischen einzelne '-' oder '.' (z. B. 'egovg', 'bitv-2.0'), und geben Sie die Kennung mit --id an, wenn die Abkürzung keine solche ergibt",
                en: "\(file.path): '\(law.id)' is not a valid law id; use lowercase letters, digits and single '-' or '.' between them (e.g. 'egovg', 'bitv-2.0'), with --id if the abbreviation does not make one"))
        }
        let relative = "catalogs/laws/\(law.id).xml"
        let target = try book.checkedOutputURL(forRelativePath: relative, within: "catalogs/laws")
        let display = book.loader.displayPath(forRelativePath: relative)
        var notes = result.notes
        if let asOf, asOf > today {
            throw LawImportError(Phrase(
                de: "\(file.path): --as-of \(asOf) liegt in der Zukunft (heute ist der \(today)); eine Fassung wird erst an dem Tag importiert, an dem sie in Kraft tritt, oder danach",
                en: "\(file.path): --as-of \(asOf) is in the future (today is \(today)); a version is imported on or after the day it takes effect"))
        }
        let date = asOf ?? law.enacted
        guard let date else {
            throw LawImportError(Phrase(
                de: "\(file.path): der Text nennt kein Ausfertigungsdatum; geben Sie das Datum der Fassung mit --as-of JJJJ-MM-TT an",
                en: "\(file.path): the text names no Ausfertigungsdatum; give the version's date with --as-of YYYY-MM-DD"))
        }
        law.versions[0].date = date
        law.municipalities = municipalities
        law.address = address
        if asOf == nil {
            notes.append(Phrase(de: "die Fassung trägt das Datum \(date) (das Ausfertigungsdatum); ein anderes Datum geben Sie mit --as-of JJJJ-MM-TT an",
                                en: "version dated \(date) (the Ausfertigungsdatum); date a version with --as-of YYYY-MM-DD").text(in: .current))
        }

        if FileManager.default.fileExists(atPath: target.path) {
            let loaded = book.loader.load(only: [relative])
            let problems = loaded.diagnostics.filter { $0.severity == .error }
            guard problems.isEmpty, let existing = loaded.book.laws.first(where: { $0.id == law.id }) else {
                throw LawImportError(Phrase(
                    de: "\(display) lässt sich nicht lesen; deshalb wird keine Fassung hinzugefügt:\n"
                        + problems.map { "  \($0.location.description): \($0.message(in: .german))" }.joined(separator: "\n"),
                    en: "\(display) cannot be read, so no version is added to it:\n"
                        + problems.map { "  \($0.location.description): \($0.message)" }.joined(separator: "\n")))
            }
            // The same text as the version in force on that day (or as the latest, without a date) is nothing new.
            let inForce = asOf.flatMap { existing.versionIndex(inForceOn: $0) } ?? existing.versions.indices.last
            if let inForce, case let same = existing.versions[inForce], Self.sameText(same, law.versions[0]) {
                return Outcome(written: [], unchanged: [display],
                               notes: [Phrase(de: "\(existing.abbreviation): derselbe Text wie in der Fassung vom \(same.date); es ist nichts zu tun",
                                              en: "\(existing.abbreviation): same text as the version of \(same.date); nothing to do").text(in: .current)])
            }
            guard asOf != nil || existing.versions.count <= 1 else {
                throw LawImportError(Phrase(
                    de: "\(display) enthält \(existing.versions.count) Fassungen von \(existing.abbreviation); fügen Sie diesen Text mit --as-of JJJJ-MM-TT als neue Fassung hinzu (die Geschichte lässt sich nicht ersetzen)",
                    en: "\(display) holds \(existing.versions.count) versions of \(existing.abbreviation); add this text as a new one with --as-of YYYY-MM-DD (replacing the history is not possible)"))
            }
            if asOf != nil {
                law = try Self.adding(law.versions[0], to: existing, from: law, file: file, notes: &notes)
            }
        }
        let xml = LawXMLWriter.xml(for: law)
        try checkOutput(xml, relativePath: relative)
        let changed = try AtomicFile.write(xml, to: target)
        let versions = law.versions.count, sections = law.versions.last?.sections.count ?? 0
        let summary = Phrase(
            de: "\(law.abbreviation): \(versions) \(versions == 1 ? "Fassung" : "Fassungen"), \(sections) \(sections == 1 ? "Paragraf" : "Paragrafen") in der neuesten"
                + (law.status == .draft ? " (Entwurf zu '\(law.supersedes ?? "?")')" : ""),
            en: "\(law.abbreviation): \(law.versions.count) version(s), \(law.versions.last?.sections.count ?? 0) sections in the latest"
                + (law.status == .draft ? " (draft of '\(law.supersedes ?? "?")')" : "")).text(in: .current)
        return Outcome(written: changed ? [display] : [], unchanged: changed ? [] : [display], notes: [summary] + notes)
    }

    /// The law's history with `version` added after the last one, moves detected.
    private static func adding(_ version: LawVersion, to existing: Law, from imported: Law, file: URL,
                               notes: inout [String]) throws -> Law {
        var version = version
        if let last = existing.versions.last {
            guard version.date > last.date else {
                throw LawImportError(Phrase(
                    de: "\(file.path): --as-of \(version.date) liegt nicht nach der neuesten Fassung von \(existing.abbreviation) (\(last.date)); Fassungen werden in der Reihenfolge hinzugefügt, in der sie in Kraft getreten sind",
                    en: "\(file.path): --as-of \(version.date) is not after the latest version of \(existing.abbreviation) (\(last.date)); versions are added in the order they took effect"))
            }
            version.moves = SectionMoves.detect(from: last, to: version)
            if let cycle = SectionMoves.cycle(in: version.moves) {
                let circle = cycle.map { "§ \($0)" }.joined(separator: " → ")
                throw LawImportError(Phrase(de: "\(file.path): Paragrafen würden im Kreis verschoben (\(circle)); prüfen Sie den Text",
                                            en: "\(file.path): sections would move in a circle (\(circle)); check the text"))
            }
            let diff = LawDiff(from: last, to: version, recordedMoves: version.moves)
            for move in version.moves {
                notes.append(Phrase(de: "§ \(move.from) → § \(move.to): der Text ist verschoben worden (Ähnlichkeit \(move.similarity ?? 0))",
                                    en: "§ \(move.from) → § \(move.to): the text moved (similarity \(move.similarity ?? 0))").text(in: .current))
            }
            let counts = Dictionary(grouping: diff.changes, by: \.kind).mapValues(\.count)
            notes.append(Phrase(
                de: "Änderungen gegenüber der Fassung vom \(last.date): " + LawDiff.Change.Kind.allCases.compactMap { kind in
                    counts[kind].map { "\($0) \(Self.germanKind(kind))" } }.joined(separator: ", "),
                en: "changes against \(last.date): " + LawDiff.Change.Kind.allCases.compactMap { kind in
                    counts[kind].map { "\($0) \(kind.rawValue)" } }.joined(separator: ", ")).text(in: .current))
        }
        var law = existing
        law.versions.append(version)
        law.municipalities = imported.municipalities ?? existing.municipalities
        law.address = imported.address ?? existing.address
        if imported.abbreviation != imported.title {
            law.title = imported.title
            law.abbreviation = imported.abbreviation
        }
        law.enacted = imported.enacted ?? existing.enacted
        return law.selectingVersion(inForceOn: version.date)
    }

    /// Reads an input file as the loader reads book files: a regular file up to 8 MiB, UTF-8,
    /// without control characters (refused with line and column).
    private static func readInput(_ file: URL) throws -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        if let size = attributes?[.size] as? Int, size > ImportedText.maximumSize {
            throw LawImportError(Phrase(
                de: "\(file.path): die Datei hat \(size) Byte; erlaubt sind wie für die Dateien eines Buchs höchstens 8 MiB (\(ImportedText.maximumSize) Byte). Teilen Sie sie auf",
                en: "\(file.path): the file has \(size) bytes; the limit is 8 MiB (\(ImportedText.maximumSize) bytes), as for book files. Split it"))
        }
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            throw LawImportError(Phrase(de: "\(file.path): das ist keine gewöhnliche Datei; geben Sie den Pfad der Textdatei selbst an",
                                        en: "\(file.path): not a regular file; give the path of the text file itself"))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw LawImportError(Phrase(de: "\(file.path): die Datei lässt sich nicht lesen; prüfen Sie den Pfad und die Zugriffsrechte",
                                        en: "\(file.path): the file cannot be read; check the path and its permissions"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LawImportError(Phrase(de: "\(file.path): die Datei ist nicht in UTF-8 gespeichert; speichern Sie sie als UTF-8 und importieren Sie sie erneut",
                                        en: "\(file.path): the file is not UTF-8; save it as UTF-8 and import it again"))
        }
        if let refused = ImportedText.firstRefusedCharacter(in: text) {
            let code = String(format: "U+%04X", refused.scalar.value)
            let place = "\(file.path):\(refused.line):\(refused.column)"
            throw LawImportError(Phrase(
                de: "\(place): das Steuerzeichen \(code) ist im Text eines Buchs nicht erlaubt; entfernen Sie es und importieren Sie die Datei erneut (es wurde nichts geschrieben)",
                en: "\(place): the control character \(code) is not allowed in a book's text; remove it and import again (nothing was written)"))
        }
        return text
    }

    /// Refuses to write a catalog file the loader would not accept.
    private func checkOutput(_ xml: String, relativePath: String) throws {
        let errors = book.loader.errors(inFileBytes: Array(xml.utf8), relativePath: relativePath)
        guard errors.isEmpty else {
            let display = book.loader.displayPath(forRelativePath: relativePath)
            throw LawImportError(Phrase(
                de: "mit dem importierten Text würde \(display) eine Datei, die das Buch nicht annimmt; deshalb wurde nichts geschrieben:\n"
                    + errors.prefix(5).map { "  \($0.location.description): \($0.message(in: .german))" }.joined(separator: "\n")
                    + "\nprüfen Sie die Eingabe auf leere Namen oder Titel",
                en: "the imported text would make \(display) a file the book refuses, so nothing was written:\n"
                    + errors.prefix(5).map { "  \($0.location.description): \($0.message)" }.joined(separator: "\n")
                    + "\ncheck the input for empty names or titles"))
        }
    }

    /// A kind of change in a law, as `kochbuch law diff` names it in German.
    private static func germanKind(_ kind: LawDiff.Change.Kind) -> String {
        let labels = ["added": "neu", "removed": "entfallen", "repealed": "weggefallen", "renamed": "umbenannt",
                      "moved": "verschoben", "changed": "geändert"]
        return labels[kind.rawValue] ?? kind.rawValue
    }

    private static func sameText(_ a: LawVersion, _ b: LawVersion) -> Bool {
        a.sections.count == b.sections.count && zip(a.sections, b.sections).allSatisfy { $0.number == $1.number && $0.readsLike($1) }
            && a.preamble == b.preamble
    }

    /// Imports the OZG catalog from its CSV folder into `catalogs/topics.xml`, `ozg-leistungen.xml` and `leika.xml`.
    public func importTopics(from directory: URL) throws -> Outcome {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where name.lowercased().hasSuffix(".csv") {
            _ = try Self.readInput(directory.appendingPathComponent(name))
        }
        let output = try TopicImporter().importCatalog(from: directory)
        var outcome = Outcome(written: [], unchanged: [], notes: [output.summary])
        for (name, xml) in output.files {
            try checkOutput(xml, relativePath: "catalogs/\(name)")
        }
        for (name, xml) in output.files {
            let relative = "catalogs/\(name)"
            let display = book.loader.displayPath(forRelativePath: relative)
            if try AtomicFile.write(xml, to: book.directory.appendingPathComponent(relative)) {
                outcome.written.append(display)
            } else {
                outcome.unchanged.append(display)
            }
        }
        return outcome
    }
}

/// Why a law could not be imported; the catalog is unchanged.
public struct LawImportError: Error, CustomStringConvertible {
    /// The reason in both languages.
    public let phrase: Phrase

    public init(_ phrase: Phrase) {
        self.phrase = phrase
    }

    /// The reason in the user's language (`Language.current`).
    public var message: String { phrase.text(in: .current) }
    public var description: String { message }

    /// The parser's reason in both languages: its own words in English.
    static func phrase(for error: LawMarkdownParser.ParseError) -> Phrase {
        let english = error.description
        if case .missingFrontMatter = error {
            return Phrase(de: "die Datei hat keinen YAML-Vorspann (--- … ---)", en: english)
        } else if case .missingAbbreviation = error {
            return Phrase(de: "der Vorspann nennt kein 'jurabk' (die Abkürzung des Gesetzes)", en: english)
        } else if case .noSections = error {
            return Phrase(de: "die Datei hat keine Paragrafen-Überschriften '## § N' (oder '# § N – …')", en: english)
        } else if case .empty = error {
            return Phrase(de: "die Datei ist leer", en: english)
        } else if case .duplicateSection(let number, let line, let first) = error {
            return Phrase(de: "Zeile \(line): ein zweiter '§ \(number)' (der erste steht in Zeile \(first)); in einer Fassung kommt jede Nummer nur einmal vor",
                          en: english)
        }
        return Phrase(de: english, en: english)
    }

    /// The rule for law ids (the `LawIdentifier` type of the schema): lowercase letters and digits,
    /// single `-` or `.` between them.
    static func isValidID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: ".", omittingEmptySubsequences: false) }
        return !id.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") } }
    }
}
