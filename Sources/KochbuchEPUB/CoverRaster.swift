import Foundation

/// An RGB picture drawn in Swift: filled rectangles and lines of text set in a TrueType font, each
/// glyph's outline filled with its exact area coverage per pixel (no hinting, no sampling noise).
/// Only integer arithmetic touches the pixels and the geometry is plain IEEE arithmetic, so the same
/// picture always gives the same bytes.
struct CoverRaster {
    struct Colour: Sendable, Equatable {
        var red: UInt8, green: UInt8, blue: UInt8

        /// `#rrggbb`.
        init?(hex: String) {
            guard hex.count == 7, hex.hasPrefix("#"), let value = UInt32(hex.dropFirst(), radix: 16) else { return nil }
            red = UInt8(value >> 16 & 0xFF)
            green = UInt8(value >> 8 & 0xFF)
            blue = UInt8(value & 0xFF)
        }

        init(red: UInt8, green: UInt8, blue: UInt8) {
            self.red = red
            self.green = green
            self.blue = blue
        }
    }

    let width: Int
    let height: Int
    /// Rows top to bottom, three bytes a pixel.
    private(set) var pixels: [UInt8]

    init(width: Int, height: Int, background: Colour) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        fill(x: 0, y: 0, width: width, height: height, background)
    }

    func pixel(x: Int, y: Int) -> Colour {
        let index = (y * width + x) * 3
        return Colour(red: pixels[index], green: pixels[index + 1], blue: pixels[index + 2])
    }

    mutating func fill(x: Int, y: Int, width fillWidth: Int, height fillHeight: Int, _ colour: Colour) {
        let left = max(0, x), right = min(width, x + fillWidth), top = max(0, y), bottom = min(height, y + fillHeight)
        guard left < right, top < bottom else { return }
        var row = [UInt8](repeating: 0, count: (right - left) * 3)
        for index in stride(from: 0, to: row.count, by: 3) {
            row[index] = colour.red
            row[index + 1] = colour.green
            row[index + 2] = colour.blue
        }
        for line in top..<bottom {
            let start = (line * width + left) * 3
            pixels.replaceSubrange(start..<start + row.count, with: row)
        }
    }

    /// The width of a line of text in pixels.
    static func advance(of text: String, font: TrueTypeFont, size: Double) -> Double {
        let scale = size / Double(font.unitsPerEm)
        var x = 0.0
        var previous: Int?
        for scalar in text.unicodeScalars {
            let glyph = font.glyph(for: scalar)
            if let previous { x += Double(font.kern(previous, glyph)) * scale }
            x += Double(font.advance(glyph)) * scale
            previous = glyph
        }
        return x
    }

    /// Sets a line of text with its baseline at `baseline` and its start at `x`, as SVG's `<text x y>` does.
    mutating func draw(_ text: String, font: TrueTypeFont, size: Double, x: Double, baseline: Double, _ colour: Colour) {
        let scale = size / Double(font.unitsPerEm)
        // The strip the line can touch, with a pixel to spare on each side.
        let top = max(0, Int((baseline - Double(font.ascender) * scale).rounded(.down)) - 2)
        let bottom = min(height, Int((baseline - Double(font.descender) * scale).rounded(.up)) + 2)
        let left = max(0, Int(x.rounded(.down)) - 2)
        let right = min(width, Int((x + Self.advance(of: text, font: font, size: size)).rounded(.up)) + 4 + Int(size / 4))
        guard top < bottom, left < right else { return }
        var coverage = Coverage(width: right - left, height: bottom - top)
        var pen = x - Double(left)
        var previous: Int?
        for scalar in text.unicodeScalars {
            let glyph = font.glyph(for: scalar)
            if let previous { pen += Double(font.kern(previous, glyph)) * scale }
            for contour in font.contours(glyph) {
                coverage.fill(contour) { point in (pen + point.x * scale, baseline - Double(top) - point.y * scale) }
            }
            pen += Double(font.advance(glyph)) * scale
            previous = glyph
        }
        let alpha = coverage.alpha()
        let stripWidth = right - left
        pixels.withUnsafeMutableBufferPointer { pixels in
            alpha.withUnsafeBufferPointer { alpha in
                for row in 0..<(bottom - top) {
                    for column in 0..<stripWidth {
                        let a = UInt32(alpha[row * stripWidth + column])
                        guard a > 0 else { continue }
                        let index = ((top + row) * width + left + column) * 3
                        pixels[index] = Self.blend(pixels[index], colour.red, a)
                        pixels[index + 1] = Self.blend(pixels[index + 1], colour.green, a)
                        pixels[index + 2] = Self.blend(pixels[index + 2], colour.blue, a)
                    }
                }
            }
        }
    }

    private static func blend(_ under: UInt8, _ over: UInt8, _ alpha: UInt32) -> UInt8 {
        UInt8((UInt32(under) * (255 - alpha) + UInt32(over) * alpha + 127) / 255)
    }

    /// Signed area accumulated per pixel: each edge adds, to every pixel it crosses and to the
    /// pixel after it, the part of the pixel's area it covers; a running sum along each row then
    /// gives the coverage of every pixel (non-zero fill for contours that do not overlap, as a
    /// font's contours do not).
    struct Coverage {
        let width: Int
        let height: Int
        /// One column more than the strip, for the area that spills past its right edge.
        private var cells: [Double]

        init(width: Int, height: Int) {
            self.width = width
            self.height = height
            cells = [Double](repeating: 0, count: (width + 2) * height)
        }

        /// Fills a closed TrueType contour, its points mapped to pixels by `transform`.
        mutating func fill(_ contour: [TrueTypeFont.Point], transform: (TrueTypeFont.Point) -> (Double, Double)) {
            guard contour.count > 1 else { return }
            let points = contour.map { point in
                let (x, y) = transform(point)
                return (x: x, y: y, on: point.onCurve)
            }
            func mid(_ a: (x: Double, y: Double, on: Bool), _ b: (x: Double, y: Double, on: Bool)) -> (x: Double, y: Double) {
                ((a.x + b.x) / 2, (a.y + b.y) / 2)
            }
            // Start on a point on the curve: the first one, or the midpoint of two control points.
            let firstOn = points.firstIndex { $0.on }
            let start: (x: Double, y: Double)
            let order: [(x: Double, y: Double, on: Bool)]
            if let firstOn {
                start = (points[firstOn].x, points[firstOn].y)
                order = Array(points[(firstOn + 1)...] + points[..<firstOn])
            } else {
                start = mid(points[0], points[1])
                order = Array(points[1...] + [points[0]])
            }
            var current = start
            var control: (x: Double, y: Double)?
            for point in order + [(start.x, start.y, true)] {
                if point.on {
                    if let pending = control { curve(current, pending, (point.x, point.y)) } else { line(current, (point.x, point.y)) }
                    current = (point.x, point.y)
                    control = nil
                } else if let pending = control {
                    let between = ((pending.x + point.x) / 2, (pending.y + point.y) / 2)
                    curve(current, pending, between)
                    current = between
                    control = (point.x, point.y)
                } else {
                    control = (point.x, point.y)
                }
            }
        }

        /// A quadratic Bézier curve, as straight pieces short enough not to be seen.
        private mutating func curve(_ from: (x: Double, y: Double), _ control: (x: Double, y: Double), _ to: (x: Double, y: Double)) {
            let deviation = hypot(from.x - 2 * control.x + to.x, from.y - 2 * control.y + to.y)
            let pieces = max(1, Int((deviation * 2).squareRoot().rounded(.up)))
            var previous = from
            for piece in 1...pieces {
                let t = Double(piece) / Double(pieces), u = 1 - t
                let next = piece == pieces ? to
                    : (u * u * from.x + 2 * u * t * control.x + t * t * to.x, u * u * from.y + 2 * u * t * control.y + t * t * to.y)
                line(previous, next)
                previous = next
            }
        }

        /// One straight edge: its signed area, distributed over the pixels of each row it crosses.
        private mutating func line(_ from: (x: Double, y: Double), _ to: (x: Double, y: Double)) {
            guard from.y != to.y else { return }
            let direction: Double = from.y < to.y ? 1 : -1
            let (p0, p1) = from.y < to.y ? (from, to) : (to, from)
            let limit = Double(width)
            func clamp(_ x: Double) -> Double { min(max(x, 0), limit) }
            let slope = (p1.x - p0.x) / (p1.y - p0.y)
            let stride = width + 2
            var row = max(0, Int(p0.y.rounded(.down)))
            let lastRow = min(height, Int(p1.y.rounded(.up)))
            while row < lastRow {
                let top = max(Double(row), p0.y), bottom = min(Double(row + 1), p1.y)
                let height = bottom - top
                if height > 0 {
                    let xTop = clamp(p0.x + (top - p0.y) * slope), xBottom = clamp(p0.x + (bottom - p0.y) * slope)
                    let area = height * direction
                    let (x0, x1) = xTop < xBottom ? (xTop, xBottom) : (xBottom, xTop)
                    let base = row * stride
                    // g(X): the share of the row's strip right of the edge and left of X, per unit of height.
                    let mean = (x0 + x1) / 2
                    func g(_ edge: Double) -> Double {
                        if edge <= x0 { return 0 }
                        if edge >= x1 { return edge - mean }
                        return (edge - x0) * (edge - x0) / (2 * (x1 - x0))
                    }
                    // Each pixel from the edge's first to one past its last gets the change in covered
                    // share; the running sum of a row then gives every pixel its covered share.
                    var previous = 0.0
                    for column in Int(x0.rounded(.down))...(Int(x1.rounded(.down)) + 1) {
                        let covered = g(Double(column + 1)) - g(Double(column))
                        cells[base + column] += area * (covered - previous)
                        previous = covered
                    }
                }
                row += 1
            }
        }

        /// The coverage of each pixel, 0…255, rows top to bottom.
        func alpha() -> [UInt8] {
            var alpha = [UInt8](repeating: 0, count: width * height)
            let stride = width + 2
            cells.withUnsafeBufferPointer { cells in
                alpha.withUnsafeMutableBufferPointer { alpha in
                    for row in 0..<height {
                        var sum = 0.0
                        for column in 0..<width {
                            sum += cells[row * stride + column]
                            let value = min(1, abs(sum))
                            alpha[row * width + column] = UInt8((value * 255).rounded())
                        }
                    }
                }
            }
            return alpha
        }
    }
}
