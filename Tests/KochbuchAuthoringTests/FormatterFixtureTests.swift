import Foundation
import KochbuchAuthoring
import KochbuchXML
import Testing

/// The formatter on hand-made input: comments and processing instructions everywhere, CDATA,
/// entities, odd whitespace, shuffled attributes, a long paragraph; and input it must refuse.
@Suite struct FormatterFixtureTests {
    static let longParagraph = "Dieser Absatz ist absichtlich lang, damit der Formatierer ihn an vorhandenen Leerräumen "
        + "umbrechen muss: Er enthält <em>Betonung</em>, einen <link href=\"https://www.example.org/a?b=1&amp;c=2\">Link "
        + "mit Parametern</link> und ein <abbr title=\"Onlinezugangsgesetz\">OZG</abbr>, und er endet erst nach gut "
        + "dreihundert Zeichen mit einem Punkt."

    static let fixture = """
    <?xml version='1.0' encoding='utf-8' standalone='yes'?>
    <!-- Kommentar vor dem Wurzelelement -->
    <?xml-model href="schema/recipe.xsd" type="application/xml" schematypens="http://www.w3.org/2001/XMLSchema"?>
    <recipe reviewed="2026-11-21"   status="published" xml:lang="de" id="fixture"
       xsi:schemaLocation="urn:kochbuch:1.0 schema/recipe.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:kochbuch:1.0">
          <title>Tests &amp; Proben</title>
      <summary>   Ein   Rezept\tmit
          <em>seltsamem</em>
       Leerraum, &lt;Zeichen&gt; und einem Gedankenstrich &#x2013; mitten im Satz.<!-- Kommentar
    im Fließtext --> Weiter.
      </summary>
      <authors><author organisation='Stadt "Muster" &amp; Co &lt;Amt&gt;'>Redaktion</author></authors>
      <facts><difficulty>easy</difficulty><duration max="P2M" min="P1M"/>  <!-- am Ende der Zeile -->
      <cost level="low"></cost>



      </facts>
      <!-- Abschnitt Schritte -->
      <steps><step duration="P1D" role="Projektleitung" id="eins"><title>Erster Schritt</title><p>Code: <code><![CDATA[<a href="x">&amp;</a> arr[i[j]]]]></code> und <?kochbuch hinweis?> fertig.</p>
    <p>\(longParagraph)</p></step><step id="zwei"><title>Zweiter</title><p>Text</p></step></steps>
    </recipe>
    <!-- Schlusskommentar -->
    """

    static let expected = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!-- Kommentar vor dem Wurzelelement -->
    <?xml-model href="schema/recipe.xsd" type="application/xml" schematypens="http://www.w3.org/2001/XMLSchema"?>
    <recipe xmlns="urn:kochbuch:1.0"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="urn:kochbuch:1.0 schema/recipe.xsd"
            id="fixture"
            xml:lang="de"
            status="published"
            reviewed="2026-11-21">
      <title>Tests &amp; Proben</title>

      <summary>
        Ein Rezept mit <em>seltsamem</em> Leerraum, &lt;Zeichen&gt; und einem Gedankenstrich – mitten im
        Satz.<!-- Kommentar
    im Fließtext --> Weiter.
      </summary>

      <authors>
        <author organisation="Stadt &quot;Muster&quot; &amp; Co &lt;Amt>">Redaktion</author>
      </authors>

      <facts>
        <difficulty>easy</difficulty>
        <duration min="P1M" max="P2M"/> <!-- am Ende der Zeile -->
        <cost level="low"/>
      </facts>

      <!-- Abschnitt Schritte -->
      <steps>
        <step id="eins" role="Projektleitung" duration="P1D">
          <title>Erster Schritt</title>
          <p>Code: <code><![CDATA[<a href="x">&amp;</a> arr[i[j]]]]></code> und <?kochbuch hinweis?>
            fertig.</p>
          <p>Dieser Absatz ist absichtlich lang, damit der Formatierer ihn an vorhandenen Leerräumen
            umbrechen muss: Er enthält <em>Betonung</em>, einen
            <link href="https://www.example.org/a?b=1&amp;c=2">Link mit Parametern</link> und ein
            <abbr title="Onlinezugangsgesetz">OZG</abbr>, und er endet erst nach gut dreihundert Zeichen
            mit einem Punkt.</p>
        </step>

