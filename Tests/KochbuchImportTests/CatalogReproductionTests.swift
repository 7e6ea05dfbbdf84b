import Foundation
import Kochbuch
import KochbuchImport
import KochbuchLoading
import KochbuchModel
import Testing

/// The committed catalogs are exactly what the importers make of ../shared/data, so a law
/// change is brought in by re-running the import, never by hand-editing.
@Suite struct CatalogReproductionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared/data")
    static let sharedDataPresent = FileManager.default.fileExists(atPath: shared.path)

    // The law catalog is rebuilt by scripts/import-laws.sh; KochbuchCLITests runs it and compares.

    @Test(.enabled(if: sharedDataPresent, "needs ../shared/data beside the project"))
    func topicCatalogsAreReproducible() throws {
        let output = try TopicImporter().importCatalog(from: Self.shared.appendingPathComponent("ozg"))
        #expect(output.summary == "14 Themenfelder, 55 Lebenslagen, 557 OZG-Leistungen, 4813 LeiKa-Leistungen")
        for (name, xml) in output.files {
            let committed = try String(contentsOf: Self.repository.appendingPathComponent("Recipes/catalogs/\(name)"), encoding: .utf8)
            #expect(xml == committed, "\(name) differs")
        }
    }

    @Test func importedLawsLoadWithTheirVersions() throws {
        let loaded = BookLoader(directory: Self.repository.appendingPathComponent("Recipes/catalogs/laws"), displayPrefix: "laws").load()
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let egovg = try #require(loaded.book.laws.first { $0.id == "egovg" })
        #expect(egovg.versions.map(\.date.description) == ["2022-01-01", "2024-07-24", "2025-12-17"])
        #expect(egovg.municipalities == .federalLaw)
        let current = egovg.selectingVersion(inForceOn: CalendarDate("2026-12-02")!)
        #expect(current.section("6")?.title == "Ende-zu-Ende-Digitalisierung; Verordnungsermächtigung")
        #expect(current.section("6a")?.title == "Elektronische Aktenführung")
        #expect(current.section("2")?.paragraphNumbers == ["1", "2"])
        #expect(!current.section("2")!.plainText.contains("De-Mail"))
        #expect(egovg.versions[1].moves.map { "\($0.from)→\($0.to)" } == ["6→6a"])
        let old = egovg.selectingVersion(inForceOn: CalendarDate("2023-01-01")!)
        #expect(old.section("6")?.title == "Elektronische Aktenführung")
        #expect(old.section("3")?.paragraphNumbers == ["1", "2", "2a", "3"])
        let ozg = try #require(loaded.book.laws.first { $0.id == "ozg" })
        #expect(ozg.versions.count == 4)
        #expect(ozg.selectingVersion(inForceOn: CalendarDate("2023-01-01")!).section("10")?.status == .pending)
        #expect(ozg.selectingVersion(inForceOn: CalendarDate("2026-12-02")!).section("1a")?.title == "Portalverbund für digitale Verwaltungsleistungen")
        let demail = try #require(loaded.book.laws.first { $0.id == "de-mail-g" })
        #expect(demail.versions.count == 2)
        #expect(demail.selectingVersion(inForceOn: CalendarDate("2026-12-02")!).section("24")?.status == .repealed)
        #expect(demail.versions[0].section("1")?.division == "Abschnitt 1 - Allgemeine Vorschriften")
        let bitv = try #require(loaded.book.laws.first { $0.id == "bitv-2.0" })
        #expect(bitv.versions.count == 2)
        let draft = try #require(loaded.book.laws.first { $0.id == "ozg-entwurf-2023" })
        #expect(draft.status == .draft && draft.supersedes == "ozg")
        #expect(draft.sections.map(\.number).contains("9a"))
        let nrw = try #require(loaded.book.laws.first { $0.id == "egovg-nw" })
        #expect(!nrw.hasText && nrw.jurisdiction == "nw")
    }
}
