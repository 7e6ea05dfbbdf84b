/// Makes ids from German names: lowercase, umlauts spelt out, anything else a single hyphen.
/// "Bauen & Wohnen" → "bauen-wohnen", "Führerschein" → "fuehrerschein".
public enum Slug {
    public static func make(_ name: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in name.lowercased() {
            let replacement: String? = switch character {
            case "ä": "ae"
            case "ö": "oe"
            case "ü": "ue"
            case "ß": "ss"
            default: character.isASCII && (character.isLetter || character.isNumber) ? String(character) : nil
            }
            if let replacement {
                if pendingHyphen && !result.isEmpty { result += "-" }
                pendingHyphen = false
                result += replacement
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}
