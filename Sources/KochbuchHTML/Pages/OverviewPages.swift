import KochbuchLinking
import KochbuchModel

/// The start page, the laws overview, Themenfeld and Lebenslage pages, the A–Z index,
/// the OZG-Leistungen index, the glossary, the search page, the coverage page and the
/// accessibility statement.
struct OverviewPages {
    let site: SiteContext
    let templates: TemplateSet
    /// What else the pages depend on (the tool's version), for their keys.
    var salt = ""

    private var book: SiteBook { site.book }

    private func page(_ path: String, root: String, title: String, description: String, template: String,
                      context: [String: Any], scripts: [String] = [], active: String = "") -> PreparedPage {
        site.prepare(path: path, template: template, context: context,
                     layout: site.layout(root: root, path: path, title: title, description: description, content: "",
                                         scripts: scripts, active: active),
                     templates: templates, salt: salt)
    }

    func start() -> PreparedPage {
        let root = ""
        let content = ContentRenderer(book: book, root: root)
        let manifest = book.book.manifest
        let themenfelder = (book.book.topics?.themenfelder ?? []).compactMap { field -> [String: Any]? in
            let recipes = book.orderedRecipes.filter { $0.classification.themenfelder.contains { $0.id == field.id } }
            guard !recipes.isEmpty else { return nil }
            return ["name": field.name, "id": field.id, "href": SiteLinks.themenfeld(field.id), "count": recipes.count,
                    "recipes": recipes.map { site.recipeLink($0, root: root) }]
        }
        let newest = book.book.recipes.filter { $0.status == .published }
            .sorted { ($0.reviewed ?? CalendarDate("1900-01-01")!, $1.title) > ($1.reviewed ?? CalendarDate("1900-01-01")!, $0.title) }
            .prefix(6).map { site.recipeLink($0, root: root) }
        let mostCited = book.book.recipes.map { ($0, book.graph.backlinks(to: $0.id).count) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.title < $1.0.title }
            .prefix(6).map { pair -> [String: Any] in
                var value = site.recipeLink(pair.0, root: root)
                value["count"] = pair.1
                return value
            }
        let context: [String: Any] = [
            "title": manifest?.title ?? "Kochbuch",
            "subtitle": manifest?.subtitle ?? "",
            "introduction": content.blocks(manifest?.introduction ?? []),
            "recipeCount": book.book.recipes.count,
            "themenfelder": themenfelder,
            "newest": Array(newest),
            "mostCited": Array(mostCited),
            "laws": lawLinks(root: root),
            "chapters": (manifest?.chapters ?? []).map { chapter in
                ["title": chapter.title, "recipes": chapter.recipes.compactMap { book.recipesByID[$0.id] }.map { site.recipeLink($0, root: root) }]
            },
        ]
        return page("index.html", root: root, title: manifest?.title ?? "Kochbuch",
                    description: manifest?.subtitle ?? "Rezepte für die digitale Verwaltung", template: "index",
                    context: context, active: "start")
    }

    private func lawLinks(root: String) -> [[String: Any]] {
        book.book.laws.sorted { ($0.status == .draft ? 1 : 0, $0.abbreviation) < ($1.status == .draft ? 1 : 0, $1.abbreviation) }
            .map { law in
                ["abbreviation": law.abbreviation, "title": law.title, "href": root + SiteLinks.law(law.id),
                 "isDraft": law.status == .draft, "recipeCount": book.graph.recipes(citing: law.id).count]
            }
    }

    func laws() -> PreparedPage {
        page("gesetze.html", root: "", title: "Gesetze", description: "Die Gesetze, auf die sich die Rezepte stützen",
             template: "laws", context: ["laws": lawLinks(root: "")], active: "gesetze")
    }

    func themenfeld(_ field: Themenfeld) -> PreparedPage {
        let root = "../"
        let recipes = book.recipesByThemenfeld[field.id] ?? []
        let lebenslagen = field.lebenslagen.map { lage -> [String: Any] in
            let count = book.recipesByLebenslage[lage.id]?.count ?? 0
            return ["name": lage.name, "href": root + SiteLinks.lebenslage(lage.id), "count": count]
        }
        return page(SiteLinks.themenfeld(field.id), root: root, title: field.name,
                    description: "Rezepte im OZG-Themenfeld \(field.name)", template: "topic",
                    context: ["kind": "Themenfeld", "name": field.name, "recipes": recipes.map { site.recipeLink($0, root: root) },
                              "lebenslagen": lebenslagen], active: "themen")
    }

