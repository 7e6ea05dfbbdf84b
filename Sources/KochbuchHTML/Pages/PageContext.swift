import KochbuchModel

/// What every page's layout needs: the book's identity, the theme, the root path.
struct SiteContext {
    let book: SiteBook
    let theme: Theme
    let baseURL: String?
    var hasGuide = false
    /// The day whose law the site shows (the build date, or `--as-of`).
    var rechtsstand: CalendarDate = .today

    func layout(root: String, path: String, title: String, description: String, content: String,
                jsonLD: String? = nil, scripts: [String] = [], active: String = "", markdownCopy: String? = nil) -> [String: Any] {
        let manifest = book.book.manifest
        var context: [String: Any] = [
            "root": root,
            "title": title,
            "description": description,
            "content": content,
            "bookTitle": manifest?.title ?? "Kochbuch",
            "bookSubtitle": manifest?.subtitle ?? "",
            "edition": manifest?.edition ?? "",
            "editionDate": manifest?.editionDate.map(GermanLabels.date) ?? "",
            "rechtsstand": book.book.newestLawVersionDate.map(GermanLabels.date) ?? "",
            "publisher": manifest?.publisher ?? "",
            "licence": manifest?.licence ?? "",
            "scripts": scripts,
            "theme": theme.context(root: root),
            "nav": [("themen", "index.html#themen", "Themen"), ("a-z", "a-z.html", "Rezepte A–Z"), ("gesetze", "gesetze.html", "Gesetze"),
                    ("glossar", "glossar.html", "Glossar"), ("suche", "suche.html", "Suche")].map { item -> [String: Any] in
                ["href": item.1, "label": item.2, "current": item.0 == active, "root": root]
            },
            "isStart": active == "start",
            "documentTitle": active == "start"
                ? [manifest?.title ?? "Kochbuch", manifest?.subtitle].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " – ")
                : "\(title) – \(manifest?.title ?? "Kochbuch")",
            "hasGuide": hasGuide,
            "hasImprint": manifest?.imprint != nil,
        ]
        if let url = manifest?.licenceURL, HTML.isSafeExternalURL(url) { context["licenceURL"] = url }
        if let jsonLD { context["jsonLD"] = jsonLD }
        if let markdownCopy { context["markdownCopy"] = markdownCopy }
        if let baseURL { context["canonicalURL"] = baseURL + path }
        return context
    }

    func recipeLink(_ recipe: Recipe, root: String) -> [String: Any] {
        ["title": recipe.title, "href": root + SiteLinks.recipe(recipe.id), "id": recipe.id,
         "summary": recipe.summary.readerText(book.lookup, in: recipe.id), "draft": recipe.status != .published,
         "status": GermanLabels.status(recipe.status)]
    }
}

extension SiteContext {
    /// A page of `template` inside the layout, ready to be rendered; its key covers both contexts,
    /// the templates and `salt`, so a page with an unchanged key need not be rendered again.
    func prepare(path: String, template: String, context: [String: Any], layout: [String: Any],
                 templates: TemplateSet, salt: String) -> PreparedPage {
        var key = StableHash()
        key.combine(salt)
        key.combine(templates.fingerprint)
        key.combine(template)
        key.combine(context: context)
        key.combine(context: layout)
        return PreparedPage(path: path, key: key.hex) {
            var page = layout
            page["content"] = templates.render(context, template: template)
            return templates.render(page, template: "layout")
        }
    }
}

/// A page ready to be rendered: its path, the key of everything it is made from, and how to make it.
struct PreparedPage {
    let path: String
    let key: String
    let render: () -> String
}
