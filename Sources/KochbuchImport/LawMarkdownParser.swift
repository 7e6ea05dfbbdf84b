import Foundation
import KochbuchModel

/// Reads a law text in the Markdown of the bundestag/gesetze mirror: YAML front matter,
/// a metadata definition list, `## § N Title` sections (`###` under `## Abschnitt` headings),
/// paragraphs `(1) …`, items `1. …` and `a) …` nested by indentation.
///
/// Known defects of the source are repaired and reported as notes: empty headings (a section
/// not yet in force), stray punctuation at the end of a heading, doubled spaces.
public struct LawMarkdownParser {
    /// The parsed law and what was repaired on the way.
    public struct Result: Sendable {
        public var law: Law
        public var notes: [String]
        /// The publisher's `(+++ … +++)` notes, kept apart from the norm text.
        public var editorialNotes: [String] = []
    }

    /// Choices the source cannot make itself.
    public struct Options: Sendable {
        /// The law's id; by default made from its abbreviation (`BITV 2.0` → `bitv-2.0`).
        public var id: String?
        /// Overrides whether the text is a draft; by default a `Fassung … Entwurf` entry makes it one.
        public var draft: Bool?
        /// For drafts: the id of the law it amends; by default the id made from the abbreviation.
        public var supersedes: String?
        /// Where the text came from, for the catalog's `<source>`.
        public var sourceName: String

        public init(id: String? = nil, draft: Bool? = nil, supersedes: String? = nil, sourceName: String) {
            self.id = id
            self.draft = draft
            self.supersedes = supersedes
            self.sourceName = sourceName
        }
    }

    public enum ParseError: Error, CustomStringConvertible {
        case missingFrontMatter
        case missingAbbreviation
        case noSections
        case empty
        case duplicateSection(number: String, line: Int, first: Int)

        public var description: String {
            switch self {
            case .missingFrontMatter: "the file has no YAML front matter (--- … ---)"
            case .missingAbbreviation: "the front matter has no 'jurabk' (the law's abbreviation)"
            case .noSections: "the file has no '## § N' (or '# § N – …') section headings"
            case .empty: "the file is empty"
            case .duplicateSection(let number, let line, let first):
                "line \(line): a second '§ \(number)' (the first is on line \(first)); a version has each number once"
            }
        }
    }

    public init() {}

