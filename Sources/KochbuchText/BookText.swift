import KochbuchModel

/// Writes the whole guide: title block, introduction, table of contents by chapter, the recipes
/// under their chapter headings, and the glossary.
struct BookText {
    let book: TextBook
    let width: Int

    /// - Parameter placeholder: when given, each recipe stands as this one line (by its index), for the
    ///   caller to put the recipe's rendered text in its place.
    func lines(_ recipes: [Recipe], placeholder: ((Int) -> String)? = nil) -> [String] {
        let edition = Set(recipes.map(\.id))
        let layout = TextLayout(width: width)
        let manifest = book.book.manifest
        var document = TextDocument()

        if let manifest {
            document.add(titleBlock(manifest, layout: layout))
            let state = RenderState()
            let inline = InlineText(book: book, currentRecipe: nil, edition: edition, state: state)
            let introduction = BlockText(inline: inline, width: width).lines(manifest.introduction, indent: "")
            if !introduction.isEmpty {
                document.addPart(layout.heading("Über dieses Kochbuch", "="))
                document.add(introduction)
                let references = ReferencesText(width: width).lines(state.references)
                if !references.isEmpty {
                    document.add(layout.heading("Verweise", "-"))
                    document.add(references)
                }
            }
        }

        let chapters = chaptersOf(recipes)
        document.addPart(layout.heading("Inhaltsverzeichnis", "="))
        for chapter in chapters {
            let entries = layout.marked(chapter.recipes.enumerated().map { ("\($0.offset + 1). ", $0.element.title) }, indent: "  ")
            document.add((chapter.title.map { TextWrapper.wrap($0, width: width) } ?? []) + entries)
        }

        let recipeText = RecipeText(book: book, width: width, edition: edition)
        let chapterOf = Dictionary(chapters.flatMap { chapter in chapter.recipes.map { ($0.id, chapter.title) } },
                                   uniquingKeysWith: { first, _ in first })
        var currentChapter: String?? = .none
        for (index, recipe) in recipes.enumerated() {
            let chapter = chapterOf[recipe.id] ?? nil
            if currentChapter != .some(chapter), let title = chapter {
                document.addPart(layout.heading(title, "=", overline: true))
            }
            currentChapter = .some(chapter)
            document.addPart(placeholder.map { [$0(index)] } ?? recipeText.lines(recipe))
        }

        document.addPart(glossary(edition: edition, layout: layout))
        return document.lines
    }

    /// Title, subtitle, edition, publisher and licence.
    private func titleBlock(_ manifest: BookManifest, layout: TextLayout) -> [String] {
        var document = TextDocument()
        document.add(layout.heading(manifest.title, "#", overline: true))
        if let subtitle = manifest.subtitle, !TextWrapper.collapsed(subtitle).isEmpty {
            document.add(TextWrapper.wrap(subtitle, width: width))
        }
        var facts: [String] = []
        var edition = manifest.edition
        if let date = manifest.editionDate { edition += ", Stand \(TextWrapper.glued(GermanLabels.date(date)))" }
        facts += TextWrapper.wrap(edition, width: width)
        if let date = book.book.newestLawVersionDate {
            facts += TextWrapper.wrap("Rechtsstand: \(TextWrapper.glued(GermanLabels.date(date)))", width: width)
        }
        if !manifest.publisher.isEmpty { facts += TextWrapper.wrap("Herausgegeben von \(manifest.publisher)", width: width) }
        if !manifest.licence.isEmpty {
            let licence = manifest.licenceURL.map { "Lizenz: \(manifest.licence) – \($0)" } ?? "Lizenz: \(manifest.licence)"
            facts += TextWrapper.wrap(licence, width: width)
        }
        document.add(facts)
        return document.lines
    }

    /// The recipes grouped by the manifest's chapters in chapter order, each in the order given;
    /// recipes in no chapter come last under "Weitere Rezepte" (or without a title if the book has no chapters).
    private func chaptersOf(_ recipes: [Recipe]) -> [(title: String?, recipes: [Recipe])] {
        let chapters = book.book.manifest?.chapters ?? []
        var chapterIndex: [String: Int] = [:]
        for (index, chapter) in chapters.enumerated() {
            for entry in chapter.recipes where chapterIndex[entry.id] == nil { chapterIndex[entry.id] = index }
        }
        var grouped: [(title: String?, recipes: [Recipe])] = chapters.map { ($0.title, []) }
        var others: [Recipe] = []
        for recipe in recipes {
            if let index = chapterIndex[recipe.id] { grouped[index].recipes.append(recipe) } else { others.append(recipe) }
        }
        if !others.isEmpty { grouped.append((chapters.isEmpty ? nil : "Weitere Rezepte", others)) }
        return grouped.filter { !$0.recipes.isEmpty }
    }

    /// The glossary by term, with "Siehe auch" and the recipes of this edition that use each term.
    private func glossary(edition: Set<String>, layout: TextLayout) -> [String] {
        let entries = (book.book.glossary ?? []).sorted { ($0.term.lowercased(), $0.id) < ($1.term.lowercased(), $1.id) }
        guard !entries.isEmpty else { return [] }
        let state = RenderState(numbersTerms: false)
        let inline = InlineText(book: book, currentRecipe: nil, edition: edition, state: state)
        var users: [String: Set<String>] = [:]
        for use in book.graph.termUses where edition.contains(use.recipe) { users[use.reference.id, default: []].insert(use.recipe) }
        var document = TextDocument()
        document.add(layout.heading("Glossar", "="))
        for entry in entries {
            var term = entry.term
            if let expansion = entry.expansion, !expansion.isEmpty { term += " (\(expansion))" }
            var lines = TextWrapper.wrap(term, width: width, first: "", rest: "  ")
            lines += TextWrapper.wrap(inline.text(entry.definition), width: width, first: "  ", rest: "  ")
            let see = entry.seeAlso.compactMap { book.glossaryByID[$0.id]?.term }
            if !see.isEmpty { lines += TextWrapper.wrap("Siehe auch: " + see.joined(separator: ", "), width: width, first: "  ", rest: "    ") }
            let usedIn = (users[entry.id] ?? []).compactMap { book.recipesByID[$0] }.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
            if !usedIn.isEmpty {
                lines += TextWrapper.wrap("Verwendet in: " + usedIn.map(\.title).joined(separator: ", "), width: width,
                                          first: "  ", rest: "    ")
            }
            document.add(lines)
        }
        let references = ReferencesText(width: width).lines(state.references)
        if !references.isEmpty {
            document.add(layout.heading("Verweise", "-"))
            document.add(references)
        }
        return document.lines
    }
}
