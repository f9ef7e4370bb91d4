import GRDBSQLite

/// A read-only SQLite connection to an existing file, open while Penny decides whether it is
/// its wallet and opens it for writing.
///
/// Read-only, it never writes to the file, not even by folding a write-ahead log into it when
/// it closes. And while it is open (it has read, so it holds the file's shared lock) no other
/// connection's close folds the log in either: the last connection to close does that. So a
/// file refused at any step, even by the writable connection's own checks, keeps every byte.
///
/// Plain SQLite rather than a second GRDB connection, whose setup (functions, collations,
/// checks) costs more than all the ledger steps of a payment together.
final class ReadOnlyInspection {
    private var handle: OpaquePointer?
    private let path: String

    init(path: String) throws(WalletFileError) {
        self.path = path
        let opened = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard opened == SQLITE_OK, handle != nil else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open it"
            close()
            throw Self.failure(opened, message, path)
        }
        // Another Penny may hold the write lock for a moment (as GRDB's busy timeout allows).
        sqlite3_busy_timeout(handle, 15_000)
    }

    deinit {
        close()
    }

    func close() {
        sqlite3_close_v2(handle)
        handle = nil
    }

    /// `PRAGMA application_id` and `user_version` as they are now (write-ahead log included),
    /// without reading the schema.
    func header() throws(WalletFileError) -> (applicationID: Int32, userVersion: Int) {
        let applicationID = Int32(truncatingIfNeeded: Int(try rows(DatabaseFacts.applicationIDSQL).first ?? "0") ?? 0)
        return (applicationID, Int(try rows(DatabaseFacts.userVersionSQL).first ?? "0") ?? 0)
    }

    /// SQLite's structural check of the whole file, then what the file is.
    func inspect(schema: WalletSchema) throws(WalletFileError) -> DatabaseIdentity {
        let problems = try rows("PRAGMA quick_check")
        guard problems == ["ok"] else {
            throw .damaged(path, detail: "SQLite's check reports " + problems.prefix(3).map { "\"\($0)\"" }.joined(separator: ", "))
        }
        let (applicationID, userVersion) = try header()
        var facts = DatabaseFacts(applicationID: applicationID, userVersion: userVersion,
                                  objects: try rows(DatabaseFacts.objectsSQL), applied: [])
        if facts.hasMigrationTable {
            facts.applied = try rows(DatabaseFacts.appliedSQL)
        }
        return try schema.identify(facts, path: path)
    }

    /// The first column of every row of `sql`, as text.
    private func rows(_ sql: String) throws(WalletFileError) -> [String] {
        guard let connection = handle else { throw .unusable(path, detail: "the read-only connection is closed") }
        var statement: OpaquePointer?
        let prepared = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard prepared == SQLITE_OK, let statement else {
            throw Self.failure(prepared, String(cString: sqlite3_errmsg(connection)), path)
        }
        var values: [String] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return values }
            guard code == SQLITE_ROW else { throw Self.failure(code, String(cString: sqlite3_errmsg(connection)), path) }
            values.append(sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "")
        }
    }

    /// SQLite's error as `WalletStore.fileStep` reports GRDB's.
    private static func failure(_ code: Int32, _ message: String, _ path: String) -> WalletFileError {
        switch code & 0xFF {
        case SQLITE_NOTADB: .notADatabase(path)
        case SQLITE_CORRUPT: .damaged(path, detail: "SQLite reports \"\(message)\"")
        default: .unusable(path, detail: "SQLite error \(code & 0xFF): \(message)")
        }
    }
}
