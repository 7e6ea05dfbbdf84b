import Foundation
import Testing

/// The help and the tool's own messages speak German by default and English when the locale asks
/// for it; the exit statuses are the same in both languages.
@Suite(.serialized) struct HelpLanguageTests {
    /// Locales that choose German: a German one, none at all, and C.
    static let german: [[String: String]] = [
        locale(lang: "de_DE.UTF-8"),
        locale(lang: ""),
        locale(lang: "C"),
    ]

    /// Locales that choose English: LANG, and LC_ALL over a German LANG.
    static let english: [[String: String]] = [
        locale(lang: "en_US.UTF-8"),
        locale(lang: "de_DE.UTF-8", all: "en_GB.UTF-8"),
    ]

    /// The environment of one locale; KOCHBUCH_LANG, which the other tests set to English, is empty.
    static func locale(lang: String, all: String = "") -> [String: String] {
        ["KOCHBUCH_LANG": "", "LC_ALL": all, "LC_MESSAGES": "", "LANG": lang, "COLUMNS": "80"]
    }

    /// The text with its line breaks and the indentation after them as single spaces, for phrases the help wraps.
    static func flat(_ text: String) -> String {
        text.replacing(/\n\s*/, with: " ")
    }

    @Test func theHelpIsGermanByDefault() throws {
        for environment in Self.german {
            let root = try CommandRunner.run(["--help"], environment: environment)
            #expect(root.status == 0, "\(environment)")
            for phrase in ["ÜBERBLICK: Das E-Government-Kochbuch", "Jeder Befehl arbeitet mit dem Buch im Ordner ./Recipes",
                           "AUFRUF: kochbuch <Befehl>", "OPTIONEN:", "BEFEHLE:", "Zeigt diese Hilfe.", "Zeigt die Version.",
                           "Prüft das Buch anhand seiner Schemata", "Durchsucht das Kochbuch",
                           "Hilfe zu einem Befehl: 'kochbuch help <Befehl>'."] {
                #expect(Self.flat(root.output).contains(phrase), "\(environment): \(phrase) missing in\n\(root.output)")
            }
            for english in ["OVERVIEW:", "USAGE:", "OPTIONS:", "SUBCOMMANDS:", "Show help information.", "for detailed help",
                            "Every command works", "Search the cookbook"] {
                #expect(!root.output.contains(english), "\(environment): \(english) in\n\(root.output)")
            }

            let search = try CommandRunner.run(["search", "--help"], environment: environment)
            #expect(search.status == 0)
            for phrase in ["ÜBERBLICK: Durchsucht das Kochbuch", "AUFRUF: kochbuch search [--book <ORDNER>]", "ARGUMENTE:", "OPTIONEN:",
                           "<SUCHBEGRIFF>", "Der Ordner des Buchs. (Vorgabe: Recipes)", "(Vorgabe: 10)", "Zeigt diese Hilfe.",
                           "Rückgabewert (Exit-Status) wie bei grep: 0, wenn Rezepte gefunden wurden, 1, wenn keine gefunden wurden"] {
                #expect(Self.flat(search.output).contains(phrase), "\(environment): \(phrase) missing in\n\(search.output)")
            }
            for english in ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "(default:", "Exit status", "The most results to show."] {
                #expect(!search.output.contains(english), "\(environment): \(english) in\n\(search.output)")
            }
        }
    }

    @Test func theHelpIsEnglishWhenTheLocaleIs() throws {
        for environment in Self.english {
            let root = try CommandRunner.run(["--help"], environment: environment)
            #expect(root.status == 0, "\(environment)")
            for phrase in ["OVERVIEW: Das E-Government-Kochbuch", "Every command works on the book in ./Recipes",
                           "USAGE: kochbuch <subcommand>", "OPTIONS:", "SUBCOMMANDS:", "Show help information.", "Show the version.",
                           "Check the book against its schemas", "See 'kochbuch help <subcommand>' for detailed help."] {
                #expect(Self.flat(root.output).contains(phrase), "\(environment): \(phrase) missing in\n\(root.output)")
            }
            for german in ["ÜBERBLICK", "AUFRUF", "OPTIONEN", "BEFEHLE", "Zeigt diese Hilfe", "Jeder Befehl"] {
                #expect(!root.output.contains(german), "\(environment): \(german) in\n\(root.output)")
            }

            let search = try CommandRunner.run(["search", "--help"], environment: environment)
            #expect(search.status == 0)
            for phrase in ["OVERVIEW: Search the cookbook", "USAGE: kochbuch search [--book <DIR>]", "ARGUMENTS:", "<QUERY>",
                           "The book folder. (default: Recipes)", "The most results to show. (default: 10)",
                           "Exit status, as with grep: 0 when recipes were found, 1 when none"] {
                #expect(Self.flat(search.output).contains(phrase), "\(environment): \(phrase) missing in\n\(search.output)")
            }
            #expect(!search.output.contains("Vorgabe"))
        }
    }

    /// Every help screen documents its exit statuses in both languages where the command has them.
    @Test func exitStatusesAreDocumentedInBothLanguages() throws {
        let cases: [(command: [String], german: String, english: String)] = [
            (["list", "--help"], "Rückgabewert (Exit-Status) wie bei grep: 0, wenn Rezepte aufgelistet wurden, 1, wenn keine",
             "Exit status, as with grep: 0 when recipes were listed, 1 when none"),
            (["validate", "--help"], "Rückgabewert (Exit-Status): 0, wenn es keine Fehler gibt", "Exit status: 0 when there are no errors"),
            (["fmt", "--help"], "Rückgabewert (Exit-Status) 1", "exit status 1"),
            (["topics", "--help"], "Rückgabewert (Exit-Status) mit --search wie bei grep: 0, wenn Einträge gefunden wurden, 1, wenn keine",
             "Exit status with --search as grep's: 0 when entries were found, 1 when none were"),
        ]
        for (command, german, english) in cases {
            let inGerman = try CommandRunner.run(command, environment: Self.german[0])
            #expect(inGerman.status == 0)
            #expect(Self.flat(inGerman.output).contains(german), "\(inGerman.output)")
            let inEnglish = try CommandRunner.run(command, environment: Self.english[0])
            #expect(Self.flat(inEnglish.output).contains(english), "\(inEnglish.output)")
        }
    }

    /// German help stays within the width, though its headings are longer than the English ones.
    @Test func germanHelpKeepsToTheWidth() throws {
        var environment = Self.german[0]
        environment["COLUMNS"] = "60"
        for command in [["--help"], ["law", "--help"], ["topics", "--help"]] {
            let help = try CommandRunner.run(command, environment: environment)
            #expect(help.status == 0)
            let lines = help.output.split(separator: "\n").filter { !$0.hasPrefix("AUFRUF: ") }
            #expect(lines.allSatisfy { $0.count <= 60 }, "\(help.output)")
        }
    }

    @Test func aUsageErrorIsGermanAndKeepsItsExitStatus() throws {
        for environment in Self.german {
            let unknown = try CommandRunner.run(["search", "--lmit", "3", "akte"], environment: environment)
            #expect(unknown.status == 64, "\(environment)")
            #expect(unknown.output.isEmpty)
            #expect(unknown.error.hasPrefix("Fehler: Unbekannte Option '--lmit'. Meinten Sie '--limit'?\n"), "\(unknown.error)")
            #expect(unknown.error.contains("\nAufruf: kochbuch search [--book <ORDNER>]"), "\(unknown.error)")
            #expect(unknown.error.contains("  Ausführliche Hilfe: 'kochbuch search --help'."), "\(unknown.error)")
            for english in ["Error:", "Usage:", "Unknown option", "for more information"] {
                #expect(!unknown.error.contains(english), "\(english) in \(unknown.error)")
            }
        }
        let environment = Self.german[0]
        let value = try CommandRunner.run(["search", "--limit", "viele", "akte"], environment: environment)
        #expect(value.status == 64)
        #expect(value.error.hasPrefix("Fehler: Der Wert 'viele' ist für '--limit <anzahl>' nicht zulässig\n"), "\(value.error)")
        #expect(value.error.contains("\nHilfe: --limit <anzahl>  Die Höchstzahl der angezeigten Treffer.\n"), "\(value.error)")

        let missing = try CommandRunner.run(["new", "x"], environment: environment)
        #expect(missing.status == 64)
        #expect(missing.error.hasPrefix("Fehler: Die Angabe '--title <titel>' fehlt\n"), "\(missing.error)")

        let choice = try CommandRunner.run(["build", "--format", "pdf"], environment: environment)
        #expect(choice.status == 64)
        #expect(choice.error.hasPrefix("Fehler: Der Wert 'pdf' ist für '--format <format>' nicht zulässig. Zulässig ist einer dieser Werte: 'html', "),
                "\(choice.error)")

        let extra = try CommandRunner.run(["show", "e-akte", "zuviel"], environment: environment)
        #expect(extra.status == 64)
        #expect(extra.error.hasPrefix("Fehler: Unerwartetes Argument 'zuviel'\n"), "\(extra.error)")

        let book = try CommandRunner.run(["validate", "--book", "/nicht/da"], environment: environment)
        #expect(book.status == 64)
        #expect(book.error.hasPrefix("Fehler: kein Buchordner unter '/nicht/da'"), "\(book.error)")

        for english in Self.english {
            let unknown = try CommandRunner.run(["search", "--lmit", "3", "akte"], environment: english)
            #expect(unknown.status == 64)
            #expect(unknown.error.hasPrefix("Error: Unknown option '--lmit'. Did you mean '--limit'?\nUsage: kochbuch search [--book <DIR>]"),
                    "\(unknown.error)")
            #expect(unknown.error.contains("  See 'kochbuch search --help' for more information."))
        }
    }

    @Test func aMisspeltCommandIsAnsweredInGerman() throws {
        for environment in Self.german {
            let result = try CommandRunner.run(["serch", "akte"], environment: environment)
            #expect(result.status == 64)
            #expect(result.error == "Fehler: unbekannter Befehl 'serch'; meinten Sie 'kochbuch search'? ('kochbuch --help' zeigt alle Befehle)\n",
                    "\(result.error)")
        }
        for environment in Self.english {
            let result = try CommandRunner.run(["serch", "akte"], environment: environment)
            #expect(result.status == 64)
            #expect(result.error == "error: unknown command 'serch'; did you mean 'kochbuch search'? ('kochbuch --help' lists the commands)\n",
                    "\(result.error)")
        }
    }

    /// What the parser writes for programs stays as it is: the help as JSON parses in German too.
    @Test func machineOutputIsLeftAlone() throws {
        let dump = try CommandRunner.run(["search", "--experimental-dump-help"], environment: Self.german[0])
        #expect(dump.status == 0)
        #expect((try? JSONSerialization.jsonObject(with: Data(dump.output.utf8))) != nil, "\(dump.output.prefix(300))")
        let version = try CommandRunner.run(["--version"], environment: Self.german[0])
        #expect(version.status == 0)
        #expect(!version.output.isEmpty)
    }
}
