import Foundation
import KochbuchModel

/// Which folders the tool may replace: only the editions it made itself. Each published edition
/// carries a marker file; a folder at an edition's place without it holds someone else's files and
/// is never replaced. The output folder may not be the book, lie inside it or contain it.
public enum OutputOwnership {
    /// The marker file in every edition folder the tool publishes.
    public static let markerName = ".kochbuch-edition"

    /// The marker's content for an edition folder.
    static func marker(for name: String) -> Data {
        Data("Diese Ausgabe wurde von kochbuch erzeugt und wird bei jedem Bau ersetzt: \(name)\n".utf8)
    }

    /// Puts the marker into a staging folder: linked from the published edition when it is the same,
    /// so that, like every unchanged file, it keeps its identity.
    static func placeMarker(in staging: URL, name: String, previous: URL) throws {
        let data = marker(for: name)
        let destination = staging.appendingPathComponent(markerName)
        let published = previous.appendingPathComponent(markerName)
        if (try? Data(contentsOf: published)) == data, link(published.path, destination.path) == 0 { return }
        try data.write(to: destination)
    }

    /// Why the tool refuses to write where it was asked to.
    public struct Refusal: Error, CustomStringConvertible {
        /// The refusal in both languages.
        public let phrase: Phrase

        public init(_ phrase: Phrase) {
            self.phrase = phrase
        }

        /// The refusal in the user's language (`Language.current`).
        public var description: String { phrase.text(in: .current) }
    }

    /// Refuses an output folder that is the book's folder, lies inside it or contains it.
    public static func checkOutput(_ output: URL, book: URL) throws {
        let out = resolved(output)
        let root = resolved(book)
        if out == root || out.hasPrefix(root + "/") {
            throw Refusal(Phrase(
                de: "in \(output.path) wird nicht gebaut: das ist der Ordner des Buchs oder ein Ordner darin (\(book.path)); die Ausgaben würden sich mit den Rezepten vermischen. Wählen Sie mit --out einen Ordner außerhalb des Buchs, z. B. Exports",
                en: "refusing to build into \(output.path): it is the book folder or lies inside it (\(book.path)); the editions would mix with the recipes. Choose an --out outside the book, e.g. Exports"))
        }
        if root.hasPrefix(out == "/" ? "/" : out + "/") {
            throw Refusal(Phrase(
                de: "in \(output.path) wird nicht gebaut: das Buch (\(book.path)) liegt darin, und eine Ausgabe könnte es ersetzen. Wählen Sie mit --out einen Ordner neben dem Buch, z. B. Exports",
                en: "refusing to build into \(output.path): the book (\(book.path)) lies inside it, and an edition could replace it. Choose an --out beside the book, e.g. Exports"))
        }
        var existing = URL(fileURLWithPath: out)
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" { existing.deleteLastPathComponent() }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: existing.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw Refusal(Phrase(
                de: "in \(output.path) lässt sich nicht bauen: \(existing.path) ist eine Datei, kein Ordner. Wählen Sie mit --out einen anderen Ordner, oder verschieben Sie die Datei",
                en: "cannot build into \(output.path): \(existing.path) is a file, not a folder. Choose another --out, or move the file away"))
        }
        if access(existing.path, W_OK | X_OK) != 0 {
            let reason = errno == EROFS
                ? Phrase(de: "der Ordner liegt auf einem schreibgeschützten Dateisystem", en: "it lies on a read-only file system")
                : Phrase(de: "Sie dürfen nicht in \(existing.path) schreiben", en: "you may not write into \(existing.path)")
            throw Refusal(Phrase(de: "in \(output.path) lässt sich nicht bauen: ", en: "cannot build into \(output.path): ") + reason
                + Phrase(de: ". Wählen Sie mit --out einen Ordner, in den Sie schreiben dürfen, oder ändern Sie seine Zugriffsrechte",
                         en: ". Choose an --out folder you may write to, or change its permissions"))
        }
    }

    /// Before a build: an edition folder made before the marker existed is recognised by the
    /// `.kochbuch-build-state` beside it and given its marker; any other folder without one is refused.
    static func adoptOrRefuse(_ target: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let state = target.deletingLastPathComponent().appendingPathComponent(".kochbuch-build-state")
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue,
           !manager.fileExists(atPath: target.appendingPathComponent(markerName).path), manager.fileExists(atPath: state.path) {
            try marker(for: target.lastPathComponent).write(to: target.appendingPathComponent(markerName))
        }
        try checkReplaceable(target)
    }

    /// Refuses to replace `target` when it exists and is not an edition the tool made.
    static func checkReplaceable(_ target: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        if !isDirectory.boolValue {
            throw Refusal(Phrase(
                de: "\(target.path) wird nicht ersetzt: das ist eine Datei, kein Ordner einer Ausgabe; verschieben Sie die Datei oder wählen Sie mit --out einen anderen Ordner",
                en: "refusing to replace \(target.path): it is a file, not an edition folder; move it away or choose another --out"))
        }
        if !manager.fileExists(atPath: target.appendingPathComponent(markerName).path) {
            throw Refusal(Phrase(
                de: "\(target.path) wird nicht ersetzt: der Ordner stammt nicht von kochbuch (ihm fehlt die Datei \(markerName)) und enthält vielleicht Ihre eigenen Dateien; verschieben Sie ihn oder wählen Sie mit --out einen anderen Ordner",
                en: "refusing to replace \(target.path): it was not made by kochbuch (it has no \(markerName)) and may hold your own files; move it away or choose another --out"))
        }
    }

    /// The path with every symbolic link on the way resolved: the longest part that exists is
    /// resolved, the rest appended (a folder to be made inside a link still lands where the link points).
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for component in rest { path = (path == "/" ? "" : path) + "/" + component }
        return path
    }
}
