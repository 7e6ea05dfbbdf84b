import Foundation
import KochbuchImport
import KochbuchModel
import Testing

/// The gesetze-im-internet.de format (kmein/gesetze): `% Title` lines, `# § N – Title` headings,
/// the publisher's `(+++ … +++)` notes kept out of the norm text.
@Suite struct SecondFormatTests {
    static let text = """
    % Gesetz zur Förderung der elektronischen Verwaltung  (E-Government-Gesetz - EGovG)
    % Ausfertigungsdatum: 25.07.2013

    # Inhaltsübersicht

    § 1 Geltungsbereich

    # § 1 – Geltungsbereich

    (1) Dieses Gesetz gilt für die Behörden des Bundes.

    (+++ § 1 Abs. 1: Zur Anwendung vgl. § 4a +++)

    (2) Es gilt auch für die Länder, wenn sie Bundesrecht ausführen.

    # § 6a – Elektronische Aktenführung

    Die Behörden des Bundes sollen ihre Akten elektronisch führen.

    1. erstens,

    2. zweitens.

    # § 24 – (weggefallen)

    """

    @Test func readsTitleDateAndSections() throws {
        let result = try LawMarkdownParser().parse(Self.text, options: .init(sourceName: "egovg.md"))
        let law = result.law
        #expect(law.id == "egovg" && law.abbreviation == "EGovG")
        #expect(law.title == "Gesetz zur Förderung der elektronischen Verwaltung")
        #expect(law.enacted == CalendarDate("2013-07-25"))
        #expect(law.sections.map(\.number) == ["1", "6a", "24"])
        #expect(law.section("1")?.paragraphNumbers == ["1", "2"])
        #expect(law.section("6a")?.title == "Elektronische Aktenführung")
        #expect(law.section("24")?.status == .repealed)
        #expect(!law.section("1")!.plainText.contains("+++"))
        #expect(result.editorialNotes.count == 1 && result.editorialNotes[0].contains("Zur Anwendung vgl. § 4a"))
        #expect(law.source.contains("gesetze-im-internet.de"))
    }

    @Test func aTitleWithoutAbbreviationStandsForIt() throws {
        let text = "% De-Mail-Gesetz\n% Ausfertigungsdatum: 28.04.2011\n\n# § 1 – De-Mail-Dienste\n\n(1) Text.\n"
        let law = try LawMarkdownParser().parse(text, options: .init(id: "de-mail-g", sourceName: "x.md")).law
        #expect(law.id == "de-mail-g" && law.abbreviation == "De-Mail-Gesetz")
    }

    @Test func aSecondSectionOfOneNumberIsRefusedWithItsLine() {
        let text = Self.text.replacingOccurrences(of: "# § 6a – Elektronische Aktenführung", with: "# § 1 – Noch einmal")
        #expect {
            try LawMarkdownParser().parse(text, options: .init(sourceName: "egovg.md"))
        } throws: { error in
            "\(error)".contains("line 16: a second '§ 1' (the first is on line 8)")
        }
    }

    @Test func anEmptyTextIsRefused() {
        #expect {
            try LawMarkdownParser().parse("  \n\n", options: .init(sourceName: "leer.md"))
        } throws: { error in
            "\(error)" == "the file is empty"
        }
    }
}
