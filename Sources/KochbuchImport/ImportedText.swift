/// What an importer accepts as input text: the same as a book file may hold. Control characters
/// (other than tab and line breaks) and bidirectional overrides are refused with their place, so
/// an imported catalog never carries characters the book refuses or that act on a terminal.
public enum ImportedText {
    /// Input files larger than this are refused unread, as book files are.
    public static let maximumSize = 8 * 1024 * 1024

    /// The first refused character of `text`: its line and column (both from 1) and its code point.
    public static func firstRefusedCharacter(in text: String) -> (line: Int, column: Int, scalar: Unicode.Scalar)? {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if isRefused(scalar) { return (line, column, scalar) }
            column += 1
        }
        return nil
    }

    /// C0 and C1 control characters except tab, line feed and carriage return; DEL; the
    /// bidirectional embeddings, overrides and isolates.
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
