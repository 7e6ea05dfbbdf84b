import KochbuchModel
import KochbuchXML

/// SVG images are published as they are, so an SVG must not be able to act: no scripts, event
/// handlers, embedded HTML (`foreignObject`), style sheets or references to anything outside the
/// image itself. What it finds is reported with the line, as an error that stops the build.
enum SVGGuard {
    /// Elements that run code, embed other documents or play media.
    static let forbiddenElements: Set<String> = ["script", "foreignObject", "iframe", "object", "embed", "handler",
                                                 "audio", "video", "listener"]

    /// Problems of an SVG file's bytes: the line and what is wrong.
    static func problems(in bytes: [UInt8]) -> [(line: Int, message: Phrase)] {
        if let line = InputGuard.doctypeLine(bytes) {
            return [(line, Phrase(de: "das SVG enthält eine DOCTYPE-Deklaration (das Einfallstor für Entitäten und externe Dateien)",
                                  en: "the SVG declares a DOCTYPE (the door to entities and external files)"))]
        }
        let outcome = XMLParser.parse(bytes, name: "image.svg")
        guard let document = outcome.document else {
            let first = outcome.problems.first
            let german = first.map(ParserMessages.german) ?? "nicht lesbar"
            return [(first?.line ?? 1, Phrase(de: "das SVG ist kein wohlgeformtes XML: \(german)",
                                              en: "the SVG is not well-formed XML: \(first?.message ?? "unreadable")"))]
        }
        var problems: [(line: Int, message: Phrase)] = []
        for case .processingInstruction(let target, _) in document.prolog where target.lowercased() == "xml-stylesheet" {
            problems.append((1, Phrase(de: "das SVG lädt ein Stylesheet (<?xml-stylesheet …?>)",
                                       en: "the SVG loads a style sheet (<?xml-stylesheet …?>)")))
        }
        inspect(document.root, into: &problems)
        return problems
    }

    private static func inspect(_ element: XMLElement, into problems: inout [(line: Int, message: Phrase)]) {
        if forbiddenElements.contains(element.name) {
            problems.append((element.line, Phrase(de: "das SVG enthält <\(element.name)>, das Code ausführen oder fremde Inhalte einbetten kann",
                                                  en: "the SVG contains <\(element.name)>, which can run code or embed other content")))
        }
        for attribute in element.attributes {
            let name = attribute.name.lowercased()
            let value = attribute.value.lowercased().filter { !$0.isWhitespace }
            if name.hasPrefix("on") {
                problems.append((element.line, Phrase(de: "<\(element.name)> hat den Event-Handler \(attribute.name)=\"…\", der beim Anzeigen Code ausführt",
                                                      en: "<\(element.name)> has the event handler \(attribute.name)=\"…\"")))
            } else if name == "href" || name == "src" {
                if !(value.hasPrefix("#") || isInlineRaster(value)) {
                    problems.append((element.line, Phrase(de: "<\(element.name)> verweist auf \(attribute.value.prefix(60)), also auf etwas außerhalb des Bildes",
                                                          en: "<\(element.name)> refers to \(attribute.value.prefix(60)), outside the image")))
                }
            } else if value.contains("javascript:") {
                problems.append((element.line, Phrase(de: "<\(element.name)> hat im Attribut \(attribute.name) eine javascript:-Adresse",
                                                      en: "<\(element.name)> has a javascript: address in \(attribute.name)")))
            } else if name == "style", !stylesheetIsSelfContained(value) {
                problems.append((element.line, Phrase(de: "<\(element.name)> hat eine Formatangabe (style), die etwas von außerhalb des Bildes lädt",
                                                      en: "<\(element.name)> has a style that loads something from outside the image")))
            }
        }
        if element.name == "style", !stylesheetIsSelfContained(element.textContent.lowercased().filter { !$0.isWhitespace }) {
            problems.append((element.line, Phrase(de: "ein <style>-Element lädt etwas von außerhalb des Bildes",
                                                  en: "a <style> element loads something from outside the image")))
        }
        for child in element.elements { inspect(child, into: &problems) }
    }

    /// A picture embedded as data (PNG, JPEG, GIF, WebP), which cannot run code.
    private static func isInlineRaster(_ value: String) -> Bool {
        ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"].contains { value.hasPrefix($0) }
    }

    /// CSS without `@import` and whose `url(…)` point only inside the image.
    private static func stylesheetIsSelfContained(_ css: String) -> Bool {
        if css.contains("@import") || css.contains("javascript:") || css.contains("expression(") { return false }
        var rest = Substring(css)
        while let range = rest.range(of: "url(") {
            let target = rest[range.upperBound...].drop { $0 == "\"" || $0 == "'" }
            if !target.hasPrefix("#") { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
