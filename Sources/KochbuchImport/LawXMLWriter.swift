import KochbuchModel

/// Writes a `Law` as a catalog file valid against `law.xsd`.
public enum LawXMLWriter {
    public static func xml(for law: Law) -> String {
        var writer = XMLWriter()
        writer.comment("Erzeugt mit 'kochbuch import law'. Nicht von Hand ändern: neu importieren.")
        writer.open("law", [
            ("xmlns", DocumentNamespace.uri),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "\(DocumentNamespace.uri) ../../schema/law.xsd"),
            ("id", law.id), ("abbreviation", law.abbreviation),
            ("status", law.status.rawValue), ("enacted", law.enacted?.description), ("supersedes", law.supersedes),
        ])
        writer.element("title", text: law.title)
        writer.element("version", text: law.version)
        writer.element("source", text: law.source)
        if !law.preamble.isEmpty {
            writer.open("preamble")
            write(law.preamble, &writer)
            writer.close("preamble")
        }
        var division: String?
        for section in law.sections {
            if section.division != division {
                if division != nil { writer.close("division") }
                division = section.division
                if let division { writer.open("division", [("title", division)]) }
            }
            let attributes: [(String, String?)] = [
                ("number", section.number), ("title", section.title),
                ("status", section.status == .inForce ? nil : section.status.rawValue),
            ]
            if section.text.isEmpty {
                writer.empty("section", attributes)
            } else {
                writer.open("section", attributes)
                write(section.text, &writer)
                writer.close("section")
            }
        }
        if division != nil { writer.close("division") }
        for annex in law.annexes {
            if annex.text.isEmpty {
                writer.empty("annex", [("title", annex.title)])
            } else {
                writer.open("annex", [("title", annex.title)])
                write(annex.text, &writer)
                writer.close("annex")
            }
        }
        writer.close("law")
        return writer.output
    }

    private static func write(_ text: [LawText], _ writer: inout XMLWriter) {
        for piece in text {
            switch piece {
            case .heading(let heading):
                writer.element("heading", text: heading)
            case .paragraph(let paragraph):
                writer.open("paragraph", [("number", paragraph.number)])
                write(paragraph.parts, &writer)
                writer.close("paragraph")
            }
        }
    }

    private static func write(_ parts: [LawTextPart], _ writer: inout XMLWriter) {
        for part in parts {
            switch part {
            case .text(let text):
                writer.element("text", text: text)
            case .item(let label, let children):
                writer.open("item", [("label", label)])
                write(children, &writer)
                writer.close("item")
            }
        }
    }
}

/// The namespace of Kochbuch documents.
public enum DocumentNamespace {
    public static let uri = "urn:kochbuch:1.0"
}
