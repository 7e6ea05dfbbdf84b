import KochbuchModel

/// The site's URL scheme, relative to the site root. Pages prefix these with their own `root`.
public enum SiteLinks {
    public static func recipe(_ id: String) -> String { "rezepte/\(id).html" }
    public static func step(_ recipe: String, _ step: String) -> String { "rezepte/\(recipe).html#schritt-\(HTML.fragment(step))" }
    public static func law(_ id: String) -> String { "gesetze/\(id).html" }
    /// The history page of a law: its versions and what changed between them.
    public static func lawHistory(_ id: String) -> String { "gesetze/\(lawHistoryFile(id))" }
    /// The history page's file name, relative to the law page.
    public static func lawHistoryFile(_ id: String) -> String { "\(id)-geschichte.html" }
    public static func section(_ law: String, _ number: String) -> String { "gesetze/\(law).html#p\(HTML.fragment(number))" }
    public static func themenfeld(_ id: String) -> String { "themen/\(id).html" }
    public static func lebenslage(_ id: String) -> String { "lebenslagen/\(id).html" }
    public static func term(_ id: String) -> String { "glossar.html#begriff-\(HTML.fragment(id))" }
    public static func ozgLeistung(_ id: String) -> String { "ozg-leistungen.html#ozg-\(id)" }
}
