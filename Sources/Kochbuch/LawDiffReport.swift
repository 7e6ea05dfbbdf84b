import Foundation
import KochbuchLinking
import KochbuchModel

/// `kochbuch law diff`: what changed between two versions of a law, with the recipes each change touches.
public struct LawDiffReport: Sendable {
    public struct Entry: Codable, Sendable {
        public var kind: String
        public var section: String
        public var from: String?
        public var oldTitle: String?
        public var newTitle: String?
        public var words: [Run]?
        public var recipes: [String]
    }

    public struct Run: Codable, Sendable {
        public var op: String
        public var text: String
    }

    public var law: String
    public var abbreviation: String
    public var fromDate: CalendarDate
    public var toDate: CalendarDate
    public var entries: [Entry]

    /// Compares the versions in force on `from` and `to` (default: the previous version and the current one).
    public init(book location: BookLocation, law name: String, from: CalendarDate?, to: CalendarDate?,
                today: CalendarDate = .today) throws {
        let book = location.loader.load().book
        let law = try Library.findLaw(name, in: book)
        guard law.versions.count > 1 || (from != nil && to != nil) else {
            let count = law.versions.count
            throw Library.UnknownLaw(Phrase(
                de: "im Katalog steht für \(law.abbreviation) \(count == 0 ? "keine Fassung" : count == 1 ? "nur eine Fassung" : "\(count) Fassungen"); es gibt nichts zu vergleichen",
                en: "\(law.abbreviation) has \(law.versions.count) version(s) in the catalog; nothing to compare"))
        }
        let toIndex = try to.map { date in
            guard let index = law.versionIndex(inForceOn: date) else {
                throw Self.noVersion(of: law, inForceOn: date)
            }
            return index
        } ?? law.versionIndex(inForceOn: today) ?? law.versions.count - 1
        let fromIndex = try from.map { date in
            guard let index = law.versionIndex(inForceOn: date) else {
                throw Self.noVersion(of: law, inForceOn: date)
            }
            return index
        } ?? max(0, toIndex - 1)
        let earlier = law.versions[fromIndex], later = law.versions[toIndex]
        let diff = fromIndex + 1 == toIndex ? law.diff(toVersion: toIndex)! : LawDiff(from: earlier, to: later)
        let graph = LinkGraph(book: book)
        self.law = law.id
        abbreviation = law.abbreviation
        fromDate = earlier.date
        toDate = later.date
        entries = diff.changes.map { change in
            let cited = Set([change.number] + (change.from.map { [$0] } ?? []))
            return Entry(kind: change.kind.rawValue, section: change.number, from: change.from,
                         oldTitle: change.oldTitle, newTitle: change.newTitle,
                         words: change.text.map { $0.runs.map { Run(op: $0.operation.rawValue, text: $0.text) } },
                         recipes: cited.flatMap { graph.recipes(citing: law.id, section: $0) }.sorted())
        }
    }

    /// The refusal of a date on which no version of the law was in force.
    private static func noVersion(of law: Law, inForceOn date: CalendarDate) -> Library.UnknownLaw {
        let first = law.versions.first?.date
        return Library.UnknownLaw(Phrase(
            de: "für \(law.abbreviation) gibt es keine Fassung, die am \(GermanLabels.date(date)) galt; die erste ist vom \(first.map(GermanLabels.date) ?? "?")",
            en: "\(law.abbreviation) has no version in force on \(date); the first is of \(first?.description ?? "?")"))
    }

    public func json() throws -> String {
        struct Document: Codable {
            var law: String, abbreviation: String, from: String, to: String, changes: [Entry]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Document(law: law, abbreviation: abbreviation, from: fromDate.description,
                                               to: toDate.description, changes: entries))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A long unchanged run cut to its first and last words.
    static func context(_ text: String) -> String {
        let words = text.split(separator: " ")
        guard words.count > 16 else { return text }
        return words.prefix(6).joined(separator: " ") + " … " + words.suffix(6).joined(separator: " ")
    }

    /// The diff as text; `marked` words appear as [-gestrichen-] and {+eingefügt+}.
    public func text() -> String {
        var lines = ["\(abbreviation): Fassung vom \(GermanLabels.date(fromDate)) → Fassung vom \(GermanLabels.date(toDate))",
                     "\(entries.count) Änderung(en)", ""]
        let labels = ["added": "neu", "removed": "entfallen", "repealed": "weggefallen", "renamed": "umbenannt",
                      "moved": "verschoben", "changed": "geändert"]
        for entry in entries {
            var head = "\(labels[entry.kind] ?? entry.kind): "
            switch entry.kind {
            case "moved": head += "§ \(entry.from ?? "?") → § \(entry.section) \(entry.newTitle ?? "")"
            case "renamed": head += "§ \(entry.section) „\(entry.oldTitle ?? "")“ → „\(entry.newTitle ?? "")“"
            case "removed": head += "§ \(entry.section) \(entry.oldTitle ?? "")"
            default: head += "§ \(entry.section) \(entry.newTitle ?? "")"
            }
            lines.append(head)
            if let words = entry.words, words.contains(where: { $0.op != "same" }) {
                lines.append("    " + words.map { run in
                    switch run.op {
                    case "inserted": "{+\(run.text)+}"
                    case "deleted": "[-\(run.text)-]"
                    default: Self.context(run.text)
                    }
                }.joined(separator: " "))
            }
            if !entry.recipes.isEmpty { lines.append("    Rezepte: \(entry.recipes.joined(separator: ", "))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
