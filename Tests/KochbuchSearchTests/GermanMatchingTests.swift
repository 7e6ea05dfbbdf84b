import Foundation
import KochbuchSearch
import Testing

/// "In their language": each behaviour the readers rely on, against the shipped corpus.
@Suite struct GermanMatchingTests {
    let book = sharedFixture

    @Test func umlautsAndSharpSFoldBothWays() throws {
        let spelled = try book.ids("Bürgerportal")
        #expect(spelled.first == "buergerportal-dueren")
        #expect(try book.ids("Buergerportal") == spelled)
        #expect(try book.ids("burgerportal") == spelled)
        #expect(try book.ids("BÜRGERPORTAL") == spelled)
        let strasse = try book.ids("Strasse")
        #expect(!strasse.isEmpty)
        #expect(try book.ids("Straße") == strasse)
    }

    @Test func wordFormsMatch() throws {
        #expect(try book.ids("Anträge").contains("fahrerlaubnis-online-ortenaukreis"), "Anträge finds the recipe titled with Antrag")
        #expect(try book.ids("Antrag").contains("fahrerlaubnis-online-ortenaukreis"))
        let verwaltungen = try book.ids("Verwaltungen")
        #expect(!verwaltungen.isEmpty)
        #expect(Set(try book.ids("Verwaltung")) == Set(verwaltungen))
    }

    @Test func partsOfCompoundsMatchWithPrecision() throws {
        #expect(try book.ids("antrag").contains("bauen-planen-heidekreis"), "antrag finds Bauantrag")
        let akte = try book.ids("akte")
        #expect(akte.first == "e-akte", "\(akte.prefix(5))")
        #expect(akte.contains("steuerakte-guetersloh"))
        let noise = try #require(akte.firstIndex(of: "langzeitspeicherung-tr-esor"), "the recipe with Aktenzeichen")
        #expect(akte.firstIndex(of: "e-akte")! < noise)
        #expect(try book.ids("portal").contains("buergerportal-dueren"))
    }

    /// `-bau*` leaves out every recipe with a word starting so, `-§ 6a EGovG` every recipe citing the
    /// section, as the website's search does (SearchScaleTests compares both).
    @Test func excludedPrefixesAndCitationsLeaveRecipesOut() throws {
        let portal = try book.ids("Portal")
        #expect(portal.contains("bauleitplanung-xplanung"))
        let withoutBau = try book.ids("Portal -bau*")
        #expect(!withoutBau.isEmpty && !withoutBau.contains("bauleitplanung-xplanung"), "\(withoutBau)")
        #expect(withoutBau.count < portal.count)
        let akte = try book.ids("Akte")
        #expect(akte.contains("e-akte"))
        let withoutCiting = try book.ids("Akte -§ 6a EGovG")
        #expect(!withoutCiting.isEmpty && !withoutCiting.contains("e-akte") && !withoutCiting.contains("steuerakte-guetersloh"), "\(withoutCiting)")
        #expect(try book.ids("Akte -EGovG:6a") == withoutCiting)
    }

    @Test func titlesAndSummariesWeighMore() throws {
        let results = try book.ids("Hundesteuer")
        #expect(results.first == "hundesteuer")
        #expect(try book.ids("Sperrmüll").first == "sperrmuell")
    }

    @Test func phrasesPrefixesExclusionsAndConjunction() throws {
        let phrase = try book.ids("\"elektronische Akte\"")
        #expect(!phrase.isEmpty)
        let loose = Set(try book.ids("elektronische Akte"))
        #expect(Set(phrase).isSubset(of: loose))
        let prefix = try book.ids("Bauan*")
        #expect(prefix.contains("bauen-planen-heidekreis"))
        let withHund = try book.ids("Steuer")
        let withoutHund = try book.ids("Steuer -Hund")
        #expect(withHund.contains("hundesteuer") && !withoutHund.contains("hundesteuer"))
        // Several words: a recipe holding all of them ranks first, one missing a word is not dropped.
        let both = try book.ids("XRechnung Peppol")
        let xrechnung = Set(try book.ids("XRechnung"))
        let peppol = Set(try book.ids("Peppol"))
        #expect(Set(both) == xrechnung.union(peppol))
        #expect(both.first == "xrechnung-empfang" && xrechnung.contains(both[0]) && peppol.contains(both[0]))
        // A phrase still means the words side by side, all of them.
        #expect(try book.ids("\"XRechnung Peppol\"").allSatisfy { xrechnung.contains($0) && peppol.contains($0) })
    }

