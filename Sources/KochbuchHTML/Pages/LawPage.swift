import KochbuchModel

/// One page per law with every section's text (anchor `#p6`) and, under each section, the
/// recipes citing it; sections nothing cites are marked, so the site shows the book's gaps.
struct LawPage {
    let site: SiteContext

    func prepare(_ law: Law, templates: TemplateSet, salt: String) -> PreparedPage {
        let root = "../"
        let graph = site.book.graph
        var divisions: [[String: Any]] = []
        var current: (title: String?, sections: [[String: Any]])?
        for section in law.sections {
            let recipes = graph.recipes(citing: law.id, section: section.number).compactMap { site.book.recipesByID[$0] }
            var value: [String: Any] = [
                "anchor": "p\(HTML.fragment(section.number))",
                "number": section.number,
                "title": section.title,
                "text": LawTextRenderer.html(section.text, idPrefix: "p\(HTML.fragment(section.number))-"),
                "recipes": recipes.map { site.recipeLink($0, root: root) },
                "uncited": recipes.isEmpty && section.status == .inForce,
            ]
            if let status = GermanLabels.sectionStatus(section.status) { value["status"] = status }
            if let changed = law.current.flatMap({ law.lastChange(of: section.number, onOrBefore: $0.date) }) {
                value["changed"] = ["date": GermanLabels.date(changed),
                                    "href": "\(SiteLinks.lawHistoryFile(law.id))#v\(changed)"]
            }
            if current?.title != section.division || current == nil {
                if let current { divisions.append(["title": current.title ?? "", "hasTitle": current.title != nil, "sections": current.sections]) }
                current = (section.division, [])
            }
            current?.sections.append(value)
        }
        if let current { divisions.append(["title": current.title ?? "", "hasTitle": current.title != nil, "sections": current.sections]) }
        let cited = law.sections.filter { !graph.recipes(citing: law.id, section: $0.number).isEmpty }.count
        var context: [String: Any] = [
            "abbreviation": law.abbreviation,
            "title": law.title,
            "isDraft": law.status == .draft,
            "version": law.version,
            "hasText": law.hasText,
            "address": law.address ?? false,
            "versionDate": law.current.map { GermanLabels.date($0.date) } ?? false,
            "history": law.versions.count > 1 ? ["href": SiteLinks.lawHistoryFile(law.id), "count": law.versions.count] as [String: Any] : false,
            "source": law.source,
            "enacted": law.enacted.map(GermanLabels.date) ?? "",
            "preamble": LawTextRenderer.html(law.preamble),
            "divisions": divisions,
            "annexes": law.annexes.map { ["title": $0.title, "text": LawTextRenderer.html($0.text)] },
            "citedCount": cited,
            "sectionCount": law.sections.count,
            "wholeLawRecipes": graph.citations.filter { $0.reference.law == law.id && $0.reference.section == nil }
                .map(\.recipe).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                .compactMap { site.book.recipesByID[$0] }.map { site.recipeLink($0, root: root) },
        ]
        if let base = law.supersedes.flatMap({ site.book.lawsByID[$0] }) {
            context["supersedes"] = ["abbreviation": base.abbreviation, "href": "\(base.id).html"]
        }
        let path = SiteLinks.law(law.id)
        return site.prepare(path: path, template: "law", context: context,
                            layout: site.layout(root: root, path: path, title: "\(law.abbreviation) – \(law.title)", description: law.title,
                                                content: "", active: "gesetze", markdownCopy: "\(law.id).md"),
                            templates: templates, salt: salt)
    }
}

/// Law text (paragraphs with numbers, nested items, headings) as HTML.
public enum LawTextRenderer {
    /// - Parameter idPrefix: prefix of the paragraphs' ids (`p6-` gives `p6-abs1`); nil for none.
    public static func html(_ text: [LawText], idPrefix: String? = nil) -> String {
        text.map { piece in
            switch piece {
            case .heading(let heading):
                return "<p class=\"law-heading\"><strong>\(HTML.escape(heading))</strong></p>"
            case .paragraph(let paragraph):
                let number = paragraph.number.map { "<span class=\"para-number\">(\(HTML.escape($0)))</span> " } ?? ""
                let id = idPrefix.flatMap { prefix in paragraph.number.map { " id=\"\(prefix)abs\(HTML.fragment($0))\"" } } ?? ""
                return "<div class=\"law-paragraph\"\(id)>\(parts(paragraph.parts, leading: number))</div>"
            }
        }.joined(separator: "\n")
    }

    private static func parts(_ parts: [LawTextPart], leading: String = "") -> String {
        var html = ""
        var items: [String] = []
        var first = true
        func flushItems() {
            if !items.isEmpty { html += "<ul class=\"law-items\">\(items.joined())</ul>" }
            items = []
        }
        for part in parts {
            switch part {
            case .text(let text):
                flushItems()
                html += "<p>\(first ? leading : "")\(HTML.escape(text))</p>"
                first = false
            case .item(let label, let children):
                if first && !leading.isEmpty {
                    html += "<p>\(leading)</p>"
                    first = false
                }
                items.append("<li><span class=\"item-label\">\(HTML.escape(label))</span> \(self.parts(children))</li>")
            }
        }
        flushItems()
        return html
    }
}
