import Foundation
import KochbuchModel
import KochbuchText
import Testing

@Suite struct BookTextTests {
    static func order(_ book: Book) -> [Recipe] {
        (book.manifest?.chapters ?? []).flatMap(\.recipes).compactMap { book.recipe($0.id) }
    }

    @Test func theBookHasTitleBlockIntroductionContentsRecipesAndGlossary() throws {
        let (book, _) = try TextFixture.mini()
        let text = TextRenderer(book: book).renderBook(recipes: Self.order(book))
        let lines = text.components(separatedBy: "\n")
        #expect(Array(lines.prefix(8)) == [
            "#############", "Mini-Kochbuch", "#############", "",
            "Testausgabe, Stand 1. November 2026",
            "Rechtsstand: 25. Juli 2013",
            "Herausgegeben von Redaktion Test",
            "Lizenz: CC BY 4.0 – https://creativecommons.org/licenses/by/4.0/deed.de",
        ])
        #expect(TextFixture.section("Über dieses Kochbuch", in: text, rule: "=") == ["Ein kleines Buch für die Tests."])
        #expect(TextFixture.section("Inhaltsverzeichnis", in: text, rule: "=") == [
            "Akten", "  1. Ein Beispielrezept", "  2. Die E-Akte einführen", "  3. Ersetzend scannen",
        ])
        #expect(text.contains("\n\n=====\nAkten\n=====\n\n\nEin Beispielrezept\n==================\n"))
        // Every recipe, in the given order, each with its own numbered references.
        let positions = ["Ein Beispielrezept", "Die E-Akte einführen", "Ersetzend scannen", "Glossar"].map { title in
            lines.indices.first { lines[$0] == title && lines[$0 + 1] == String(repeating: "=", count: title.count) }
        }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(text.contains("[1] Rezept: Ersetzend scannen (scannen), Schritt 1: Anfangen"))
        #expect(TextFixture.section("Glossar", in: text, rule: "=") == [
            "DMS (Dokumentenmanagementsystem)",
            "  Software, in der die E-Akte geführt wird.",
            "",
            "E-Akte (elektronische Akte)",
            "  Die elektronisch geführte Akte, siehe § 6 EGovG[1].",
            "  Siehe auch: DMS",
            "  Verwendet in: Ein Beispielrezept",
        ])
        #expect(text.hasSuffix("Verweise\n--------\n\n[1] § 6 EGovG – Elektronische Aktenführung\n"))
    }

    @Test func recipesComeInTheGivenOrder() throws {
        let (book, _) = try TextFixture.mini()
        let reversed = Array(Self.order(book).reversed())
        let text = TextRenderer(book: book).renderBook(recipes: reversed)
        let titles = reversed.map(\.title)
        let positions = titles.compactMap { text.range(of: "\n\($0)\n" + String(repeating: "=", count: $0.count) + "\n")?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted())
        #expect(TextFixture.section("Inhaltsverzeichnis", in: text, rule: "=") == [
            "Akten", "  1. Ersetzend scannen", "  2. Die E-Akte einführen", "  3. Ein Beispielrezept",
        ])
    }

    @Test func aPartialEditionSaysWhatItLeavesOut() throws {
        let (book, recipe) = try TextFixture.mini()
        let text = TextRenderer(book: book).renderBook(recipes: [recipe])
        #expect(text.contains("[3] Rezept: Die E-Akte einführen (e-akte) (nicht in dieser Ausgabe)"))
        #expect(text.contains("  - baut auf: Die E-Akte einführen (e-akte) (nicht in dieser Ausgabe)"))
        #expect(!text.contains("Verweist hierher"))
        #expect(!text.contains("Die E-Akte einführen\n===="))
    }

    @Test func theShippedBookHasEveryRecipeAndTheGlossary() throws {
        let book = TextFixture.load(TextFixture.shippedBook)
        let order = Self.order(book)
        let text = TextRenderer(book: book).renderBook(recipes: order)
        #expect(text.hasPrefix("#####################\nKochbuch E-Government\n#####################\n\nRezepte für die digitale Kommunalverwaltung\n"))
        for recipe in order where recipe.title.count <= 78 {
            #expect(text.contains("\n\n\n\(recipe.title)\n" + String(repeating: "=", count: recipe.title.count) + "\n"), "\(recipe.id)")
        }
        // A title longer than the width wraps, underlined as long as its longest line.
        #expect(text.contains("""

            Online-Angebote barrierefrei gestalten – mit Erklärung zur Barrierefreiheit
            und Leichter Sprache
            ===========================================================================

            """))
        for chapter in book.manifest?.chapters ?? [] {
            let rule = String(repeating: "=", count: chapter.title.count)
            #expect(text.contains("\n\(rule)\n\(chapter.title)\n\(rule)\n"), "\(chapter.title)")
        }
        for entry in book.glossary ?? [] { #expect(text.contains("\n\n\(entry.term)"), "\(entry.term)") }
        #expect(!text.contains("<") && !text.contains("&amp;"))
    }
}
