import Foundation
import KochbuchChecking
import KochbuchLinking
import KochbuchLoading
import KochbuchModel

/// The result of validating a book.
public struct ValidationReport: Sendable {
    /// The diagnostics to show, sorted by file and line.
    public var diagnostics: [Diagnostic]
    /// How many files were checked.
    public var fileCount: Int
    public var strict: Bool

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// Whether the book may be published: no errors, and no warnings in strict mode.
    public var passed: Bool { errorCount == 0 && (!strict || warningCount == 0) }

    /// "validated 47 files: 2 errors, 1 warning".
    public var summary: String { summary(in: .english) }

    /// The summary line in the given language.
    public func summary(in language: Language) -> String {
        if language == .german {
            return "\(fileCount) \(fileCount == 1 ? "Datei" : "Dateien") geprüft: \(errorCount) Fehler, "
                + "\(warningCount) \(warningCount == 1 ? "Warnung" : "Warnungen")"
                + (strict && warningCount > 0 ? " (--strict: Warnungen gelten als Fehler)" : "")
        }
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "validated \(plural(fileCount, "file")): \(plural(errorCount, "error")), \(plural(warningCount, "warning"))"
            + (strict && warningCount > 0 ? " (--strict: warnings fail)" : "")
    }
}

/// Validates a book: every file against its schema, then the checks no schema can express.
public struct Validator: Sendable {
    public var book: BookLocation
    public var strict: Bool
    public var today: CalendarDate

    public init(book: BookLocation, strict: Bool = false, today: CalendarDate = .today) {
        self.book = book
        self.strict = strict
        self.today = today
    }

    /// Validates the whole book and reports on all of it, or only on `paths` (checked against the whole book).
    public func validate(paths: [String] = []) -> ValidationReport {
        let loaded = book.loader.load()
        let result = report(for: loaded, paths: paths)
        Self.release(loaded)
        return result
    }

    /// Frees a loaded book on another core: taking apart ten thousand recipes costs a tenth of a
    /// second that the caller, usually about to print and exit, need not wait for.
    static func release(_ loaded: consuming LoadedBook) {
        let box = Box(loaded)
        DispatchQueue.global(qos: .utility).async { box.empty() }
    }

    private final class Box: @unchecked Sendable {
        private var loaded: LoadedBook?
        init(_ loaded: consuming LoadedBook) { self.loaded = loaded }
        func empty() { loaded = nil }
    }

    /// The report for a book already loaded.
    public func report(for loaded: LoadedBook, paths: [String] = [], graph: LinkGraph? = nil) -> ValidationReport {
        var diagnostics = loaded.diagnostics
        diagnostics += BookChecker().check(CheckContext(book: loaded.book, graph: graph, today: today, bookPath: book.displayPrefix))
        // An impossible review date is reported once, as what it is, not also as a missing one.
        let impossibleReviews = Set(diagnostics.filter { $0.code == .dateInvalid && $0.message.contains("(reviewed=") }.map(\.location.path))
        diagnostics.removeAll { $0.code == .reviewMissing && impossibleReviews.contains($0.location.path) }
        var fileCount = loaded.files.count
        if !paths.isEmpty {
            var selected: Set<String> = []
            var pathProblems: [Diagnostic] = []
            for path in paths {
                switch book.displayPath(forUserPath: path) {
                case .success(let display): selected.insert(display)
                case .failure(let diagnostic): pathProblems.append(diagnostic)
                }
            }
            // Errors in book.xml stop every build, whichever file is being checked: they are always reported.
            let manifest = loaded.book.manifest?.location.path ?? book.loader.displayPath(forRelativePath: "book.xml")
            diagnostics = diagnostics.filter { selected.contains($0.location.path) || ($0.location.path == manifest && $0.severity == .error) }
                + pathProblems
            fileCount = selected.count
        }
        return ValidationReport(diagnostics: Diagnostic.sorted(diagnostics), fileCount: fileCount, strict: strict)
    }
}
