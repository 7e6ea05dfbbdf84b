import Foundation
import KochbuchModel
import Mustache

/// The Mustache templates of the site: the built-in ones, each replaceable by a theme's file
/// of the same name (`templates/recipe.mustache` in `--theme DIR`).
struct TemplateSet {
    /// A template that does not parse, with the file and what is wrong.
    struct TemplateError: Error, CustomStringConvertible {
        let file: String
        let message: String
        var description: String { "\(file): \(message)" }
    }

    static let names = ["layout", "index", "recipe", "law", "law-history", "laws", "topic", "list", "glossary", "search", "coverage", "accessibility", "guide", "not-found", "imprint", "privacy"]

    private(set) var library = MustacheLibrary()
    /// A key of every template's text, for knowing whether a page made from them can be kept.
    private(set) var fingerprint = ""

    /// Makes a template escape `{{values}}` with `HTML.escape`: the same five characters as
    /// Mustache's own HTML escaping, on bytes instead of one Character at a time.
    private static let escapingPragma: String = {
        MustacheContentTypes.register(EscapingContentType(), named: "KOCHBUCH_HTML")
        return "{{% CONTENT_TYPE: KOCHBUCH_HTML}}"
    }()

    private struct EscapingContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    init(builtIn: URL, theme: URL?) throws {
        var hash = StableHash()
        defer { fingerprint = hash.hex }
        for name in Self.names {
            let themed = theme?.appendingPathComponent("templates/\(name).mustache")
            let file = themed.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
                ?? builtIn.appendingPathComponent("\(name).mustache")
            let text = try String(contentsOf: file, encoding: .utf8)
            hash.combine(name)
            hash.combine(text)
            do {
                _ = try MustacheTemplate(string: text)
                try library.register(Self.escapingPragma + text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(file: file.path, message: "line \(error.context.lineNumber), column \(error.context.columnNumber): \(error.error)")
            } catch {
                throw TemplateError(file: file.path, message: "\(error)")
            }
        }
    }

    /// Renders a template. For every list in the context, `has_<name>` tells whether it has
    /// entries, so templates can wrap a list in a heading only when there is something to show.
    func render(_ context: [String: Any], template: String) -> String {
        var context = context
        for (key, value) in context {
            if let list = value as? [Any] { context["has_\(key)"] = !list.isEmpty }
        }
        return library.render(context, withTemplate: template) ?? ""
    }
}
