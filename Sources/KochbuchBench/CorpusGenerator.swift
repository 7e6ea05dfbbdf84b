import Foundation
import Kochbuch
import KochbuchModel

/// Writes a book of N generated recipes for benchmarks: German sentences from the shipped book,
/// several laws and topics per recipe, cross-links, some tables and figures, and the real catalogs.
/// The same seed and source book give the same files.
public struct CorpusGenerator {
    public let source: BookLocation
    public let count: Int
    public let seed: UInt64

    public init(source: BookLocation, count: Int, seed: UInt64) {
        self.source = source
        self.count = count
        self.seed = seed
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// What was generated: the size of every recipe file.
    public struct Corpus: Sendable {
        /// The bytes of each recipe file, in id order.
        public var sizes: [Int]
        public var bytes: Int { sizes.reduce(0, +) }
        public var minimumKB: Double { Double(sizes.min() ?? 0) / 1024 }
        public var maximumKB: Double { Double(sizes.max() ?? 0) / 1024 }
        /// The median file size (the lower middle for an even count).
        public var medianKB: Double {
            let sorted = sizes.sorted()
            return sorted.isEmpty ? 0 : Double(sorted[(sorted.count - 1) / 2]) / 1024
        }
        /// "62.2 MB, 1.4–11.8 KB per recipe, median 4.1 KB".
        public var description: String {
            String(format: "%.1f MB, %.1f–%.1f KB per recipe, median %.1f KB", Double(bytes) / 1e6, minimumKB, maximumKB, medianKB)
        }
    }

    /// Generates the book into `output` (which must not exist yet) and returns the sizes of the recipes
    /// written; they follow the benchmark's brief: 1–12 KB, median about 4 KB.
    @discardableResult
    public func generate(into output: URL) throws -> Corpus {
        guard !FileManager.default.fileExists(atPath: output.path) else { throw Failure(description: "\(output.path) exists already") }
        let loaded = source.loader.load()
        guard loaded.diagnostics.filter({ $0.severity == .error }).isEmpty, !loaded.book.recipes.isEmpty else {
            throw Failure(description: "the source book \(source.displayPrefix) does not load cleanly")
        }
        let book = loaded.book
        let manager = FileManager.default
        try manager.createDirectory(at: output, withIntermediateDirectories: true)
        for folder in ["schema", "catalogs", "images"] {
            try manager.copyItem(at: source.directory.appendingPathComponent(folder), to: output.appendingPathComponent(folder))
        }
        var random = SeededRandom(seed: seed)
        let material = Material(book: book)
        let ids = (1...count).map { String(format: "rezept-%05d", $0) }
        var sizes: [Int] = []
        for (index, id) in ids.enumerated() {
            var recipe = RecipeWriter(random: random, material: material, id: id, number: index + 1, ids: ids)
            let xml = recipe.xml()
            random = recipe.random
            sizes.append(xml.utf8.count)
            let folder = output.appendingPathComponent(String(format: "teil-%02d", index / 1000))
            if index % 1000 == 0 { try manager.createDirectory(at: folder, withIntermediateDirectories: true) }
            try Data(xml.utf8).write(to: folder.appendingPathComponent("\(id).xml"))
        }
        try Data(manifest(ids: ids, book: book).utf8).write(to: output.appendingPathComponent("book.xml"))
        return Corpus(sizes: sizes)
    }

    private func manifest(ids: [String], book: Book) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <book xmlns="urn:kochbuch:1.0" id="kochbuch-benchmark" xml:lang="de">
          <title>Kochbuch E-Government: Benchmark mit \(ids.count) Rezepten</title>
          <edition date="2026-11-21">Erzeugt mit Startwert \(seed)</edition>
          <editors><editor>kochbuch-bench</editor></editors>
          <publisher>kochbuch-bench</publisher>
          <licence href="https://creativecommons.org/licenses/by/4.0/deed.de">CC BY 4.0</licence>
          <introduction><p>Ein erzeugtes Buch, um Kochbuch bei großen Mengen zu messen.</p></introduction>
          <chapters>

        """
        for start in stride(from: 0, to: ids.count, by: 100) {
            xml += "    <chapter id=\"kapitel-\(start / 100 + 1)\"><title>Kapitel \(start / 100 + 1)</title>\n"
            for id in ids[start..<min(start + 100, ids.count)] { xml += "      <recipe ref=\"\(id)\"/>\n" }
            xml += "    </chapter>\n"
        }
        return xml + "  </chapters>\n</book>\n"
    }
}

/// What generated recipes are made of: sentences, titles and valid catalog references.
struct Material {
    let sentences: [String]
    let titles: [String]
    let stepTitles: [String]
    let citations: [(law: String, section: String)]
    let lebenslagen: [(id: String, themenfeld: String)]
    let themenfelder: [String]
    let ozg: [String]
    let leika: [String]
    let terms: [String]
    let image: String?

    init(book: Book) {
        var sentences: [String] = []
        for recipe in book.recipes {
            for piece in ReadableText.of(recipe) {
                for sentence in piece.split(separator: ".", omittingEmptySubsequences: true) {
                    let trimmed = sentence.trimmingCharacters(in: .whitespaces)
                    if trimmed.count > 30 && trimmed.count < 240 && !trimmed.contains("§") { sentences.append(trimmed + ".") }
                }
            }
        }
        self.sentences = sentences.sorted()
        titles = book.recipes.map(\.title).sorted()
        stepTitles = book.recipes.flatMap { $0.steps.map(\.title) }.sorted()
        citations = book.laws.filter { $0.status == .inForce }.flatMap { law in
            law.sections.filter { $0.status == .inForce && !$0.text.isEmpty }.map { (law.id, $0.number) }
        }
        lebenslagen = (book.topics?.lebenslagen ?? []).map { ($0.id, $0.themenfeld) }
        themenfelder = (book.topics?.themenfelder ?? []).map(\.id)
        ozg = (book.ozgLeistungen ?? []).map(\.id)
        leika = (book.leika ?? []).map(\.key)
        terms = (book.glossary ?? []).map(\.id).sorted()
        image = book.imagePaths.sorted().first
    }
}

/// One generated recipe.
struct RecipeWriter {
    var random: SeededRandom
    let material: Material
    let id: String
    let number: Int
    let ids: [String]

    mutating func xml() -> String {
        let title = "\(random.pick(material.titles)) – Variante \(number)"
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <recipe xmlns="urn:kochbuch:1.0" id="\(id)" xml:lang="de" status="published" reviewed="2026-11-21">
          <title>\(escape(title))</title>
          <summary>\(sentences(2...3))</summary>
          <authors><author>kochbuch-bench</author></authors>
          <facts>
            <difficulty>\(random.pick(["easy", "medium", "hard"]))</difficulty>
            <duration min="P\(random.int(1...6))M" max="P\(random.int(7...24))M"/>
            <cost level="\(random.pick(["low", "medium", "high"]))">\(sentences(1...1))</cost>
            <scope>\(random.pick(["gemeinde", "stadt", "landkreis", "gemeinde stadt landkreis"]))</scope>
            <audience>\(random.pick(["buerger", "unternehmen", "intern", "buerger unternehmen"]))</audience>
            <maturity>\(random.int(0...4))</maturity>
          </facts>
          <classification>

        """
        var fields: [String] = []
        var lagen: [String] = []
        for _ in 0..<random.int(1...2) {
            let lage = random.pick(material.lebenslagen)
            if !lagen.contains(lage.id) { lagen.append(lage.id) }
            if !fields.contains(lage.themenfeld) { fields.append(lage.themenfeld) }
        }
        out += fields.map { "    <themenfeld ref=\"\($0)\"/>\n" }.joined() + lagen.map { "    <lebenslage ref=\"\($0)\"/>\n" }.joined()
        for leistung in Set((0..<random.int(0...2)).map { _ in random.pick(material.ozg) }).sorted() { out += "    <ozg-leistung ref=\"\(leistung)\"/>\n" }
        if random.chance(0.3), !material.leika.isEmpty { out += "    <leika ref=\"\(random.pick(material.leika))\"/>\n" }
        out += "  </classification>\n  <legal-basis>\n"
        var cited: Set<String> = []
        for _ in 0..<random.int(1...3) {
            let citation = random.pick(material.citations)
            guard cited.insert("\(citation.law):\(citation.section)").inserted else { continue }
            out += "    <basis law=\"\(citation.law)\" section=\"\(citation.section)\" municipalities=\"none\">\(sentences(1...1))</basis>\n"
        }
        out += "  </legal-basis>\n  <ingredients>\n"
        for _ in 0..<random.int(2...6) {
            out += "    <ingredient kind=\"\(random.pick(["technical", "organisational", "legal", "human"]))\">\(sentences(1...1))</ingredient>\n"
        }
        out += "  </ingredients>\n  <steps>\n"
        // Most recipes have a few steps, some many: median about 4 KB, longest about 12 KB.
        for step in 1...(random.chance(0.2) ? random.int(5...11) : random.int(1...3)) {
            out += "    <step id=\"schritt-\(step)\" role=\"\(random.pick(["Projektleitung", "Fachbereich", "IT-Dienstleister", "Datenschutz"]))\">\n"
            out += "      <title>\(escape(random.pick(material.stepTitles)))</title>\n"
            for _ in 0..<random.int(1...2) { out += "      <p>\(paragraph())</p>\n" }
            if random.chance(0.2) { out += "      <ul>\(( 0..<random.int(2...4)).map { _ in "<li>\(sentences(1...1))</li>" }.joined())</ul>\n" }
            if random.chance(0.05) {
                out += "      <table><caption>Übersicht</caption><head><cell>Aufgabe</cell><cell>Zuständig</cell></head>"
                    + (0..<3).map { _ in "<row><cell>\(sentences(1...1))</cell><cell>\(escape(random.pick(["Fachbereich", "IT", "Organisation"])))</cell></row>" }.joined()
                    + "</table>\n"
            }
            if random.chance(0.03), let image = material.image {
                out += "      <figure src=\"\(image)\" alt=\"Ablauf der Rechnungsbearbeitung als Schaubild\"><caption>Der Ablauf</caption></figure>\n"
            }
            out += "    </step>\n"
        }
        out += "  </steps>\n  <tips><tip><p>\(paragraph())</p></tip></tips>\n  <pitfalls>\n"
        for _ in 0..<random.int(1...2) { out += "    <pitfall><p>\(paragraph())</p></pitfall>\n" }
        out += "  </pitfalls>\n  <related>\n"
        var targets: Set<String> = []
        if number > 1 { targets.insert(ids[number - 2]) }
        if number < ids.count { targets.insert(ids[number]) }
        for _ in 0..<random.int(0...2) { targets.insert(random.pick(ids)) }
        targets.remove(id)
        for target in targets.sorted() {
            out += "    <relation recipe=\"\(target)\" kind=\"\(random.pick(["requires", "builds-on", "alternative-to", "see-also"]))\"/>\n"
        }
        out += "  </related>\n</recipe>\n"
        return out
    }

    /// Sentences with, now and then, a law citation, a cross-reference or a glossary term.
    private mutating func paragraph() -> String {
        var text = sentences(1...3)
        if random.chance(0.3) {
            let citation = random.pick(material.citations)
            text += " Siehe <cite law=\"\(citation.law)\" section=\"\(citation.section)\"/>."
        }
        if random.chance(0.2) { text += " Mehr dazu in <xref recipe=\"\(random.pick(ids))\"/>." }
        if random.chance(0.2), !material.terms.isEmpty {
            text += " Stichwort: <term ref=\"\(random.pick(material.terms))\"/>."
        }
        return text
    }

    private mutating func sentences(_ range: ClosedRange<Int>) -> String {
        (0..<random.int(range)).map { _ in escape(random.pick(material.sentences)) }.joined(separator: " ")
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
