import KochbuchXML

/// libxml2's messages for XML that is not well-formed, said in German for authors. The English
/// diagnostic keeps libxml2's own words; the German one says the same in plain terms, and
/// quotes libxml2 where it has no translation.
enum ParserMessages {
    /// The German wording of a libxml2 parser message.
    static func german(_ problem: XMLProblem) -> String {
        german(problem.message)
    }

    /// The German wording of a libxml2 parser message (libxml2 2.9 and later).
    static func german(_ message: String) -> String {
        if let match = message.wholeMatch(of: /Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)/) {
            return "Start- und End-Tag passen nicht zusammen: <\(match.1)> aus Zeile \(match.2) wird mit </\(match.3)> geschlossen"
        }
        if let match = message.wholeMatch(of: /Premature end of data in tag (\S+) line (\d+)/) {
            return "die Datei endet, bevor <\(match.1)> aus Zeile \(match.2) geschlossen ist"
        }
        if let match = message.wholeMatch(of: /Couldn't find end of Start Tag (\S+) line (\d+)/) {
            return "das Start-Tag <\(match.1)> aus Zeile \(match.2) ist nicht mit '>' geschlossen"
        }
        if let match = message.wholeMatch(of: /Entity '([^']*)' not defined/) {
            return "die Entität '&\(match.1);' ist nicht definiert: XML kennt nur &amp; &lt; &gt; &quot; und &apos;; schreiben Sie das Zeichen direkt"
        }
        if let match = message.wholeMatch(of: /Attribute (\S+) redefined/) {
            return "das Attribut '\(match.1)' steht zweimal im selben Element"
        }
        if let match = message.wholeMatch(of: /Specification mandates value for attribute (\S+)/) {
            return "das Attribut '\(match.1)' hat keinen Wert; schreiben Sie \(match.1)=\"…\""
        }
        if let match = message.wholeMatch(of: /Namespace prefix (\S+) for (\S+) on (\S+) is not defined/) {
            return "das Namensraum-Präfix '\(match.1)' (im Attribut \(match.1):\(match.2) von <\(match.3)>) ist nicht deklariert"
        }
        if let match = message.wholeMatch(of: /Namespace prefix (\S+) on (\S+) is not defined/) {
            return "das Namensraum-Präfix '\(match.1)' von <\(match.1):\(match.2)> ist nicht deklariert"
        }
        if let match = message.wholeMatch(of: /PCDATA invalid Char value (\d+)/) {
            return "im Text steht ein Zeichen, das XML nicht erlaubt (Zeichencode \(match.1), ein unsichtbares Steuerzeichen)"
        }
        if let match = message.wholeMatch(of: /xmlParseCharRef: invalid xmlChar value (\d+)/) {
            return "der Zeichenverweis &#…; steht für ein Zeichen, das XML nicht erlaubt (Zeichencode \(match.1))"
        }
        if message.hasPrefix("CData section not finished") {
            return "ein CDATA-Abschnitt (<![CDATA[ …) ist nicht mit ']]>' geschlossen"
        }
        if message.hasPrefix("Input is not proper UTF-8") {
            return "die Datei ist kein gültiges UTF-8"
        }
        if message.hasPrefix("Char 0x"), message.hasSuffix("out of allowed range") {
            return "im Text steht ein Zeichen, das XML nicht erlaubt"
        }
        switch message {
        case "Start tag expected, '<' not found":
            return "hier müsste ein Element beginnen, aber es fehlt das '<' – ist das überhaupt eine XML-Datei?"
        case "Document is empty":
            return "das Dokument ist leer"
        case "Extra content at the end of the document":
            return "nach dem Ende des Wurzelelements steht noch weiterer Inhalt"
        case "xmlParseEntityRef: no name":
            return "nach '&' fehlt der Name einer Entität; ein einzelnes & schreiben Sie als '&amp;'"
        case "EntityRef: expecting ';'":
            return "nach '&…' fehlt das ';'; ein einzelnes & schreiben Sie als '&amp;'"
        case "AttValue: \" or ' expected":
            return "der Wert eines Attributs muss in Anführungszeichen stehen: name=\"…\""
        case "AttValue: ' expected", "AttValue: \" expected":
            return "der Wert eines Attributs ist nicht mit dem Anführungszeichen geschlossen, mit dem er beginnt"
        case "attributes construct error":
            return "die Attribute dieses Elements sind fehlerhaft geschrieben"
        case "error parsing attribute name":
            return "hier steht kein gültiger Attributname"
        case "StartTag: invalid element name":
            return "nach '<' steht kein gültiger Elementname; ein '<' im Text schreiben Sie als '&lt;'"
        case "Unescaped '<' not allowed in attributes values":
            return "ein '<' in einem Attributwert muss als '&lt;' geschrieben werden"
        case "Comment not terminated":
            return "ein Kommentar (<!-- …) ist nicht mit '-->' geschlossen"
        case "Double hyphen within comment":
            return "in einem Kommentar steht '--', das XML dort nicht erlaubt"
        case "CharRef: invalid hexadecimal value", "CharRef: invalid decimal value":
            return "der Zeichenverweis &#…; enthält keine gültige Zahl"
        case "XML declaration allowed only at the start of the document":
            return "die XML-Deklaration <?xml …?> darf nur ganz am Anfang der Datei stehen"
        case "parsing XML declaration: '?>' expected":
            return "die XML-Deklaration <?xml …?> ist nicht mit '?>' geschlossen"
        case "EndTag: '</' not found":
            return "hier fehlt ein End-Tag </…>"
        case "expected '>'":
            return "hier fehlt ein '>'"
        case "Sequence ']]>' not allowed in content":
            return "die Zeichenfolge ']]>' ist im Text nicht erlaubt; schreiben Sie ']]&gt;'"
        case "String not closed expecting \" or '":
            return "ein Wert ist nicht mit einem Anführungszeichen geschlossen"
        default:
            return "die Datei ist an dieser Stelle kein wohlgeformtes XML (Meldung von libxml2: \(message))"
        }
    }
}
