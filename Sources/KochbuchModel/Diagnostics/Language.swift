import Foundation

/// The language the tool speaks to its user: German by default, for German municipal staff;
/// English when the locale asks for it (`LANG=en_GB.UTF-8`, `LC_ALL`, `LC_MESSAGES`) or `KOCHBUCH_LANG=en`.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case german = "de"
    case english = "en"

    /// The language chosen by the environment of this process.
    public static let current = Language(environment: ProcessInfo.processInfo.environment)

    /// The language the variables choose: `KOCHBUCH_LANG`, then the POSIX order `LC_ALL`, `LC_MESSAGES`, `LANG`.
    /// Only English is chosen by name; everything else, `C` and `POSIX` included, is German.
    public init(environment: [String: String]) {
        if let explicit = environment["KOCHBUCH_LANG"], !explicit.isEmpty {
            self = explicit.lowercased().hasPrefix("en") ? .english : .german
            return
        }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            self = value.lowercased().hasPrefix("en") ? .english : .german
            return
        }
        self = .german
    }
}

/// A sentence the tool says, in both of its languages.
public struct Phrase: Sendable, Hashable, Codable {
    public var german: String
    public var english: String

    public init(de german: String, en english: String) {
        self.german = german
        self.english = english
    }

    /// The sentence in the given language.
    public func text(in language: Language) -> String {
        language == .german ? german : english
    }

    /// Both sentences with the same text appended, e.g. a hint after a message.
    public static func + (lhs: Phrase, rhs: Phrase) -> Phrase {
        Phrase(de: lhs.german + rhs.german, en: lhs.english + rhs.english)
    }
}
