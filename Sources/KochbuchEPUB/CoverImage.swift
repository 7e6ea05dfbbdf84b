import KochbuchHTML

/// A generated cover: the title set on a calm coloured page, as SVG (no image file needed).
enum CoverImage {
    static func svg(title: String, subtitle: String, edition: String) -> String {
        let titleLines = wrap(title, width: 16)
        let subtitleLines = wrap(subtitle, width: 30)
        var text = ""
        var y = 520
        for line in titleLines {
            text += "<text x=\"120\" y=\"\(y)\" font-size=\"96\" font-weight=\"bold\" fill=\"#ffffff\">\(HTML.escape(line))</text>\n"
            y += 116
        }
        y += 40
        for line in subtitleLines {
            text += "<text x=\"120\" y=\"\(y)\" font-size=\"52\" fill=\"#dce9f5\">\(HTML.escape(line))</text>\n"
            y += 68
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="1600" height="2400" viewBox="0 0 1600 2400" role="img" aria-labelledby="cover-title">
        <title id="cover-title">\(HTML.escape(title))</title>
        <rect width="1600" height="2400" fill="#0b3a5b"/>
        <rect x="120" y="360" width="220" height="16" fill="#f2b705"/>
        <g font-family="sans-serif">
        \(text)<text x="120" y="2200" font-size="44" fill="#dce9f5">\(HTML.escape(edition))</text>
        </g>
        </svg>

        """
    }

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
