import KochbuchModel

/// One page per law with more than one version: the versions, and for each the changes against
/// the one before, word by word (insertions and deletions marked by `<ins>`/`<del>` and in words
/// for screen readers, not by colour alone), with the recipes each change touches.
struct LawHistoryPage {
    let site: SiteContext

    func prepare(_ law: Law, templates: TemplateSet, salt: String) -> PreparedPage {
        let root = "../"
        let graph = site.book.graph
        let labels: [LawDiff.Change.Kind: String] = [
            .added: "neu", .removed: "entfallen", .repealed: "weggefallen", .renamed: "Überschrift geändert",
            .moved: "verschoben", .changed: "Text geändert",
        ]
        let inForce = law.versionIndex(inForceOn: site.rechtsstand)
        var versions: [[String: Any]] = []
        for (index, version) in law.versions.enumerated().reversed() {
            var value: [String: Any] = [
                "anchor": "v\(version.date)", "date": GermanLabels.date(version.date),
                "note": version.note, "source": version.source, "inForce": index == inForce,
                "future": version.date > site.rechtsstand,
            ]
            if let diff = law.diff(toVersion: index) {
                value["previous"] = GermanLabels.date(diff.from.date)
                value["changes"] = diff.changes.map { change -> [String: Any] in
                    let numbers = [change.number] + (change.from.map { [$0] } ?? [])
                    let recipes = Set(numbers.flatMap { graph.recipes(citing: law.id, section: $0) }).sorted()
                        .compactMap { site.book.recipesByID[$0] }.map { site.recipeLink($0, root: root) }
                    var entry: [String: Any] = [
                        "kind": labels[change.kind] ?? change.kind.rawValue,
                        "section": change.kind == .moved ? "§ \(change.from ?? "?") → § \(change.number)" : "§ \(change.number)",
                        "title": change.newTitle ?? change.oldTitle ?? "",
                        "recipes": recipes,
                        "hasRecipes": !recipes.isEmpty,
                    ]
                    if change.kind == .renamed {
                        if let old = change.oldTitle, !old.isEmpty { entry["oldTitle"] = old } else { entry["untitledBefore"] = true }
                    }
                    if let text = change.text, !text.isEmpty { entry["diff"] = Self.html(text) }
                    if change.kind != .removed, index == inForce {
                        entry["href"] = "\(law.id).html#p\(HTML.fragment(change.number))"
                    }
                    return entry
                }
                value["hasChanges"] = !diff.changes.isEmpty
            }
            versions.append(value)
        }
        let context: [String: Any] = [
            "abbreviation": law.abbreviation, "title": law.title, "lawHref": "\(law.id).html",
            "versions": versions,
        ]
        let path = SiteLinks.lawHistory(law.id)
        return site.prepare(path: path, template: "law-history", context: context,
                            layout: site.layout(root: root, path: path, title: "\(law.abbreviation) – Fassungen und Änderungen",
                                                description: "Die Fassungen des \(law.abbreviation) und was sich zwischen ihnen geändert hat.",
                                                content: "", active: "gesetze"),
                            templates: templates, salt: salt)
    }

    /// A word diff as HTML; long unchanged runs are shortened.
    static func html(_ diff: WordDiff) -> String {
        diff.runs.map { run in
            let text = HTML.escape(run.text)
            switch run.operation {
            case .inserted:
                return "<ins><span class=\"visually-hidden\">[eingefügt: </span>\(text)<span class=\"visually-hidden\">]</span></ins>"
            case .deleted:
                return "<del><span class=\"visually-hidden\">[gestrichen: </span>\(text)<span class=\"visually-hidden\">]</span></del>"
            case .same:
                let words = run.text.split(separator: " ")
                guard words.count > 24 else { return text }
                return HTML.escape(words.prefix(10).joined(separator: " ")) + " … " + HTML.escape(words.suffix(10).joined(separator: " "))
            }
        }.joined(separator: " ")
    }
}
