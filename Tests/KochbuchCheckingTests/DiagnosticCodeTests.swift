import Foundation
import Kochbuch
import KochbuchModel
import Testing

/// One planted defect per diagnostic code: the defect is reported with its code, file and line.
@Suite struct DiagnosticCodeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        enum Edit: Sendable {
            case replace(String, String, in: String)
            case write(String, to: String)
            case remove(String)
        }

        var code: DiagnosticCode
        var severity: Diagnostic.Severity = .error
        var edits: [Edit]
        /// The file and the text on the line where the diagnostic must point (nil: whole file).
        var file: String
        var lineContaining: String?
        var messageContains: String?
        var hintContains: String?

        var testDescription: String { code.rawValue }
    }

    static let cases: [Case] = [
        Case(code: .recipeIDMismatch, edits: [.replace("id=\"scannen\"", "id=\"scannen-neu\"", in: "scannen.xml")],
             file: "scannen.xml", lineContaining: "<recipe", messageContains: "does not match its file name 'scannen.xml'"),
        Case(code: .recipeDuplicateID, edits: [.write(MiniBookTexts.recipe(id: "e-akte"), to: "archiv/e-akte.xml")],
             file: "e-akte.xml", lineContaining: "<recipe", messageContains: "archiv/e-akte.xml"),
        Case(code: .referenceRecipe, edits: [.replace("<xref recipe=\"e-akte\"/>", "<xref recipe=\"e-akten\"/>", in: "everything.xml")],
             file: "everything.xml", lineContaining: "<xref recipe=\"e-akten\"/>", messageContains: "unknown recipe 'e-akten'",
             hintContains: "did you mean 'e-akte'?"),
        Case(code: .referenceStep, edits: [.replace("step=\"anfangen\"", "step=\"anfangn\"", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "step=\"anfangn\"", hintContains: "did you mean 'anfangen'?"),
        Case(code: .referenceLaw, edits: [.replace("<basis law=\"egovg\" section=\"6\"", "<basis law=\"EGovG\" section=\"6\"", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "<basis law=\"EGovG\"", hintContains: "did you mean 'egovg'?"),
        Case(code: .referenceLawSection, edits: [.replace("section=\"6\" municipalities", "section=\"22\" municipalities", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "section=\"22\"", messageContains: "unknown law section 'EGovG § 22'"),
        Case(code: .referenceLawParagraph, edits: [.replace("section=\"7\" paragraph=\"2\"", "section=\"7\" paragraph=\"5\"", in: "everything.xml")],
             file: "everything.xml", lineContaining: "paragraph=\"5\"", hintContains: "Abs. 1, 2"),
        Case(code: .referenceThemenfeld, edits: [.replace("<themenfeld ref=\"bauen-wohnen\"/>", "<themenfeld ref=\"bauen-wohen\"/>", in: "everything.xml")],
             file: "everything.xml", lineContaining: "bauen-wohen", hintContains: "did you mean 'bauen-wohnen'?"),
        Case(code: .referenceLebenslage, edits: [.replace("querschnitt-buerger", "querschnitt-burger", in: "everything.xml")],
             file: "everything.xml", lineContaining: "querschnitt-burger"),
        Case(code: .referenceOZGLeistung, edits: [.replace("ref=\"10519\"", "ref=\"10518\"", in: "everything.xml")],
             file: "everything.xml", lineContaining: "10518"),
        Case(code: .referenceLeiKa, edits: [.replace("ref=\"99001001000000\"", "ref=\"99001001000009\"", in: "everything.xml")],
             file: "everything.xml", lineContaining: "99001001000009"),
        Case(code: .referenceTerm, edits: [.replace("<term ref=\"e-akte\">", "<term ref=\"eakte\">", in: "everything.xml")],
             file: "everything.xml", lineContaining: "<term ref=\"eakte\">", hintContains: "did you mean 'e-akte'?"),
        Case(code: .referenceImage, edits: [.replace("images/ablauf.svg", "images/ablauf-neu.svg", in: "everything.xml")],
             file: "everything.xml", lineContaining: "images/ablauf-neu.svg"),
        Case(code: .imageOutsideBook, edits: [.replace("images/ablauf.svg", "images/../../../etc/passwd.svg", in: "everything.xml")],
             file: "everything.xml", lineContaining: "passwd.svg"),
        Case(code: .linkScheme, edits: [.replace("href=\"https://www.xoev.de/\"", "href=\"javascript:alert(1)\"", in: "everything.xml")],
             file: "everything.xml", lineContaining: "javascript:", messageContains: "'javascript:alert(1)'"),
        Case(code: .dateInvalid, edits: [.replace("reviewed=\"2026-11-01\"", "reviewed=\"2026-02-30\"", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "2026-02-30", messageContains: "'2026-02-30' is not a real date"),
        Case(code: .schemaInvalid, edits: [.replace("<difficulty>easy</difficulty>", "<difficulty>simple</difficulty>", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "<difficulty>", messageContains: "difficulty"),
        Case(code: .recipeOrphan, severity: .warning, edits: [.write(MiniBookTexts.recipe(id: "neu"), to: "neu.xml")],
             file: "neu.xml", lineContaining: "<recipe"),
        Case(code: .recipeSelfLink, severity: .warning,
             edits: [.replace("<relation recipe=\"everything\" kind=\"see-also\"/>", "<relation recipe=\"e-akte\" kind=\"see-also\"/>", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "<relation recipe=\"e-akte\""),
        Case(code: .citationRepealed, severity: .warning, edits: [.replace("section=\"6\" municipalities", "section=\"24\" municipalities", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "section=\"24\"", messageContains: "repealed"),
        Case(code: .citationDraftLaw, severity: .warning,
             edits: [.replace("<basis law=\"egovg\" section=\"6\"", "<basis law=\"ozg-entwurf-2023\" section=\"9a\"", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "ozg-entwurf-2023", hintContains: "'egovg'"),
        Case(code: .linkDraft, severity: .warning, edits: [.replace("status=\"published\"", "status=\"draft\"", in: "scannen.xml")],
             file: "everything.xml", lineContaining: "<relation recipe=\"scannen\""),
        Case(code: .reviewMissing, severity: .warning, edits: [.replace(" reviewed=\"2026-11-01\"", "", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "<recipe"),
        Case(code: .reviewFuture, severity: .warning, edits: [.replace("reviewed=\"2026-11-01\"", "reviewed=\"2099-01-01\"", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "<recipe"),
        Case(code: .classificationMismatch, severity: .warning,
             edits: [.replace("<themenfeld ref=\"querschnitt\"/>\n", "", in: "everything.xml")],
             file: "everything.xml", lineContaining: "<lebenslage ref=\"querschnitt-buerger\"/>"),
        Case(code: .bookManifestMissing, edits: [.remove("book.xml")], file: "book.xml"),
        Case(code: .bookUnlisted, severity: .warning, edits: [.replace("<recipe ref=\"scannen\"/>", "", in: "book.xml")],
             file: "scannen.xml", lineContaining: "<recipe"),
        Case(code: .bookDuplicateEntry, edits: [.replace("<recipe ref=\"scannen\"/>", "<recipe ref=\"scannen\"/>\n<recipe ref=\"scannen\"/>", in: "book.xml")],
             file: "book.xml", lineContaining: "<recipe ref=\"scannen\"/>\n<recipe ref=\"scannen\"/>"),
        Case(code: .catalogDuplicate, edits: [.write(MiniBookTexts.secondGlossary, to: "catalogs/zz-glossar.xml")],
             file: "catalogs/zz-glossar.xml"),
        Case(code: .xmlUnknownRoot, edits: [.write("<rezept xmlns=\"urn:kochbuch:1.0\"/>\n", to: "rezept.xml")],
             file: "rezept.xml", lineContaining: "<rezept"),
        Case(code: .textControlCharacter, edits: [.replace("<title>Ein Beispielrezept</title>", "<title>Ein Beispielrezept \u{202E}tpezer\u{9B}31m</title>", in: "everything.xml")],
             file: "everything.xml", lineContaining: "<recipe", messageContains: "U+202E"),
        Case(code: .textDoubledWord, severity: .warning, edits: [.replace("wie in <xref", "wie in Schritt <xref", in: "everything.xml")],
             file: "everything.xml", lineContaining: "wie in Schritt <xref", messageContains: "'Schritt' stands twice",
             hintContains: "remove 'Schritt'"),
        Case(code: .factsDurationSteps, severity: .warning,
             edits: [.replace("<step id=\"anfangen\"", "<step id=\"anfangen\" duration=\"P5Y\"", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "<step id=\"anfangen\"", messageContains: "longer than the whole recipe"),
        Case(code: .factsDurationNegative,
             edits: [.replace("<step id=\"anfangen\"", "<step id=\"anfangen\" duration=\"-P2W\"", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "<step id=\"anfangen\"", messageContains: "is negative", hintContains: "\"P2W\""),
        Case(code: .factsDurationOrder,
             edits: [.replace("<duration min=\"P1M\"/>", "<duration min=\"P6M\" max=\"P2M\"/>", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "<recipe", messageContains: "longer than the longest", hintContains: "swap"),
        Case(code: .synonymUnknownWord,
             edits: [.write(MiniBookTexts.synonyms(["Akte": "Akte", "Papierakte": "Pergamentrolle"]), to: "catalogs/synonyms.xml")],
             file: "catalogs/synonyms.xml", lineContaining: "word=\"Papierakte\"", messageContains: "no recipe uses the word 'Pergamentrolle'"),
        Case(code: .synonymDuplicate,
             edits: [.write(MiniBookTexts.synonyms(["Akte": "Akte", "akte": "Akte"]), to: "catalogs/synonyms.xml")],
             file: "catalogs/synonyms.xml", lineContaining: "word=\"akte\"", messageContains: "listed twice"),
        Case(code: .imageUnsafe,
             edits: [.write("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect width=\"1\" height=\"1\"/>\n<a href=\"#x\"><text onclick=\"alert(1)\">x</text></a>\n</svg>\n", to: "images/ablauf.svg")],
             file: "images/ablauf.svg", lineContaining: "onclick", messageContains: "event handler onclick"),
        // The Rechtsstand: the versioned EGovG of MiniBookTexts (§ 6's text moved to § 6a on 2024-07-24).
        Case(code: .citationRemoved, edits: [.write(MiniBookTexts.versionedEGovG, to: "catalogs/laws/egovg.xml"),
                                             .replace("section=\"7\" paragraph=\"2\"", "section=\"2\" paragraph=\"2\"", in: "everything.xml")],
             file: "everything.xml", lineContaining: "section=\"2\" paragraph=\"2\"", messageContains: "removed on 2024-07-24",
             hintContains: "as-of=\"2022-01-01\""),
        Case(code: .citationMoved, severity: .warning, edits: [.write(MiniBookTexts.versionedEGovG, to: "catalogs/laws/egovg.xml"),
                                                               .replace("reviewed=\"2026-11-01\"", "reviewed=\"2023-05-01\"", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "<basis law=\"egovg\" section=\"6\"", messageContains: "moved to § 6a on 2024-07-24",
             hintContains: "did you mean § 6a EGovG?"),
        Case(code: .citationChangedSinceReview, severity: .warning,
             edits: [.write(MiniBookTexts.versionedEGovG, to: "catalogs/laws/egovg.xml"),
                     .replace("reviewed=\"2026-11-01\"", "reviewed=\"2023-05-01\"", in: "scannen.xml")],
             file: "scannen.xml", lineContaining: "<basis law=\"egovg\" section=\"7\"", messageContains: "changed on 2024-07-24",
             hintContains: "kochbuch law diff egovg 2022-01-01 2024-07-24"),
        Case(code: .citationOutdated, severity: .warning,
             edits: [.write(MiniBookTexts.versionedEGovG, to: "catalogs/laws/egovg.xml"),
                     .replace("<basis law=\"egovg\" section=\"7\" municipalities=\"none\"/>",
                              "<basis law=\"egovg\" section=\"7\" municipalities=\"none\">Papierdokumente sollen nach der Übertragung vernichtet werden, wenn keine Aufbewahrungspflicht besteht.</basis>", in: "scannen.xml")],
             file: "scannen.xml", lineContaining: "<basis law=\"egovg\" section=\"7\"", messageContains: "as it read before 2024-07-24"),
        Case(code: .citationPinnedVersion, edits: [.write(MiniBookTexts.versionedEGovG, to: "catalogs/laws/egovg.xml"),
                                                    .replace("section=\"6\" municipalities", "section=\"6\" as-of=\"2019-01-01\" municipalities", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "as-of=\"2019-01-01\"", messageContains: "no version in force on 2019-01-01"),
        Case(code: .basisApplicabilityMissing, severity: .warning,
             edits: [.replace("section=\"6\" municipalities=\"none\"", "section=\"6\"", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "<basis law=\"egovg\" section=\"6\"/>", hintContains: "municipalities="),
        Case(code: .basisApplicabilityExceeds,
             edits: [.write(MiniBookTexts.versionedEGovG, to: "catalogs/laws/egovg.xml"),
                     .replace("section=\"6\" municipalities=\"none\"", "section=\"6a\" municipalities=\"direct\"", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "municipalities=\"direct\"", messageContains: "claims more than EGovG",
             hintContains: "federal-law"),
        Case(code: .basisFederalOnly, severity: .warning,
             edits: [.write(MiniBookTexts.versionedEGovG, to: "catalogs/laws/egovg.xml"),
                     .replace("section=\"6\" municipalities=\"none\"", "section=\"6a\" municipalities=\"federal-law\"", in: "e-akte.xml")],
             file: "e-akte.xml", lineContaining: "section=\"6a\"", messageContains: "Behörden des Bundes only"),
        Case(code: .lawVersionOrder, edits: [.write(MiniBookTexts.versionedEGovG.replacingOccurrences(of: "<version date=\"2024-07-24\">", with: "<version date=\"2021-07-24\">"), to: "catalogs/laws/egovg.xml")],
             file: "catalogs/laws/egovg.xml", lineContaining: "<version date=\"2021-07-24\">", messageContains: "follows the version of 2022-01-01"),
        Case(code: .lawVersionFuture, severity: .warning,
             edits: [.write(MiniBookTexts.versionedEGovG.replacingOccurrences(of: "<version date=\"2024-07-24\">", with: "<version date=\"2099-07-24\">"), to: "catalogs/laws/egovg.xml")],
             file: "catalogs/laws/egovg.xml", lineContaining: "<version date=\"2099-07-24\">", messageContains: "not yet in force"),
        Case(code: .lawMoveUnknown,
             edits: [.write(MiniBookTexts.versionedEGovG.replacingOccurrences(of: "<moved from=\"6\" to=\"6a\"/>", with: "<moved from=\"6\" to=\"6b\"/>"), to: "catalogs/laws/egovg.xml")],
             file: "catalogs/laws/egovg.xml", lineContaining: "<version date=\"2024-07-24\">", messageContains: "§ 6 → § 6b"),
        Case(code: .lawMoveCycle,
             edits: [.write(MiniBookTexts.versionedEGovG.replacingOccurrences(of: "<moved from=\"6\" to=\"6a\"/>", with: "<moved from=\"6\" to=\"7\"/><moved from=\"7\" to=\"6\"/>"), to: "catalogs/laws/egovg.xml")],
             file: "catalogs/laws/egovg.xml", lineContaining: "<version date=\"2024-07-24\">", messageContains: "move in a circle"),
    ]

    @Test(arguments: cases)
    func reportsPlantedDefect(_ testCase: Case) throws {
        let book = try FixtureBook()
        defer { book.cleanUp() }
        for edit in testCase.edits {
            switch edit {
            case .replace(let old, let new, let file): try book.replace(old, with: new, in: file)
            case .write(let text, let file): try book.write(text, to: file)
            case .remove(let file): try book.remove(file)
            }
        }
        let report = book.validate()
        let path = "\(book.directory.path)/\(testCase.file)"
        let matching = report.diagnostics.filter { $0.code == testCase.code && $0.location.path == path }
        let diagnostic = try #require(matching.first, "no \(testCase.code) in \(testCase.file); got \(report.diagnostics.map { "\($0.location.description) \($0.code)" })")
        #expect(diagnostic.severity == testCase.severity)
        if let needle = testCase.lineContaining {
            let firstLine = needle.components(separatedBy: "\n").first!
            let candidates = try (book.read(testCase.file).components(separatedBy: "\n").enumerated()
                .filter { $0.element.contains(firstLine) }.map { $0.offset + 1 })
            #expect(candidates.contains(diagnostic.location.line), "line \(diagnostic.location.line), expected one of \(candidates)")
            #expect(diagnostic.location.column > 0)
        }
        if let text = testCase.messageContains { #expect(diagnostic.message.contains(text), "\(diagnostic.message)") }
        if let text = testCase.hintContains { #expect(diagnostic.hint?.contains(text) == true, "\(diagnostic.hint ?? "no hint")") }
        #expect(report.errorCount > 0 || testCase.severity == .warning)
        // Authors read German by default: every diagnostic is worded in both languages, with a hint in both.
        #expect(diagnostic.german != nil, "\(testCase.code) is worded in English only: \(diagnostic.message)")
        let german = diagnostic.german?.message ?? ""
        #expect(!german.isEmpty, "\(testCase.code) has no German message")
        #expect(german != diagnostic.message, "\(testCase.code): the German message is the English one: \(german)")
        #expect(diagnostic.hint != nil, "\(testCase.code) has no hint")
        #expect(diagnostic.german?.hint != nil, "\(testCase.code) has no German hint")
        #expect(diagnostic.german?.hint != diagnostic.hint, "\(testCase.code): the German hint is the English one: \(diagnostic.hint ?? "")")
        #expect(diagnostic.message(in: .german) == german && diagnostic.message(in: .english) == diagnostic.message)
    }

    @Test func fixtureIsClean() throws {
        let book = try FixtureBook()
        defer { book.cleanUp() }
        let report = book.validate(strict: true)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.passed)
        #expect(report.fileCount == 10)
    }

    /// Every code the tool can report has a planted-defect test here or in the loading tests.
    @Test func everyCodeIsCovered() {
        let loadingCodes: Set<DiagnosticCode> = [
            .fileUnreadable, .fileTooLarge, .fileEmpty, .fileEncoding, .fileOutsideBook,
            .xmlMalformed, .xmlDoctype, .xmlTooDeep, .xmlTooComplex,
        ]
        let covered = Set(Self.cases.map(\.code)).union(loadingCodes)
        #expect(covered == Set(DiagnosticCode.all), "missing: \(Set(DiagnosticCode.all).subtracting(covered).map(\.rawValue))")
    }
}

enum MiniBookTexts {
    /// A catalog of search words, one entry per pair, in the order given (sorted by word).
    static func synonyms(_ pairs: [String: String]) -> String {
        "<synonyms xmlns=\"urn:kochbuch:1.0\">\n"
            + pairs.keys.sorted().map { "  <synonym word=\"\($0)\"><means>\(pairs[$0]!)</means></synonym>\n" }.joined()
            + "</synonyms>\n"
    }

    /// A valid draft recipe that links nowhere and that nothing links to.
    static func recipe(id: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <recipe xmlns="urn:kochbuch:1.0" id="\(id)" status="draft">
          <title>Noch ein Rezept</title>
          <summary>Ein Entwurf.</summary>
          <authors><author>Test</author></authors>
          <facts><difficulty>easy</difficulty><duration min="P1M"/><cost level="low"/><scope>gemeinde</scope><audience>intern</audience><maturity>1</maturity></facts>
          <classification><themenfeld ref="querschnitt"/></classification>
          <ingredients><ingredient kind="legal">Nichts.</ingredient></ingredients>
          <steps><step id="a"><title>A</title><p>A.</p></step></steps>
        </recipe>
        """
    }

    /// The EGovG in two versions: on 2024-07-24 § 2 loses its Abs. 2, § 6 gets a new text, its old
    /// text (the E-Akte) moves to the new § 6a, and § 7 changes.
    static let versionedEGovG = """
    <?xml version="1.0" encoding="UTF-8"?>
    <law xmlns="urn:kochbuch:1.0" id="egovg" abbreviation="EGovG" enacted="2013-07-25" municipalities="federal-law">
      <title>Gesetz zur Förderung der elektronischen Verwaltung</title>
      <version date="2022-01-01">
        <note>Testfassung vor der Änderung</note>
        <source>Auszug für Tests.</source>
        <section number="2" title="Elektronischer Zugang zur Verwaltung">
          <paragraph number="1"><text>Jede Behörde ist verpflichtet, auch einen Zugang für die Übermittlung elektronischer Dokumente zu eröffnen.</text></paragraph>
          <paragraph number="2"><text>Jede Behörde des Bundes ist verpflichtet, den elektronischen Zugang zusätzlich durch eine De-Mail-Adresse zu eröffnen.</text></paragraph>
        </section>
        <section number="6" title="Elektronische Aktenführung">
          <paragraph><text>Die Behörden des Bundes sollen ihre Akten elektronisch führen. Wird eine Akte elektronisch geführt, ist durch geeignete technisch-organisatorische Maßnahmen nach dem Stand der Technik sicherzustellen, dass die Grundsätze ordnungsgemäßer Aktenführung eingehalten werden.</text></paragraph>
        </section>
        <section number="7" title="Übertragen und Vernichten des Papieroriginals">
          <paragraph number="1"><text>Die Behörden des Bundes sollen Papierdokumente in elektronische Dokumente übertragen.</text></paragraph>
          <paragraph number="2"><text>Papierdokumente sollen nach der Übertragung vernichtet werden, soweit keine Pflicht zur Rückgabe oder Aufbewahrung besteht.</text></paragraph>
        </section>
        <section number="24" title="(weggefallen)" status="repealed"/>
      </version>
      <version date="2024-07-24">
        <note>Testfassung nach der Änderung</note>
        <source>Auszug für Tests.</source>
        <moved from="6" to="6a"/>
        <section number="2" title="Elektronischer Zugang zur Verwaltung">
          <paragraph number="1"><text>Jede Behörde ist verpflichtet, auch einen Zugang für die Übermittlung elektronischer Dokumente zu eröffnen.</text></paragraph>
        </section>
        <section number="6" title="Ende-zu-Ende-Digitalisierung">
          <paragraph><text>Der Bund hat für seine wesentlichen Verwaltungsleistungen eine vollständige elektronische Abwicklung sicherzustellen.</text></paragraph>
        </section>
        <section number="6a" title="Elektronische Aktenführung">
          <paragraph><text>Die Behörden des Bundes sollen ihre Akten elektronisch führen. Wird eine Akte elektronisch geführt, ist durch geeignete technisch-organisatorische Maßnahmen nach dem Stand der Technik sicherzustellen, dass die Grundsätze ordnungsgemäßer Aktenführung eingehalten werden.</text></paragraph>
        </section>
        <section number="7" title="Übertragen und Vernichten des Papieroriginals">
          <paragraph number="1"><text>Die Behörden des Bundes übertragen Papierdokumente in elektronische Dokumente.</text></paragraph>
          <paragraph number="2"><text>Die Übertragung ist zu dokumentieren; das Papieroriginal wird anschließend ausgesondert und dem Archiv angeboten.</text></paragraph>
        </section>
        <same number="24"/>
      </version>
    </law>
    """

    static let secondGlossary = """
    <?xml version="1.0" encoding="UTF-8"?>
    <glossary xmlns="urn:kochbuch:1.0">
      <entry id="bundid"><term>BundID</term><definition>Das Nutzerkonto des Bundes.</definition></entry>
    </glossary>
    """
}

/// Every code is explained for authors in docs/diagnostics.md, and the page names no code that does not exist.
@Suite struct DiagnosticDocumentationTests {
    @Test func everyCodeIsDocumented() throws {
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/diagnostics.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        let documented = Set(text.components(separatedBy: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        })
        #expect(documented == Set(DiagnosticCode.all.map(\.rawValue)),
                "undocumented: \(Set(DiagnosticCode.all.map(\.rawValue)).subtracting(documented)); unknown: \(documented.subtracting(DiagnosticCode.all.map(\.rawValue)))")
    }
}

/// Uniqueness the schemas promise is really checked (an identity constraint needs the namespace
/// prefix in its XPath, else it selects nothing): two steps with one id are an error that says so.
@Suite struct UniquenessTests {
    @Test func twoStepsWithOneIdAreAnError() throws {
        let book = try FixtureBook()
        defer { try? FileManager.default.removeItem(at: book.directory) }
        let second = try book.line(of: "<step id=\"einfuehren\">", in: "everything.xml")
        try book.replace("<step id=\"einfuehren\">", with: "<step id=\"bestand-aufnehmen\">", in: "everything.xml")
        let report = book.validate()
        let found = report.diagnostics.filter { $0.message.contains("the step id 'bestand-aufnehmen' is used twice") }
        #expect(found.count == 1, "\(report.diagnostics.map(\.message))")
        #expect(found.first?.location.line == second)
    }

    @Test func twoGlossaryEntriesWithOneIdAreAnError() throws {
        let book = try FixtureBook()
        defer { try? FileManager.default.removeItem(at: book.directory) }
        let glossary = try book.read("catalogs/glossary.xml")
        let firstID = try #require(glossary.firstMatch(of: /<entry id="([^"]+)"/)).output.1
        let entries = glossary.matches(of: /<entry id="([^"]+)"/)
        try #require(entries.count >= 2)
        try book.replace("<entry id=\"\(entries[1].output.1)\"", with: "<entry id=\"\(firstID)\"", in: "catalogs/glossary.xml")
        #expect(book.validate().diagnostics.contains { $0.message.contains("the glossary id '\(firstID)' is used twice") })
    }
}

@Suite struct ImpossibleDateTests {
    /// 30 February is reported once, as an impossible date, not also as a missing review date.
    @Test func anImpossibleReviewDateIsReportedOnce() throws {
        let book = try FixtureBook()
        defer { try? FileManager.default.removeItem(at: book.directory) }
        try book.replace("reviewed=\"2026-11-01\"", with: "reviewed=\"2026-02-30\"", in: "e-akte.xml")
        let report = book.validate()
        let about = report.diagnostics.filter { $0.location.path.hasSuffix("e-akte.xml") }
        #expect(about.map(\.code) == [.dateInvalid], "\(about.map { "\($0.code): \($0.message)" })")
        #expect(about.first?.message.contains("'2026-02-30' is not a real date (reviewed=") == true)
    }
}
