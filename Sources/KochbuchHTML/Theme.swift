import Foundation

/// A publisher's theme (`--theme DIR`): templates and assets that replace the built-in ones,
/// and `theme.json` with the logo, the imprint and privacy links and the contact for feedback
/// on accessibility that the Erklärung zur Barrierefreiheit (§ 7 BITV 2.0) needs.
public struct Theme: Sendable {
    /// The settings of `theme.json`; every key is optional.
    public struct Settings: Sendable, Codable {
        /// Path of the logo inside the theme's `assets/` folder, e.g. `logo.svg`.
        public var logo: String?
        /// Alternative text of the logo, e.g. the publisher's name.
        public var logoAlt: String?
        public var imprintURL: String?
        public var privacyURL: String?
        /// E-mail address or web form for feedback on accessibility.
        public var accessibilityContact: String?
        /// Free text of the accessibility statement: known limitations, when it was made.
        public var accessibilityNotes: String?

        public init() {}
    }

    public var directory: URL?
    public var settings: Settings
    /// Whether the theme brings `assets/theme.css`, loaded after the built-in style sheet.
    public var hasThemeCSS: Bool

    public static let builtIn = Theme(directory: nil, settings: Settings(), hasThemeCSS: false)

    public init(directory: URL?, settings: Settings, hasThemeCSS: Bool) {
        self.directory = directory
        self.settings = settings
        self.hasThemeCSS = hasThemeCSS
    }

    /// Reads a theme folder.
    public static func load(from directory: URL) throws -> Theme {
        let file = directory.appendingPathComponent("theme.json")
        var settings = Settings()
        if FileManager.default.fileExists(atPath: file.path) {
            settings = try JSONDecoder().decode(Settings.self, from: Data(contentsOf: file))
        }
        let css = FileManager.default.fileExists(atPath: directory.appendingPathComponent("assets/theme.css").path)
        return Theme(directory: directory, settings: settings, hasThemeCSS: css)
    }

    func context(root: String) -> [String: Any] {
        var context: [String: Any] = ["hasThemeCSS": hasThemeCSS]
        if let logo = settings.logo { context["logo"] = root + "assets/" + logo }
        context["logoAlt"] = settings.logoAlt ?? ""
        if let url = settings.imprintURL, HTML.isSafeExternalURL(url) { context["imprintURL"] = url }
        if let url = settings.privacyURL, HTML.isSafeExternalURL(url) { context["privacyURL"] = url }
        return context
    }
}
