import Kochbuch
import Testing

/// Tables on a narrow terminal: fitted to its width, or stacked, never wider; whole in a pipe.
@Suite struct TextTableTests {
    let table = TextTable(header: ["§", "Titel", "Rezepte"], rows: [
        ["§ 1", "Elektronischer Zugang zur Verwaltung", "3: e-akte, ersetzendes-scannen, buergerportal-dueren"],
        ["§ 6a", "Elektronische Aktenführung", "0 — Lücke"],
    ], shortened: [1])

    @Test func withoutAWidthEveryCellIsWhole() {
        let text = table.render()
        #expect(text.contains("Elektronischer Zugang zur Verwaltung  3: e-akte, ersetzendes-scannen, buergerportal-dueren"))
        #expect(table.layout(width: nil).fit == .whole)
    }

    @Test(arguments: [100, 80, 60, 50, 40])
    func aWidthIsNeverExceeded(_ width: Int) {
        let (text, fit) = table.layout(width: width)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= width }, "\(width): \(lines.map(\.count))\n\(text)")
        // Nothing of the last column is lost: its words are all there, wrapped.
        for id in ["e-akte,", "ersetzendes-scannen,", "buergerportal-dueren", "Lücke"] {
            #expect(text.contains(id), "\(width), \(fit): \(id) missing\n\(text)")
        }
    }

    @Test func aNarrowTerminalWrapsTheLastColumnUnderItself() {
        let (text, fit) = table.layout(width: 70)
        #expect(fit == .wrapped)
        let lines = text.split(separator: "\n").map(String.init)
        let start = lines[2].range(of: "3: e-akte")!.lower(in: lines[2])
        let continuation = lines[3]
        #expect(continuation.prefix(start).allSatisfy { $0 == " " } && continuation.dropFirst(start).first != " ", "\(text)")
    }

    @Test func aVeryNarrowTerminalGetsOneBlockPerRow() {
        let (text, fit) = table.layout(width: 30)
        #expect(fit == .stacked)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 30 }, "\(text)")
        #expect(text.hasPrefix("§:"), "\(text)")
        #expect(text.contains("Titel:   Elektronischer Zugang"), "\(text)")
    }
}

private extension Range where Bound == String.Index {
    func lower(in string: String) -> Int { string.distance(from: string.startIndex, to: lowerBound) }
}
