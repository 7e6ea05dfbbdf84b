import KochbuchModel

/// Limits on a file's shape, checked in one pass over the bytes before libxml2 parses them: the
/// cost of some parsing work grows with the square of a count (libxml2 compares every attribute
/// of an element with every other), so a crafted file could otherwise take minutes.
/// Real book files stay far below: a recipe element has at most six attributes, the LeiKa
/// catalog has about 30,000 elements, the longest law section about 20 KB of text.
enum StructureLimits {
    static let attributesPerElement = 64
    static let elementsPerFile = 250_000
    static let textLength = 1 << 20

    /// The diagnostic for the first limit the bytes exceed, at its line; nil when none is.
    static func check(_ bytes: [UInt8], displayPath: String) -> Diagnostic? {
        bytes.withUnsafeBufferPointer { buffer in
            scan(buffer, displayPath: displayPath)
        }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, displayPath: String) -> Diagnostic? {
        let count = bytes.count
        var index = 0
        var line = 1
        var elements = 0
        var textStart = 0
        var textStartLine = 1
        func problem(_ message: Phrase, at line: Int, hint: Phrase) -> Diagnostic {
            Diagnostic(.error, .xmlTooComplex, message, at: SourceLocation(path: displayPath, line: line, column: 1), hint: hint)
        }
        func skip(to terminator: [UInt8]) {
            while index < count {
                if bytes[index] == 0x0A { line += 1 }
                if bytes[index] == terminator[0], index + terminator.count <= count,
                   (0..<terminator.count).allSatisfy({ bytes[index + $0] == terminator[$0] }) {
                    index += terminator.count
                    return
                }
                index += 1
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            guard byte == 0x3C else {
                index += 1
                continue
            }
            if index - textStart > textLength {
                return problem(Phrase(de: "ein Text von \(index - textStart) Byte, mehr als die \(textLength / 1024 / 1024) MiB, die ein Text haben darf",
                                      en: "a text of \(index - textStart) bytes, more than the \(textLength / 1024 / 1024) MiB one text may hold"),
                               at: textStartLine,
                               hint: Phrase(de: "teilen Sie den Text in Absätze auf oder den Inhalt auf mehrere Rezepte",
                                            en: "split the text into paragraphs, or the content into several recipes"))
            }
            let next = index + 1 < count ? bytes[index + 1] : 0
            if next == 0x21 { // <!-- … --> or <![CDATA[ … ]]>
                let isComment = index + 3 < count && bytes[index + 2] == 0x2D && bytes[index + 3] == 0x2D
                index += 2
                skip(to: isComment ? Array("-->".utf8) : Array("]]>".utf8))
            } else if next == 0x3F {
                index += 2
                skip(to: Array("?>".utf8))
            } else if next == 0x2F {
                index += 2
                skip(to: [0x3E])
            } else {
                let tagLine = line
                elements += 1
                if elements > elementsPerFile {
                    return problem(Phrase(de: "mehr als \(elementsPerFile) Elemente in einer Datei",
                                          en: "more than \(elementsPerFile) elements in one file"), at: tagLine,
                                   hint: Phrase(de: "verteilen Sie den Inhalt auf mehrere Dateien", en: "split the content into several files"))
                }
                var attributes = 0
                var quote: UInt8 = 0
                index += 1
                while index < count {
                    let character = bytes[index]
                    if character == 0x0A { line += 1 }
                    if quote != 0 {
                        if character == quote { quote = 0 }
                    } else if character == 0x22 || character == 0x27 {
                        quote = character
                    } else if character == 0x3D {
                        attributes += 1
                        if attributes > attributesPerElement {
                            return problem(Phrase(de: "ein Element mit mehr als \(attributesPerElement) Attributen",
                                                  en: "an element with more than \(attributesPerElement) attributes"), at: tagLine,
                                           hint: Phrase(de: "ein Element des Buchs hat höchstens eine Handvoll Attribute; die Datei ist beschädigt oder nicht für das Buch geschrieben",
                                                        en: "an element of the book has at most a few attributes; the file is damaged or was not written for the book"))
                        }
                    } else if character == 0x3E {
                        index += 1
                        break
                    }
                    index += 1
                }
            }
            textStart = index
            textStartLine = line
        }
        return nil
    }
}
