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
            throw LawImportError(message: "\(file.path): \(error)")
        }
        var law = result.law
        guard LawImportError.isValidID(law.id) else {
            throw LawImportError(message: "\(file.path): '\(law.id)' is not a valid law id; use lowercase letters, digits and single '-' or '.' between them (e.g. 'egovg', 'bitv-2.0'), with --id if the abbreviation does not make one")
        }
        let relative = "catalogs/laws/\(law.id).xml"
        let target = try book.checkedOutputURL(forRelativePath: relative, within: "catalogs/laws")
        let display = book.loader.displayPath(forRelativePath: relative)
        var notes = result.notes
        if let asOf, asOf > today {
            throw LawImportError(message: "\(file.path): --as-of \(asOf) is in the future (today is \(today)); a version is imported on or after the day it takes effect")
        }
        let date = asOf ?? law.enacted
        guard let date else {
            throw LawImportError(message: "\(file.path): the text names no Ausfertigungsdatum; give the version's date with --as-of YYYY-MM-DD")
        }
        law.versions[0].date = date
        law.municipalities = municipalities
        law.address = address
        if asOf == nil { notes.append("version dated \(date) (the Ausfertigungsdatum); date a version with --as-of YYYY-MM-DD") }

        if FileManager.default.fileExists(atPath: target.path) {
            let loaded = book.loader.load(only: [relative])
            let problems = loaded.diagnostics.filter { $0.severity == .error }
            guard problems.isEmpty, let existing = loaded.book.laws.first(where: { $0.id == law.id }) else {
                throw LawImportError(message: "\(display) cannot be read, so no version is added to it:\n"
                    + problems.map { "  \($0.location.description): \($0.message)" }.joined(separator: "\n"))
            }
            // The same text as the version in force on that day (or as the latest, without a date) is nothing new.
            let inForce = asOf.flatMap { existing.versionIndex(inForceOn: $0) } ?? existing.versions.indices.last
            if let inForce, case let same = existing.versions[inForce], Self.sameText(same, law.versions[0]) {
                return Outcome(written: [], unchanged: [display],
                               notes: ["\(existing.abbreviation): same text as the version of \(same.date); nothing to do"])
            }
            guard asOf != nil || existing.versions.count <= 1 else {
                throw LawImportError(message: "\(display) holds \(existing.versions.count) versions of \(existing.abbreviation); add this text as a new one with --as-of YYYY-MM-DD (replacing the history is not possible)")
            }
            if asOf != nil {
                law = try Self.adding(law.versions[0], to: existing, from: law, file: file, notes: &notes)
            }
        }
        let xml = LawXMLWriter.xml(for: law)
        try checkOutput(xml, relativePath: relative)
        let changed = try AtomicFile.write(xml, to: target)
        let summary = "\(law.abbreviation): \(law.versions.count) version(s), \(law.versions.last?.sections.count ?? 0) sections in the latest"
            + (law.status == .draft ? " (draft of '\(law.supersedes ?? "?")')" : "")
        return Outcome(written: changed ? [display] : [], unchanged: changed ? [] : [display], notes: [summary] + notes)
    }

    /// The law's history with `version` added after the last one, moves detected.
    private static func adding(_ version: LawVersion, to existing: Law, from imported: Law, file: URL,
                               notes: inout [String]) throws -> Law {
        var version = version
        if let last = existing.versions.last {
            guard version.date > last.date else {
                throw LawImportError(message: "\(file.path): --as-of \(version.date) is not after the latest version of \(existing.abbreviation) (\(last.date)); versions are added in the order they took effect")
            }
            version.moves = SectionMoves.detect(from: last, to: version)
            if let cycle = SectionMoves.cycle(in: version.moves) {
                throw LawImportError(message: "\(file.path): sections would move in a circle (\(cycle.map { "§ \($0)" }.joined(separator: " → "))); check the text")
            }
            let diff = LawDiff(from: last, to: version, recordedMoves: version.moves)
            for move in version.moves {
                notes.append("§ \(move.from) → § \(move.to): the text moved (similarity \(move.similarity ?? 0))")
            }
            let counts = Dictionary(grouping: diff.changes, by: \.kind).mapValues(\.count)
            notes.append("changes against \(last.date): " + LawDiff.Change.Kind.allCases.compactMap { kind in
                counts[kind].map { "\($0) \(kind.rawValue)" } }.joined(separator: ", "))
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
            throw LawImportError(message: "\(file.path): the file has \(size) bytes; the limit is 8 MiB (\(ImportedText.maximumSize) bytes), as for book files. Split it")
        }
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            throw LawImportError(message: "\(file.path): not a regular file; give the path of the text file itself")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw LawImportError(message: "\(file.path): the file cannot be read; check the path and its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LawImportError(message: "\(file.path): the file is not UTF-8; save it as UTF-8 and import it again")
        }
        if let refused = ImportedText.firstRefusedCharacter(in: text) {
            let code = String(format: "U+%04X", refused.scalar.value)
            throw LawImportError(message: "\(file.path):\(refused.line):\(refused.column): the control character \(code) is not allowed in a book's text; remove it and import again (nothing was written)")
        }
        return text
    }

    /// Refuses to write a catalog file the loader would not accept.
    private func checkOutput(_ xml: String, relativePath: String) throws {
        let errors = book.loader.errors(inFileBytes: Array(xml.utf8), relativePath: relativePath)
        guard errors.isEmpty else {
            throw LawImportError(message: "the imported text would make \(book.loader.displayPath(forRelativePath: relativePath)) a file the book refuses, so nothing was written:\n"
                + errors.prefix(5).map { "  \($0.location.description): \($0.message)" }.joined(separator: "\n")
                + "\ncheck the input for empty names or titles")
        }
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
    public var message: String
    public var description: String { message }

    /// The rule for law ids (the `LawIdentifier` type of the schema): lowercase letters and digits,
    /// single `-` or `.` between them.
    static func isValidID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: ".", omittingEmptySubsequences: false) }
        return !id.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") } }
    }
}
