import Foundation
import KochbuchModel
import KochbuchText
import Testing

@Suite struct RecipeTextTests {
    @Test func everyPieceOfTheEverythingRecipeIsInTheText() throws {
        let (book, recipe) = try TextFixture.mini()
        let text = TextRenderer(book: book).render(recipe)
        // Reference numbers, emphasis marks and written-out abbreviations are additions of the text
        // edition; the fixture's prose has no "_" or "*" of its own.
        var expansions: [String] = []
        ContentWalker(visitInline: { inline in
            if case .abbreviation(_, let title) = inline { expansions.append(" (\(title))") }
        }).walk(recipe)
        #expect(!expansions.isEmpty)
        let prose = TextFixture.prose(text, removing: expansions + ["_", "*"])
        for piece in ReadableText.of(recipe) {
            // References without their own text are shown with generated text (a title, "§ 6 EGovG"),
            // which the plain text leaves out: compare the pieces between them. Line breaks of the
            // source are white space, not gaps.
            let joined = piece.replacingOccurrences(of: #"\s*\n\s*"#, with: " ", options: .regularExpression)
            for fragment in joined.components(separatedBy: "  ").flatMap({ $0.components(separatedBy: " ,") })
                .flatMap({ $0.components(separatedBy: " .") }) {
                let trimmed = TextFixture.collapse(fragment)
                if !trimmed.isEmpty { #expect(prose.contains(trimmed), "missing in the text: \(trimmed)") }
            }
        }
        for expected in ["Eckdaten", "Schwierigkeit:", "mittel", "6 bis 18 Monate", "hoch (Investitionsvorhaben)",
                         "Gemeinde, Stadt, Landkreis", "Verwaltung (intern)", "Reifegrad 2 – Formular online, Abgabe analog",
                         "Einordnung im OZG-Umsetzungskatalog", "Querschnitt, Bauen & Wohnen", "Querschnitt Bürger",
                         "10519 Bauvorbescheid und Baugenehmigung", "99001001000000 Abfallgebühr",
                         "Rechtsgrundlagen", "Zutaten", "Technik:", "Organisation:", "Recht:", "Personal und Wissen:",
                         "Zubereitung", "Tipps", "Stolpersteine", "Aus der Praxis", "Stadt Düren (2016):",
                         "Mehr zu diesem Beispiel: https://www.dueren.de/", "Verwandte Rezepte",
                         "setzt voraus: Ersetzend scannen (scannen) – Vor dem Scannen die E-Akte.",
                         "baut auf: Die E-Akte einführen (e-akte)", "Verweist hierher", "Quellen", "Verweise",
                         "Zuletzt geprüft am 1. November 2026", "Kennung: everything", "DMS (Dokumentenmanagementsystem)"] {
            #expect(TextFixture.collapse(text).contains(expected), "missing: \(expected)")
        }
    }

    @Test func headingsAreUnderlinedAsLongAsTheyAre() throws {
        let (book, recipe) = try TextFixture.mini()
        let lines = TextRenderer(book: book).render(recipe).components(separatedBy: "\n")
        #expect(Array(lines.prefix(2)) == ["Ein Beispielrezept", "=================="])
        for title in ["Eckdaten", "Rechtsgrundlagen", "Zutaten", "Zubereitung", "Tipps", "Stolpersteine", "Aus der Praxis",
                      "Verwandte Rezepte", "Verweist hierher", "Quellen", "Verweise"] {
            let index = try #require(lines.firstIndex(of: title), "no heading \(title)")
            #expect(lines[index + 1] == String(repeating: "-", count: title.count))
            #expect(lines[index - 1].isEmpty)
        }
    }

    @Test func factsAreAlignedLabelValueLines() throws {
        let (book, recipe) = try TextFixture.mini()
        let facts = TextFixture.section("Eckdaten", in: TextRenderer(book: book).render(recipe))
        #expect(facts.first == "Schwierigkeit:        mittel")
        #expect(facts.contains("Geschätzte Dauer:     6 bis 18 Monate"))
        #expect(facts.contains("Erreichter Reifegrad: Reifegrad 2 – Formular online, Abgabe analog"))
        let column = "Erreichter Reifegrad: ".count
        for line in facts {
            #expect(line.count > column && line.prefix(column).last == " " && line.dropFirst(column).first != " ", "not aligned: \(line)")
        }
    }

    @Test func stepsAreNumberedWithTheirBodyIndented() throws {
        let (book, recipe) = try TextFixture.mini()
        let steps = TextFixture.section("Zubereitung", in: TextRenderer(book: book).render(recipe))
        #expect(Array(steps.prefix(2)) == ["1. Bestand aufnehmen", "   Verantwortlich: Projektleitung · Dauer: 4 Wochen"])
        #expect(steps.contains("2. Einführen"))
        for line in steps where !line.isEmpty && !line.hasPrefix("1. ") && !line.hasPrefix("2. ") {
            #expect(line.hasPrefix("   "), "not indented under its step: \(line)")
        }
        #expect(steps.contains("   Achtung: Eine Warnung."))
        #expect(steps.contains("   [Abbildung: Ablauf: Eingang, Scannen, Ablage in der E-Akte]"))
        let figure = try #require(steps.firstIndex(of: "   [Abbildung: Ablauf: Eingang, Scannen, Ablage in der E-Akte]"))
        #expect(steps[figure + 1] == "   Der Ablauf")
    }

    @Test func referencesAreNumberedListedAndMatch() throws {
        let (book, recipe) = try TextFixture.mini()
        let text = TextRenderer(book: book).render(recipe)
        let verweise = try #require(text.range(of: "\nVerweise\n--------\n"))
        let body = String(text[..<verweise.lowerBound])
        let list = TextFixture.section("Verweise", in: text)
        // Every number in the text is listed once, in order of first appearance.
        var firstAppearance: [Int] = []
        for number in TextFixture.referenceMarkers(body) where !firstAppearance.contains(number) { firstAppearance.append(number) }
        #expect(firstAppearance == Array(1...firstAppearance.count))
        let listed = list.filter { $0.hasPrefix("[") }.compactMap { TextFixture.referenceMarkers(String($0.prefix(6))).first }
        #expect(listed == firstAppearance)

        func entry(after label: String) throws -> String {
            let range = try #require(TextFixture.collapse(body).range(of: label + "["), "no reference after \(label)")
            let number = TextFixture.collapse(body)[range.upperBound...].prefix { $0.isNumber }
            let start = try #require(list.firstIndex { $0.hasPrefix("[\(number)] ") })
            var lines = [list[start]]
            for line in list[(start + 1)...] where line.hasPrefix(" ") { lines.append(line) }
            return TextFixture.collapse(lines.joined(separator: " ").dropFirst("[\(number)] ".count).description)
        }
        #expect(try entry(after: "einem Link") == "https://www.xoev.de/")
        #expect(try entry(after: "Querverweis auf „Die E-Akte einführen“") == "Rezept: Die E-Akte einführen (e-akte)")
        #expect(try entry(after: "einem Schritt dort") == "Schritt 2: Einführen")
        #expect(try entry(after: "Zitat: § 6 EGovG") == "§ 6 EGovG – Elektronische Aktenführung")
        #expect(try entry(after: "wie in Schritt 1 („Bestand aufnehmen“)") == "Schritt 1: Bestand aufnehmen")
        #expect(try entry(after: "mit E-Akte")
            == "Glossar: E-Akte (elektronische Akte) – Die elektronisch geführte Akte, siehe § 6 EGovG.")
    }

    @Test func theSameTargetGetsTheSameNumber() throws {
        var (book, recipe) = try TextFixture.mini()
        let here = SourceLocation(path: "test")
        recipe.tips.append([.paragraph([
            .text("Noch einmal "), .link(ExternalLink(href: "https://www.xoev.de/", content: [.text("der Link")], location: here)),
            .text(", "), .citation(LawReference(law: "egovg", section: "6", location: here), []),
            .text(", "), .crossReference(CrossReference(recipe: "e-akte", step: nil, content: [.text("die E-Akte")], location: here)),
            .text(", "), .citation(LawReference(law: "egovg", section: "6", paragraph: "1", location: here), []),
            .text(" und "), .link(ExternalLink(href: "https://www.it-planungsrat.de/", content: [.text("ein neuer")], location: here)),
            .text("."),
        ])])
        book.recipes = book.recipes.map { $0.id == recipe.id ? recipe : $0 }
        let text = TextFixture.collapse(TextRenderer(book: book).render(recipe))
        #expect(text.contains("Noch einmal der Link[2], § 6 EGovG[5], die E-Akte[3], § 6 Abs. 1 EGovG[7] und ein neuer[8]."))
        #expect(text.contains("[7] § 6 Abs. 1 EGovG – Elektronische Aktenführung [8] https://www.it-planungsrat.de/"))
        #expect(!text.contains("[9]"))
    }

    @Test func legalBasisAndCitationsAreWrittenOutWithTheSectionTitle() throws {
        let (book, recipe) = try TextFixture.mini()
        let text = TextRenderer(book: book).render(recipe)
        #expect(TextFixture.section("Rechtsgrundlagen", in: text) == [
            "  - § 6 EGovG – Elektronische Aktenführung: Bundesbehörden sollen ihre Akten",
            "    elektronisch führen.",
            "  - § 7 Abs. 2 EGovG – Übertragen und Vernichten des Papieroriginals",
        ])
        #expect(TextFixture.section("Verweise", in: text).contains("[5] § 6 EGovG – Elektronische Aktenführung"))
        // A citation is never broken inside.
        let narrow = TextRenderer(book: book, width: 30).render(recipe)
        #expect(!narrow.components(separatedBy: "\n").contains { $0.hasSuffix("§") || $0.hasSuffix(" 6") || $0.hasSuffix("Abs.") })
    }

    @Test func listsHangUnderTheirText() throws {
        let (book, recipe) = try TextFixture.mini()
        let steps = TextFixture.section("Zubereitung", in: TextRenderer(book: book).render(recipe))
        let start = try #require(steps.firstIndex(of: "     - Punkt eins"))
        #expect(Array(steps[start..<(start + 3)]) == ["     - Punkt eins", "     - Punkt zwei", "         1. Unterpunkt"])

        var long = recipe
        let words = "Ein Listenpunkt mit so viel Text, dass er über mehrere Zeilen läuft und darunter weitergeht."
        long.steps[1].body = [.list(List(ordered: false, items: [
            ListItem(content: [.text(words)], sublists: [List(ordered: true, items: (1...10).map { ListItem(content: [.text("Punkt \($0): " + words)]) })]),
        ]))]
        let lines = TextFixture.section("Zubereitung", in: TextRenderer(book: book, width: 40).render(long))
        let item = try #require(lines.firstIndex { $0.hasPrefix("     - Ein Listenpunkt") })
        #expect(Array(lines[item..<(item + 5)]) == [
            "     - Ein Listenpunkt mit so viel Text,",
            "       dass er über mehrere Zeilen läuft",
            "       und darunter weitergeht.",
            "          1. Punkt 1: Ein Listenpunkt",
            "             mit so viel Text, dass er",
        ])
        let tenth = try #require(lines.firstIndex { $0.hasPrefix("         10. ") })
        #expect(lines[tenth + 1].hasPrefix("             ") && lines[tenth + 1].dropFirst(13).first != " ")
    }

    @Test func tablesAreLaidOutInColumns() throws {
        let (book, recipe) = try TextFixture.mini()
        let steps = TextFixture.section("Zubereitung", in: TextRenderer(book: book).render(recipe))
        let caption = try #require(steps.firstIndex(of: "   Tabelle: Eine Tabelle"))
        #expect(Array(steps[(caption + 1)...(caption + 4)]) == ["", "   Spalte A  Spalte B", "   --------  --------", "   1         2"])
    }

    @Test func wideTablesWrapInTheirColumnsOrBecomeOneBlockPerRow() throws {
        var (book, recipe) = try TextFixture.mini()
        let long = "Ein langer Zelleninhalt, der in seiner Spalte umbrochen werden muss"
        recipe.steps[1].body = [.table(Table(caption: [.text("Breit")], header: [[.text("Rolle")], [.text("Aufgabe")]],
                                             rows: [[[.text("Projektleitung")], [.text(long)]], [[.text("Lenkung")], [.text("entscheidet")]]]))]
        book.recipes = book.recipes.map { $0.id == recipe.id ? recipe : $0 }
        let wide = TextFixture.section("Zubereitung", in: TextRenderer(book: book, width: 60).render(recipe))
        let header = try #require(wide.firstIndex(of: "   Rolle           Aufgabe"))
        #expect(Array(wide[header...]) == [
            "   Rolle           Aufgabe",
            "   --------------  -----------------------------------------",
            "   Projektleitung  Ein langer Zelleninhalt, der in seiner",
            "                   Spalte umbrochen werden muss",
            "",
            "   Lenkung         entscheidet",
        ])
        let narrow = TextFixture.section("Zubereitung", in: TextRenderer(book: book, width: 28).render(recipe))
        let first = try #require(narrow.firstIndex(of: "   Rolle:   Projektleitung"))
        #expect(Array(narrow[first...]) == [
            "   Rolle:   Projektleitung",
            "   Aufgabe: Ein langer",
            "            Zelleninhalt,",
            "            der in seiner",
            "            Spalte umbrochen",
            "            werden muss",
            "",
            "   Rolle:   Lenkung",
            "   Aufgabe: entscheidet",
        ])
    }

    @Test func noMarkupIsLeftOver() throws {
        let (book, recipe) = try TextFixture.mini()
        for width in [40, 78, 100] {
            let text = TextRenderer(book: book, width: width).render(recipe)
            for markup in ["<", ">", "&amp;", "&lt;", "&gt;", "&quot;", "&#", "xref", "cite", "href", "\u{00A0}"] {
                #expect(!text.contains(markup), "\(markup) left at width \(width)")
            }
            #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
            #expect(!text.components(separatedBy: "\n").contains { $0.hasSuffix(" ") })
        }
    }

    @Test func controlCharactersFromTheSourcesAreDropped() throws {
        var (book, recipe) = try TextFixture.mini()
        recipe.summary = [.text("Vorsicht\u{1B}[31m rot\u{9B}2J und\tTab.")]
        book.recipes = book.recipes.map { $0.id == recipe.id ? recipe : $0 }
        let text = TextRenderer(book: book).render(recipe)
        #expect(text.contains("Vorsicht[31m rot2J und Tab."))
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
    }

    @Test func outputIsDeterministic() throws {
        let (book, recipe) = try TextFixture.mini()
        let first = TextRenderer(book: book).render(recipe)
        #expect(TextRenderer(book: book).render(recipe) == first)
        #expect(TextFixture.load(TextFixture.miniBook).recipe("everything").map { TextRenderer(book: book).render($0) } == first)
        let recipes = book.recipes.sorted { $0.id < $1.id }
        #expect(TextRenderer(book: book).renderBook(recipes: recipes) == TextRenderer(book: book).renderBook(recipes: recipes))
    }
}
