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
    public static func text(_ report: CoverageReport) -> String {
        var out: [String] = []
        out.append("Abdeckung: \(report.recipeCount) Rezepte, \(report.themenfelderCovered) von \(report.themenfelder.count) Themenfeldern, "
                   + "\(report.lebenslagenCovered) Lebenslagen, \(report.ozgLeistungen.count) OZG-Leistungen")
        for law in report.laws {
            out.append("")
            let draft = law.status == "draft" ? " (Entwurf)" : ""
            out.append("\(law.abbreviation)\(draft): \(law.sections.count - law.uncitedCount) von \(law.sections.count) Paragrafen zitiert, \(law.uncitedCount) ohne Rezept")
            out.append(TextTable(header: ["§", "Titel", "Rezepte", ""], rows: law.sections.map { section in
                let marker = section.status != "in-force" ? (section.status == "repealed" ? "weggefallen" : "nicht in Kraft")
                    : (section.recipes.isEmpty ? "— Lücke" : "")
                return ["§ \(section.number)", truncate(section.title, 48), section.recipes.isEmpty ? "0" : "\(section.recipes.count): \(section.recipes.joined(separator: ", "))", marker]
            }).render(maxWidth: 160))
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
        out.append(TextTable(header: ["Themenfeld / Lebenslage", "Anzahl", "Rezepte"], rows: rows).render(maxWidth: 160))
        out.append("")
        out.append("OZG-Leistungen mit Rezept")
        out.append(TextTable(header: ["OZG-ID", "Leistung", "Rezepte"], rows: report.ozgLeistungen.map {
            [$0.id, truncate($0.name, 50), $0.recipes.joined(separator: ", ")]
        }).render(maxWidth: 160))
        out.append("")
        out.append("Rezepte, auf die nichts verweist: " + list(report.unlinked))
        out.append("Entwürfe: " + list(report.drafts))
        out.append("Prüfung älter als ein Jahr oder fehlend: " + list(report.staleReviews.map { "\($0.id) (\($0.reviewed ?? "nie"))" }))
        return out.joined(separator: "\n") + "\n"
    }

    private static func list(_ items: [String]) -> String { items.isEmpty ? "keine" : items.joined(separator: ", ") }

    private static func truncate(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}

/// A plain-text table with columns padded to their widest cell.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    func render(maxWidth: Int) -> String {
        let all = [header] + rows
        var widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let total = widths.reduce(0, +) + 2 * (widths.count - 1)
        if total > maxWidth, let last = widths.indices.last {
            widths[last] = max(10, widths[last] - (total - maxWidth))
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let text = cell.count > widths[index] ? String(cell.prefix(widths[index] - 1)) + "…" : cell
                return index == cells.count - 1 ? text : text.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

import Foundation
