import Foundation
import KochbuchModel

/// Where the Markdown of a book links to: the Markdown copies of the website, or the stable
/// resource addresses the assistant server lists.
public protocol MarkdownLinks: Sendable {
    func recipe(_ id: String, step: String?) -> String
    func law(_ id: String, section: String?) -> String
    func term(_ id: String) -> String?
    func image(_ bookPath: String) -> String?
}

/// Links between the Markdown copies beside the website's pages (`rezepte/<id>.md`, `gesetze/<law>.md`).
public struct SiteMarkdownLinks: MarkdownLinks {
    /// The path from the Markdown file to the site's root ("../" for `rezepte/…`).
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public func recipe(_ id: String, step: String?) -> String { root + "rezepte/\(id).md" }
    public func law(_ id: String, section: String?) -> String { root + "gesetze/\(id).md" }

    public func term(_ id: String) -> String? { root + "glossar.html#begriff-\(Self.fragment(id))" }
    public func image(_ bookPath: String) -> String? { root + bookPath }

    static func fragment(_ value: String) -> String {
        String(value.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}

/// Links as the assistant server's resource addresses: `kochbuch://rezepte/<id>`,
/// `kochbuch://gesetze/<law>/<section>`; terms and images are not linked.
public struct ResourceLinks: MarkdownLinks {
    public init() {}

    public func recipe(_ id: String, step: String?) -> String { ResourceAddress.recipe(id) }
    public func law(_ id: String, section: String?) -> String { ResourceAddress.law(id, section: section) }
    public func term(_ id: String) -> String? { nil }
    public func image(_ bookPath: String) -> String? { nil }
}

/// The stable addresses of a book's recipes and law sections.
public enum ResourceAddress {
    public static let scheme = "kochbuch://"

    public static func recipe(_ id: String) -> String { "\(scheme)rezepte/\(id)" }

    public static func law(_ id: String, section: String?) -> String {
        "\(scheme)gesetze/\(id)" + (section.map { "/\(Self.escaped($0))" } ?? "")
    }

    /// A section number with the characters an address may not hold percent-encoded.
    static func escaped(_ value: String) -> String {
        value.unicodeScalars.map { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._".unicodeScalars.contains(scalar)
                ? String(scalar) : String(format: "%%%02X", scalar.value)
        }.joined()
    }

    /// What an address names: a recipe id, or a law id with an optional section number.
    public enum Target: Equatable, Sendable {
        case recipe(String)
        case law(String, section: String?)
    }

    public static func target(of address: String) -> Target? {
        guard address.hasPrefix(scheme) else { return nil }
        let parts = address.dropFirst(scheme.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("rezepte", 2) where !parts[1].isEmpty: return .recipe(parts[1])
        case ("gesetze", 2) where !parts[1].isEmpty: return .law(parts[1], section: nil)
        case ("gesetze", 3) where !parts[1].isEmpty && !parts[2].isEmpty:
            return .law(parts[1], section: parts[2].removingPercentEncoding ?? parts[2])
        default: return nil
        }
    }
}
