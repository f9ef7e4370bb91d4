import Foundation
import GRDB

/// The wallet's ledger in one SQLite file, shared safely by every Penny process.
///
/// Every operation is one write transaction (`BEGIN IMMEDIATE`, so writers queue up
/// across processes before reading anything) that re-reads what it checks: a balance
/// can never go negative, however many processes reserve at once.
///
/// The payment flow, so that nothing is ever paid twice:
/// 1. `reserve` holds the money and records the offer and its nonce, before any network call;
/// 2. sign, then `attachCredential` stores the credential before it is sent (or sign first,
///    and `reserve(_:credential:)` does both in one commit);
/// 3. send it; then `commit` (accepted), `release` (a definite failure: money back) or
///    `markPending` (no clear answer: the credential may have been accepted, so the money
///    stays held and the same stored credential is what gets retried, never a new one);
/// 4. a pending payment is later resolved by `commit` or `release`.
public final class WalletStore: Sendable {
    let dbQueue: DatabaseQueue
    /// The time source for entries and daily caps.
    public let clock: any WalletClock
    /// The wallet file, or nil for an in-memory wallet.
    public let path: String?
    /// The schema version of the wallet (always this Penny's once opened).
    public let schemaVersion: Int

    /// The schema version this Penny writes.
    public static var currentSchemaVersion: Int { WalletSchema.current.version }

    /// Opens the wallet at `path`, creating it (mode 0600) when nothing is there.
    ///
    /// Refuses, without changing a byte, a file that is not an SQLite database, is
    /// truncated or damaged, is another program's database, or was written by a newer
    /// Penny. Before bringing an older wallet's schema up to date it copies the wallet to
    /// `<path>.backup-v<old version>` (checkpointed, through SQLite's online backup, so the
    /// copy is consistent even while another Penny writes; an existing backup is never
    /// overwritten: the new one gets "-2", "-3"...).
    public convenience init(path: String, clock: any WalletClock = SystemClock()) throws(WalletFileError) {
        try self.init(path: path, clock: clock, schema: .current)
    }

    init(path: String, clock: any WalletClock, schema: WalletSchema) throws(WalletFileError) {
        let presence = try WalletFile.createIfMissing(path)
        // Open until the wallet's own connection is set up, so that nothing folds a write-ahead
        // log into a file refused on the way (see `ReadOnlyInspection`).
        var inspection: ReadOnlyInspection?
        // Whether the checks run on the wallet's own connection rather than on the read-only one.
        var checkOnWalletConnection = false
        if case .existing(let size) = presence, size > 0 {
            try WalletFile.checkHeader(path)
            let readOnly = try ReadOnlyInspection(path: path)
            inspection = readOnly
            let header = try readOnly.header()
            if header.applicationID == WalletSchema.applicationID && header.userVersion == schema.version {
                // This Penny's wallet at this version, by its header: the connection Penny needs anyway
                // makes the checks, and SQLite reads the (large) schema once.
                checkOnWalletConnection = true
            } else {
                _ = try readOnly.inspect(schema: schema)
            }
        }
        // A sound wallet with a loose mode is tightened before SQLite writes to its -wal file
        // (which, like -shm, copies the wallet's mode); refused files are never touched.
        if !checkOnWalletConnection { try WalletFile.restrictMode(path) }
        let queue = try Self.fileStep(path) { try DatabaseQueue(path: path, configuration: Self.configuration()) }
        do {
            if checkOnWalletConnection {
                // Taken before the check: a file that changes during it is checked again next time.
                let state = WalletCheckRecord.fingerprint(of: path)
                let now = clock.now.timeIntervalSince1970
                let vouched = state.map { WalletCheckRecord.vouchesFor(path, current: $0, now: now) } ?? false
                _ = try Self.fileStep(path) {
                    try queue.read { try Self.check($0, path: path, schema: schema, structurally: !vouched) }
                }
                if !vouched, let state {
                    WalletCheckRecord.store(WalletCheckRecord(fingerprint: state, checkedAt: now), for: path)
                }
                try WalletFile.restrictMode(path)
            }
            try Self.useWriteAheadLog(queue, path: path)
            try Self.bringUpToDate(queue, path: path, schema: schema)
        } catch {
            try? queue.close()
            inspection?.close()
            throw error
        }
        inspection?.close()
        try WalletFile.restrictMode(path)
        dbQueue = queue
        self.clock = clock
        self.path = path
        schemaVersion = schema.version
    }

    private init(queue: DatabaseQueue, clock: any WalletClock, schemaVersion: Int) {
        dbQueue = queue
        self.clock = clock
        path = nil
        self.schemaVersion = schemaVersion
    }

    /// A wallet in memory with the production configuration and schema, for tests.
    public static func inMemory(clock: any WalletClock = SystemClock()) throws(WalletFileError) -> WalletStore {
        try inMemory(clock: clock, schema: .current)
    }

    static func inMemory(clock: any WalletClock, schema: WalletSchema) throws(WalletFileError) -> WalletStore {
        let queue = try fileStep(":memory:") {
            let queue = try DatabaseQueue(configuration: configuration())
            try schema.migrator.migrate(queue)
            return queue
        }
        return WalletStore(queue: queue, clock: clock, schemaVersion: schema.version)
    }

