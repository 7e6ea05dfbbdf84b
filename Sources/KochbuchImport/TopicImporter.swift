import Foundation
import KochbuchModel
import SwiftCSV

/// Reads the OZG catalog's CSV files (themenfelder, lebenslagen, ozg-leistungen, leika-leistungen)
/// and writes the catalogs `topics.xml`, `ozg-leistungen.xml` and `leika.xml`.
public struct TopicImporter {
    /// The three catalog files as XML text, keyed by file name.
    public struct Output: Sendable {
        public var files: [(name: String, xml: String)]
        public var summary: String
    }

    public enum ImportError: Error, CustomStringConvertible {
        case missingFile(String)
        case missingColumn(file: String, column: String)
        case unknownReference(file: String, row: Int, value: String)

        public var description: String {
            switch self {
            case .missingFile(let file): "missing file '\(file)'"
            case .missingColumn(let file, let column): "'\(file)' has no column '\(column)'"
            case .unknownReference(let file, let row, let value): "'\(file)' row \(row): unknown '\(value)'"
            }
        }
    }

    public static let sourceNote = "OZG-Umsetzungskatalog (Stand 2019–2021) aus der OZG-Datenbank NRW (kdn-nrw/OZG-Datenbank-NRW, MIT-Lizenz, 2020 Gert Hammes); Testzeilen entfernt."

    public init() {}

    public func importCatalog(from directory: URL) throws -> Output {
        let themenfelder = try rows(directory, "themenfelder.csv", ["themenfeld_id", "themenfeld"])
        let lebenslagen = try rows(directory, "lebenslagen.csv", ["lebenslage_id", "lebenslage", "themenfeld_id"])
        let leistungen = try rows(directory, "ozg-leistungen.csv", ["ozg_id", "leistung", "lebenslage"])
        let leikaURL = directory.appendingPathComponent("leika-leistungen.csv")
        let leika = FileManager.default.fileExists(atPath: leikaURL.path)
            ? try rows(directory, "leika-leistungen.csv", ["leika_key", "leistung", "ozg_id"]) : nil

        var topics = XMLWriter()
        topics.comment("Erzeugt mit 'kochbuch import topics'. Nicht von Hand ändern: neu importieren.")
        topics.open("topics", header("topics.xsd"))
        topics.element("source", text: Self.sourceNote)
        var lebenslageIDs: [String: String] = [:]
        for field in themenfelder.sorted(by: { Int($0["themenfeld_id"]!) ?? 0 < Int($1["themenfeld_id"]!) ?? 0 }) {
            let fieldID = field["themenfeld_id"]!
            topics.open("themenfeld", [("id", Slug.make(field["themenfeld"]!)), ("number", fieldID), ("name", field["themenfeld"]!)])
            for lage in lebenslagen where lage["themenfeld_id"] == fieldID {
                let id = Slug.make(lage["lebenslage"]!)
                lebenslageIDs[lage["lebenslage"]!] = id
                topics.empty("lebenslage", [("id", id), ("number", lage["lebenslage_id"]!), ("name", lage["lebenslage"]!)])
            }
            topics.close("themenfeld")
        }
        topics.close("topics")

        var ozg = XMLWriter()
        ozg.comment("Erzeugt mit 'kochbuch import topics'. Nicht von Hand ändern: neu importieren.")
        ozg.open("ozg-leistungen", header("topics.xsd"))
        ozg.element("source", text: Self.sourceNote)
        for (index, row) in leistungen.enumerated() {
            guard let lage = lebenslageIDs[row["lebenslage"]!] else {
                throw ImportError.unknownReference(file: "ozg-leistungen.csv", row: index + 2, value: row["lebenslage"]!)
            }
            ozg.empty("leistung", [("id", row["ozg_id"]!), ("name", row["leistung"]!), ("lebenslage", lage)])
        }
        ozg.close("ozg-leistungen")

        var files = [("topics.xml", topics.output), ("ozg-leistungen.xml", ozg.output)]
        if let leika {
            var writer = XMLWriter()
            writer.comment("Erzeugt mit 'kochbuch import topics'. Nicht von Hand ändern: neu importieren.")
            writer.open("leika", header("topics.xsd"))
            writer.element("source", text: Self.sourceNote)
            for row in leika {
                let ozgID = row["ozg_id"].flatMap { $0.isEmpty ? nil : $0 }
                writer.empty("leistung", [("key", row["leika_key"]!), ("name", row["leistung"]!), ("ozg", ozgID)])
            }
            writer.close("leika")
            files.append(("leika.xml", writer.output))
        }
        let summary = "\(themenfelder.count) Themenfelder, \(lebenslagen.count) Lebenslagen, \(leistungen.count) OZG-Leistungen"
            + (leika.map { ", \($0.count) LeiKa-Leistungen" } ?? "")
        return Output(files: files, summary: summary)
    }

    private func header(_ schema: String) -> [(String, String?)] {
        [("xmlns", DocumentNamespace.uri), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
         ("xsi:schemaLocation", "\(DocumentNamespace.uri) ../schema/\(schema)")]
    }

    private func rows(_ directory: URL, _ name: String, _ columns: [String]) throws -> [[String: String]] {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw ImportError.missingFile(url.path) }
        let csv = try CSV<Named>(url: url, delimiter: .comma, encoding: .utf8, loadColumns: false)
        for column in columns where !csv.header.contains(column) {
            throw ImportError.missingColumn(file: name, column: column)
        }
        return csv.rows.map { row in row.mapValues { $0.trimmingCharacters(in: .whitespaces) } }
    }
}
