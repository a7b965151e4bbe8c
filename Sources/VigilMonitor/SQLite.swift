import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// Why the customer store could not be opened, read or written.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// SQLITE_TRANSIENT: SQLite copies bound text before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A SQLite database through the C API: only what the store needs (statements, binds, transactions).
/// Not thread-safe; one owner at a time.
final class SQLiteDatabase {
    let path: String
    private let handle: OpaquePointer

    /// Opens or creates `path`. A new file is created 0600 (it holds personal data) before SQLite
    /// opens it; its journal files take the same mode.
    init(path: String) throws(StoreError) {
        self.path = path
        let fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError(path: path, reason: "cannot create: \(String(cString: strerror(errno)))") }
        close(fd)
        var h: OpaquePointer?
        let rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let h else {
            let reason = h.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open (code \(rc))"
            sqlite3_close(h)
            throw StoreError(path: path, reason: reason)
        }
        handle = h
        sqlite3_busy_timeout(h, 10_000)
        try execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON")
    }

    deinit { sqlite3_close_v2(handle) }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    func execute(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let reason = message.map { String(cString: $0) } ?? lastError
            sqlite3_free(message)
            throw StoreError(path: path, reason: reason)
        }
    }

    func prepare(_ sql: String) throws(StoreError) -> SQLiteStatement {
        var s: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &s, nil) == SQLITE_OK, let s else {
            throw StoreError(path: path, reason: "\(lastError) in: \(sql)")
        }
        return SQLiteStatement(handle: s, database: self)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

/// A prepared statement; parameters are 1-based, columns 0-based, as in SQLite.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private unowned let database: SQLiteDatabase

    fileprivate init(handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `values` to parameters 1..., resetting the statement first.
    @discardableResult
    func bind(_ values: SQLiteValue...) -> SQLiteStatement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, v) in values.enumerated() {
            let p = Int32(i + 1)
            switch v {
            case .null: sqlite3_bind_null(handle, p)
            case .text(let s): sqlite3_bind_text(handle, p, s, -1, transient)
            case .integer(let n): sqlite3_bind_int64(handle, p, n)
            case .real(let d): sqlite3_bind_double(handle, p, d)
            }
        }
        return self
    }

    /// Next row: true while one is available.
    func step() throws(StoreError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw StoreError(path: database.path, reason: database.lastError)
        }
    }

    /// Runs a statement that returns no rows.
    func run() throws(StoreError) {
        while try step() {}
    }

    func text(_ column: Int32) -> String? {
        guard let p = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: p)
    }

    func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func real(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
}

enum SQLiteValue {
    case null
    case text(String)
    case integer(Int64)
    case real(Double)

    static func optional(_ s: String?) -> SQLiteValue { s.map { .text($0) } ?? .null }
}
