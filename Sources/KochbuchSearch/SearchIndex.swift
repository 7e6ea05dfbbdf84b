import Foundation
import KochbuchLinking
import KochbuchModel

/// The search index of a book: SQLite FTS5 over canonical terms (folded and stemmed German),
/// with the recipes' metadata for filters, the vocabulary for suggestions, and compound splits.
/// Queries never reach SQLite as text a reader typed: only canonical terms, quoted.
public final class SearchIndex {
    /// The format of the index file; an index of another version is rebuilt.
    /// 4: recipes carry their sort key (the folded title). 5: the book's file snapshot is kept.
    /// 6: an index on the sort key; the snapshot records folders and when it was taken.
    /// 7: files are recorded with their change time (ctime), which no program can set back.
    /// 8: the OZG-Leistungen of the catalog are named, so a filter for an unknown one is an error.
    /// 9: the book's search words (synonyms) are kept.
    public static let formatVersion = 9

    /// The size and change time (ctime) of a book file, to tell cheaply whether it changed.
    public struct FileState: Sendable, Hashable {
        public var size: Int
        public var modified: Int

        public init(size: Int, modified: Int) {
            self.size = size
            self.modified = modified
        }
    }

    let database: SQLiteDatabase
    let normalizer = TermNormalizer()
    public let path: String
    /// The index file or its folder cannot be written (a read-only mount, another user's index):
    /// it is read as it is, and a stale one is not used (see `IndexStore`).
    public let isReadOnly: Bool

