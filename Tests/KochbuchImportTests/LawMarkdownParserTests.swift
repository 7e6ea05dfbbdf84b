import Foundation
import KochbuchImport
import KochbuchModel
import Testing

@Suite struct LawMarkdownParserTests {
    static let sample = """
    ---
    Title: Gesetz über Beispiele
    jurabk: BspG 2.0
    slug: bspg

    ---

    # Gesetz über Beispiele (BspG 2.0)

    Ausfertigungsdatum
    :   2013-07-25

    Fundstelle
    :   BGBl I: 2013, 2749

    Zuletzt geändert durch
    :   Art. 2 G v. 3.12.2020 I 2668


    ## Abschnitt 1 - Allgemeines

    ### § 1 Zweck

    (1) Jede Behörde ist verpflichtet, den Zugang durch eine De-Mail-
    Adresse im Sinne des Gesetzes für Bundes- und
    Landesbehörden zu eröffnen.

    (2a) Das gilt nicht für

    1.  die Strafverfolgung,


    2.  Verfahren, mit denen sie

        a)  Formulare empfangen und
            herunterladen können sowie


        b)  Bescheide hochladen,

        wenn die Person das wünscht,


    3.  den Rest.

    Satz nach der Aufzählung.

    ## Abschnitt 2 - Schluss

    ### § 4a Rechtsgrundlagen der Datenverarbeitung“.

    Einziger Absatz ohne Nummer.

    ### § 5 IT-Sicherheit;  Verordnungsermächtigung;

    (1) Text.

    ### § 9 (weggefallen)



    ### § 10 



    ## Anlage 2 (zu § 3 Absatz 2)

    ## Teil 1

    1.  Erste Vorgabe.

    """

    private func parse(_ markdown: String = sample) throws -> LawMarkdownParser.Result {
        try LawMarkdownParser().parse(markdown, options: .init(sourceName: "bspg.md"))
    }

    @Test func readsIdentityAndMetadata() throws {
        let law = try parse().law
        #expect(law.id == "bspg-2.0")
        #expect(law.abbreviation == "BspG 2.0")
        #expect(law.title == "Gesetz über Beispiele")
        #expect(law.status == .inForce)
        #expect(law.enacted == CalendarDate("2013-07-25"))
        #expect(law.version == "Zuletzt geändert durch Art. 2 G v. 3.12.2020 I 2668")
        #expect(law.source.hasPrefix("Fundstelle BGBl I: 2013, 2749."))
        #expect(law.sections.map(\.number) == ["1", "4a", "5", "9", "10"])
        #expect(law.sections.map(\.division) == ["Abschnitt 1 - Allgemeines"] + Array(repeating: "Abschnitt 2 - Schluss", count: 4))
    }

    @Test func nestsParagraphsAndItemsByIndentation() throws {
        let section = try #require(parse().law.section("1"))
        #expect(section.paragraphNumbers == ["1", "2a"])
        guard case .paragraph(let first) = section.text[0], case .paragraph(let second) = section.text[1] else {
            Issue.record("expected two paragraphs"); return
        }
        #expect(first.parts == [.text("Jede Behörde ist verpflichtet, den Zugang durch eine De-Mail-Adresse im Sinne des Gesetzes für Bundes- und Landesbehörden zu eröffnen.")])
        #expect(second.parts == [
            .text("Das gilt nicht für"),
            .item(label: "1.", parts: [.text("die Strafverfolgung,")]),
            .item(label: "2.", parts: [
                .text("Verfahren, mit denen sie"),
                .item(label: "a)", parts: [.text("Formulare empfangen und herunterladen können sowie")]),
                .item(label: "b)", parts: [.text("Bescheide hochladen,")]),
                .text("wenn die Person das wünscht,"),
            ]),
            .item(label: "3.", parts: [.text("den Rest.")]),
            .text("Satz nach der Aufzählung."),
        ])
    }

    @Test func repairsTheSourcesKnownDefects() throws {
        let result = try parse()
        let law = result.law
        #expect(law.section("4a")?.title == "Rechtsgrundlagen der Datenverarbeitung")
        #expect(law.section("5")?.title == "IT-Sicherheit; Verordnungsermächtigung")
        #expect(law.section("9")?.status == .repealed)
        #expect(law.section("10")?.status == .pending)
        #expect(law.section("10")?.title == "")
        #expect(result.notes.count == 3)
        guard case .paragraph(let only)? = law.section("4a")?.text.first else { Issue.record("no text"); return }
        #expect(only.number == nil)
    }

    @Test func keepsAnnexesWithTheirHeadings() throws {
        let annex = try #require(parse().law.annexes.first)
        #expect(annex.title == "Anlage 2 (zu § 3 Absatz 2)")
        #expect(annex.text.first == .heading("Teil 1"))
    }

    @Test func detectsDraftsAndNamesThemAfterTheYear() throws {
        let draft = Self.sample.replacingOccurrences(
            of: "Ausfertigungsdatum", with: "Fassung\n:   2023-05-24 Entwurf eines Gesetzes\n\nAusfertigungsdatum")
        let law = try parse(draft).law
        #expect(law.status == .draft)
        #expect(law.id == "bspg-2.0-entwurf-2023")
        #expect(law.supersedes == "bspg-2.0")
    }

    @Test func refusesFilesThatAreNotLawTexts() {
        #expect(throws: LawMarkdownParser.ParseError.self) { try parse("# Nur eine Überschrift\n") }
        #expect(throws: LawMarkdownParser.ParseError.self) { try parse("---\nTitle: X\n---\n") }
        #expect(throws: LawMarkdownParser.ParseError.self) { try parse("---\njurabk: X\n---\n\nText ohne Paragrafen.\n") }
    }
}
