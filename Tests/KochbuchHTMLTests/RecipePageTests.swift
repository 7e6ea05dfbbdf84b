import Foundation
import Kochbuch
import KochbuchHTML
import KochbuchModel
import Testing

@Suite struct RecipePageTests {
    @Test func everyPartOfTheEverythingRecipeIsOnItsPage() throws {
        let site = try SiteFixture(bookDirectory: SiteFixture.miniBook)
        let page = try #require(site.files["rezepte/everything.html"])
        let text = SiteFixture.text(page)
        let loaded = BookLocation(path: SiteFixture.miniBook.path).loader.load()
        let recipe = try #require(loaded.book.recipe("everything"))
        let alternativeTexts = Set(recipe.steps.flatMap(\.body).compactMap { if case .figure(let figure) = $0 { figure.alternativeText } else { nil } })
        for piece in ReadableText.of(recipe) where !alternativeTexts.contains(piece) {
            // References without their own text are shown with generated text (a title, "§ 6 EGovG"),
            // which plain text leaves out: compare the pieces between them.
            for fragment in piece.components(separatedBy: "  ").flatMap({ $0.components(separatedBy: " ,") })
                .flatMap({ $0.components(separatedBy: " .") }) {
                let trimmed = fragment.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { #expect(text.contains(trimmed), "missing on the page: \(trimmed)") }
            }
        }
        for expected in ["Eckdaten", "mittel", "6 bis 18 Monate", "Reifegrad 2", "Zutaten", "Zubereitung", "Schritt 1:",
                         "Tipps", "Stolpersteine", "Aus der Praxis", "Stadt Düren (2016)", "Verwandte Rezepte", "setzt voraus",
                         "Verweist hierher", "Quellen", "§ 6 EGovG – Elektronische Aktenführung", "10519 Bauvorbescheid und Baugenehmigung",
                         "99001001000000 Abfallgebühr", "Querschnitt Bürger"] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        #expect(page.contains("id=\"schritt-bestand-aufnehmen\""))
        #expect(page.contains("<img src=\"../images/ablauf.svg\" alt=\"Ablauf: Eingang, Scannen, Ablage in der E-Akte\""))
        #expect(page.contains("href=\"../gesetze/egovg.html#p6\""))
        #expect(page.contains("href=\"../glossar.html#begriff-e-akte\" aria-describedby=\"tip-1\""))
        #expect(page.contains("<abbr title=\"Dokumentenmanagementsystem\">DMS</abbr>"))
        #expect(page.contains("<a class=\"external\" href=\"https://www.xoev.de/\">einem Link</a>"))
        #expect(page.contains("href=\"#schritt-einfuehren\""))
        #expect(page.contains("<caption id=\"tabelle-2\">Eine Tabelle</caption>"))
        #expect(page.contains("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"tabelle-2\">"))
        #expect(page.contains("<aside class=\"note note-warning\""))
    }

    /// A long recipe lists what its page holds; every recipe links to its neighbours in book order.
    @Test func longRecipesHaveContentsAndEveryRecipeItsNeighbours() throws {
        let site = try SiteFixture(bookDirectory: SiteFixture.shippedBook)
        let book = SiteBook(book: BookLocation(path: SiteFixture.shippedBook.path).loader.load().book)
        let order = book.orderedRecipes.map(\.id)
        let position = try #require(order.firstIndex(of: "e-akte"))
        let page = try #require(site.files["rezepte/e-akte.html"])
        #expect(page.contains("<h2 id=\"auf-dieser-seite\">Auf dieser Seite</h2>"))
        #expect(page.contains("<li><a href=\"#zubereitung\">Zubereitung</a><ol><li><a href=\"#schritt-"))
        #expect(!page.contains("<a href=\"#eckdaten\">Eckdaten</a><ol>"), "only Zubereitung lists the steps")
        #expect(page.contains("href=\"../rezepte/\(order[position - 1]).html\" rel=\"prev\""))
        #expect(page.contains("href=\"../rezepte/\(order[position + 1]).html\" rel=\"next\""))
        let first = try #require(site.files["rezepte/\(order[0]).html"])
        #expect(!first.contains("rel=\"prev\"") && first.contains("rel=\"next\""))
        let mini = try SiteFixture(bookDirectory: SiteFixture.miniBook)
        let shortOnes = BookLocation(path: SiteFixture.miniBook.path).loader.load().book.recipes.filter { $0.steps.count < 5 }
        try #require(!shortOnes.isEmpty)
        for recipe in shortOnes { #expect(!(mini.files["rezepte/\(recipe.id).html"] ?? "").contains("Auf dieser Seite"), "\(recipe.id)") }
    }

    @Test func pagesHaveOneH1AndTheLanguage() throws {
        let site = try SiteFixture(bookDirectory: SiteFixture.miniBook)
        for (path, html) in site.files where path.hasSuffix(".html") {
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"), "\(path)")
            #expect(html.components(separatedBy: "<h1").count == 2, "\(path) has \(html.components(separatedBy: "<h1").count - 1) h1")
            #expect(html.contains("class=\"skip-link\" href=\"#inhalt\""), "\(path)")
        }
    }

    @Test func howToDataDescribesTheRecipe() throws {
        let site = try SiteFixture(bookDirectory: SiteFixture.miniBook, baseURL: "https://kochbuch.example.org/")
        let page = try #require(site.files["rezepte/everything.html"])
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect(json["@type"] as? String == "HowTo")
        #expect(json["name"] as? String == "Ein Beispielrezept")
        #expect(json["totalTime"] as? String == "P18M")
        #expect((json["step"] as? [[String: Any]])?.count == 2)
        #expect((json["tool"] as? [[String: Any]])?.count == 1)
        #expect((json["supply"] as? [[String: Any]])?.count == 3)
        #expect(json["url"] as? String == "https://kochbuch.example.org/rezepte/everything.html")
        #expect(site.files["sitemap.xml"]?.contains("<loc>https://kochbuch.example.org/rezepte/everything.html</loc>") == true)
        #expect(try SiteFixture(bookDirectory: SiteFixture.miniBook).files["sitemap.xml"] == nil)
    }
}
