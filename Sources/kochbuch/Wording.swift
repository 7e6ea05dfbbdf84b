import ArgumentParser
import Foundation
import KochbuchModel

/// The tool's own words in the user's language (`Language.current`): German by default, for German
/// municipal staff; English when KOCHBUCH_LANG, LC_ALL, LC_MESSAGES or LANG asks for it.
func say(de german: String, en english: String) -> String {
    Phrase(de: german, en: english).text(in: .current)
}

extension ArgumentHelp {
    /// Help for an option, flag or argument in the user's language; `value` names its value in
    /// both languages (`("ORDNER", "DIR")`), nil keeps the name of the property.
    static func say(de german: String, en english: String, value: (de: String, en: String)? = nil) -> ArgumentHelp {
        ArgumentHelp(kochbuch.say(de: german, en: english), valueName: value.map { kochbuch.say(de: $0.de, en: $0.en) })
    }
}

/// The fixed words of ArgumentParser's help and error output, in German.
///
/// Only the parser's own phrases are replaced, each matched whole and in its place (a heading line,
/// the start of the error message, the label of an option row); the words of the book, of the user
/// and of the commands' own help pass through unchanged.
enum ParserWording {
    /// Arguments after which the parser prints text for programs (completion scripts, the help as
    /// JSON): that text stays as ArgumentParser writes it.
    static func asksForMachineOutput(_ arguments: [String]) -> Bool {
        arguments.contains {
            $0.hasPrefix("--generate-completion-script") || $0 == "--experimental-dump-help" || $0.hasPrefix("---completion")
        }
    }

