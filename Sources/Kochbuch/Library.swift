import Foundation
import KochbuchChecking
import KochbuchHTML
import KochbuchModel
import KochbuchSearch
import KochbuchText

/// What readers do with a book from the command line: search, list, show a recipe, read a law,
/// browse the topics. Searches go through the always-fresh index; reading renders text.
public struct Library: Sendable {
    public let book: BookLocation

    public init(book: BookLocation) {
        self.book = book
    }

    public func search(_ query: String, filters: SearchFilters = SearchFilters(), limit: Int = 10) throws -> SearchResults {
        try IndexStore(book: book).withIndex { try $0.search(query, filters: filters, limit: limit) }
    }

    /// Every recipe the filters allow, by title.
    public func list(filters: SearchFilters = SearchFilters()) throws -> [SearchHit] {
        try IndexStore(book: book).withIndex { try $0.search("", filters: filters, limit: Int.max, listAll: true).hits }
    }

    /// A recipe id that does not exist, with the closest ones.
    public struct UnknownRecipe: Error, CustomStringConvertible {
        public let id: String
        public let closest: [String]
        /// The message in the user's language (`Language.current`).
        public var description: String { description(in: .current) }

        /// The message in the given language.
        public func description(in language: Language) -> String {
            let quoted = closest.map { "'\($0)'" }
            if language == .german {
                let choices = quoted.count > 1 ? quoted.dropLast().joined(separator: ", ") + " oder " + quoted.last! : quoted.joined()
                return "es gibt kein Rezept mit der Kennung '\(id)'" + (closest.isEmpty ? "" : "; meinten Sie \(choices)?")
            }
            return "no recipe '\(id)'" + (closest.isEmpty ? "" : "; did you mean " + quoted.joined(separator: ", ") + "?")
        }
    }

