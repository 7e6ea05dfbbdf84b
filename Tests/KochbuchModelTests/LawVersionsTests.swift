import KochbuchModel
import Testing

/// The law's history: which version is in force, what a diff says, where a text moved.
@Suite struct LawVersionsTests {
    static func section(_ number: String, _ title: String, _ text: String, status: LawSection.Status = .inForce) -> LawSection {
        LawSection(number: number, title: title, status: status, text: [.paragraph(LawParagraph(parts: [.text(text)]))])
    }

    static let eAkte = "Die Behörden des Bundes sollen ihre Akten elektronisch führen. Wird eine Akte elektronisch geführt, ist durch geeignete technisch-organisatorische Maßnahmen sicherzustellen, dass die Grundsätze ordnungsgemäßer Aktenführung eingehalten werden."
    static let place = SourceLocation(path: "egovg.xml")

    static let earlier = LawVersion(date: CalendarDate("2022-01-01")!, note: "alt", source: "Test", sections: [
        section("2", "Zugang", "Jede Behörde eröffnet einen Zugang. Behörden des Bundes eröffnen eine De-Mail-Adresse."),
        section("6", "Elektronische Aktenführung", eAkte),
        section("9", "Optimierung", "Behörden des Bundes sollen Verwaltungsabläufe dokumentieren und analysieren."),
    ], location: place)

    static let later = LawVersion(date: CalendarDate("2024-07-24")!, note: "neu", source: "Test", sections: [
        section("2", "Zugang", "Jede Behörde eröffnet einen Zugang."),
        section("6", "Ende-zu-Ende-Digitalisierung", "Der Bund stellt für seine wesentlichen Verwaltungsleistungen eine vollständige elektronische Abwicklung sicher."),
        section("6a", "Elektronische Aktenführung", eAkte),
        section("9", "Optimierung", "Behörden des Bundes sollen Verwaltungsabläufe dokumentieren und analysieren."),
    ], location: place)

    static var law: Law {
        var later = later
        later.moves = SectionMoves.detect(from: earlier, to: later)
        return Law(id: "egovg", abbreviation: "EGovG", title: "Test", versions: [earlier, later], location: place)
    }

    @Test func theMoveOfTheEAkteIsFound() {
        let moves = SectionMoves.detect(from: Self.earlier, to: Self.later)
        #expect(moves.map { "\($0.from)→\($0.to)" } == ["6→6a"])
        #expect(SectionMoves.cycle(in: moves) == nil)
        #expect(SectionMoves.cycle(in: [LawMove(from: "6", to: "7"), LawMove(from: "7", to: "6")]) == ["6", "7", "6"])
    }

    @Test func aRewordedSectionThatKeepsItsNumberIsNoMove() {
        var reworded = Self.later
        reworded.sections[0] = Self.section("2", "Zugang", "Jede Behörde eröffnet einen Zugang. Behörden des Bundes eröffnen ein Postfach.")
        #expect(SectionMoves.detect(from: Self.earlier, to: reworded).allSatisfy { $0.from != "2" })
    }

    @Test func theVersionInForceIsTheLatestOnOrBeforeTheDay() {
        let law = Self.law
        #expect(law.section("6")?.title == "Ende-zu-Ende-Digitalisierung")
        let old = law.selectingVersion(inForceOn: CalendarDate("2023-01-01")!)
        #expect(old.section("6")?.title == "Elektronische Aktenführung")
        #expect(old.section("6a") == nil)
        #expect(law.selectingVersion(inForceOn: CalendarDate("2024-07-24")!).section("6a") != nil)
        #expect(law.versionIndex(inForceOn: CalendarDate("2021-12-31")!) == nil)
        #expect(law.selectingVersion(inForceOn: CalendarDate("2021-12-31")!).sections.isEmpty)
    }

    @Test func aSectionsHistoryNamesEveryEvent() {
        let law = Self.law
        #expect(law.history(of: "6").map(\.kind) == [.added, .movedAway, .renamed, .changed])
        #expect(law.history(of: "6a").map(\.kind) == [.added, .movedHere])
        #expect(law.history(of: "9").map(\.kind) == [.added])
        #expect(law.lastChange(of: "9", onOrBefore: CalendarDate("2026-12-02")!) == nil)
        #expect(law.lastChange(of: "2", onOrBefore: CalendarDate("2026-12-02")!) == CalendarDate("2024-07-24"))
        #expect(law.lastChange(of: "2", onOrBefore: CalendarDate("2023-01-01")!) == nil)
        #expect(law.move(of: "6", after: CalendarDate("2023-01-01")!, until: CalendarDate("2026-12-02")!)?.to == "6a")
        #expect(law.move(of: "6", after: CalendarDate("2025-01-01")!, until: CalendarDate("2026-12-02")!) == nil)
    }

    @Test func theDiffListsEachKindOfChange() throws {
        let diff = try #require(Self.law.diff(toVersion: 1))
        let kinds = diff.changes.map { "\($0.kind.rawValue) \($0.number)" }
        #expect(kinds == ["changed 2", "renamed 6", "changed 6", "moved 6a"])
        let access = try #require(diff.changes.first { $0.number == "2" }?.text)
        #expect(access.runs.filter { $0.operation == .deleted }.map(\.text) == ["Behörden des Bundes eröffnen eine De-Mail-Adresse."])
        #expect(access.runs.filter { $0.operation == .inserted }.isEmpty)
        let moved = try #require(diff.changes.first { $0.kind == .moved })
        #expect(moved.from == "6" && moved.text?.isEmpty == true)
    }

    @Test func aWordDiffKeepsTheWordsInOrder() {
        let diff = WordDiff(from: "Die Behörde soll informieren", to: "Die Behörde muss informieren und beraten")
        #expect(diff.runs.map { "\($0.operation.rawValue):\($0.text)" }
            == ["same:Die Behörde", "deleted:soll", "inserted:muss", "same:informieren", "inserted:und beraten"])
        #expect(WordDiff(from: "gleich", to: "gleich").isEmpty)
    }

    @Test func aPinnedCitationReadsWithItsDate() {
        let pinned = LawReference(law: "egovg", section: "2", paragraph: "2", asOf: CalendarDate("2023-03-01"), location: Self.place)
        #expect(pinned.displayText(law: Self.law) == "§ 2 Abs. 2 EGovG (Fassung vom 1. Januar 2022)")
        #expect(pinned.section(in: Self.law)?.plainText.contains("De-Mail") == true)
        let current = LawReference(law: "egovg", section: "6a", location: Self.place)
        #expect(current.displayText(law: Self.law) == "§ 6a EGovG")
    }
}