    /// The width German help is wrapped to: one column less than ArgumentParser's own
    /// (COLUMNS, else the terminal's, else 80), as „ÜBERBLICK: “ is one letter longer than „OVERVIEW: “.
    static var helpWidth: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) { return max(columns - 1, 20) }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(Int(size.ws_col) - 1, 20) }
        return 79
    }

    /// A help screen in German.
    static func help(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        var inUsage = false
        for index in lines.indices {
            let line = lines[index]
            if inUsage, line.hasPrefix("       ") {
                lines[index] = " " + line
                continue
            }
            inUsage = false
            if index == 0, line.hasPrefix("OVERVIEW: ") {
                lines[index] = "ÜBERBLICK: " + line.dropFirst("OVERVIEW: ".count)
            } else if line.hasPrefix("USAGE: ") {
                lines[index] = "AUFRUF: " + usage(line.dropFirst("USAGE: ".count))
                inUsage = true
            } else {
                lines[index] = row(line)
            }
        }
        return values(lines.joined(separator: "\n"))
    }

    /// An error message with its usage in German: the parser's prefix and messages, and the lines after them.
    static func error(_ text: String, message: String) -> String {
        guard text.hasPrefix("Error: ") else { return help(text) }
        let whole = "Error: " + message
        guard !message.isEmpty, text.hasPrefix(whole) else { return "Fehler: " + text.dropFirst("Error: ".count) }
        return "Fehler: " + parserMessage(message) + tail(String(text.dropFirst(whole.count)))
    }

    /// The lines after the message: the option's help, the usage and the pointer to the help.
    private static func tail(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        var inUsage = false
        for index in lines.indices {
            let line = lines[index]
            if inUsage, line.hasPrefix("       ") {
                lines[index] = " " + line
                continue
            }
            inUsage = false
            if line.hasPrefix("Help:  ") {
                lines[index] = "Hilfe: " + line.dropFirst("Help:  ".count)
            } else if line.hasPrefix("Usage: ") {
                lines[index] = "Aufruf: " + usage(line.dropFirst("Usage: ".count))
                inUsage = true
            } else if let match = line.wholeMatch(of: /[ ]{2}See '(.+)' for more information\./) {
                lines[index] = "  Ausführliche Hilfe: '\(match.1)'."
            } else {
                lines[index] = row(line)
            }
        }
        return values(lines.joined(separator: "\n"))
    }

    /// A usage synopsis: the placeholder for a subcommand.
    private static func usage(_ synopsis: Substring) -> String {
        String(synopsis.replacing("<subcommand>", with: "<Befehl>"))
    }

    /// One line of a help screen: a heading, the rows of the built-in options, the pointer to the help.
    private static func row(_ line: String) -> String {
        switch line {
        case "ARGUMENTS:": return "ARGUMENTE:"
        case "OPTIONS:": return "OPTIONEN:"
        case "SUBCOMMANDS:": return "BEFEHLE:"
        default: break
        }
        if let match = line.wholeMatch(of: /(\s+--version\s+)Show the version\./) {
            return match.1 + "Zeigt die Version."
        }
        if let match = line.wholeMatch(of: /(\s+-h, --help\s+)Show help information\./) {
            return match.1 + "Zeigt diese Hilfe."
        }
        if let match = line.wholeMatch(of: /(\s+help\s+)Show subcommand help information\./) {
            return match.1 + "Zeigt die Hilfe zu einem Befehl."
        }
        if let match = line.wholeMatch(of: /[ ]{2}See '(.+) <subcommand>' for detailed help\./) {
            return "  Hilfe zu einem Befehl: '\(match.1) <Befehl>'."
        }
        if let match = line.wholeMatch(of: /(  [a-z][a-z-]*) \(default\)(\s.*)?/) {
            return match.1 + " (Vorgabe)" + (match.2 ?? "")
        }
        return line
    }

    /// The parser's notes on default and possible values after an option's help: „(default: …)“ is
    /// as long as „(Vorgabe: …)“, so the wrapping stays right.
    private static func values(_ text: String) -> String {
        text.replacing(/\(default:(?=\s)/, with: "(Vorgabe:")
            .replacing(/;(\s+)default:(?=\s)/) { ";\($0.1)Vorgabe:" }
            .replacing(/\(values:(?=\s)/, with: "(Werte:")
            .replacing(/(\(|;\s+)default(\s+)as(\s+)flag:(?=\s)/) { "\($0.1)Vorgabe\($0.2)als\($0.3)Schalter:" }
    }

    /// ArgumentParser's message about a wrong command line, in German; a message it does not
    /// know (the commands' own, already in German) passes unchanged.
    static func parserMessage(_ message: String) -> String {
        if let m = message.wholeMatch(of: /Unknown option '(.+)'\. Did you mean '(.+)'\?/) {
            return "Unbekannte Option '\(m.1)'. Meinten Sie '\(m.2)'?"
        }
        if let m = message.wholeMatch(of: /Unknown option '(.+)'\n   or: Missing value for '(.+)' in '(.+)'/) {
            return "Unbekannte Option '\(m.1)'\n   oder: Für '\(m.2)' in '\(m.3)' fehlt der Wert"
        }
        if let m = message.wholeMatch(of: /Unknown option '(.+)'/) {
            return "Unbekannte Option '\(m.1)'"
        }
        if let m = message.wholeMatch(of: /Unexpected argument '(.*)'/.dotMatchesNewlines()) {
            return "Unerwartetes Argument '\(m.1)'"
        }
        if let m = message.wholeMatch(of: /(\d+) unexpected arguments: '(.*)'/.dotMatchesNewlines()) {
            return "\(m.1) unerwartete Argumente: '\(m.2)'"
        }
        if let m = message.wholeMatch(of: /Missing expected argument '(.+)'/) {
            return "Die Angabe '\(m.1)' fehlt"
        }
        if let m = message.wholeMatch(of: /Missing one of: (.+)/) {
            return "Eine dieser Angaben fehlt: \(m.1)"
        }
        if let m = message.wholeMatch(of: /Missing value for '(.+)'/) {
            return "Für '\(m.1)' fehlt der Wert"
        }
        if let m = message.wholeMatch(of: /The option '(.+)' does not take any value, but '(.*)' was specified\./.dotMatchesNewlines()) {
            return "Die Option '\(m.1)' nimmt keinen Wert an, angegeben war aber '\(m.2)'."
        }
        if let m = message.wholeMatch(of: /The value '(.*)' is invalid for '(--?[^' ]+(?: <[^'>]+>)?|<[^'>]+>)'(.*)/.dotMatchesNewlines()) {
            return "Der Wert '\(m.1)' ist für '\(m.2)' nicht zulässig" + valueList(String(m.3))
        }
        if let m = message.wholeMatch(of: /The value '(.*)' is invalid\.(.*)/.dotMatchesNewlines()) {
            return "Der Wert '\(m.1)' ist nicht zulässig." + valueList(String(m.2))
        }
        if let m = message.wholeMatch(of: /Value to be set with flag (.+) had already been set with flag (.+)/) {
            return "Der Schalter \(m.1) widerspricht dem schon angegebenen Schalter \(m.2)"
        }
        return message
    }

    /// What follows „The value … is invalid“: the possible values (from the command's own list) or
    /// the reason the value's type gives.
    private static func valueList(_ text: String) -> String {
        if let m = text.wholeMatch(of: /\. Please provide one of the following:\n(.*)/.dotMatchesNewlines()) {
            return ". Zulässig ist einer dieser Werte:\n\(m.1)"
        }
        if let m = text.wholeMatch(of: /\. Please provide one of ('[^']*'(?:, '[^']*')*)(?: (?:or|and) ('[^']*'))?\./) {
            return ". Zulässig ist einer dieser Werte: \(m.1)\(m.2.map { " oder \($0)" } ?? "")."
        }
        return text
    }
}