    /// Closes the connection (checkpointing the write-ahead log into the file when this
    /// was its last user). The store cannot be used afterwards.
    public func close() throws(WalletError) {
        do {
            try dbQueue.close()
        } catch {
            throw Self.walletError(error)
        }
    }

    /// The connection settings of every wallet: foreign keys on, a generous busy timeout
    /// (another Penny process may hold the write lock). A wallet on disk then gets its
    /// write-ahead log from `useWriteAheadLog`, not from GRDB, which would also lower
    /// `synchronous` to NORMAL: a commit would not be on disk when it returns.
    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(15)
        config.label = "Penny wallet"
        config.prepareDatabase { db in
            // Foreign keys are essential: refuse a SQLite built without them.
            guard try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true else {
                throw DatabaseError(message: "this SQLite does not enforce foreign keys")
            }
        }
        return config
    }

    /// SQLite's structural check of the whole file (unless `WalletCheckRecord` vouches for it),
    /// then what the file is; throws why it must not be used.
    private static func check(_ db: Database, path: String, schema: WalletSchema, structurally: Bool) throws -> DatabaseIdentity {
        if structurally {
            let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
            guard problems == ["ok"] else {
                throw WalletFileError.damaged(path, detail: "SQLite's check reports " + problems.prefix(3)
                    .map { "\"\($0)\"" }.joined(separator: ", "))
            }
        }
        return try schema.identify(db, path: path)
    }

    /// Pages of write-ahead log after which a commit folds the log into the wallet file
    /// (SQLite's default is 1000). A Penny that exits without closing the wallet leaves the log
    /// to the next, whose first look reads all of it: a few payments' worth keeps that short.
    static let checkpointPages = 100

    /// WAL mode with `synchronous = FULL`: every commit is on disk (the log synced) before it
    /// returns (`write` sets it for each transaction), so a reservation and its credential
    /// survive a power cut once stored.
    private static func useWriteAheadLog(_ queue: DatabaseQueue, path: String) throws(WalletFileError) {
        try fileStep(path) {
            try queue.writeWithoutTransaction { db in
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                guard mode == "wal" else {
                    throw DatabaseError(message: "SQLite could not use a write-ahead log (journal mode \(mode ?? "unknown"))")
                }
                try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = \(checkpointPages)")
            }
        }
    }

    /// Runs the migrations the wallet lacks, after a backup; checks the result.
    private static func bringUpToDate(_ queue: DatabaseQueue, path: String, schema: WalletSchema) throws(WalletFileError) {
        try fileStep(path) {
            // Identified again through the writable connection: another Penny may have
            // created or migrated the file since the read-only look.
            let identity = try queue.read { try schema.identify($0, path: path) }
            if case .wallet(let version) = identity, version == schema.version { return }
            if case .wallet(let version) = identity {
                try backUp(queue, path: path, version: version)
            }
            do {
                try schema.migrator.migrate(queue)
            } catch {
                // Two Pennys migrating at once: the loser's transaction fails and rolls back.
                // That is fine when the winner got the wallet up to date.
                let after = try? queue.read { try schema.identify($0, path: path) }
                guard after == .wallet(version: schema.version) else {
                    if let fileError = error as? WalletFileError { throw fileError }
                    throw WalletFileError(kind: .migrationFailed, path: path, message: """
                        \(path) could not be brought up to wallet schema version \(schema.version): \
                        \(describe(error)). Nothing was changed (each migration is one transaction).
                        """)
                }
            }
            let final = try queue.read { try schema.identify($0, path: path) }
            guard final == .wallet(version: schema.version) else {
                throw WalletFileError(kind: .migrationFailed, path: path,
                                      message: "\(path) is not at wallet schema version \(schema.version) after migrating.")
            }
        }
    }

    /// Copies the wallet to `<path>.backup-v<version>` (mode 0600, never overwriting a
    /// backup), after checkpointing the write-ahead log into the file. SQLite's online
    /// backup copies a consistent snapshot even while another Penny writes.
    private static func backUp(_ queue: DatabaseQueue, path: String, version: Int) throws {
        _ = try? queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        let backupPath = WalletFile.freshBackupPath(path, version: version)
        guard try WalletFile.createIfMissing(backupPath) == .created else {
            throw WalletFileError.unusable(backupPath, detail: "the backup file appeared while Penny was creating it")
        }
        let destination = try DatabaseQueue(path: backupPath)
        try queue.backup(to: destination)
        try destination.close()
        try WalletFile.restrictMode(backupPath)
    }

    /// Runs a step of opening, turning SQLite's errors into a `WalletFileError`.
    @discardableResult
    static func fileStep<T>(_ path: String, _ body: () throws -> T) throws(WalletFileError) -> T {
        do {
            return try body()
        } catch let error as WalletFileError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: throw .notADatabase(path)
            case .SQLITE_CORRUPT: throw .damaged(path, detail: "SQLite reports \"\(error.message ?? "corruption")\"")
            default: throw .unusable(path, detail: describe(error))
            }
        } catch {
            throw .unusable(path, detail: describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message.map { "SQLite error \(error.resultCode.rawValue): \($0)" } ?? "\(error)"
        }
        return "\(error)"
    }
}
