import Foundation
import KochbuchLoading
import KochbuchModel
import Testing

/// The "everything" fixture uses every element of the format; the reader must keep all of it.
@Suite struct RecipeReaderTests {
    private func loadEverything() throws -> (Recipe, [Diagnostic]) {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let loaded = BookLoader(directory: fixtures, displayPrefix: "Fixtures").load()
        return (try #require(loaded.book.recipes.first), loaded.diagnostics)
    }

    @Test func readsIdentityAndFacts() throws {
        let (recipe, diagnostics) = try loadEverything()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(recipe.id == "everything")
        #expect(recipe.language == "de")
        #expect(recipe.status == .published)
        #expect(recipe.reviewed == CalendarDate("2026-11-01"))
        #expect(recipe.authors == [Author(name: "Redaktion Kochbuch", organisation: "Redaktion Kochbuch")])
        #expect(recipe.facts.difficulty == .medium)
        #expect(recipe.facts.durationMin == "P6M" && recipe.facts.durationMax == "P18M")
        #expect(recipe.facts.cost == .high)
        #expect(recipe.facts.scope == [.gemeinde, .stadt, .landkreis])
        #expect(recipe.facts.audience == [.intern])
        #expect(recipe.facts.maturity == 2)
        #expect(recipe.classification.themenfelder.map(\.id) == ["querschnitt", "bauen-wohnen"])
        #expect(recipe.classification.ozgLeistungen.map(\.id) == ["10519"])
        #expect(recipe.classification.leikaKeys.map(\.id) == ["99001001000000"])
        #expect(recipe.location == SourceLocation(path: "Fixtures/everything.xml", line: 2, column: 1))
    }

    @Test func readsInlineMarkupWithCollapsedWhitespace() throws {
        let (recipe, _) = try loadEverything()
        let step = try #require(recipe.steps.first)
        #expect(step.id == "bestand-aufnehmen" && step.role == "Projektleitung" && step.duration == "P28D")
        guard case .paragraph(let inlines) = step.body.first else { Issue.record("no paragraph"); return }
        #expect(inlines.first == .text("Text mit "))
        #expect(inlines.contains(.emphasis([.text("Betonung")])))
        #expect(inlines.contains(.code("XRechnung")))
        #expect(inlines.plainText.contains("Querverweis auf  ") == false)
        let citations = inlines.compactMap { if case .citation(let reference, _) = $0 { reference } else { nil } }
        #expect(citations.map(\.law) == ["egovg"])
        #expect(citations.first?.section == "6")
        let crossReferences = inlines.compactMap { if case .crossReference(let reference) = $0 { reference } else { nil } }
        #expect(crossReferences.map(\.recipe) == ["e-akte", nil])
        #expect(crossReferences.last?.step == "einfuehren")
    }

    @Test func readsEveryBlockKind() throws {
        let (recipe, _) = try loadEverything()
        let body = try #require(recipe.steps.first?.body)
        var kinds: [String] = []
        for block in body {
            switch block {
            case .paragraph: kinds.append("p")
            case .list(let list):
                kinds.append(list.ordered ? "ol" : "ul")
                #expect(list.items.last?.sublists.first?.ordered == true)
                #expect(list.items.last?.content == [.text("Punkt zwei")])
            case .note(let note): kinds.append("note:\(note.kind.rawValue)")
            case .table(let table):
                kinds.append("table")
                #expect(table.header?.count == 2 && table.rows.count == 1)
            case .figure(let figure):
                kinds.append("figure")
                #expect(figure.source == "images/ablauf.svg" && !figure.alternativeText.isEmpty)
            }
        }
        #expect(kinds == ["p", "ul", "note:warning", "table", "figure"])
        #expect(recipe.tips.count == 1 && recipe.pitfalls.count == 1)
        #expect(recipe.examples.first?.municipality == "Stadt Düren" && recipe.examples.first?.year == 2016)
        #expect(recipe.related.map(\.kind) == [.requires, .buildsOn, .alternativeTo])
        #expect(recipe.sources.first?.href == "https://www.gesetze-im-internet.de/egovg/")
    }
}
