import Foundation
import KochbuchLoading
import KochbuchModel
import KochbuchSearch

/// Keeps a book's search index beside it, in `.kochbuch/` next to the book folder, and never
/// stale: every use compares the book's files with those the index was built from and brings
/// the index up to date, re-indexing only changed recipes. A missing, damaged or old-format
/// index is rebuilt without the reader having to know; a current index that cannot be written is
/// read as it is, and a stale one is replaced by an index built in memory for this run.
public struct IndexStore: Sendable {
    public let book: BookLocation

    public init(book: BookLocation) {
        self.book = book
    }

    /// Where the index file lives: `.kochbuch/index-<book folder>.sqlite` beside the book folder.
    public var path: String {
        book.directory.deletingLastPathComponent().appendingPathComponent(".kochbuch")
            .appendingPathComponent("index-\(book.directory.lastPathComponent).sqlite").path
    }

    /// How the index was brought up to date.
    public enum Freshness: Sendable, Equatable {
        case current
        case updated(recipes: Int, removed: Int)
        case rebuilt
    }

    /// The up-to-date index.
    /// First the snapshot kept in the index (the sizes and times of the book's XML files and
    /// folders) is checked against the folder without listing it, which takes a few milliseconds;
    /// when that is in doubt, a new snapshot is taken and compared, and only when they differ are
    /// the files compared one by one. The snapshot is always taken before the file states, so a
    /// kept snapshot never vouches for files the index has not seen.
    public func open() throws -> (SearchIndex, Freshness) {
        do {
            return try openOnce()
        } catch where SearchIndex.isDamage(error) {
            discardIndexFile()
            return try openOnce()
        }
    }

    /// Runs `body` on the up-to-date index. When SQLite fails on the way and the file is damaged
    /// (its error code says so, or `PRAGMA quick_check` finds it), the index is rebuilt and `body` runs once more.
    public func withIndex<T>(_ body: (SearchIndex) throws -> T) throws -> T {
        let index = try open().0
        do {
            return try body(index)
        } catch where SearchIndex.isDatabaseError(error) {
            guard SearchIndex.isDamage(error) || !index.passesQuickCheck(), !index.isReadOnly else { throw error }
            discardIndexFile()
            return try body(open().0)
        }
    }

    private func discardIndexFile() {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    private func openOnce() throws -> (SearchIndex, Freshness) {
        let loader = book.loader
        let index: SearchIndex
        do {
            index = try SearchIndex(path: path)
        } catch where !SearchIndex.isDamage(error) {
            return try inMemory()
        }
        let kept = index.isCurrentFormat ? (try? index.snapshot()).flatMap { $0 }.map(BookSnapshot.init(bytes:)) : nil
        if let kept, kept.isCurrent(folder: loader.directory.path) {
            return (index, .current)
        }
        let taken = loader.snapshot()
        let snapshot = taken?.bytes
        if let taken, let kept, taken.holdsTheSameFiles(as: kept) {
            if kept.isRacy { try? index.record(snapshot: snapshot) }
            return (index, .current)
        }
        let states = loader.xmlFileStates().mapValues { SearchIndex.FileState(size: $0.size, modified: $0.modified) }
        if index.isReadOnly {
            if index.isCurrentFormat, (try? index.fileStates()) == states { return (index, .current) }
            return try inMemory(states: states)
        }
        guard index.isCurrentFormat, let recorded = try? index.fileStates() else {
            try rebuild(index, states: states, snapshot: snapshot)
            return (index, .rebuilt)
        }
        if recorded == states {
            try? index.record(snapshot: snapshot)
            return (index, .current)
        }
        let recipePaths = Set((try? index.recipePaths()) ?? [])
        let changed = states.filter { recorded[$0.key] != $0.value }.map(\.key)
        let removed = recorded.keys.filter { states[$0] == nil }
        let catalogChanged = (changed + removed).contains { relative in
            recorded[relative] != nil && !recipePaths.contains(loader.displayPath(forRelativePath: relative))
        }
        if catalogChanged {
            try rebuild(index, states: states, snapshot: snapshot)
            return (index, .rebuilt)
        }
        let loaded = loader.load(only: changed)
        let recipeFiles = Set(loaded.book.recipes.map(\.location.path))
        let brokenFiles = Set(loaded.diagnostics.filter { $0.severity == .error }.map(\.location.path))
        let newCatalog = changed.contains { relative in
            let display = loader.displayPath(forRelativePath: relative)
            return recorded[relative] == nil && !recipeFiles.contains(display) && !brokenFiles.contains(display)
        }
        if newCatalog {
            try rebuild(index, states: states, snapshot: snapshot)
            return (index, .rebuilt)
        }
        try index.update(recipes: loaded.book.recipes, removedPaths: removed.map(loader.displayPath(forRelativePath:)),
                         files: states, book: loaded.book, snapshot: snapshot)
        return (index, .updated(recipes: loaded.book.recipes.count, removed: removed.count))
    }

    /// A new index of the whole book, in memory: for a book whose index file cannot be written.
    private func inMemory(states: [String: SearchIndex.FileState]? = nil) throws -> (SearchIndex, Freshness) {
        let index = try SearchIndex(inMemory: ())
        let files = states ?? book.loader.xmlFileStates().mapValues { SearchIndex.FileState(size: $0.size, modified: $0.modified) }
        try rebuild(index, states: files, snapshot: nil)
        return (index, .rebuilt)
    }

    private func rebuild(_ index: SearchIndex, states: [String: SearchIndex.FileState], snapshot: [UInt8]?) throws {
        try index.rebuild(book: book.loader.load().book, files: states, snapshot: snapshot)
    }
}
