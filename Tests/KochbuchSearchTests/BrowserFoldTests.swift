import Foundation
import Kochbuch
@testable import KochbuchSearch
import Testing

/// The browser fold's short way (ASCII, German letters and a few inert characters, no
/// normalisation) gives exactly what its normalising way gives; `WebSearchAgreementTests` checks
/// the whole fold against search.js.
@Suite struct BrowserFoldTests {
    @Test func everyInertCharacterIsLeftAsNormalisationLeavesIt() {
        for value in WebSearchFragments.inertScalars.sorted() {
            let character = String(Character(Unicode.Scalar(value)!))
            #expect(character.precomposedStringWithCanonicalMapping == character, "U+\(String(value, radix: 16)) composes")
            #expect(character.decomposedStringWithCanonicalMapping == character, "U+\(String(value, radix: 16)) decomposes")
            #expect(character.lowercased() == character, "U+\(String(value, radix: 16)) has a lower case")
            for text in [character, "Ä\(character)ue", "QUE\(character)ß", "a\(character)e"] {
                #expect(WebSearchFragments.commonFoldedUnits(text) == Array(WebSearchFragments.normalizedFold(text).utf16), "\(text)")
            }
        }
    }

    @Test func titlesAndStepsTakeTheShortWayWithTheSameResult() throws {
        let book = BookLocation(path: SearchFixture.repository.appendingPathComponent("Recipes").path).loader.load().book
        let lines = book.recipes.map(\.title) + book.recipes.flatMap { $0.steps.map(\.title) }
            + ["STRASSE Straße ÄÖÜ äöü", "Quelle – „Bürgeramt“ § 6a EGovG", "Kosten: 20 € · 3 °"]
        var short = 0
        for line in lines {
            guard let units = WebSearchFragments.commonFoldedUnits(line) else { continue }
            short += 1
            #expect(units == Array(WebSearchFragments.normalizedFold(line).utf16), "\(line)")
        }
        #expect(short * 10 >= lines.count * 9, "only \(short) of \(lines.count) titles took the short way")
    }

    @Test func otherCharactersTakeTheNormalisingWay() {
        for text in ["Cafe\u{301}", "İstanbul", "GROẞ", "Ærø", "Σ", "e\u{308}", "\u{2000}"] {
            #expect(WebSearchFragments.commonFoldedUnits(text) == nil, "\(text)")
        }
        #expect(WebSearchFragments.browserFold("Cafe\u{301} GROẞ Buergeramt") == "cafe gross burgeramt")
    }
}
