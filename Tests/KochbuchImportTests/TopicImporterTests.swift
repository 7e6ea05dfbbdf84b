import Foundation
import KochbuchImport
import Testing

@Suite struct TopicImporterTests {
    @Test(arguments: [
        ("Bauen & Wohnen", "bauen-wohnen"),
        ("Ein- & Auswanderung", "ein-auswanderung"),
        ("Führerschein", "fuehrerschein"),
        ("Eheschließung", "eheschliessung"),
        ("(Drohender) Arbeitsplatzverlust & -suche", "drohender-arbeitsplatzverlust-suche"),
        ("Aus-, Weiterbildung & Sachkunde", "aus-weiterbildung-sachkunde"),
    ])
    func makesSlugs(_ name: String, _ slug: String) {
        #expect(Slug.make(name) == slug)
    }

    @Test func importsQuotedCSVAndRefusesUnknownLebenslagen() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("themenfelder.csv", "themenfeld_id,themenfeld\n14,Unternehmensführung & -entwicklung\n")
        try write("lebenslagen.csv", "lebenslage_id,lebenslage,themenfeld_id,themenfeld\n9,\"Aus-, Weiterbildung & Sachkunde\",14,Unternehmensführung & -entwicklung\n")
        try write("ozg-leistungen.csv", "ozg_id,leistung,lebenslage,themenfeld\n10300,\"Meisterprüfung, Zulassung\",\"Aus-, Weiterbildung & Sachkunde\",Unternehmensführung & -entwicklung\n")
        let output = try TopicImporter().importCatalog(from: directory)
        #expect(output.files.map(\.name) == ["topics.xml", "ozg-leistungen.xml"])
        #expect(output.files[0].xml.contains("<lebenslage id=\"aus-weiterbildung-sachkunde\" number=\"9\" name=\"Aus-, Weiterbildung &amp; Sachkunde\"/>"))
        #expect(output.files[1].xml.contains("<leistung id=\"10300\" name=\"Meisterprüfung, Zulassung\" lebenslage=\"aus-weiterbildung-sachkunde\"/>"))

        try write("ozg-leistungen.csv", "ozg_id,leistung,lebenslage,themenfeld\n10300,Meister,Unbekannt,X\n")
        #expect(throws: TopicImporter.ImportError.self) { try TopicImporter().importCatalog(from: directory) }
    }
}
