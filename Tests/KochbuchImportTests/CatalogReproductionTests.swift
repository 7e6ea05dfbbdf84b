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

    static let laws: [(source: String, catalog: String)] = [
        ("egovg.md", "egovg.xml"), ("ozg.md", "ozg.xml"), ("bitv_2_0.md", "bitv-2.0.xml"),
        ("de-mail-g.md", "de-mail-g.xml"), ("ozg-entwurf-2023.md", "ozg-entwurf-2023.xml"),
    ]

    @Test(.enabled(if: sharedDataPresent, "needs ../shared/data beside the project"), arguments: laws.map(\.source))
    func lawCatalogIsReproducible(_ source: String) throws {
        let catalog = try #require(Self.laws.first { $0.source == source }?.catalog)
        let markdown = try String(contentsOf: Self.shared.appendingPathComponent("laws/\(source)"), encoding: .utf8)
        let law = try LawMarkdownParser().parse(markdown, options: .init(sourceName: source)).law
        let committed = try String(contentsOf: Self.repository.appendingPathComponent("Recipes/catalogs/laws/\(catalog)"), encoding: .utf8)
        #expect(LawXMLWriter.xml(for: law) == committed)
    }

    @Test(.enabled(if: sharedDataPresent, "needs ../shared/data beside the project"))
    func topicCatalogsAreReproducible() throws {
        let output = try TopicImporter().importCatalog(from: Self.shared.appendingPathComponent("ozg"))
        #expect(output.summary == "14 Themenfelder, 55 Lebenslagen, 557 OZG-Leistungen, 4813 LeiKa-Leistungen")
        for (name, xml) in output.files {
            let committed = try String(contentsOf: Self.repository.appendingPathComponent("Recipes/catalogs/\(name)"), encoding: .utf8)
            #expect(xml == committed, "\(name) differs")
        }
    }

    @Test func importedLawsLoadWithTheirSections() throws {
        let loaded = BookLoader(directory: Self.repository.appendingPathComponent("Recipes/catalogs/laws"), displayPrefix: "laws").load()
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let egovg = try #require(loaded.book.laws.first { $0.id == "egovg" })
        #expect(egovg.sections.map(\.number).contains("4a"))
        #expect(egovg.section("6")?.title == "Elektronische Aktenführung")
        #expect(egovg.section("3")?.paragraphNumbers == ["1", "2", "2a", "3"])
        let ozg = try #require(loaded.book.laws.first { $0.id == "ozg" })
        #expect(ozg.section("10")?.status == .pending)
        let demail = try #require(loaded.book.laws.first { $0.id == "de-mail-g" })
        #expect(demail.section("24")?.status == .repealed)
        #expect(demail.section("1")?.division == "Abschnitt 1 - Allgemeine Vorschriften")
        let draft = try #require(loaded.book.laws.first { $0.id == "ozg-entwurf-2023" })
        #expect(draft.status == .draft && draft.supersedes == "ozg")
        #expect(draft.sections.map(\.number).contains("9a"))
    }
}
