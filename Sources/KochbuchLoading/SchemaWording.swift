import KochbuchModel
import KochbuchXML

/// What each kind of libxml2 schema message means for an author, said in German and English.
enum SchemaWording {
    static func diagnostic(for message: SchemaMessage, rawMessage: String, vocabulary: SchemaVocabulary,
                           at location: SourceLocation) -> Diagnostic {
        let (text, hint) = wording(for: message, rawMessage: rawMessage, vocabulary: vocabulary)
        let code: DiagnosticCode = rawMessage.contains("(https?://|mailto:)") ? .linkScheme
            : rawMessage.contains("atomic type 'xs:date'") || rawMessage.contains("atomic type 'xs:gYear'") ? .dateInvalid
            : .schemaInvalid
        return Diagnostic(.error, code, text, at: location, hint: hint)
    }

    private static let schemaFolder = "Recipes/schema/"

    private static func wording(for message: SchemaMessage, rawMessage: String, vocabulary: SchemaVocabulary) -> (Phrase, Phrase) {
        let body = message.body
        let element = message.element.map { "<\($0)>" } ?? "das Element"
        let elementEN = message.element.map { "<\($0)>" } ?? "the element"
        let subject = message.attribute.map { Phrase(de: "das Attribut \($0)= von \(element)", en: "the attribute \($0)= of \(elementEN)") }
            ?? Phrase(de: element, en: elementEN)
        let value = message.quoted(after: "The value '") ?? (body.hasPrefix("'") ? String(body.dropFirst().prefix { $0 != "'" }) : "")

        if rawMessage.contains("(https?://|mailto:)") {
            return (Phrase(de: "der externe Link '\(value)' ist nicht erlaubt", en: "external link '\(value)' is not allowed"),
                    Phrase(de: "externe Links beginnen mit http://, https:// oder mailto:",
                           en: "external links must start with http://, https:// or mailto:"))
        }
        if rawMessage.contains("atomic type 'xs:date'") || rawMessage.contains("atomic type 'xs:gYear'") {
            let isYear = rawMessage.contains("xs:gYear")
            let attribute = message.attribute.map { " (\($0)=\"…\")" } ?? ""
            return (Phrase(de: "'\(value)' ist \(isYear ? "keine echte Jahreszahl" : "kein echtes Datum")\(attribute)",
                           en: "'\(value)' is not a real \(isYear ? "year" : "date")\(attribute)"),
                    isYear ? Phrase(de: "schreiben Sie eine vierstellige Jahreszahl, z. B. 2016", en: "write a four-digit year, e.g. 2016")
                        : Phrase(de: "schreiben Sie ein echtes Kalenderdatum als JJJJ-MM-TT, z. B. 2026-11-21",
                                 en: "write a real calendar date as YYYY-MM-DD, e.g. 2026-11-21"))
        }
        if body.contains("Duplicate key-sequence"), let key = message.quoted(after: "key-sequence ['") {
            if body.contains("UniqueStepId") {
                return (Phrase(de: "die Schritt-ID '\(key)' kommt in diesem Rezept zweimal vor", en: "the step id '\(key)' is used twice in this recipe"),
                        Phrase(de: "geben Sie jedem <step> eine eigene id; Links auf Schritte verwenden sie (#schritt-…)",
                               en: "give every <step> its own id; links to steps use them (#schritt-…)"))
            }
            if body.contains("UniqueSectionNumber") {
                return (Phrase(de: "§ \(key) steht zweimal in derselben Fassung des Gesetzes", en: "§ \(key) appears twice in one version of the law"),
                        Phrase(de: "führen Sie jeden Paragrafen einmal je <version>", en: "keep each section once per <version>"))
            }
            if body.contains("UniqueGlossaryId") {
                return (Phrase(de: "die Glossar-ID '\(key)' kommt zweimal vor", en: "the glossary id '\(key)' is used twice"),
                        Phrase(de: "geben Sie jedem <entry> eine eigene id", en: "give every <entry> its own id"))
            }
            return (Phrase(de: "'\(key)' kommt zweimal vor, muss hier aber eindeutig sein", en: "'\(key)' appears twice where it must be unique"),
                    Phrase(de: "machen Sie den Wert eindeutig", en: "make the value unique"))
        }
        if body.contains("This element is not expected") {
            let expected = XMLSchema.expectedNames(in: rawMessage)
            let name = message.element ?? ""
            let closest = Suggestion.closest(to: name, in: expected) ?? Suggestion.closest(to: name, in: vocabulary.elements)
            let list = expected.map { "<\($0)>" }.joined(separator: ", ")
            let text = expected.isEmpty
                ? Phrase(de: "\(element) ist an dieser Stelle nicht erlaubt", en: "\(elementEN) is not allowed here")
                : Phrase(de: "\(element) ist an dieser Stelle nicht erlaubt; erwartet wird \(expected.count == 1 ? "" : "eines von ")\(list)",
                         en: "\(elementEN) is not allowed here; expected \(expected.count == 1 ? "" : "one of ")\(list)")
            if let closest, closest != name {
                return (text, Phrase(de: "meinten Sie <\(closest)>? Die Namen der Elemente stehen in \(schemaFolder) und docs/reference.md",
                                     en: "did you mean <\(closest)>? The element names are in \(schemaFolder) and docs/reference.md"))
            }
            if vocabulary.elements.contains(name), !expected.isEmpty {
                return (text, Phrase(de: "fehlt davor \(list)? Dann ergänzen Sie es vor \(element); sonst verschieben oder entfernen Sie \(element) (Reihenfolge: docs/reference.md)",
                                     en: "is \(list) missing before it? Then add it before \(elementEN); otherwise move or remove \(elementEN) (order: docs/reference.md)"))
            }
            return (text, Phrase(de: "prüfen Sie Name und Reihenfolge der Elemente (docs/reference.md); entfernen oder verschieben Sie \(element)",
                                 en: "check the names and order of the elements (docs/reference.md); remove or move \(elementEN)"))
        }
        if body.contains("Missing child element") {
            let expected = XMLSchema.expectedNames(in: rawMessage).map { "<\($0)>" }
            let list = expected.joined(separator: ", ")
            return (Phrase(de: "in \(element) fehlt \(expected.count > 1 ? "eines der Elemente" : "das Element") \(list)",
                           en: "\(elementEN) lacks \(expected.count > 1 ? "one of the elements" : "the element") \(list)"),
                    Phrase(de: "ergänzen Sie \(list) an dieser Stelle; docs/reference.md zeigt die Reihenfolge",
                           en: "add \(list) here; docs/reference.md shows the order"))
        }
        if body.contains("is required but missing"), let attribute = message.namedAttribute {
            return (Phrase(de: "\(element) braucht das Attribut \(attribute)=\"…\"", en: "\(elementEN) needs the attribute \(attribute)=\"…\""),
                    Phrase(de: "ergänzen Sie \(attribute)=\"…\"; docs/reference.md beschreibt, was es bedeutet",
                           en: "add \(attribute)=\"…\"; docs/reference.md describes what it means"))
        }
        if body.contains("is not allowed"), body.hasPrefix("The attribute '"), let attribute = message.namedAttribute {
            let text = Phrase(de: "\(element) kennt kein Attribut \(attribute)=", en: "\(elementEN) has no attribute \(attribute)=")
            if let closest = Suggestion.closest(to: attribute, in: vocabulary.attributes), closest != attribute,
               Suggestion.distance(closest, attribute) < attribute.count {
                return (text, Phrase(de: "meinten Sie \(closest)=? Sonst entfernen Sie das Attribut", en: "did you mean \(closest)=? Otherwise remove the attribute"))
            }
            return (text, Phrase(de: "entfernen Sie das Attribut; erlaubte Attribute nennt docs/reference.md",
                                 en: "remove the attribute; docs/reference.md lists the allowed ones"))
        }
        if message.facet == "enumeration" {
            let allowed = message.allowedValues
            let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
            let text = Phrase(de: "'\(value)' ist kein erlaubter Wert für \(subject.german); erlaubt: \(list)",
                              en: "'\(value)' is not an allowed value of \(subject.english); allowed: \(list)")
            if let closest = Suggestion.closest(to: value, in: allowed) {
                return (text, Phrase(de: "meinten Sie '\(closest)'?", en: "did you mean '\(closest)'?"))
            }
            return (text, Phrase(de: "verwenden Sie einen der genannten Werte (die Werte sind englisch, auch in deutschen Rezepten)",
                                 en: "use one of the listed values"))
        }
        if message.facet == "pattern" {
            let pattern = message.quoted(after: "by the pattern '") ?? ""
            return (Phrase(de: "'\(value)' hat nicht die verlangte Form für \(subject.german) (Muster \(pattern))",
                           en: "'\(value)' does not have the form \(subject.english) requires (pattern \(pattern))"),
                    patternHint(pattern))
        }
        if message.facet == "maxInclusive" || message.facet == "minInclusive" || message.facet == "maxExclusive" || message.facet == "minExclusive" {
            let limit = body.split(separator: "'").dropFirst(3).first.map(String.init) ?? ""
            let isMax = message.facet!.hasPrefix("max")
            return (Phrase(de: "'\(value)' ist für \(subject.german) zu \(isMax ? "groß" : "klein") (\(isMax ? "höchstens" : "mindestens") \(limit))",
                           en: "'\(value)' is too \(isMax ? "large" : "small") for \(subject.english) (\(isMax ? "at most" : "at least") \(limit))"),
                    Phrase(de: "schreiben Sie einen Wert \(isMax ? "bis" : "ab") \(limit)", en: "write a value \(isMax ? "up to" : "from") \(limit)"))
        }
        if message.facet == "minLength" || message.facet == "maxLength" || message.facet == "length" {
            let isShort = body.contains("underruns")
            return (Phrase(de: "der Wert von \(subject.german) ist zu \(isShort ? "kurz" : "lang")", en: "the value of \(subject.english) is too \(isShort ? "short" : "long")"),
                    Phrase(de: isShort ? "schreiben Sie einen Wert hinein; leer ist er nicht erlaubt" : "kürzen Sie den Wert",
                           en: isShort ? "write a value; it may not be empty" : "shorten the value"))
        }
        if body.contains("is not a valid value of the atomic type") {
            let type = message.quoted(after: "atomic type '") ?? ""
            let (german, english, hintDE, hintEN) = typeDescription(type)
            return (Phrase(de: "'\(value)' ist \(german) (\(subject.german))", en: "'\(value)' is not \(english) (\(subject.english))"),
                    Phrase(de: hintDE, en: hintEN))
        }
        if body.contains("is not a valid value of the") {
            return (Phrase(de: "'\(value)' ist kein gültiger Wert für \(subject.german)", en: "'\(value)' is not a valid value of \(subject.english)"),
                    Phrase(de: "docs/reference.md nennt die erlaubten Werte", en: "docs/reference.md lists the allowed values"))
        }
        if body.contains("Character content other than whitespace is not allowed") {
            return (Phrase(de: "\(element) darf keinen Text direkt enthalten, nur Elemente", en: "\(elementEN) may not contain text directly, only elements"),
                    Phrase(de: "setzen Sie den Text in ein Kind-Element (etwa <p>) oder entfernen Sie ihn",
                           en: "put the text into a child element (such as <p>) or remove it"))
        }
        if body.contains("content type is empty") {
            return (Phrase(de: "\(element) muss leer sein", en: "\(elementEN) must be empty"),
                    Phrase(de: "schreiben Sie es ohne Inhalt, z. B. \(message.element.map { "<\($0) …/>" } ?? "<… />")",
                           en: "write it without content, e.g. \(message.element.map { "<\($0) …/>" } ?? "<… />")"))
        }
        if body.contains("Element content is not allowed") {
            return (Phrase(de: "\(element) darf nur Text enthalten, keine Elemente", en: "\(elementEN) may contain only text, no elements"),
                    Phrase(de: "entfernen Sie die Elemente darin", en: "remove the elements inside it"))
        }
        if body.contains("No matching global declaration") {
            return (Phrase(de: "das Wurzelelement ist im Schema nicht vorgesehen", en: "the root element is not declared by the schema"),
                    Phrase(de: "eine Datei des Buchs beginnt mit <recipe>, <book>, <law>, <topics>, <glossary> oder <synonyms>",
                           en: "a book file starts with <recipe>, <book>, <law>, <topics>, <glossary> or <synonyms>"))
        }
        let text = message.element.map { "<\($0)>\(message.attribute.map { " \($0)=" } ?? ""): \(body)" } ?? body
        return (Phrase(de: "verstößt gegen das Schema: \(text)", en: text),
                Phrase(de: "vergleichen Sie die Stelle mit docs/reference.md und \(schemaFolder)",
                       en: "compare this place with docs/reference.md and \(schemaFolder)"))
    }