    func lebenslage(_ lage: Lebenslage) -> PreparedPage {
        let root = "../"
        let recipes = book.recipesByLebenslage[lage.id] ?? []
        let field = book.themenfelderByID[lage.themenfeld]
        let leistungen = (book.book.ozgLeistungen ?? []).filter { $0.lebenslage == lage.id }.map { leistung -> [String: Any] in
            let recipes = book.recipesByOZGLeistung[leistung.id] ?? []
            return ["id": leistung.id, "name": leistung.name, "recipes": recipes.map { site.recipeLink($0, root: root) }]
        }
        var context: [String: Any] = ["kind": "Lebenslage", "name": lage.name, "recipes": recipes.map { site.recipeLink($0, root: root) },
                                      "leistungen": leistungen]
        if let field { context["parent"] = ["name": field.name, "href": root + SiteLinks.themenfeld(field.id)] }
        return page(SiteLinks.lebenslage(lage.id), root: root, title: lage.name,
                    description: "Rezepte zur Lebenslage \(lage.name)", template: "topic", context: context, active: "themen")
    }

    func alphabetical() -> PreparedPage {
        var groups: [(String, [Recipe])] = []
        let keys = book.book.recipes.enumerated().map { ($0.element.title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil), $0.offset) }
        for (_, index) in keys.sorted(by: { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }) {
            let recipe = book.book.recipes[index]
            let letter = String(recipe.title.folding(options: [.diacriticInsensitive], locale: nil).prefix(1)).uppercased()
            if groups.last?.0 == letter { groups[groups.count - 1].1.append(recipe) } else { groups.append((letter, [recipe])) }
        }
        let context: [String: Any] = [
            "title": "Rezepte von A bis Z",
            "letters": groups.map { ["letter": $0.0, "anchor": "buchstabe-\(HTML.fragment($0.0))"] },
            "groups": groups.map { group in
                ["letter": group.0, "anchor": "buchstabe-\(HTML.fragment(group.0))", "recipes": group.1.map { site.recipeLink($0, root: "") }]
            },
        ]
        return page("a-z.html", root: "", title: "Rezepte von A bis Z", description: "Alle Rezepte alphabetisch",
                    template: "list", context: context, active: "a-z")
    }

    func ozgLeistungen() -> PreparedPage {
        let root = ""
        var referenced: [String: [Recipe]] = [:]
        for recipe in book.orderedRecipes {
            for reference in recipe.classification.ozgLeistungen { referenced[reference.id, default: []].append(recipe) }
        }
        let rows = (book.book.ozgLeistungen ?? []).filter { referenced[$0.id] != nil }.map { leistung -> [String: Any] in
            ["id": leistung.id, "anchor": "ozg-\(leistung.id)", "name": leistung.name,
             "lebenslage": book.lebenslagenByID[leistung.lebenslage]?.name ?? "",
             "recipes": (referenced[leistung.id] ?? []).map { site.recipeLink($0, root: root) }]
        }
        let context: [String: Any] = [
            "title": "OZG-Leistungen", "leistungen": rows, "total": book.book.ozgLeistungen?.count ?? 0,
        ]
        return page("ozg-leistungen.html", root: root, title: "OZG-Leistungen",
                    description: "OZG-Leistungen, zu denen das Kochbuch Rezepte hat", template: "list", context: context)
    }

    func glossary() -> PreparedPage {
        let root = ""
        let content = ContentRenderer(book: book, root: root)
        var users: [String: Set<String>] = [:]
        for use in book.graph.termUses { users[use.reference.id, default: []].insert(use.recipe) }
        let entries = (book.book.glossary ?? []).sorted { $0.term.lowercased() < $1.term.lowercased() }.map { entry -> [String: Any] in
            ["anchor": "begriff-\(HTML.fragment(entry.id))", "term": entry.term, "expansion": entry.expansion ?? false,
             "definition": content.inlines(entry.definition),
             "seeHTML": linkParagraph("Siehe auch", entry.seeAlso.compactMap { book.glossaryByID[$0.id] }.map {
                 ($0.term, "#begriff-\(HTML.fragment($0.id))") }),
             "usedInHTML": linkParagraph("Verwendet in", (users[entry.id] ?? []).compactMap { book.recipesByID[$0] }
                 .sorted { $0.title < $1.title }.map { ($0.title, root + SiteLinks.recipe($0.id)) })]
        }
        return page("glossar.html", root: root, title: "Glossar", description: "Begriffe des E-Governments, kurz erklärt",
                    template: "glossary", context: ["entries": entries], active: "glossar")
    }

    private func linkParagraph(_ label: String, _ links: [(String, String)]) -> String {
        guard !links.isEmpty else { return "" }
        let items = links.map { "<a href=\"\(HTML.escape($0.1))\">\(HTML.escape($0.0))</a>" }.joined(separator: ", ")
        return "<p class=\"see\">\(label): \(items)</p>"
    }

    /// - Parameter index: the path of the search index's first fragment (`WebSearchIndex.write`).
    func search(index: String) -> PreparedPage {
        page("suche.html", root: "", title: "Suche", description: "Das Kochbuch durchsuchen", template: "search",
             context: [:], scripts: [index, "assets/search.js"], active: "suche")
    }

    func coverage(_ report: CoverageReport) -> PreparedPage {
        let root = ""
        let laws = report.laws.filter { !$0.sections.isEmpty }.map { law -> [String: Any] in
            ["abbreviation": law.abbreviation, "href": root + SiteLinks.law(law.id), "isDraft": law.status == "draft",
             "cited": law.sections.count - law.uncitedCount, "total": law.sections.count,
             "version": law.version.flatMap(CalendarDate.init).map(GermanLabels.date) ?? false,
             "sections": law.sections.map { section -> [String: Any] in
                 var value: [String: Any] = [
                     "number": section.number, "title": section.title, "href": root + SiteLinks.section(law.id, section.number),
                     "count": section.recipes.count, "gap": section.recipes.isEmpty && section.status == "in-force"]
                 if section.status != "in-force" { value["status"] = section.status == "repealed" ? "weggefallen" : "nicht in Kraft" }
                 return value
             },
             "needsReview": law.needsReview.compactMap { need -> [String: Any]? in
                 guard let recipe = book.recipesByID[need.recipe] else { return nil }
                 var link = site.recipeLink(recipe, root: root)
                 link["sections"] = need.sections.map { item -> String in
                     let parts = item.split(separator: "@").map(String.init)
                     let date = parts.count > 1 ? CalendarDate(parts[1]).map(GermanLabels.date) ?? parts[1] : "?"
                     return "§ \(parts[0]) (geändert am \(date))"
                 }.joined(separator: ", ")
                 return link
             },
             "hasNeedsReview": !law.needsReview.isEmpty]
        }
        let fields = report.themenfelder.map { field -> [String: Any] in
            ["name": field.name, "href": root + SiteLinks.themenfeld(field.id), "count": field.recipes.count, "gap": field.recipes.isEmpty]
        }
        let context: [String: Any] = [
            "recipeCount": report.recipeCount, "themenfelderCovered": report.themenfelderCovered,
            "themenfelderTotal": report.themenfelder.count, "laws": laws, "themenfelder": fields,
            "unlinked": report.unlinked.compactMap { book.recipesByID[$0] }.map { site.recipeLink($0, root: root) },
            "drafts": report.drafts.compactMap { book.recipesByID[$0] }.map { site.recipeLink($0, root: root) },
        ]
        return page("abdeckung.html", root: root, title: "Abdeckung", description: "Wo das Kochbuch noch Lücken hat",
                    template: "coverage", context: context)
    }

    /// The Impressum and the Datenschutzerklärung, from the manifest's `<imprint>`; none without it.
    func imprintPages() -> [PreparedPage] {
        guard let manifest = book.book.manifest, let imprint = manifest.imprint else { return [] }
        var context: [String: Any] = [
            "provider": imprint.provider, "address": imprint.address, "representedBy": imprint.representedBy, "email": imprint.email,
            "dataProtectionOfficer": imprint.dataProtectionOfficer, "serverLogs": imprint.serverLogs,
            "supervisoryAuthority": imprint.supervisoryAuthority,
            "bookTitle": manifest.title, "edition": manifest.edition, "publisher": manifest.publisher, "licence": manifest.licence,
        ]
        if let phone = imprint.phone { context["phone"] = phone }
        if let responsible = imprint.responsible { context["responsible"] = responsible }
        return [page("impressum.html", root: "", title: "Impressum", description: "Anbieter und Kontakt", template: "imprint", context: context),
                page("datenschutz.html", root: "", title: "Datenschutzerklärung",
                     description: "Welche Daten diese Website verarbeitet", template: "privacy", context: context)]
    }

    /// The page a web server shows for an address the site does not have (`404.html`, the name
    /// most servers and hosts look for). Its links lead from the site's root; with a known address
    /// of the site they are absolute, so they work from any depth.
    func notFound() -> PreparedPage {
        let root = site.baseURL ?? ""
        return site.prepare(path: "404.html", template: "not-found", context: ["root": root],
                            layout: site.layout(root: root, path: "404.html", title: "Seite nicht gefunden",
                                                description: "Diese Seite gibt es im Kochbuch nicht.", content: ""),
                            templates: templates, salt: salt)
    }

    func accessibility() -> PreparedPage {
        let settings = site.theme.settings
        let manifest = book.book.manifest
        var context: [String: Any] = [
            "publisher": manifest?.publisher ?? "",
            "date": manifest?.editionDate.map(GermanLabels.date) ?? "",
            "notes": settings.accessibilityNotes ?? "",
        ]
        if let contact = settings.accessibilityContact {
            context["contact"] = contact
            if contact.contains("@") && !contact.hasPrefix("mailto:") { context["contactHref"] = "mailto:" + contact }
            else if HTML.isSafeExternalURL(contact) { context["contactHref"] = contact }
        }
        return page("barrierefreiheit.html", root: "", title: "Erklärung zur Barrierefreiheit",
                    description: "Erklärung zur Barrierefreiheit nach § 7 BITV 2.0", template: "accessibility", context: context)
    }
}

import Foundation
