import Foundation
import Testing

/// No edition shows a leaked template or language artefact: every page of the website (and its
/// Markdown copy and llms.txt), every document of the EPUB and every file of the text edition, of the
/// shipped book and of the fixture that uses every element.
@Suite(.serialized) struct EditionArtefactTests {
    /// What a reader must never see, with a name for the report.
    static func findings(in text: String, markup: Bool) -> [String] {
        var found: [String] = []
        // The text as read: tags removed (so "</a>, " reads ", "); for doubled words each text node
        // apart, so a label and its value ("Reifegrad" | "Reifegrad 3") do not count.
        var visible = text
        var nodes = text
        if markup {
            visible = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            nodes = text.replacingOccurrences(of: "<[^>]*>", with: "\u{1}", options: .regularExpression)
            let ids = text.matches(of: /\sid="([^"]+)"/).map { String($0.output.1) }
            let doubled = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            if !doubled.isEmpty { found.append("duplicate ids \(doubled.prefix(3))") }
        }
        for artefact in ["(nil)", "Optional(", "undefined", "{{", "}}", "()", "( )", " , ", ", .", " ,.", "„“"] where visible.contains(artefact) {
            found.append("'\(artefact)'")
        }
        if visible.contains(/\bNaN\b/) { found.append("'NaN'") }
        // German doubles its pronouns and articles by grammar ("die die Daten", "nehmen Sie sie").
        let grammatical: Set<String> = ["die", "der", "das", "den", "dem", "sie"]
        // One space between the two (a wider gap is a column of a text table, a line break a cell of a JSON-LD step).
        for match in nodes.matches(of: /(?i)\b(\p{L}{3,}) \1\b/) where !grammatical.contains(String(match.output.1).lowercased()) {
            found.append("doubled word '\(match.output.0)'")
        }
        return found
    }

    @Test func theScannerFindsWhatItLooksFor() {
        #expect(!Self.findings(in: "<p>Elektronische Aktenführung (nil)</p>", markup: true).isEmpty)
        #expect(!Self.findings(in: "steht in , nach .", markup: false).isEmpty)
        #expect(!Self.findings(in: "<h2 id=\"a\">x</h2><p id=\"a\">y</p>", markup: true).isEmpty)
        #expect(!Self.findings(in: "die Akte Akte", markup: false).isEmpty)
        #expect(Self.findings(in: "Planer, die die Tiefe beurteilen; nehmen Sie sie ernst", markup: false).isEmpty)
        #expect(Self.findings(in: "EVB-IT Kauf          Kauf von Hardware", markup: false).isEmpty, "columns of a text table")
        #expect(!Self.findings(in: "Wert: NaN", markup: false).isEmpty)
        #expect(Self.findings(in: "<p id=\"a\">Die E-Akte nach § 6a EGovG (Fassung vom 1. Januar 2022).</p>", markup: true).isEmpty)
    }

    @Test(arguments: ["Recipes", "Tests/KochbuchCheckingTests/Fixtures/MiniBook"])
    func everyEditionIsFreeOfArtefacts(_ book: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-artefacts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent(book), to: folder.appendingPathComponent("Recipes"))
        let built = try CommandRunner.run(["build", "--out", folder.appendingPathComponent("Exports").path], in: folder)
        try #require(built.status == 0, "\(built.error)")
        let exports = folder.appendingPathComponent("Exports")
        // The EPUB's documents, unpacked.
        let epub = try #require(try FileManager.default.contentsOfDirectory(atPath: exports.appendingPathComponent("epub").path).first { $0.hasSuffix(".epub") })
        let unpacked = folder.appendingPathComponent("epub-unpacked")
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        unzip.arguments = ["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])",
                           exports.appendingPathComponent("epub/\(epub)").path, unpacked.path]
        try unzip.run()
        unzip.waitUntilExit()
        var scanned = [String: Int]()
        var problems: [String] = []
        for root in [exports.appendingPathComponent("html"), exports.appendingPathComponent("text"), unpacked] {
            let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            for case let file as URL in files where ["html", "xhtml", "md", "txt"].contains(file.pathExtension) {
                let text = try String(contentsOf: file, encoding: .utf8)
                scanned[file.pathExtension, default: 0] += 1
                for finding in Self.findings(in: text, markup: file.pathExtension.hasSuffix("html")) {
                    problems.append("\(file.path.replacingOccurrences(of: folder.path + "/", with: "")): \(finding)")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.count) findings: \(problems.prefix(30).joined(separator: "\n"))")
        #expect(scanned["html", default: 0] > 10 && scanned["xhtml", default: 0] > 3 && scanned["md", default: 0] > 3 && scanned["txt", default: 0] > 3,
                "\(scanned)")
    }
}
