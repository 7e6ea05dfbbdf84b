import KochbuchAuthoring
import Testing

/// Random documents with every kind of node and awkward whitespace: formatting is lossless and
/// idempotent at any width.
@Suite struct FormatterPropertyTests {
    /// A small deterministic generator (SplitMix64), so a failure can be reproduced from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    struct DocumentGenerator {
        var random: SplitMix
        let names = ["p", "li", "em", "step", "title", "k:x", "code", "cell"]
        let attributes = ["id", "ref", "kind", "href", "z", "a", "xml:lang", "xsi:type", "k:attr", "title"]
        let words = ["Wort", "Größe", "a&amp;b", "&lt;tag&gt;", "&#x2013;", "x]]y", "\u{A0}nbsp", "€", "\"q\"", "'s'", "a>b"]
        let whitespace = [" ", "  ", "\n", "\n    ", "\t", " \n\t ", "&#10;", "&#32;", "&#13;"]

        mutating func pick(_ items: [String]) -> String { items.randomElement(using: &random)! }
        mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

        mutating func document() -> String {
            var result = chance(50) ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" : ""
            if chance(50) { result += pick(whitespace.filter { !$0.contains("&") }) + "<!-- vorher -->" }
            if chance(30) { result += "<?xml-model href=\"x.xsd\"?>" }
            result += "\n" + element(depth: 0, root: true)
            if chance(40) { result += "\n<!-- nachher --><?pi nachher?>" }
            return result
        }

        mutating func element(depth: Int, root: Bool = false) -> String {
            let name = root ? "recipe" : pick(names)
            var tag = "<" + name
            if root { tag += " xmlns=\"urn:kochbuch:1.0\" xmlns:k=\"urn:k\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"" }
            var used: Set<String> = []
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let attribute = pick(attributes)
                guard used.insert(attribute).inserted else { continue }
                let value = (0..<Int.random(in: 0...4, using: &random)).map { _ in
                    chance(70) ? pick(["v", "&amp;", "&lt;", "&quot;", "'", ">", "ü", "&#9;", "&#10;", "&#13;"]) : pick([" ", "\n", "\t"])
                }.joined()
                tag += pick([" ", "\n  ", "\t"]) + "\(attribute)=\"\(value)\""
            }
            if chance(10) && !root { tag += " xml:space=\"preserve\"" }
            if depth > 4 || chance(15) { return tag + (chance(50) ? "/>" : "></\(name)>") }
            var content = ""
            let mixed = chance(55)
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                if chance(40) { content += pick(whitespace) }
                switch Int.random(in: 0..<10, using: &random) {
                case 0...3 where mixed: content += pick(words)
                case 4: content += "<!--" + pick(["", " k ", "a\n  b", "<em>"]) + "-->"
                case 5: content += "<?ziel " + pick(["", "daten", "a  b\n c"]) + "?>"
                case 6 where mixed: content += "<![CDATA[" + pick(["", "<b>&amp;</b>", "a]]", "]] ]", "  x\n"]) + "]]>"
                default: content += element(depth: depth + 1)
                }
                if chance(40) { content += pick(whitespace) }
            }
            return tag + ">" + content + "</\(name)>"
        }
    }

    @Test(arguments: 0..<12)
    func randomDocumentsFormatLosslesslyAndIdempotently(_ batch: Int) throws {
        for seed in (batch * 50)..<((batch + 1) * 50) {
            var generator = DocumentGenerator(random: SplitMix(state: UInt64(seed)))
            let source = generator.document()
            let width = [100, 30, 60, 12][seed % 4]
            let formatter = RecipeFormatter(width: width)
            let once = try formatter.format(source)
            #expect(try RecipeFormatter.sameDocument(source, once), "seed \(seed): \(source)\n---\n\(once)")
            let twice = try formatter.format(once)
            #expect(twice == once, "seed \(seed): \(source)\n---\n\(once)\n---\n\(twice)")
        }
    }
}