    private static func patternHint(_ pattern: String) -> Phrase {
        switch pattern {
        case "[0-9]{14}": Phrase(de: "ein LeiKa-Schlüssel hat 14 Ziffern; suchen Sie ihn mit 'kochbuch topics --search …'",
                                 en: "a LeiKa key has 14 digits; look it up with 'kochbuch topics --search …'")
        case let value where value.contains("a-z0-9"): Phrase(de: "verwenden Sie Kleinbuchstaben, Ziffern und Bindestriche, z. B. e-akte-einfuehren",
                                                                 en: "use lowercase letters, digits and hyphens, e.g. e-akte-einfuehren")
        default: Phrase(de: "docs/reference.md beschreibt die verlangte Form", en: "docs/reference.md describes the required form")
        }
    }

    private static func typeDescription(_ type: String) -> (String, String, String, String) {
        switch type {
        case "xs:duration": ("keine Dauer", "a duration", "schreiben Sie die Dauer nach ISO 8601: P3M (drei Monate), P2W (zwei Wochen), P10D (zehn Tage)",
                             "write the duration as ISO 8601: P3M (three months), P2W (two weeks), P10D (ten days)")
        case "xs:integer", "xs:positiveInteger", "xs:nonNegativeInteger", "xs:int": ("keine ganze Zahl", "a whole number",
                                                                                    "schreiben Sie eine ganze Zahl ohne Punkt und Einheit", "write a whole number without point or unit")
        case "xs:anyURI": ("keine gültige Adresse", "a valid address", "prüfen Sie die Adresse auf Leerzeichen und Tippfehler",
                           "check the address for spaces and typos")
        case "xs:boolean": ("kein Wahrheitswert", "a boolean", "schreiben Sie true oder false", "write true or false")
        case "xs:NCName", "xs:ID", "xs:token", "xs:NMTOKEN": ("kein gültiger Name", "a valid name",
                                                              "verwenden Sie Buchstaben, Ziffern und Bindestriche ohne Leerzeichen",
                                                              "use letters, digits and hyphens without spaces")
        default: ("kein gültiger Wert vom Typ \(type)", "a valid value of type \(type)", "docs/reference.md beschreibt den Typ",
                  "docs/reference.md describes the type")
        }
    }
}
