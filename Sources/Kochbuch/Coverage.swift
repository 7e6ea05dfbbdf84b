import KochbuchLinking
import KochbuchModel

/// Builds the coverage report of a book and renders it for a terminal.
public struct Coverage: Sendable {
    public var book: BookLocation
    public var today: CalendarDate

    public init(book: BookLocation, today: CalendarDate = .today) {
        self.book = book
        self.today = today
    }

    /// The report, or the loading diagnostics when the book cannot be read.
    public func report() -> (CoverageReport, [Diagnostic]) {
        let loaded = book.loader.load()
        let lawBook = loaded.book.withRechtsstand(today)
        return (CoverageReport(book: lawBook, graph: LinkGraph(book: lawBook), today: today),
                loaded.diagnostics.filter { $0.severity == .error })
    }

    /// The report as text tables: laws and sections, topics, OZG-Leistungen, editorial lists.
    /// With a width (a terminal's), the tables are fitted to it, and a last line says how to see
    /// what had to be shortened.
    public static func text(_ report: CoverageReport, width: Int? = nil) -> String {
        var out: [String] = []
        var fits: [TextTable.Fit] = []
        func table(_ table: TextTable) -> String {
            let (text, fit) = table.layout(width: width)
            fits.append(fit)
            return text
        }
        out.append("Abdeckung: \(report.recipeCount) Rezepte, \(report.themenfelderCovered) von \(report.themenfelder.count) Themenfeldern, "
                   + "\(report.lebenslagenCovered) Lebenslagen, \(report.ozgLeistungen.count) OZG-Leistungen")
        for law in report.laws {
            out.append("")
            let draft = law.status == "draft" ? " (Entwurf)" : ""
            out.append("\(law.abbreviation)\(draft): \(law.sections.count - law.uncitedCount) von \(law.sections.count) Paragrafen zitiert, \(law.uncitedCount) ohne Rezept")
            out.append(table(TextTable(header: ["§", "Titel", "Rezepte"], rows: law.sections.map { section in
                let marker = section.status != "in-force" ? (section.status == "repealed" ? " (weggefallen)" : " (nicht in Kraft)")
                    : (section.recipes.isEmpty ? " — Lücke" : "")
                let recipes = section.recipes.isEmpty ? "0" : "\(section.recipes.count): \(section.recipes.joined(separator: ", "))"
                return ["§ \(section.number)", section.title, recipes + marker]
            }, shortened: [1])))
            if !law.needsReview.isEmpty {
                out.append("Zu prüfen: \(law.needsReview.count) Rezept(e) zitieren Paragrafen, die sich nach ihrer Prüfung geändert haben")
                for need in law.needsReview {
                    let sections = need.sections.map { item -> String in
                        let parts = item.split(separator: "@")
                        return "§ \(parts[0]) (geändert am \(parts.count > 1 ? String(parts[1]) : "?"))"
                    }
                    out.append("  \(need.recipe), geprüft \(need.reviewed ?? "nie"): \(sections.joined(separator: ", "))")
                }
            }
        }
        out.append("")
        out.append("Themenfelder und Lebenslagen")
        var rows: [[String]] = []
        for field in report.themenfelder {
            rows.append([field.name, "\(field.recipes.count)", field.recipes.isEmpty ? "— Lücke" : field.recipes.joined(separator: ", ")])
            for lage in field.lebenslagen ?? [] where !lage.recipes.isEmpty {
                rows.append(["  \(lage.name)", "\(lage.recipes.count)", lage.recipes.joined(separator: ", ")])
            }
        }
        out.append(table(TextTable(header: ["Themenfeld / Lebenslage", "Anzahl", "Rezepte"], rows: rows, shortened: [0])))
        out.append("")
        out.append("OZG-Leistungen mit Rezept")
        out.append(table(TextTable(header: ["OZG-ID", "Leistung", "Rezepte"], rows: report.ozgLeistungen.map {
            [$0.id, $0.name, $0.recipes.joined(separator: ", ")]
        }, shortened: [1])))
        out.append("")
        out.append("Rezepte, auf die nichts verweist: " + list(report.unlinked))
        out.append("Entwürfe: " + list(report.drafts))
        out.append("Prüfung älter als ein Jahr oder fehlend: " + list(report.staleReviews.map { "\($0.id) (\($0.reviewed ?? "nie"))" }))
        if let width, fits.contains(where: { $0 == .shortened || $0 == .stacked }) {
            out.append("")
            out.append("(Auf \(width) Spalten gekürzt. Ungekürzt: ein breiteres Fenster, COLUMNS=200 kochbuch coverage | less -S, "
                       + "oder kochbuch coverage > abdeckung.txt)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func list(_ items: [String]) -> String { items.isEmpty ? "keine" : items.joined(separator: ", ") }
}
