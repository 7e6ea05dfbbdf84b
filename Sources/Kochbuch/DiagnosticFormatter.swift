import Foundation
import KochbuchModel

/// Prints diagnostics IDE-style (`path:line:col: error: message [code]`) or as JSON.
public struct DiagnosticFormatter: Sendable {
    public enum Style: String, Sendable, CaseIterable {
        case text, json
    }

    public var style: Style
    /// Colour the severity (only on a terminal).
    public var colour: Bool
    /// The language of messages, hints and the summary; codes and JSON keys stay the same.
    public var language: Language

    public init(style: Style = .text, colour: Bool = false, language: Language = .english) {
        self.style = style
        self.colour = colour
        self.language = language
    }

    /// The whole report: every diagnostic, then the summary line.
    public func format(_ report: ValidationReport) -> String {
        switch style {
        case .text:
            var lines = report.diagnostics.map(format)
            lines.append(report.summary(in: language))
            return lines.joined(separator: "\n") + "\n"
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let document = JSONReport(
                passed: report.passed, files: report.fileCount, errors: report.errorCount,
                warnings: report.warningCount,
                diagnostics: report.diagnostics.map {
                    JSONReport.Entry(severity: $0.severity.rawValue, code: $0.code.rawValue, message: $0.message(in: language),
                                     path: $0.location.path, line: $0.location.line, column: $0.location.column, hint: $0.hint(in: language))
                })
            return String(decoding: try! encoder.encode(document), as: UTF8.self) + "\n"
        }
    }

    /// One diagnostic, with its hint on a second line.
    public func format(_ diagnostic: Diagnostic) -> String {
        let severity = language == .german ? (diagnostic.severity == .error ? "Fehler" : "Warnung") : diagnostic.severity.rawValue
        let painted = colour ? (diagnostic.severity == .error ? "\u{1B}[1;31m\(severity)\u{1B}[0m" : "\u{1B}[1;33m\(severity)\u{1B}[0m") : severity
        // Paths, messages and hints quote the book: nothing from it reaches the terminal raw.
        var text = "\(TerminalText.visible(diagnostic.location.description)): \(painted): \(TerminalText.visible(diagnostic.message(in: language))) [\(diagnostic.code.rawValue)]"
        if let hint = diagnostic.hint(in: language) {
            text += "\n    \(language == .german ? "Hinweis" : "hint"): \(TerminalText.visible(hint))"
        }
        return text
    }

    private struct JSONReport: Encodable {
        struct Entry: Encodable {
            var severity: String
            var code: String
            var message: String
            var path: String
            var line: Int
            var column: Int
            var hint: String?
        }

        var passed: Bool
        var files: Int
        var errors: Int
        var warnings: Int
        var diagnostics: [Entry]
    }
}
