import CSQLite
import Foundation

/// A small, safe wrapper around one SQLite connection: prepared statements with bound values only.
final class SQLiteDatabase {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        /// SQLite's primary result code.
        var code: Int32 = SQLITE_ERROR
        var description: String { message }

        /// The file is damaged or not a database.
        var isDamage: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }
        /// The file or its folder cannot be written.
        var isReadOnly: Bool { code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM }
    }

    private let handle: OpaquePointer

    init(path: String, readOnly: Bool = false) throws {
        var pointer: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let status = sqlite3_open_v2(path, &pointer, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            if let pointer { sqlite3_close(pointer) }
            throw Failure(message: message, code: status & 0xFF)
        }
        handle = pointer
        sqlite3_busy_timeout(handle, 120_000)
    }

    deinit { sqlite3_close(handle) }

    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "SQLite error"
            sqlite3_free(error)
            throw Failure(message: message, code: sqlite3_errcode(handle) & 0xFF)
        }
    }

    /// A value to bind or read.
    enum Value {
        case text(String)
        case integer(Int)
        case real(Double)
        case blob([UInt8])
        case null
    }

    /// Runs a statement and returns its rows.
    @discardableResult
    func query(_ sql: String, _ values: [Value] = []) throws -> [[Value]] {
        var rows: [[Value]] = []
        try forEachRow(sql, values) { rows.append($0); return true }
        return rows
    }

    /// Runs a statement and hands its rows to `body` one by one until it returns false.
    func forEachRow(_ sql: String, _ values: [Value] = [], _ body: ([Value]) -> Bool) throws {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Failure(message: String(cString: sqlite3_errmsg(handle)), code: sqlite3_errcode(handle) & 0xFF)
        }
        defer { sqlite3_finalize(statement) }
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case .text(let text): sqlite3_bind_text(statement, position, text, -1, kb_sqlite_transient())
            case .integer(let number): sqlite3_bind_int64(statement, position, Int64(number))
            case .real(let number): sqlite3_bind_double(statement, position, number)
            case .blob(let bytes):
                bytes.withUnsafeBytes { raw in
                    _ = sqlite3_bind_blob(statement, position, raw.baseAddress, Int32(raw.count), kb_sqlite_transient())
                }
            case .null: sqlite3_bind_null(statement, position)
            }
        }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw Failure(message: String(cString: sqlite3_errmsg(handle)), code: status & 0xFF) }
            let columns = sqlite3_column_count(statement)
            let row: [Value] = (0..<columns).map { column in
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: .integer(Int(sqlite3_column_int64(statement, column)))
                case SQLITE_FLOAT: .real(sqlite3_column_double(statement, column))
                case SQLITE_NULL: .null
                case SQLITE_BLOB:
                    .blob(Array(UnsafeRawBufferPointer(start: sqlite3_column_blob(statement, column),
                                                       count: Int(sqlite3_column_bytes(statement, column)))))
                default: .text(String(cString: sqlite3_column_text(statement, column)))
                }
            }
            guard body(row) else { break }
        }
    }

    /// Runs `body` in one transaction; rolls back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

extension SQLiteDatabase.Value {
    var text: String {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
        case .null: ""
        }
    }

    var integer: Int {
        switch self {
        case .integer(let number): number
        case .real(let number): Int(number)
        case .text(let text): Int(text) ?? 0
        case .blob, .null: 0
        }
    }

    var real: Double {
        switch self {
        case .real(let number): number
        case .integer(let number): Double(number)
        case .text(let text): Double(text) ?? 0
        case .blob, .null: 0
        }
    }
}
