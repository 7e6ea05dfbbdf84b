import KochbuchModel

/// Writes a `Law` with all its versions as a catalog file valid against `law.xsd`. A section that
/// reads as in the previous version is written as `<same number="…"/>`, so the file itself shows
/// what each version changed.
public enum LawXMLWriter {
    public static func xml(for law: Law) -> String {
        var writer = XMLWriter()
        writer.comment("Erzeugt mit 'kochbuch import law'. Nicht von Hand ändern: neu importieren (mit --as-of für eine neue Fassung).")
        writer.open("law", [
            ("xmlns", DocumentNamespace.uri),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "\(DocumentNamespace.uri) ../../schema/law.xsd"),
            ("id", law.id), ("abbreviation", law.abbreviation),
            ("status", law.status.rawValue), ("enacted", law.enacted?.description), ("supersedes", law.supersedes),
            ("jurisdiction", law.jurisdiction), ("href", law.address), ("municipalities", law.municipalities?.rawValue),
        ])
        writer.element("title", text: law.title)
        if law.versions.isEmpty, !law.source.isEmpty { writer.element("source", text: law.source) }
        var previous: LawVersion?
        for version in law.versions {
            write(version, after: previous, &writer)
            previous = version
        }
        writer.close("law")
        return writer.output
    }

    private static func write(_ version: LawVersion, after previous: LawVersion?, _ writer: inout XMLWriter) {
        writer.open("version", [("date", version.date.description)])
        writer.element("note", text: version.note)
        writer.element("source", text: version.source)
        for move in version.moves {
            writer.empty("moved", [("from", move.from), ("to", move.to), ("similarity", move.similarity.map { String($0) })])
        }
        if !version.preamble.isEmpty {
            writer.open("preamble")
            write(version.preamble, &writer)
            writer.close("preamble")
        }
        var division: String?
        for section in version.sections {
            if section.division != division {
                if division != nil { writer.close("division") }
                division = section.division
                if let division { writer.open("division", [("title", division)]) }
            }
            if let before = previous?.section(section.number), before.readsLike(section) {
                writer.empty("same", [("number", section.number)])
                continue
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
        for annex in version.annexes {
            if annex.text.isEmpty {
                writer.empty("annex", [("title", annex.title)])
            } else {
                writer.open("annex", [("title", annex.title)])
                write(annex.text, &writer)
                writer.close("annex")
            }
        }
        writer.close("version")
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
