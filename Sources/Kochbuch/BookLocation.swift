import Foundation
import KochbuchLoading
import KochbuchModel

/// Where a book lives and how diagnostics name its files.
public struct BookLocation: Sendable {
    /// The book folder, absolute.
    public let directory: URL
    /// How the user named it (`Recipes`, `--book /tmp/x`): the prefix of every path in diagnostics.
    public let displayPrefix: String

    /// - Parameter path: the folder as the user gave it, relative to the working directory or absolute.
    public init(path: String, workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
        directory = url.standardizedFileURL
        var prefix = path
        while prefix.hasSuffix("/") && prefix.count > 1 { prefix.removeLast() }
        if prefix.hasPrefix("./") { prefix.removeFirst(2) }
        displayPrefix = prefix
    }

    /// A loader for this book.
    public var loader: BookLoader { BookLoader(directory: directory, displayPrefix: displayPrefix) }

    /// Whether the folder exists.
    public var exists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The display path of a file the user named, or a diagnostic if it is not a file of the book.
    public func displayPath(forUserPath path: String,
                            workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        -> Result<String, Diagnostic> {
        let named = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)).standardizedFileURL
        var info = stat()
        if stat(named.path, &info) != 0, errno == ELOOP {
            return .failure(Diagnostic(.error, .fileUnreadable,
                                       Phrase(de: "'\(path)' ist eine symbolische Verknüpfung, die auf sich selbst zurückführt (eine Schleife)",
                                              en: "'\(path)' is a symbolic link that leads back to itself (a loop of links)"),
                                       at: SourceLocation(path: path),
                                       hint: Phrase(de: "ersetzen Sie die Verknüpfung durch die Datei selbst oder löschen Sie sie",
                                                    en: "replace the link by the file itself, or delete it")))
        }
        if stat(named.path, &info) == 0, ![S_IFREG, S_IFDIR].contains(info.st_mode & S_IFMT) {
            return .failure(Diagnostic(.error, .fileUnreadable,
                                       Phrase(de: "'\(path)' ist ein Gerät, eine Pipe oder ein Socket, keine Datei des Buchs",
                                              en: "'\(path)' is a device, pipe or socket, not a file of the book"),
                                       at: SourceLocation(path: path),
                                       hint: Phrase(de: "nennen Sie eine Rezept- oder Katalogdatei", en: "name a recipe or catalog file")))
        }
        let url = named.resolvingSymlinksInPath()
        let root = directory.resolvingSymlinksInPath().path
        guard url.path.hasPrefix(root + "/") else {
            return .failure(Diagnostic(.error, .fileOutsideBook,
                                       Phrase(de: "'\(path)' ist keine Datei des Buchs in \(displayPrefix)",
                                              en: "'\(path)' is not a file of the book in \(displayPrefix)"),
                                       at: SourceLocation(path: path),
                                       hint: Phrase(de: "nennen Sie Dateien im Ordner des Buchs, oder geben Sie den Ordner mit --book an",
                                                    en: "name files inside the book folder, or pass --book")))
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            return .failure(Diagnostic(.error, .fileUnreadable, Phrase(de: "'\(path)' gibt es nicht", en: "'\(path)' does not exist"),
                                       at: SourceLocation(path: path),
                                       hint: Phrase(de: "prüfen Sie den Pfad",
                                                    en: "check the path")))
        }
        let relative = String(url.path.dropFirst(root.count + 1))
        return .success(loader.displayPath(forRelativePath: relative))
    }

    /// The file `relativePath` of the book, after checking that it lies inside the book's folder
    /// `folder` once every symbolic link on the way is resolved (a link must not lead a write elsewhere).
    public func checkedOutputURL(forRelativePath relativePath: String, within folder: String) throws -> URL {
        let allowed = directory.appendingPathComponent(folder).resolvingSymlinksInPath().standardizedFileURL.path
        let bookRoot = directory.resolvingSymlinksInPath().standardizedFileURL.path
        let target = directory.appendingPathComponent(relativePath)
        let parent = target.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
        var isLink = false
        if let attributes = try? FileManager.default.attributesOfItem(atPath: target.path) {
            isLink = attributes[.type] as? FileAttributeType == .typeSymbolicLink
        }
        guard allowed.hasPrefix(bookRoot + "/"), parent == allowed || parent.hasPrefix(allowed + "/"), !isLink else {
            throw OutsideBookError(path: displayPrefix + "/" + relativePath, folder: displayPrefix + "/" + folder)
        }
        return URL(fileURLWithPath: parent).appendingPathComponent(target.lastPathComponent)
    }
}

/// A write that would land outside the folder the tool owns.
public struct OutsideBookError: Error, CustomStringConvertible {
    public var path: String
    public var folder: String
    public var description: String {
        "refusing to write \(path): it does not lie inside \(folder) (a symbolic link or '..' leads elsewhere); nothing was written"
    }
}