    public func parse(_ markdown: String, options: Options) throws -> Result {
        guard !markdown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ParseError.empty }
        guard GesetzeImInternetMarkdown.recognises(markdown) else { return try parseBundestagFormat(markdown, options: options) }
        let converted = try GesetzeImInternetMarkdown.convert(markdown)
        var result: Result
        do {
            result = try parseBundestagFormat(converted.markdown, options: options)
        } catch ParseError.duplicateSection(let number, let line, let first) {
            throw ParseError.duplicateSection(number: number, line: line - converted.addedLines, first: first - converted.addedLines)
        }
        result.law.source = "Amtlicher Text (§ 5 UrhG) von gesetze-im-internet.de nach der Markdown-Abschrift kmein/gesetze, Datei \(options.sourceName)."
        result.law.versions[0].source = result.law.source
        if result.law.versions[0].note == "ohne Angabe" {
            result.law.versions[0].note = "Fassung, wie sie gesetze-im-internet.de veröffentlicht (Abschrift kmein/gesetze, \(options.sourceName))"
            result.law.version = result.law.versions[0].note
        }
        if !converted.editorialNotes.isEmpty {
            result.notes.append("\(converted.editorialNotes.count) editorial note(s) of the publisher (+++ … +++) left out of the norm text")
            result.editorialNotes = converted.editorialNotes
        }
        return result
    }

    private func parseBundestagFormat(_ markdown: String, options: Options) throws -> Result {
        let lines = markdown.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
            throw ParseError.missingFrontMatter
        }
        var front: [String: String] = [:]
        for line in lines[1..<end] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            front[String(line[..<colon]).trimmingCharacters(in: .whitespaces)] =
                String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        guard let abbreviation = front["jurabk"], !abbreviation.isEmpty else { throw ParseError.missingAbbreviation }

        var notes: [String] = []
        var metadata: [(String, String)] = []
        var containers: [Container] = []
        var current: Container?
        var division: String?
        var inAnnex = false
        var seenSections: [String: Int] = [:]
        var previous = ""
        let body = Array(lines[(end + 1)...])
        var index = 0
        while index < body.count {
            let line = body[index]
            index += 1
            if line.hasPrefix(":   "), current == nil, !previous.isEmpty {
                metadata.append((previous, String(line.dropFirst(4)).trimmingCharacters(in: .whitespaces)))
                continue
            }
            if line.hasPrefix("#") {
                let level = line.prefix { $0 == "#" }.count
                let heading = Self.clean(String(line.dropFirst(level)))
                if level == 1 { previous = ""; continue }
                if let section = Self.sectionHeading(heading) {
                    let line = end + 1 + index
                    if let first = seenSections[section.number] {
                        throw ParseError.duplicateSection(number: section.number, line: line, first: first)
                    }
                    seenSections[section.number] = line
                    if let current { containers.append(current) }
                    current = Container(kind: .section(number: section.number, rawTitle: section.title), division: division)
                    inAnnex = false
                } else if heading.hasPrefix("Abschnitt") {
                    if let current { containers.append(current) }
                    current = nil
                    division = heading
                } else if heading.hasPrefix("Anlage") {
                    if let current { containers.append(current) }
                    current = Container(kind: .annex(title: heading), division: nil)
                    inAnnex = true
                } else if heading == "Eingangsformel" {
                    if let current { containers.append(current) }
                    current = Container(kind: .preamble, division: nil)
                } else if inAnnex || current != nil {
                    current?.lines.append("\u{0}HEADING \(heading)")
                }
                previous = ""
                continue
            }
            if current != nil {
                current?.lines.append(line)
            } else {
                previous = line.trimmingCharacters(in: .whitespaces)
            }
        }
        if let current { containers.append(current) }

        var sections: [LawSection] = []
        var preamble: [LawText] = []
        var annexes: [LawAnnex] = []
        for container in containers {
            let text = LawTextParser.parse(container.lines)
            switch container.kind {
            case .preamble:
                preamble = text
            case .annex(let title):
                annexes.append(LawAnnex(title: title, text: text))
            case .section(let number, let rawTitle):
                var title = rawTitle
                let repaired = Self.repairTitle(title)
                if repaired != title {
                    notes.append("§ \(number): heading '\(title)' repaired to '\(repaired)'")
                    title = repaired
                }
                var status = LawSection.Status.inForce
                if title == "(weggefallen)" || title.hasPrefix("(weggefallen") {
                    status = .repealed
                } else if title.isEmpty && text.isEmpty {
                    status = .pending
                    notes.append("§ \(number): no heading and no text in the source; marked as not yet in force")
                }
                sections.append(LawSection(number: number, title: title, status: status,
                                           division: container.division, text: text))
            }
        }
        guard !sections.isEmpty else { throw ParseError.noSections }

        let meta = { (key: String) in metadata.first { $0.0 == key }?.1 }
        let fassung = meta("Fassung")
        let isDraft = options.draft ?? (fassung?.contains("Entwurf") ?? false)
        let baseID = abbreviation.lowercased().replacingOccurrences(of: " ", with: "-")
        var id = options.id ?? baseID
        if options.id == nil, isDraft, let year = fassung?.prefix(4), Int(year) != nil {
            id = "\(baseID)-entwurf-\(year)"
        }
        var versionParts: [String] = []
        if let fassung { versionParts.append("Fassung: \(fassung)") }
        if let last = meta("Zuletzt geändert durch") { versionParts.append("Zuletzt geändert durch \(last)") }
        for (key, value) in metadata where key == "Änderung durch" { versionParts.append("Änderung durch \(value)") }
        let fundstelle = meta("Fundstelle").map { "Fundstelle \($0). " } ?? ""
        let law = Law(
            id: id,
            abbreviation: abbreviation,
            title: front["Title"] ?? abbreviation,
            status: isDraft ? .draft : .inForce,
            enacted: meta("Ausfertigungsdatum").flatMap(CalendarDate.init),
            supersedes: isDraft ? (options.supersedes ?? (id == baseID ? nil : baseID)) : nil,
            version: versionParts.isEmpty ? "ohne Angabe" : versionParts.joined(separator: "; "),
            source: "\(fundstelle)Amtlicher Text (§ 5 UrhG) nach der Markdown-Abschrift bundestag/gesetze, Datei \(options.sourceName).",
            preamble: preamble,
            sections: sections,
            annexes: annexes,
            location: SourceLocation(path: options.sourceName))
        return Result(law: law, notes: notes, editorialNotes: [])
    }

    private struct Container {
        enum Kind {
            case preamble
            case section(number: String, rawTitle: String)
            case annex(title: String)
        }

        var kind: Kind
        var division: String?
        var lines: [String] = []
    }

    private static func sectionHeading(_ heading: String) -> (number: String, title: String)? {
        guard heading.hasPrefix("§") else { return nil }
        let rest = heading.dropFirst().drop { $0 == " " }
        let number = rest.prefix { $0.isNumber || ($0.isLowercase && $0.isLetter) }
        guard let first = number.first, first.isNumber else { return nil }
        return (String(number), String(rest.dropFirst(number.count)).trimmingCharacters(in: .whitespaces))
    }

    /// Collapses runs of spaces and trims.
    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Removes stray punctuation the source leaves at the end of headings: a trailing
    /// semicolon, or a closing quote and full stop without an opening quote (an artefact of
    /// the amending act's wording).
    static func repairTitle(_ title: String) -> String {
        var result = title
        while let last = result.last, last == ";" || last == "," {
            result.removeLast()
        }
        if (result.hasSuffix("“.") || result.hasSuffix("\".")), !result.contains("„") {
            result.removeLast(2)
        } else if result.hasSuffix("“"), !result.contains("„") {
            result.removeLast()
        }
        return result.trimmingCharacters(in: .whitespaces)
    }
}