        <step id="zwei">
          <title>Zweiter</title>
          <p>Text</p>
        </step>
      </steps>
    </recipe>
    <!-- Schlusskommentar -->

    """

    @Test func theFixtureHasWhatItShouldTest() {
        #expect(Self.longParagraph.count >= 300)
        #expect(Self.fixture.contains("\t"))
    }

    @Test func formatsTheFixtureCanonically() throws {
        let formatted = try RecipeFormatter().format(Self.fixture)
        #expect(formatted == Self.expected)
    }

    @Test func formattingTheFixtureIsLosslessAndIdempotent() throws {
        let formatter = RecipeFormatter()
        let once = try formatter.format(Self.fixture)
        #expect(try RecipeFormatter.sameDocument(Self.fixture, once))
        #expect(try formatter.format(once) == once)
        for width in [20, 40, 60, 80, 120, 400] {
            let narrow = try RecipeFormatter(width: width).format(Self.fixture)
            #expect(try RecipeFormatter.sameDocument(Self.fixture, narrow), "width \(width)")
            #expect(try RecipeFormatter(width: width).format(narrow) == narrow, "width \(width)")
        }
    }

    @Test func keepsCommentsInstructionsAndCDATAExactly() throws {
        let document = try #require(XMLParser.parse(Array(try RecipeFormatter().format(Self.fixture).utf8), name: "t").document)
        #expect(document.prolog == [
            .comment(" Kommentar vor dem Wurzelelement "),
            .processingInstruction(target: "xml-model",
                                   data: #"href="schema/recipe.xsd" type="application/xml" schematypens="http://www.w3.org/2001/XMLSchema""#),
        ])
        #expect(document.epilog == [.comment(" Schlusskommentar ")])
        let summary = try #require(document.root.firstElement(named: "summary"))
        #expect(summary.children.contains(.comment(" Kommentar\nim Fließtext ")))
        let code = try #require(document.root.firstElement(named: "steps")?.firstElement(named: "step")?
            .firstElement(named: "p")?.firstElement(named: "code"))
        #expect(code.children == [.cdata(#"<a href="x">&amp;</a> arr[i[j]]"#)])
        #expect(summary.textContent.contains("Gedankenstrich – mitten"))
    }

    @Test func wrapsOnlyAtExistingWhitespace() throws {
        let formatted = try RecipeFormatter(width: 60).format(Self.fixture)
        let paragraph = try #require(formatted.range(of: "<p>Dieser Absatz")).lowerBound
        let end = try #require(formatted[paragraph...].range(of: "</p>")).upperBound
        let wrapped = formatted[paragraph..<end]
        #expect(wrapped.contains("\n"))
        let original = "<p>\(Self.longParagraph)</p>"
        #expect(wrapped.replacing(/\n\s*/, with: " ") == original)
        for line in wrapped.split(separator: "\n") {
            // A line is longer only when it is a single unbreakable word.
            #expect(line.count <= 60 || !line.trimmingCharacters(in: .whitespaces).contains(" ") || line.contains("<link "),
                    "\(line)")
        }
    }

    @Test func neverAddsWhitespaceWhereThereWasNone() throws {
        let source = "<r xmlns=\"urn:kochbuch:1.0\"><p>" + String(repeating: "Wort", count: 60)
            + "<em>x</em>" + String(repeating: "y", count: 50) + "</p></r>"
        let formatted = try RecipeFormatter(width: 40).format(source)
        #expect(formatted.contains("<p>" + String(repeating: "Wort", count: 60) + "<em>x</em>" + String(repeating: "y", count: 50) + "</p>"))
    }

    /// Content made only of inline elements is running text: no whitespace is added between them,
    /// and a space between them stays a space.
    @Test func inlineOnlyContentIsNotIndented() throws {
        let source = "<recipe xmlns=\"urn:kochbuch:1.0\"><steps><step id=\"a\"><title>A</title><p><strong>E</strong><em>-Akte</em></p>"
            + "<p><strong>E</strong> <em>x</em></p></step></steps><glossary-like><entry><term>Begriff</term><definition>D</definition></entry></glossary-like></recipe>"
        let formatted = try RecipeFormatter().format(source)
        #expect(formatted.contains("<p><strong>E</strong><em>-Akte</em></p>"))
        #expect(formatted.contains("<p><strong>E</strong> <em>x</em></p>"))
        #expect(formatted.contains("<entry>\n      <term>Begriff</term>"), "a glossary entry's term is structure, indented")
        let narrow = try RecipeFormatter(width: 30).format(source)
        #expect(narrow.contains("<p><strong>E</strong><em>-Akte</em></p>"), "no break where there was no space")
        #expect(narrow.contains("<p><strong>E</strong>\n        <em>x</em></p>"), "a space may become a line break")
        #expect(try !RecipeFormatter.sameDocument("<r xmlns=\"urn:kochbuch:1.0\"><p><em>a</em><em>b</em></p></r>",
                                                  "<r xmlns=\"urn:kochbuch:1.0\"><p><em>a</em> <em>b</em></p></r>"))
    }

    @Test func keepsXMLSpacePreserveVerbatim() throws {
        let source = "<r xmlns=\"urn:kochbuch:1.0\">\n<pre xml:space=\"preserve\">  a\n\n   b  <i> c </i>\n</pre>\n<x>  </x></r>"
        let formatted = try RecipeFormatter().format(source)
        #expect(formatted == """
        <?xml version="1.0" encoding="UTF-8"?>
        <r xmlns="urn:kochbuch:1.0">
          <pre xml:space="preserve">  a

