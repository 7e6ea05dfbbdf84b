import Foundation
import KochbuchHTML

/// A generated cover: the title set on a calm coloured page, 1600 × 2400 pixels. One layout, drawn
/// two ways: as SVG (no font or image file needed) and as PNG (`CoverRaster`, with DejaVu Sans), the
/// raster cover that readers, shops and library shelves show where they cannot show SVG.
enum CoverImage {
    static let width = 1600
    static let height = 2400
    static let background = "#0b3a5b"
    static let accent = "#f2b705"
    static let titleColour = "#ffffff"
    static let textColour = "#dce9f5"

    /// One line of text: baseline at `y`, starting at `x`, `size` pixels high (the em).
    struct Line: Equatable {
        let text: String
        let x: Int
        let y: Int
        let size: Int
        let bold: Bool
        let colour: String
    }

    /// The accent bar above the title.
    static let bar = (x: 120, y: 360, width: 220, height: 16)

    static func lines(title: String, subtitle: String, edition: String) -> [Line] {
        var lines: [Line] = []
        var y = 520
        for line in wrap(title, width: 16) {
            lines.append(Line(text: line, x: 120, y: y, size: 96, bold: true, colour: titleColour))
            y += 116
        }
        y += 40
        for line in wrap(subtitle, width: 30) {
            lines.append(Line(text: line, x: 120, y: y, size: 52, bold: false, colour: textColour))
            y += 68
        }
        if !edition.isEmpty { lines.append(Line(text: edition, x: 120, y: 2200, size: 44, bold: false, colour: textColour)) }
        return lines
    }

    static func svg(title: String, subtitle: String, edition: String) -> String {
        let text = lines(title: title, subtitle: subtitle, edition: edition).map { line in
            "<text x=\"\(line.x)\" y=\"\(line.y)\" font-size=\"\(line.size)\"\(line.bold ? " font-weight=\"bold\"" : "") fill=\"\(line.colour)\">\(HTML.escape(line.text))</text>\n"
        }.joined()
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="cover-title">
        <title id="cover-title">\(HTML.escape(title))</title>
        <rect width="\(width)" height="\(height)" fill="\(background)"/>
        <rect x="\(bar.x)" y="\(bar.y)" width="\(bar.width)" height="\(bar.height)" fill="\(accent)"/>
        <g font-family="'DejaVu Sans', sans-serif">
        \(text)</g>
        </svg>

        """
    }

    /// The same cover as PNG. Made once per process for each title (a build of several editions,
    /// or the tests, ask for the same cover more than once).
    static func png(title: String, subtitle: String, edition: String, fonts: CoverFonts) throws -> Data {
        let key = [title, subtitle, edition, fonts.identity].joined(separator: "\u{1F}")
        if let made = cache.withLock({ $0[key] }) { return made }
        let data = try renderPNG(title: title, subtitle: subtitle, edition: edition, fonts: fonts)
        cache.withLock { cache in
            if cache.count >= 8 { cache.removeAll() }
            cache[key] = data
        }
        return data
    }

    /// Draws the PNG (without the cache).
    static func renderPNG(title: String, subtitle: String, edition: String, fonts: CoverFonts) throws -> Data {
        var raster = CoverRaster(width: width, height: height, background: CoverRaster.Colour(hex: background)!)
        raster.fill(x: bar.x, y: bar.y, width: bar.width, height: bar.height, CoverRaster.Colour(hex: accent)!)
        for line in lines(title: title, subtitle: subtitle, edition: edition) {
            raster.draw(line.text, font: line.bold ? fonts.bold : fonts.regular, size: Double(line.size),
                        x: Double(line.x), baseline: Double(line.y), CoverRaster.Colour(hex: line.colour)!)
        }
        return try PNGEncoder.rgb(width: width, height: height, pixels: raster.pixels)
    }

    private static let cache = Locked<[String: Data]>([:])

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty { current = String(word) } else if current.count + 1 + word.count <= width { current += " " + word } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// The fonts of the raster cover: DejaVu Sans and DejaVu Sans Bold (Debian `fonts-dejavu-core`), read
/// from the file system when an EPUB is first built, never at start.
struct CoverFonts: Sendable {
    let regular: TrueTypeFont
    let bold: TrueTypeFont
    /// Names the files, so that a cached cover is never one drawn in other fonts.
    let identity: String

    static let directory = URL(fileURLWithPath: "/usr/share/fonts/truetype/dejavu")
    static let regularFile = "DejaVuSans.ttf"
    static let boldFile = "DejaVuSans-Bold.ttf"

    /// The fonts in a folder, or why they cannot be used.
    static func load(from directory: URL) -> Result<CoverFonts, TrueTypeFont.Unreadable> {
        do {
            let regular = try TrueTypeFont(contentsOf: directory.appendingPathComponent(regularFile))
            let bold = try TrueTypeFont(contentsOf: directory.appendingPathComponent(boldFile))
            guard regular.glyph(for: "ß") != 0, bold.glyph(for: "ß") != 0 else {
                throw TrueTypeFont.Unreadable(description: "the fonts in \(directory.path) have no German letters")
            }
            return .success(CoverFonts(regular: regular, bold: bold, identity: directory.path))
        } catch let error as TrueTypeFont.Unreadable {
            return .failure(error)
        } catch {
            return .failure(TrueTypeFont.Unreadable(description: "\(error)"))
        }
    }

    /// The system's DejaVu fonts, read once per process, when first needed.
    static let system: Result<CoverFonts, TrueTypeFont.Unreadable> = load(from: directory)
}
