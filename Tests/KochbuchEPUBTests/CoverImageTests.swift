import Foundation
import Testing
import ZIPFoundation
@testable import KochbuchEPUB

/// The raster cover: a PNG drawn in Swift from the same layout as the SVG, marked as the cover image.
@Suite struct CoverImageTests {
    static func fonts() throws -> CoverFonts {
        try #require(try? CoverFonts.system.get(), "DejaVu Sans is missing: run 'make setup' (fonts-dejavu-core)")
    }

    /// A decoded PNG as this encoder writes it (8-bit RGB, one IDAT): its size and pixels, every
    /// checksum verified.
    static func decode(_ png: Data) throws -> (width: Int, height: Int, pixels: [UInt8]) {
        let bytes = [UInt8](png)
        #expect(Array(bytes.prefix(8)) == PNGEncoder.signature)
        func u32(_ at: Int) -> Int { Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]) }
        var position = 8
        var chunks: [(type: String, content: [UInt8])] = []
        while position < bytes.count {
            let length = u32(position)
            let typed = Data(bytes[position + 4..<position + 8 + length])
            #expect(UInt32(u32(position + 8 + length)) == typed.crc32(checksum: 0), "CRC of a chunk")
            chunks.append((String(decoding: typed.prefix(4), as: UTF8.self), Array(typed.dropFirst(4))))
            position += 12 + length
        }
        #expect(chunks.map(\.type) == ["IHDR", "IDAT", "IEND"], "no ancillary chunk: nothing that changes from build to build")
        let header = chunks[0].content
        let width = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        let height = Int(header[4]) << 24 | Int(header[5]) << 16 | Int(header[6]) << 8 | Int(header[7])
        #expect(Array(header[8...]) == [8, 2, 0, 0, 0])
        let stream = chunks[1].content
        #expect(Array(stream.prefix(2)) == [0x78, 0x9C])
        let deflated = Data(stream[2..<stream.count - 4])
        var raw = Data()
        _ = try Data.decompress(size: Int64(deflated.count), bufferSize: 1 << 16, skipCRC32: true, provider: { position, size in
            deflated.subdata(in: Int(position)..<min(Int(position) + size, deflated.count))
        }, consumer: { raw.append($0) })
        let adler = stream.suffix(4).reduce(0) { $0 << 8 | UInt32($1) }
        #expect(PNGEncoder.adler32([UInt8](raw)) == adler)
        let stride = width * 3
        #expect(raw.count == (stride + 1) * height)
        var pixels = [UInt8](repeating: 0, count: stride * height)
        let filtered = [UInt8](raw)
        for row in 0..<height {
            let filter = filtered[row * (stride + 1)]
            for index in 0..<stride {
                let value = filtered[row * (stride + 1) + 1 + index]
                let left = index >= 3 ? pixels[row * stride + index - 3] : 0
                let up = row > 0 ? pixels[(row - 1) * stride + index] : 0
                switch filter {
                case 0: pixels[row * stride + index] = value
                case 1: pixels[row * stride + index] = value &+ left
                case 2: pixels[row * stride + index] = value &+ up
                default: Issue.record("filter \(filter) is not one the encoder writes")
                }
            }
        }
        return (width, height, pixels)
    }

    static func colour(_ image: (width: Int, height: Int, pixels: [UInt8]), _ x: Int, _ y: Int) -> [UInt8] {
        let index = (y * image.width + x) * 3
        return Array(image.pixels[index..<index + 3])
    }

    @Test func theCoverImageIsAPNGBesideTheCoverPage() throws {
        _ = try Self.fonts()
        let files = try EPUBBookTests.epub(EPUBBookTests.shipped).files()
        let paths = Set(files.map(\.path))
        #expect(paths.contains("cover.png") && !paths.contains("cover.svg"))
        let opf = String(decoding: try #require(files.first { $0.path == "content.opf" }).data, as: UTF8.self)
        #expect(opf.contains("href=\"cover.png\" media-type=\"image/png\" properties=\"cover-image\"/>"))
        #expect(opf.components(separatedBy: "cover-image").count == 2, "one cover image")
        let page = String(decoding: try #require(files.first { $0.path == "cover.xhtml" }).data, as: UTF8.self)
        #expect(page.contains("<img src=\"cover.png\" alt=\"Kochbuch E-Government\" />"))
        let png = try #require(files.first { $0.path == "cover.png" }).data
        #expect(png.count > 10_000 && png.count < 400_000, "\(png.count) bytes")
        let image = try Self.decode(png)
        #expect(image.width == 1600 && image.height == 2400)
    }

    @Test func thePNGShowsTheLayoutOfTheSVG() throws {
        let fonts = try Self.fonts()
        let image = try Self.decode(CoverImage.renderPNG(title: "Kochbuch E-Government", subtitle: "Rezepte für die digitale Kommunalverwaltung",
                                                         edition: "2. Ausgabe", fonts: fonts))
        let background: [UInt8] = [0x0b, 0x3a, 0x5b], white: [UInt8] = [0xff, 0xff, 0xff], light: [UInt8] = [0xdc, 0xe9, 0xf5]
        #expect(Self.colour(image, 5, 5) == background)
        #expect(Self.colour(image, 1595, 2395) == background)
        #expect(Self.colour(image, 200, 368) == [0xf2, 0xb7, 0x05], "the accent bar")
        #expect(Self.colour(image, 119, 368) == background, "the bar starts at x = 120")
        // The title's stem of "K" at x 120…, baseline 520, 96 px high: solid white inside, smooth at its edges.
        #expect(Self.colour(image, 140, 480) == white)
        var edge = Set<[UInt8]>()
        var inked = 0
        for y in 430..<540 {
            for x in 100..<1500 {
                let pixel = Self.colour(image, x, y)
                if pixel != background { inked += 1 }
                if pixel != background && pixel != white { edge.insert(pixel) }
            }
        }
        #expect(edge.count > 50, "anti-aliased edges: \(edge.count) shades")
        #expect(inked > 12_000 && inked < 40_000, "\(inked) pixels of the first title line")
        // Every pixel of the subtitle (baselines 792 and 860, 52 px) lies between the background and its lighter blue.
        var lightest = 0, outside = 0
        for y in 745..<880 {
            for x in 100..<1500 {
                let pixel = Self.colour(image, x, y)
                if pixel == light { lightest += 1 }
                if (0..<3).contains(where: { pixel[$0] < min(background[$0], light[$0]) || pixel[$0] > max(background[$0], light[$0]) }) { outside += 1 }
            }
        }
        #expect(outside == 0, "\(outside) pixels of another colour")
        #expect(lightest > 1000, "the subtitle is drawn: \(lightest) pixels in full colour")
        // Nothing between the subtitle and the edition, nor right of the text.
        #expect((900..<2100).allSatisfy { y in stride(from: 0, to: 1600, by: 7).allSatisfy { Self.colour(image, $0, y) == background } })
        #expect((2150..<2215).contains { y in (120..<400).contains { Self.colour(image, $0, y) == light } }, "the edition at the foot")
    }

    @Test func thePNGIsTheSameForTheSameBookAndDiffersForAnother() throws {
        let fonts = try Self.fonts()
        let first = try CoverImage.renderPNG(title: "Kochbuch E-Government", subtitle: "Auszug: Bauen & Wohnen", edition: "2. Ausgabe", fonts: fonts)
        let second = try CoverImage.renderPNG(title: "Kochbuch E-Government", subtitle: "Auszug: Bauen & Wohnen", edition: "2. Ausgabe", fonts: fonts)
        #expect(first == second)
        let other = try CoverImage.renderPNG(title: "Kochbuch E-Government", subtitle: "Auszug: Bauen & Wohnen", edition: "3. Ausgabe", fonts: fonts)
        #expect(other != first)
        // Fonts read again from their files draw the same bytes.
        let reloaded = try CoverFonts.load(from: CoverFonts.directory).get()
        #expect(try CoverImage.renderPNG(title: "Kochbuch E-Government", subtitle: "Auszug: Bauen & Wohnen", edition: "2. Ausgabe", fonts: reloaded) == first)
    }

    /// An independent reader of PNG files (Debian's pngcheck) finds nothing wrong.
    @Test func pngcheckAcceptsTheCover() throws {
        let fonts = try Self.fonts()
        let pngcheck = try #require(["/usr/bin/pngcheck", "/usr/local/bin/pngcheck"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                    "pngcheck is missing: run 'make setup'")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-cover-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: url) }
        try CoverImage.renderPNG(title: "Mini-Kochbuch", subtitle: "Größe, Übergänge, Äpfel – „ß“", edition: "Testausgabe", fonts: fonts).write(to: url)
        let result = try EPUBCheckTests.run(pngcheck, ["-v", url.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("1600 x 2400 image, 24-bit RGB, non-interlaced"), "\(result.output)")
        #expect(result.output.contains("No errors detected"), "\(result.output)")
    }

    @Test func theFontReaderFindsGermanLettersTheirWidthsAndKerning() throws {
        let fonts = try Self.fonts()
        for font in [fonts.regular, fonts.bold] {
            #expect(font.unitsPerEm == 2048)
            for letter in "KochbuchÄÖÜäöüß–„“" {
                let glyph = font.glyph(for: letter.unicodeScalars.first!)
                #expect(glyph != 0, "\(letter)")
                #expect(font.advance(glyph) > 0)
                #expect(!font.contours(glyph).isEmpty, "\(letter) has an outline")
            }
            #expect(font.contours(font.glyph(for: " ")).isEmpty)
            #expect(font.glyph(for: "\u{E000}") == 0, "a private-use character has no glyph")
            // "ä" is a composite of "a" and the dieresis: more contours than "a", the same outline of "a".
            let a = font.contours(font.glyph(for: "a")), umlaut = font.contours(font.glyph(for: "ä"))
            #expect(umlaut.count > a.count)
            #expect(umlaut.contains { $0 == a[0] } || umlaut.count == a.count + 2)
            // "T" and "o" are kerned closer.
            #expect(font.kern(font.glyph(for: "T"), font.glyph(for: "o")) < 0)
        }
        #expect(CoverRaster.advance(of: "Kochbuch", font: fonts.bold, size: 96) > CoverRaster.advance(of: "Kochbuch", font: fonts.regular, size: 96))
    }

    @Test func aDamagedFontIsRefusedNotFollowed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kochbuch-fonts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        if case .success = CoverFonts.load(from: folder) { Issue.record("an empty folder has no fonts") }
        let font = try Data(contentsOf: CoverFonts.directory.appendingPathComponent(CoverFonts.regularFile))
        for damaged in [font.prefix(300), Data(repeating: 0xFF, count: 4096), font.prefix(font.count / 2)] {
            try damaged.write(to: folder.appendingPathComponent(CoverFonts.regularFile))
            try damaged.write(to: folder.appendingPathComponent(CoverFonts.boldFile))
            if case .success(let fonts) = CoverFonts.load(from: folder) {
                // Whatever was read draws without trapping.
                _ = try CoverImage.renderPNG(title: "Kochbuch", subtitle: "", edition: "", fonts: fonts)
            }
        }
        // A glyph whose data lies past the end of the file draws as nothing.
        var bytes = [UInt8](font)
        bytes.removeLast(bytes.count / 3)
        if let truncated = try? TrueTypeFont(bytes: bytes) {
            for letter in "Kochbuch" { _ = truncated.contours(truncated.glyph(for: letter.unicodeScalars.first!)) }
        }
    }

    /// Exact area coverage: a square on pixel boundaries fills its pixels and nothing else; shifted
    /// half a pixel it half-covers its edge pixels; a triangle's coverage adds up to its area.
    @Test func theRasterCoversExactlyTheAreaOfAnOutline() {
        func square(_ x: Double, _ y: Double, _ size: Double) -> [TrueTypeFont.Point] {
            [(x, y), (x + size, y), (x + size, y + size), (x, y + size)].map { TrueTypeFont.Point(x: $0.0, y: $0.1, onCurve: true) }
        }
        var aligned = CoverRaster.Coverage(width: 10, height: 10)
        aligned.fill(square(2, 3, 4)) { ($0.x, $0.y) }
        let alpha = aligned.alpha()
        for y in 0..<10 {
            for x in 0..<10 { #expect(alpha[y * 10 + x] == ((2..<6).contains(x) && (3..<7).contains(y) ? 255 : 0), "\(x),\(y)") }
        }
        var shifted = CoverRaster.Coverage(width: 10, height: 10)
        shifted.fill(square(2.5, 3, 4)) { ($0.x, $0.y) }
        let half = shifted.alpha()
        #expect([half[42], half[43], half[46], half[47]] == [128, 255, 128, 0])
        var triangle = CoverRaster.Coverage(width: 20, height: 20)
        let corners: [(Double, Double)] = [(1.3, 1.7), (17.2, 4.1), (6.6, 18.9)]
        triangle.fill(corners.map { TrueTypeFont.Point(x: $0.0, y: $0.1, onCurve: true) }) { ($0.x, $0.y) }
        let cross: Double = (17.2 - 1.3) * (18.9 - 1.7) - (6.6 - 1.3) * (4.1 - 1.7)
        let area = abs(cross) / 2
        let covered = triangle.alpha().reduce(0.0) { $0 + Double($1) / 255 }
        #expect(abs(covered - area) < 0.5, "\(covered) vs \(area)")
        // A quadratic curve (one control point off the curve) is filled as the curve, not its control polygon.
        var curved = CoverRaster.Coverage(width: 20, height: 20)
        curved.fill([TrueTypeFont.Point(x: 2, y: 10, onCurve: true), TrueTypeFont.Point(x: 10, y: 2, onCurve: false),
                     TrueTypeFont.Point(x: 18, y: 10, onCurve: true)]) { ($0.x, $0.y) }
        // The segment between a parabola and its chord covers two thirds of the triangle with the control
        // point (64 here); the curve is drawn as pieces that stray from it by 1/16 pixel at most.
        let parabola = curved.alpha().reduce(0.0) { $0 + Double($1) / 255 }
        #expect(abs(parabola - 2.0 / 3.0 * 64) < 1.5, "\(parabola)")
    }

    @Test func withoutItsFontsTheBookKeepsTheSVGCoverAndSaysWhy() throws {
        var epub = EPUBBookTests.epub(EPUBBookTests.miniBook)
        epub.coverFonts = CoverFonts.load(from: URL(fileURLWithPath: "/nonexistent/kochbuch-fonts"))
        let phrase = try #require(epub.coverWarning)
        #expect(phrase.german.contains("nur SVG") && phrase.german.contains("fonts-dejavu-core"), "\(phrase.german)")
        let warning = phrase.english
        #expect(warning.contains("SVG only") && warning.contains("fonts-dejavu-core") && warning.contains("/nonexistent/kochbuch-fonts"), "\(warning)")
        let files = try epub.files()
        let paths = Set(files.map(\.path))
        #expect(paths.contains("cover.svg") && !paths.contains("cover.png"))
        let opf = String(decoding: try #require(files.first { $0.path == "content.opf" }).data, as: UTF8.self)
        #expect(opf.contains("href=\"cover.svg\" media-type=\"image/svg+xml\" properties=\"cover-image\"/>"))
        let page = String(decoding: try #require(files.first { $0.path == "cover.xhtml" }).data, as: UTF8.self)
        #expect(page.contains("<img src=\"cover.svg\" alt=\"Mini-Kochbuch\" />"))
        let svg = String(decoding: try #require(files.first { $0.path == "cover.svg" }).data, as: UTF8.self)
        #expect(svg.contains(">Mini-Kochbuch</text>") && svg.contains(">Testausgabe</text>"))
        #expect(EPUBBookTests.epub(EPUBBookTests.miniBook).coverWarning == nil || (try? CoverFonts.system.get()) == nil)
    }

    @Test func svgAndPNGFollowOneLayout() {
        let lines = CoverImage.lines(title: "Kochbuch E-Government", subtitle: "Rezepte für die digitale Kommunalverwaltung", edition: "2. Ausgabe")
        #expect(lines.map(\.text) == ["Kochbuch", "E-Government", "Rezepte für die digitale", "Kommunalverwaltung", "2. Ausgabe"])
        let svg = CoverImage.svg(title: "Kochbuch E-Government", subtitle: "Rezepte für die digitale Kommunalverwaltung", edition: "2. Ausgabe")
        for line in lines {
            #expect(svg.contains("<text x=\"\(line.x)\" y=\"\(line.y)\" font-size=\"\(line.size)\"\(line.bold ? " font-weight=\"bold\"" : "") fill=\"\(line.colour)\">\(line.text)</text>"))
        }
    }
}
