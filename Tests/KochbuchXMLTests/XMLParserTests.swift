import Testing
@testable import KochbuchXML

@Suite struct XMLParserTests {
    private func parse(_ text: String) -> XMLParser.Outcome {
        XMLParser.parse(Array(text.utf8), name: "test.xml")
    }

    @Test func parsesElementsAttributesAndLines() throws {
        let outcome = parse("""
        <?xml version="1.0" encoding="UTF-8"?>
        <r xmlns="urn:t" xml:lang="de">
          <a k="v">Text <b>fett</b><![CDATA[<roh>]]></a><!-- Kommentar --><?pi daten?>
        </r>
        """)
        let root = try #require(outcome.document?.root)
        #expect(outcome.problems.isEmpty)
        #expect(root.name == "r")
        #expect(root.namespace == "urn:t")
        #expect(root.attribute("lang", namespace: XMLNamespace.xml) == "de")
        let a = try #require(root.firstElement(named: "a"))
        #expect(a.line == 3)
        #expect(a.attribute("k") == "v")
        #expect(a.textContent == "Text fett<roh>")
        #expect(root.children.contains(.comment(" Kommentar ")))
        #expect(root.children.contains(.processingInstruction(target: "pi", data: "daten")))
    }

    @Test func reportsTruncatedInputWithLineAndColumn() {
        let outcome = parse("<r>\n  <a>text</a>\n  <b>")
        #expect(outcome.document == nil)
        let problem = outcome.problems.first
        #expect(problem?.level == .fatal)
        #expect(problem?.line == 3)
        #expect((problem?.column ?? 0) > 0)
    }

    @Test func neverReadsExternalEntities() {
        let outcome = parse("""
        <?xml version="1.0"?>
        <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <r>&x;</r>
        """)
        let text = outcome.document?.root.textContent ?? ""
        #expect(!text.contains("root:"))
    }

    @Test func refusesBillionLaughs() {
        var entities = "<!ENTITY l0 \"ha\">"
        for level in 1...10 {
            let previous = String(repeating: "&l\(level - 1);", count: 10)
            entities += "<!ENTITY l\(level) \"\(previous)\">"
        }
        let outcome = parse("<?xml version=\"1.0\"?><!DOCTYPE r [\(entities)]><r>&l10;</r>")
        let text = outcome.document?.root.textContent ?? ""
        #expect(text.count < 1_000_000)
    }

    @Test func refusesExcessiveNesting() {
        let depth = 400
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let outcome = parse(text)
        #expect(outcome.document == nil)
        #expect(outcome.problems.contains { $0.message.contains("depth") })
    }

    @Test func deniesResourcesOutsideAllowedDirectories() {
        ExternalResourcePolicy.allow(directory: "/tmp/kochbuch-allowed")
        #expect(ExternalResourcePolicy.permits("/tmp/kochbuch-allowed/xml.xsd"))
        #expect(!ExternalResourcePolicy.permits("/etc/passwd"))
        #expect(!ExternalResourcePolicy.permits("/tmp/kochbuch-allowed/../../etc/passwd"))
        #expect(!ExternalResourcePolicy.permits("http://example.org/x.xsd"))
        #expect(!ExternalResourcePolicy.permits("relative.xsd"))
    }
}
