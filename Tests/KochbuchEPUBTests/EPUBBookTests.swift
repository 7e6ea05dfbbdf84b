import Foundation
import Kochbuch
import KochbuchHTML
import KochbuchModel
import Testing
@testable import KochbuchEPUB

@Suite struct EPUBBookTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Recipes")
    static var miniBook: URL { Bundle.module.url(forResource: "Fixtures/MiniBook", withExtension: nil)! }

    static func epub(_ directory: URL, _ selection: EPUBSelection = EPUBSelection()) -> EPUBBook {
        let loaded = BookLocation(path: directory.path).loader.load()
        return EPUBBook(book: SiteBook(book: loaded.book), selection: selection, bookDirectory: directory)
    }

    static func text(_ xhtml: String) -> String {
        var text = ""
        var inTag = false
        for character in xhtml {
            if character == "<" { inTag = true; continue }
            if character == ">" { inTag = false; text.append(" "); continue }
            if !inTag { text.append(character) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test func everyPartOfTheEverythingRecipeIsInTheBook() throws {
        let book = Self.epub(Self.miniBook)
        let files = try book.files()
        let chapter = try #require(files.first { $0.path == "rezepte/everything.xhtml" })
        let text = Self.text(String(decoding: chapter.data, as: UTF8.self)).replacingOccurrences(of: " ,", with: ",")
            .replacingOccurrences(of: " .", with: ".").replacingOccurrences(of: " :", with: ":")
        let recipe = try #require(book.book.book.recipe("everything"))
        let alternativeTexts = Set(recipe.steps.flatMap(\.body).compactMap { if case .figure(let figure) = $0 { figure.alternativeText } else { nil } })
        for piece in ReadableText.of(recipe) where !alternativeTexts.contains(piece) {
            for fragment in piece.components(separatedBy: "  ").flatMap({ $0.components(separatedBy: " ,") }).flatMap({ $0.components(separatedBy: " .") }) {
                let trimmed = fragment.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { #expect(text.contains(trimmed), "missing: \(trimmed)") }
            }
        }
        let xhtml = String(decoding: chapter.data, as: UTF8.self)
        #expect(xhtml.contains("alt=\"Ablauf: Eingang, Scannen, Ablage in der E-Akte\" />"))
        #expect(xhtml.contains("href=\"../anhang-gesetze.xhtml#egovg-p6\""))
        #expect(xhtml.contains("href=\"../glossar.xhtml#begriff-e-akte\""))
        #expect(files.contains { $0.path == "bilder/images/ablauf.svg" })
    }

    @Test func everyLinkPointsInsideTheBook() throws {
        for selection in [EPUBSelection(), EPUBSelection(recipes: ["e-akte"])] {
            let files = try Self.epub(Self.shipped, selection).files()
            let paths = Dictionary(files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) }, uniquingKeysWith: { first, _ in first })
            var broken: [String] = []
            for (path, text) in paths where path.hasSuffix(".xhtml") {
                let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : ""
                for chunk in text.components(separatedBy: " href=\"").dropFirst() + text.components(separatedBy: " src=\"").dropFirst() {
                    let target = String(chunk.prefix { $0 != "\"" })
                    if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
                    let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                    var components = directory.isEmpty ? [] : directory.split(separator: "/").map(String.init)
                    for part in parts[0].split(separator: "/") { if part == ".." { components.removeLast() } else { components.append(String(part)) } }
                    let file = parts[0].isEmpty ? path : components.joined(separator: "/")
                    guard let content = paths[file] else { broken.append("\(path) → \(target)"); continue }
                    if parts.count == 2, !parts[1].isEmpty, !content.contains("id=\"\(parts[1])\"") { broken.append("\(path) → \(target) (anchor)") }
                }
            }
            #expect(broken.isEmpty, "\(selection.key): \(broken.prefix(10))")
        }
        let single = try Self.epub(Self.shipped, EPUBSelection(recipes: ["e-akte"])).files()
        let chapter = String(decoding: try #require(single.first { $0.path == "rezepte/e-akte.xhtml" }).data, as: UTF8.self)
        #expect(chapter.contains("(nicht in dieser Ausgabe)"))
    }

    @Test func identifierIsStableAndBytesReproducible() throws {
        let first = Self.epub(Self.shipped)
        let second = Self.epub(Self.shipped)
        #expect(first.identifier == second.identifier)
        #expect(first.identifier.hasPrefix("urn:uuid:"))
        #expect(first.identifier != Self.epub(Self.shipped, EPUBSelection(topics: ["bauen-wohnen"])).identifier)
        #expect(try first.data() == second.data())
    }

    @Test func metadataCarriesAccessibilityProperties() throws {
        let files = try Self.epub(Self.shipped).files()
        let opf = String(decoding: try #require(files.first { $0.path == "content.opf" }).data, as: UTF8.self)
        for property in ["schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                         "schema:accessibilityHazard", "schema:accessibilitySummary", "dcterms:modified", "<dc:rights>",
                         "<dc:publisher>", "<dc:creator", "<dc:language>de</dc:language>"] {
            #expect(opf.contains(property), "\(property)")
        }
        #expect(opf.contains("<meta property=\"dcterms:modified\">2026-12-02T00:00:00Z</meta>"), "the edition date of book.xml")
    }

    @Test func subsetsSelectByTopicLawAndRecipe() {
        let byTopic = Self.epub(Self.shipped, EPUBSelection(topics: ["bauen-wohnen"])).recipes.map(\.id)
        #expect(byTopic.contains("bauen-planen-heidekreis") && !byTopic.contains("e-akte"))
        let byName = Self.epub(Self.shipped, EPUBSelection(topics: ["Bauen & Wohnen"])).recipes.map(\.id)
        #expect(byName == byTopic)
        let byLaw = Self.epub(Self.shipped, EPUBSelection(laws: ["egovg:6"])).recipes.map(\.id)
        #expect(byLaw.contains("e-akte") && !byLaw.contains("sperrmuell"))
        #expect(Self.epub(Self.shipped, EPUBSelection(recipes: ["e-akte", "sperrmuell"])).recipes.count == 2)
        #expect(throws: EPUBBook.EmptySelection.self) { try Self.epub(Self.shipped, EPUBSelection(topics: ["gibt-es-nicht"])).files() }
    }
}