    /// Opens the index file, creating it when missing. A file that is not a readable SQLite
    /// database is deleted and started anew; the caller rebuilds what `isCurrentFormat` says.
    /// A file that cannot be written is opened read-only.
    /// The database runs in WAL mode: readers keep a consistent snapshot while one process writes.
    public init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let exists = FileManager.default.fileExists(atPath: path)
        if exists, access(path, W_OK) != 0 || access(folder, W_OK) != 0 {
            database = try Self.connect(path, readOnly: true)
            isReadOnly = true
            return
        }
        do {
            database = try Self.connect(path, readOnly: false)
            isReadOnly = false
        } catch let failure as SQLiteDatabase.Failure where failure.isReadOnly && exists {
            database = try Self.connect(path, readOnly: true)
            isReadOnly = true
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            database = try Self.connect(path, readOnly: false)
            isReadOnly = false
        }
    }

    /// An index held in memory only, for a book whose index file cannot be written.
    public init(inMemory: Void) throws {
        path = ":memory:"
        database = try SQLiteDatabase(path: ":memory:")
        isReadOnly = false
    }

    /// Whether an error says that the index file is damaged (SQLite's SQLITE_CORRUPT or SQLITE_NOTADB).
    public static func isDamage(_ error: Error) -> Bool {
        (error as? SQLiteDatabase.Failure)?.isDamage ?? false
    }

    /// Whether an error came from SQLite (and not, say, from reading a filter).
    public static func isDatabaseError(_ error: Error) -> Bool { error is SQLiteDatabase.Failure }

    /// Checks the whole file (`PRAGMA quick_check`); false when SQLite finds it damaged.
    public func passesQuickCheck() -> Bool {
        ((try? database.query("PRAGMA quick_check").first?.first?.text) ?? "") == "ok"
    }

    private static func connect(_ path: String, readOnly: Bool) throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: path, readOnly: readOnly)
        if !readOnly { try database.execute("PRAGMA journal_mode=WAL") }
        // Pages are read from the mapped file instead of being copied in.
        try database.execute("PRAGMA mmap_size=1073741824")
        _ = try database.query("PRAGMA user_version")
        _ = try database.query("SELECT count(*) FROM sqlite_master")
        if try database.query("SELECT count(*) FROM sqlite_master WHERE name = 'recipes'").first?.first?.integer == 1 {
            _ = try database.query("SELECT count(*) FROM recipes")
        }
        return database
    }

    /// Whether the file holds an index of this format (and so can be brought up to date in place).
    public var isCurrentFormat: Bool {
        ((try? database.query("PRAGMA user_version").first?.first?.integer) ?? 0) == Self.formatVersion
    }

    private static let tables = ["files", "snapshot", "recipes", "fts", "citations", "topics", "ozg", "vocabulary", "compounds", "names", "synonyms"]

    /// Replaces the whole content of the index with a book, in one transaction: readers see the
    /// old index or the new one, never half of either. Skips the work when another process has
    /// just done it.
    /// - Parameter snapshot: the book's file snapshot, taken before `files`; see `snapshot()`.
    @discardableResult
    public func rebuild(book: Book, files: [String: FileState], snapshot: [UInt8]? = nil) throws -> Bool {
        try database.transaction {
            if isCurrentFormat, (try? fileStates()) == files {
                try record(snapshot: snapshot)
                return false
            }
            for table in Self.tables { try database.execute("DROP TABLE IF EXISTS \(table)") }
            try database.execute("""
            CREATE TABLE files(path TEXT PRIMARY KEY, size INTEGER, modified INTEGER);
            CREATE TABLE snapshot(data BLOB);
            CREATE TABLE recipes(number INTEGER PRIMARY KEY, id TEXT UNIQUE, path TEXT, title TEXT, sortkey TEXT,
                                 summary TEXT, body TEXT, status TEXT, themenfeld TEXT, laws TEXT, reviewed TEXT);
            CREATE INDEX recipes_sortkey ON recipes(sortkey, number);
            CREATE VIRTUAL TABLE fts USING fts5(title, summary, body, tokenize='unicode61 remove_diacritics 0');
            CREATE TABLE citations(recipe TEXT, law TEXT, section TEXT, basis INTEGER);
            CREATE INDEX citations_law ON citations(law, section);
            CREATE TABLE topics(recipe TEXT, topic TEXT);
            CREATE INDEX topics_topic ON topics(topic);
            CREATE TABLE ozg(recipe TEXT, id TEXT);
            CREATE INDEX ozg_id ON ozg(id);
            CREATE TABLE vocabulary(term TEXT PRIMARY KEY, display TEXT, length INTEGER);
            CREATE INDEX vocabulary_length ON vocabulary(length);
            CREATE TABLE compounds(term TEXT PRIMARY KEY, modifier TEXT, head TEXT);
            CREATE INDEX compounds_head ON compounds(head);
            CREATE INDEX compounds_modifier ON compounds(modifier);
            CREATE TABLE names(kind TEXT, key TEXT, id TEXT, label TEXT);
            CREATE TABLE synonyms(term TEXT, alternative TEXT);
            """)
            let writer = SearchIndexWriter(database: database, normalizer: normalizer)
            try writer.writeCatalogNames(book: book)
            try writer.write(recipes: book.recipes, book: book)
            try writer.writeFiles(files)
            try writer.rebuildCompounds()
            try record(snapshot: snapshot)
            try database.execute("PRAGMA user_version=\(Self.formatVersion)")
            return true
        }
    }

    /// The file states recorded when the index was last brought up to date.
    public func fileStates() throws -> [String: FileState] {
        var states: [String: FileState] = [:]
        for row in try database.query("SELECT path, size, modified FROM files") {
            states[row[0].text] = FileState(size: row[1].integer, modified: row[2].integer)
        }
        return states
    }

    /// Replaces the index entries of changed recipes and removes those of deleted files, in one
    /// transaction. Skips the work when another process has just done it.
    public func update(recipes: [Recipe], removedPaths: [String], files: [String: FileState], book: Book,
                       snapshot: [UInt8]? = nil) throws {
        let writer = SearchIndexWriter(database: database, normalizer: normalizer)
        try database.transaction {
            try record(snapshot: snapshot)
            if (try? fileStates()) == files { return }
            for path in removedPaths + recipes.map(\.location.path) {
                try writer.remove(path: path)
            }
            for recipe in recipes { try writer.remove(id: recipe.id) }
            try writer.write(recipes: recipes, book: book)
            try writer.pruneVocabulary()
            try database.execute("DELETE FROM files")
            try writer.writeFiles(files)
            try writer.addCompounds()
        }
    }

    /// The snapshot of the book's files (`BookSnapshot.bytes`) recorded with the file states: taken
    /// before them, so when it equals a fresh snapshot the index is current. Nil when none is kept.
    public func snapshot() throws -> [UInt8]? {
        guard case .blob(let bytes)? = try database.query("SELECT data FROM snapshot").first?.first else { return nil }
        return bytes
    }

    /// Keeps `snapshot` for the file states the index holds (nil forgets it). Call it with a
    /// snapshot taken before the file states were compared, never after.
    public func record(snapshot: [UInt8]?) throws {
        if let snapshot {
            try database.query("INSERT OR REPLACE INTO snapshot(rowid, data) VALUES (1, ?)", [.blob(snapshot)])
        } else {
            try database.execute("DELETE FROM snapshot")
        }
    }

    /// The source paths of the indexed recipes, as diagnostics show them.
    public func recipePaths() throws -> [String] { try database.query("SELECT path FROM recipes").map { $0[0].text } }

    /// The number of recipes in the index.
    public func count() throws -> Int { try database.query("SELECT count(*) FROM recipes").first?.first?.integer ?? 0 }

    /// Lowercased law abbreviations, short names and ids → law ids, for reading queries and filters.
    public func lawNames() throws -> [String: String] {
        var names: [String: String] = [:]
        for row in try database.query("SELECT key, id FROM names WHERE kind = 'law'") { names[row[0].text] = row[1].text }
        return names
    }

    /// Topic ids for a Themenfeld or Lebenslage given by id or name.
    func topicIDs(_ value: String) throws -> [String] {
        try database.query("SELECT id FROM names WHERE kind = 'topic' AND (key = ? OR id = ?)",
                           [.text(value.lowercased()), .text(value.lowercased())]).map { $0[0].text }
    }
}