    @Test func lawCitationsMatchTheirSection() throws {
        let cited = try book.ids("§ 6a EGovG")
        #expect(cited.first == "e-akte")
        #expect(try book.ids("EGovG § 6a") == cited)
        #expect(try book.ids("egovg:6a") == cited)
        #expect(try book.ids("§6a egovg") == cited)
        #expect(!cited.contains("sperrmuell"))
        #expect(try book.ids("§ 9 OZG").contains("postfach-bekanntgabe"))
    }

    @Test func filtersCombineAndWorkAlone() throws {
        let law = try book.ids("", filters: SearchFilters(laws: ["EGovG § 6"]))
        #expect(law.contains("e-akte") && !law.contains("sperrmuell"))
        #expect(try book.ids("", filters: SearchFilters(laws: ["EGovG:6"])) == law)
        let topic = try book.library.list(filters: SearchFilters(topics: ["Bauen & Wohnen"])).map(\.id)
        #expect(topic.contains("bauen-planen-heidekreis"))
        #expect(try book.library.list(filters: SearchFilters(topics: ["bauen-wohnen"])).map(\.id) == topic)
        #expect(try book.library.list(filters: SearchFilters(ozg: ["10519"])).map(\.id) == ["bauen-planen-heidekreis"])
        let combined = try book.ids("Akte", filters: SearchFilters(topics: ["steuern-zoll"]))
        #expect(combined.contains("steuerakte-guetersloh") && !combined.contains("e-akte"))
        #expect(try book.library.list(filters: SearchFilters(statuses: ["draft"])).isEmpty)
        #expect(throws: SearchIndex.UnknownFilter.self) { try book.ids("", filters: SearchFilters(topics: ["Mondfahrt"])) }
    }

    /// A misspelt word is searched as the nearest word of the book, and the results say so.
    @Test func aMisspeltWordIsSearchedAsTheNearestWord() throws {
        let results = try book.library.search("Bürgerprotal")
        #expect(results.hits.first?.id == "buergerportal-dueren")
        #expect(results.corrections == [SearchResults.Correction(written: "Bürgerprotal", searched: "Bürgerportal")])
        #expect(results.message == "Ergebnisse für „Bürgerportal“ (statt „Bürgerprotal“).")
        let nothing = try book.library.search("Xylophonquartettzz")
        #expect(nothing.hits.isEmpty && nothing.corrections.isEmpty)
    }

    @Test(arguments: ["\"", "\"E-Akte", "-", "*", "((", ")", "AND OR", "NEAR(a b)", "\"\"", "", "   ", "^akte", "akte:",
                      "title:akte", "{akte}", "'; DROP TABLE recipes; --", "akte\" OR \"x", "§", "§ 999 EGovG", "-akte", "***", "a*b*c"])
    func readersQueriesAreNeverErrors(_ query: String) throws {
        let results = try book.library.search(query)
        #expect(results.hits.isEmpty == false || results.message != nil || results.suggestions.isEmpty == false || results.total == 0)
        #expect(try book.library.search("E-Akte").hits.first?.id == "e-akte", "the index is intact after '\(query)'")
    }

    @Test func snippetsMarkTheMatchedWords() throws {
        let hit = try #require(try book.library.search("Anträge", limit: 1).hits.first)
        let marked = hit.snippet.filter(\.match).map(\.text)
        #expect(!marked.isEmpty)
        #expect(marked.allSatisfy { $0.lowercased().contains("antr") })
    }
}