    /// The whole recipe as text for a terminal.
    public func show(_ id: String, width: Int = 78) throws -> String {
        let loaded = book.loader.load()
        guard let recipe = loaded.book.recipe(id) else {
            let ids = loaded.book.recipes.map(\.id)
            let ranked = ids.map { ($0, Suggestion.distance(id, $0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            let close = ranked.filter { $0.1 <= max(3, id.count / 2) || $0.0.contains(id) || id.contains($0.0) }.prefix(3).map(\.0)
            throw UnknownRecipe(id: id, closest: Array(close))
        }
        return TextRenderer(book: loaded.book, width: width).render(recipe)
    }

    /// A law that does not exist, or a section it does not have.
    public struct UnknownLaw: Error, CustomStringConvertible {
        /// The message in both languages.
        public let phrase: Phrase

        public init(_ phrase: Phrase) {
            self.phrase = phrase
        }

        /// The message in the user's language (`Language.current`).
        public var message: String { phrase.text(in: .current) }
        public var description: String { message }
    }

    /// A law's sections with the recipes citing each, or one section's text with its recipes.
    public func law(_ name: String, section: String?, width: Int = 78) throws -> String {
        let loaded = book.loader.load()
        let site = SiteBook(book: loaded.book)
        let law = try Self.findLaw(name, in: loaded.book)
        let titleOf = { (id: String) in site.recipesByID[id]?.title ?? id }
        var lines: [String] = []
        if let number = section?.trimmingCharacters(in: CharacterSet(charactersIn: "§ ")) {
            guard let found = law.section(number) else {
                let hint = Suggestion.phrase(for: number, in: law.sections.map(\.number)).map { Phrase(de: "; ", en: "; ") + $0 }
                throw UnknownLaw(Phrase(de: "\(law.abbreviation) hat keinen § \(number)", en: "\(law.abbreviation) has no § \(number)")
                    + (hint ?? Phrase(de: "", en: "")))
            }
            let heading = "§ \(found.number) \(law.abbreviation) – \(found.title)"
            lines += [heading, String(repeating: "=", count: heading.count), ""]
            if let status = GermanLabels.sectionStatus(found.status) { lines += ["(\(status))", ""] }
            if let version = law.current { lines += ["Fassung vom \(GermanLabels.date(version.date))", ""] }
            lines.append(LawPlainText.render(found.text, width: width))
            let history = law.history(of: found.number)
            if history.count > 1 || law.versions.count > 1 {
                lines += ["", "Geschichte von § \(found.number) \(law.abbreviation):"]
                lines += history.map { "  \(GermanLabels.date($0.date)): \($0.germanDescription)" }
            }
            let recipes = site.graph.recipes(citing: law.id, section: found.number)
            lines += ["", "Rezepte zu § \(found.number) \(law.abbreviation):" + (recipes.isEmpty ? " keine" : "")]
            lines += recipes.map { "  - \(titleOf($0)) (\($0))" }
        } else {
            let heading = "\(law.title) (\(law.abbreviation))"
            lines += [heading, String(repeating: "=", count: min(heading.count, width)), ""]
            for item in law.sections {
                let recipes = site.graph.recipes(citing: law.id, section: item.number)
                let status = GermanLabels.sectionStatus(item.status).map { " (\($0))" } ?? ""
                lines.append("§ \(item.number) \(item.title)\(status)")
                lines.append(recipes.isEmpty ? "    – kein Rezept –" : recipes.map { "    \(titleOf($0)) (\($0))" }.joined(separator: "\n"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The law named by id or abbreviation: the law in force before a draft of the same abbreviation.
    public static func findLaw(_ name: String, in book: Book) throws -> Law {
        let key = name.lowercased()
        let candidates = book.laws.sorted { ($0.status == .draft ? 1 : 0) < ($1.status == .draft ? 1 : 0) }
        guard let law = candidates.first(where: { $0.id == key }) ?? candidates.first(where: { $0.abbreviation.lowercased() == key })
            ?? candidates.first(where: { $0.abbreviation.lowercased().hasPrefix(key + " ") }) else {
            let known = book.laws.map(\.abbreviation)
            throw UnknownLaw(Phrase(de: "unbekanntes Gesetz '\(name)'; bekannte Gesetze: \(known.joined(separator: ", "))",
                                    en: "no law '\(name)'; known: \(known.joined(separator: ", "))"))
        }
        return law
    }


    /// Themenfelder and Lebenslagen with the number of recipes in each.
    public func topics() throws -> String {
        let loaded = book.loader.load()
        var lines: [String] = []
        for field in loaded.book.topics?.themenfelder ?? [] {
            let count = loaded.book.recipes.filter { $0.classification.themenfelder.contains { $0.id == field.id } }.count
            lines.append("\(field.name) (\(field.id)): \(count)")
            for lage in field.lebenslagen {
                let inner = loaded.book.recipes.filter { $0.classification.lebenslagen.contains { $0.id == lage.id } }.count
                if inner > 0 { lines.append("    \(lage.name) (\(lage.id)): \(inner)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Law text wrapped for a terminal.
enum LawPlainText {
    static func render(_ text: [LawText], width: Int) -> String {
        var out: [String] = []
        for piece in text {
            switch piece {
            case .heading(let heading): out.append(heading)
            case .paragraph(let paragraph):
                out.append(wrap((paragraph.number.map { "(\($0)) " } ?? "") + flatten(paragraph.parts, indent: 0), width: width))
            }
        }
        return out.joined(separator: "\n\n")
    }

    private static func flatten(_ parts: [LawTextPart], indent: Int) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .item(let label, let children): "\n" + String(repeating: "  ", count: indent + 1) + label + " " + flatten(children, indent: indent + 1)
            }
        }.joined(separator: " ")
    }

    static func wrap(_ text: String, width: Int) -> String {
        text.components(separatedBy: "\n").map { line in
            let indent = String(line.prefix { $0 == " " })
            let hanging = indent.isEmpty ? "" : indent + String(repeating: " ", count: (line.dropFirst(indent.count).prefix { $0 != " " }.count) + 1)
            var lines: [String] = []
            var current = indent
            for word in line.split(separator: " ") {
                if current.count > indent.count && current.count + 1 + word.count > width {
                    lines.append(current)
                    current = hanging + word
                } else {
                    current += (current.count > indent.count ? " " : "") + word
                }
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