           b  <i> c </i>
        </pre>
          <x/>
        </r>

        """)
        #expect(try RecipeFormatter.sameDocument(source, formatted))
    }

    @Test func keepsPrefixesAndNamespaceDeclarationsWhereTheyWere() throws {
        let source = #"<k:r xmlns:k="urn:k"><k:a xmlns="urn:d" k:b="1"><c xmlns:e="urn:e" e:f="2"/></k:a></k:r>"#
        let formatted = try RecipeFormatter().format(source)
        #expect(formatted == """
        <?xml version="1.0" encoding="UTF-8"?>
        <k:r xmlns:k="urn:k">
          <k:a xmlns="urn:d" k:b="1">
            <c xmlns:e="urn:e" e:f="2"/>
          </k:a>
        </k:r>

        """)
        let root = try #require(XMLParser.parse(Array(formatted.utf8), name: "t").document?.root)
        #expect(root.prefix == "k" && root.namespace == "urn:k")
        #expect(root.namespaceDeclarations == [XMLNamespaceDeclaration(prefix: "k", uri: "urn:k")])
        let c = try #require(root.elements.first?.elements.first)
        #expect(c.namespace == "urn:d" && c.prefix == nil)
        #expect(c.attributes.first?.qualifiedName == "e:f" && c.attributes.first?.namespace == "urn:e")
    }

    @Test func escapesMinimallyAndKeepsUnicode() throws {
        let source = "<r a=\"&#x9;tab&#10;nl &apos;q&apos; &gt; &#x2013;\">&#x201E;&lt;&amp;&gt;&quot;&apos;&#xA0;€\u{1F373}</r>"
        let formatted = try RecipeFormatter().format(source)
        #expect(formatted == """
        <?xml version="1.0" encoding="UTF-8"?>
        <r a="&#9;tab&#10;nl 'q' > –">„&lt;&amp;&gt;"'\u{A0}€\u{1F373}</r>

