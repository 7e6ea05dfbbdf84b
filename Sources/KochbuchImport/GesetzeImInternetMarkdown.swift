import Foundation

/// Reads the second source format of law texts (the gesetze-im-internet.de mirror kmein/gesetze):
/// `% Title  (Kurzbezeichnung - Abkürzung)` and `% Ausfertigungsdatum: DD.MM.YYYY` lines, one
/// `# § N – Title` heading per section, `# Eingangsformel`, `# Anlage N – …`, an `# Inhaltsübersicht`
/// to skip, and the publisher's `(+++ … +++)` notes, which are not norm text.
///
/// It rewrites the text into the bundestag/gesetze format `LawMarkdownParser` reads, so both
/// formats share one parser of paragraphs and items.
enum GesetzeImInternetMarkdown {
    struct Converted {
        var markdown: String
        /// How many lines the rewrite put before the first line of the source.
        var addedLines: Int
        /// The publisher's notes dropped from the norm text, with the section they stood in.
        var editorialNotes: [String]
    }

    /// Whether `markdown` is in this format.
    static func recognises(_ markdown: String) -> Bool {
        markdown.hasPrefix("% ")
    }

    static func convert(_ markdown: String) throws -> Converted {
        let lines = markdown.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        var title: String?
        var abbreviation: String?
        var enacted: String?
        var body: [String] = []
        var notes: [String] = []
        var heading = "Anfang"
        var skipping = false
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("% ") {
                let value = String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                if value.hasPrefix("Ausfertigungsdatum:") {
                    enacted = Self.isoDate(String(value.dropFirst("Ausfertigungsdatum:".count)).trimmingCharacters(in: .whitespaces))
                } else if title == nil {
                    (title, abbreviation) = Self.titleLine(value)
                }
                body.append("")
                continue
            }
            if line.hasPrefix("# ") {
                let text = String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                skipping = text == "Inhaltsübersicht"
                if skipping { body.append(""); continue }
                heading = text
                if text.hasPrefix("§") {
                    var section = text
                    if let dash = section.range(of: " – ") { section.replaceSubrange(dash, with: " ") }
                    body.append("## " + section)
                } else if text.hasPrefix("Anlage") {
                    body.append("## " + text.replacingOccurrences(of: " – (", with: " ("))
                } else {
                    body.append("## " + text)
                }
                continue
            }
            if skipping { body.append(""); continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("(+++"), trimmed.hasSuffix("+++)") {
                notes.append("\(heading), Zeile \(index + 1): \(trimmed)")
                body.append("")
                continue
            }
            body.append(line)
        }
        guard let title else { throw LawMarkdownParser.ParseError.missingAbbreviation }
        // Some titles carry no abbreviation ("% De-Mail-Gesetz"): the title stands for it.
        let shortName = abbreviation ?? title
        var front = ["---", "Title: \(title)", "jurabk: \(shortName)", "---", ""]
        if let enacted { front += ["Ausfertigungsdatum", ":   \(enacted)", ""] }
        return Converted(markdown: (front + body).joined(separator: "\n"), addedLines: front.count, editorialNotes: notes)
    }

    /// "Gesetz …  (E-Government-Gesetz - EGovG)" → ("Gesetz …", "EGovG").
    private static func titleLine(_ line: String) -> (String, String?) {
        guard line.hasSuffix(")"), let open = line.range(of: "(", options: .backwards) else { return (line, nil) }
        let inner = line[open.upperBound..<line.index(before: line.endIndex)]
        let name = line[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
        guard let dash = inner.range(of: " - ", options: .backwards) else { return (name, String(inner)) }
        return (name, inner[dash.upperBound...].trimmingCharacters(in: .whitespaces))
    }

    /// "25.07.2013" → "2013-07-25".
    private static func isoDate(_ text: String) -> String? {
        let parts = text.split(separator: ".")
        guard parts.count == 3 else { return nil }
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }
}
