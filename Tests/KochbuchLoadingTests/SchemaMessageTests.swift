import Foundation
@testable import KochbuchLoading
import KochbuchModel
import Testing

/// Schema errors reach authors in plain German (and English with LANG=en): every structure error of
/// a file at once, the allowed values listed, misspelt names answered with the closest one.
@Suite struct SchemaMessageTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/everything.xml")

    /// The errors of the fixture after `edits` (each replaces the first occurrence).
    func errors(_ edits: [(String, String)]) throws -> [Diagnostic] {
        var text = try String(contentsOf: Self.fixture, encoding: .utf8)
        for (old, new) in edits {
            let range = try #require(text.range(of: old), "'\(old)' is not in the fixture")
            text.replaceSubrange(range, with: new)
        }
        let loader = BookLoader(directory: Self.fixture.deletingLastPathComponent(), displayPrefix: "Recipes")
        return loader.errors(inFileBytes: Array(text.utf8), relativePath: "everything.xml")
    }

    @Test func theFixtureHasNoSchemaErrors() throws {
        #expect(try errors([]).filter { $0.code == .schemaInvalid }.isEmpty)
    }

    @Test func everyStructureErrorOfAFileIsReportedNotOnlyTheFirst() throws {
        let found = try errors([
            ("<summary>", "<sumary>"), ("</summary>", "</sumary>"),
            ("<maturity>2</maturity>", "<maturity>2</maturity><pitfal/>"),
            ("<title>Bestand aufnehmen</title>", "<titl>Bestand aufnehmen</titl>"),
            ("<tip><p>", "<tip><para>"), ("</p></tip>", "</para></tip>"),
        ]).filter { $0.code == .schemaInvalid }
        let named = found.map { $0.message }
        #expect(found.count == 4, "\(named)")
        for element in ["<sumary>", "<pitfal>", "<titl>", "<para>"] {
            #expect(named.contains { $0.hasPrefix(element) }, "no error for \(element) in \(named)")
        }
        let lines = found.map(\.location.line)
        #expect(lines == lines.sorted() && Set(lines).count == 4, "\(lines)")
        // A removed or renamed element leaves no echo: no "missing child" for what was misspelt.
        #expect(!named.contains { $0.contains("lacks") }, "\(named)")
    }

    @Test func aMisspeltElementIsAnsweredWithTheClosestName() throws {
        let sumary = try #require(try errors([("<summary>", "<sumary>"), ("</summary>", "</sumary>")]).first { $0.code == .schemaInvalid })
        #expect(sumary.message == "<sumary> is not allowed here; expected <summary>")
        #expect(sumary.german?.message == "<sumary> ist an dieser Stelle nicht erlaubt; erwartet wird <summary>")
        #expect(sumary.german?.hint?.hasPrefix("meinten Sie <summary>?") == true, "\(sumary.german?.hint ?? "")")
        // Not allowed where it stands, but a name the schema knows: still suggested.
        let pitfal = try #require(try errors([("<maturity>2</maturity>", "<maturity>2</maturity><pitfal/>")]).first)
        #expect(pitfal.hint(in: .german)?.hasPrefix("meinten Sie <pitfall>?") == true, "\(pitfal.hint(in: .german) ?? "")")
        #expect(pitfal.location.line == 17)
    }

    @Test func aMisspeltAttributeIsAnsweredWithTheClosestName() throws {
        let found = try #require(try errors([("status=\"published\"", "stauts=\"published\" status=\"published\"")]).first)
        #expect(found.german?.message == "<recipe> kennt kein Attribut stauts=")
        #expect(found.german?.hint == "meinten Sie status=? Sonst entfernen Sie das Attribut")
        #expect(found.hint == "did you mean status=? Otherwise remove the attribute")
        // A one-letter name has no near neighbour worth naming.
        let short = try #require(try errors([("<title>Ein", "<title x=\"1\">Ein")]).first)
        #expect(short.german?.hint?.contains("meinten") == false, "\(short.german?.hint ?? "")")
    }

    @Test func aValueOutsideTheListNamesTheAllowedValuesOnce() throws {
        let found = try errors([("status=\"published\"", "status=\"fertig\"")])
        #expect(found.count == 1, "\(found.map(\.message))")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.german?.message == "'fertig' ist kein erlaubter Wert für das Attribut status= von <recipe>; erlaubt: 'draft', 'review', 'published'")
        #expect(diagnostic.message.contains("allowed: 'draft', 'review', 'published'"))
        let typo = try #require(try errors([("<difficulty>medium", "<difficulty>meduim")]).first)
        #expect(typo.german?.hint == "meinten Sie 'medium'?")
        // A list value (scope) is reported once, not again as an invalid list.
        #expect(try errors([("<scope>gemeinde", "<scope>dorf")]).count == 1)
    }

    @Test(arguments: [
        ("<duration min=\"P6M\"", "<duration min=\"6 Monate\"", "'6 Monate' ist keine Dauer", "P3M"),
        ("<maturity>2", "<maturity>9", "'9' ist für <maturity> zu groß (höchstens 4)", "bis 4"),
        ("<leika ref=\"99001001000000\"/>", "<leika ref=\"abc\"/>", "'abc' hat nicht die verlangte Form", "14 Ziffern"),
        ("<ozg-leistung ref=\"10519\"/>", "<ozg-leistung ref=\"10519\">x</ozg-leistung>", "<ozg-leistung> muss leer sein", "ohne Inhalt"),
        ("<facts>", "<facts>Text", "<facts> darf keinen Text direkt enthalten", "Kind-Element"),
        ("id=\"everything\"", "", "<recipe> braucht das Attribut id=", "ergänzen Sie id="),
        ("<title>Einführen</title>", "", "<p> ist an dieser Stelle nicht erlaubt; erwartet wird <title>", "fehlt davor <title>?"),
        ("<ingredients>", "<ingredients></ingredients><ingredients>", "in <ingredients> fehlt das Element <ingredient>", "ergänzen Sie <ingredient>"),
    ])
    func eachKindOfSchemaErrorIsWordedInGermanWithAHint(_ edit: (String, String, String, String)) throws {
        let found = try errors([(edit.0, edit.1)])
        let diagnostic = try #require(found.first { $0.code == .schemaInvalid }, "\(found.map(\.message))")
        let german = try #require(diagnostic.german)
        #expect(german.message.hasPrefix(edit.2) || german.message.contains(edit.2), "\(german.message)")
        #expect(german.hint?.contains(edit.3) == true, "\(german.hint ?? "no hint")")
        #expect(diagnostic.hint != nil && diagnostic.message != german.message)
        for jargon in ["facet", "atomic type", "Expected is", "{urn:", "not an element of the set"] {
            #expect(!german.message.contains(jargon) && !(german.hint ?? "").contains(jargon), "\(german.message)")
        }
    }

    @Test func namespacesAreStrippedButValueSetsKept() {
        let raw = "Element '{urn:kochbuch:1.0}recipe', attribute 'status': [facet 'enumeration'] The value 'x' is not an element of the set {'draft', 'review'}."
        #expect(SchemaMessageTranslator.readable(raw) == "Element 'recipe', attribute 'status': [facet 'enumeration'] The value 'x' is not an element of the set {'draft', 'review'}.")
    }
}