        """)
        #expect(try RecipeFormatter.sameDocument(source, formatted))
    }

    @Test func refusesInputThatIsNotWellFormed() {
        let source = """
        <?xml version="1.0" encoding="UTF-8"?>
        <recipe xmlns="urn:kochbuch:1.0">
          <title>Offen</title>
          <summary>Ein <em>Fehler</summary>
        </recipe>
        """
        #expect {
            try RecipeFormatter().format(source)
        } throws: { error in
            guard let error = error as? FormatError else { return false }
            return error.line == 4 && error.column > 0 && error.message.contains("mismatch")
                && error.description.hasPrefix("4:")
        }
        #expect(throws: FormatError.self) { try RecipeFormatter.sameDocument(source, source) }
        #expect(throws: FormatError.self) { try RecipeFormatter().format("<r><a></r>") }
        #expect(throws: FormatError.self) { try RecipeFormatter().format("") }
        #expect(throws: FormatError.self) { try RecipeFormatter().format("<r>&nbsp;</r>") }
        #expect(throws: FormatError.self) { try RecipeFormatter().format("<p:r xmlns:q=\"urn:q\"/>") }
    }

    @Test func refusesADocumentTypeDeclaration() {
        let source = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- harmlos -->
          <!DOCTYPE recipe [<!ENTITY x "y">]>
        <recipe xmlns="urn:kochbuch:1.0">&x;</recipe>
        """
        #expect {
            try RecipeFormatter().format(source)
        } throws: { error in
            guard let error = error as? FormatError else { return false }
            return error.line == 3 && error.column == 3 && error.message.contains("document type")
        }
    }

    @Test func refusesOtherEncodings() {
        #expect {
            try RecipeFormatter().format("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<r/>")
        } throws: { error in
            (error as? FormatError).map { $0.line == 1 && $0.message.contains("ISO-8859-1") } ?? false
        }
        #expect(throws: Never.self) { try RecipeFormatter().format("\u{FEFF}<?xml version=\"1.0\" encoding=\"utf-8\"?><r/>") }
    }

    @Test func sameDocumentSeesEveryChangeButLayout() throws {
        let base = #"<r xmlns="urn:t" a="1" b="2"><p>Ein <em>Wort</em> hier.<!--c--><![CDATA[x]]></p><l>  <i/>  </l></r>"#
        #expect(try RecipeFormatter.sameDocument(base, #"<r b="2" a="1" xmlns="urn:t"><p>Ein   <em>Wort</em>"#
            + "\n hier.<!--c--><![CDATA[x]]></p><l><i/></l></r>"))
        let different = [
            #"<r xmlns="urn:t" a="1" b="2"><p>Ein <em>Wort</em>hier.<!--c--><![CDATA[x]]></p><l><i/></l></r>"#,
            #"<r xmlns="urn:t" a="1" b="3"><p>Ein <em>Wort</em> hier.<!--c--><![CDATA[x]]></p><l><i/></l></r>"#,
            #"<r xmlns="urn:t" a="1"><p>Ein <em>Wort</em> hier.<!--c--><![CDATA[x]]></p><l><i/></l></r>"#,
            #"<r xmlns="urn:t" a="1" b="2"><p>Ein <em>Wort</em> hier.<!--d--><![CDATA[x]]></p><l><i/></l></r>"#,
            #"<r xmlns="urn:t" a="1" b="2"><p>Ein <em>Wort</em> hier.<!--c-->x</p><l><i/></l></r>"#,
            #"<r xmlns="urn:u" a="1" b="2"><p>Ein <em>Wort</em> hier.<!--c--><![CDATA[x]]></p><l><i/></l></r>"#,
            #"<r xmlns="urn:t" a="1" b="2"><p>Ein <b>Wort</b> hier.<!--c--><![CDATA[x]]></p><l><i/></l></r>"#,
            #"<r xmlns="urn:t" a="1" b="2"><p>Ein <em>Wort</em> hier.<!--c--><![CDATA[x]]></p><l><i/><?pi?></l></r>"#,
            #"<!--vorher--><r xmlns="urn:t" a="1" b="2"><p>Ein <em>Wort</em> hier.<!--c--><![CDATA[x]]></p><l><i/></l></r>"#,
        ]
        for other in different {
            #expect(try !RecipeFormatter.sameDocument(base, other), "\(other)")
        }
    }
}
