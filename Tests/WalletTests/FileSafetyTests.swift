import BigInt
import Foundation
import GRDB
import Testing
@testable import Wallet

/// A wallet file that is not a sound Penny wallet this Penny knows is refused with a
/// message, and its bytes stay exactly as they were.
struct FileSafetyTests {
    let demo = Fixture.demo

    /// A folder with `wallet.sqlite`; removed by `cleanUp`.
    struct Folder {
        let path: String
        var wallet: String { path + "/wallet.sqlite" }

        init() throws {
            path = try Fixture.temporaryFolder()
        }

        func cleanUp() {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Creates a wallet with a top-up and a few payments, and closes it.
    func makeWallet(at path: String, schema: WalletSchema = .current) throws {
        let store = try WalletStore(path: path, clock: Fixture.clock(), schema: schema)
        try store.topUp(network: demo.network, asset: demo.address, symbol: "USDC", decimals: 6, amount: 1_000_000)
        for index in 0..<20 {
            let id = try store.reserve(Fixture.intent(BigUInt(100 + index))).id
            try store.attachCredential(reservation: id, credential: Array(repeating: UInt8(index), count: 300))
            try store.commit(reservation: id, receipt: "0x" + String(repeating: "ab", count: 32))
        }
        try store.close()
    }

    func mode(_ path: String) -> Int? {
        WalletFile.permissions(path).map(Int.init)
    }

    /// Opens `path`, expects it refused with `kind`, and checks the bytes did not change.
    func expectRefused(_ path: String, kind: WalletFileError.Kind, mentioning phrase: String,
                       schema: WalletSchema = .current, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try Fixture.bytes(path)
        let error = fileError({ try WalletStore(path: path, clock: Fixture.clock(), schema: schema) },
                              sourceLocation: sourceLocation)
        #expect(error?.kind == kind, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.path == path, sourceLocation: sourceLocation)
        #expect(error?.message.contains(phrase) == true, "\(error?.message ?? "")", sourceLocation: sourceLocation)
        #expect(error?.message.contains("Penny has not changed it") == true || kind == .migrationFailed,
                sourceLocation: sourceLocation)
        #expect(try Fixture.bytes(path) == before, "the file changed", sourceLocation: sourceLocation)
        // Asking twice changes nothing either.
        _ = try? WalletStore(path: path, clock: Fixture.clock(), schema: schema)
        #expect(try Fixture.bytes(path) == before, "the file changed", sourceLocation: sourceLocation)
    }

    @Test func newWalletIsPrivateAndPersists() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        let store = try WalletStore(path: folder.wallet, clock: Fixture.clock())
        #expect(mode(folder.wallet) == 0o600)
        try store.topUp(network: demo.network, asset: demo.address, symbol: "USDC", decimals: 6, amount: 5000)
        for suffix in ["-wal", "-shm"] where WalletFile.exists(folder.wallet + suffix) {
            #expect(mode(folder.wallet + suffix) == 0o600, "\(suffix)")
        }
        let journal = try store.dbQueue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        let busy = try store.dbQueue.read { try Int.fetchOne($0, sql: "PRAGMA busy_timeout") }
        #expect(busy == 15_000)
        try store.close()

        let reopened = try WalletStore(path: folder.wallet, clock: Fixture.clock())
        #expect(try reopened.balance(network: demo.network, asset: demo.address) == 5000)
        #expect(reopened.schemaVersion == WalletStore.currentSchemaVersion)
        #expect(mode(folder.wallet) == 0o600)
        // Opening a current wallet makes no backup.
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!files.contains { $0.contains("backup") })
    }

    @Test func looseModeIsTightened() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try makeWallet(at: folder.wallet)
        #expect(chmod(folder.wallet, 0o644) == 0)
        let store = try WalletStore(path: folder.wallet, clock: Fixture.clock())
        #expect(mode(folder.wallet) == 0o600)
        #expect(try store.balance(network: demo.network, asset: demo.address) == 1_000_000 - (100...119).reduce(0, +))
    }

    @Test func emptyFileBecomesAWallet() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        #expect(FileManager.default.createFile(atPath: folder.wallet, contents: Data()))
        let store = try WalletStore(path: folder.wallet, clock: Fixture.clock())
        #expect(try store.accounts().isEmpty)
    }

    @Test func garbageIsRefused() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        var rng = SeededGenerator(seed: 9)
        let garbage = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &rng) }
        try Data(garbage).write(to: URL(fileURLWithPath: folder.wallet))
        try expectRefused(folder.wallet, kind: .notADatabase, mentioning: "not an SQLite database")
        // A short text file too.
        try Data("my wallet notes\n".utf8).write(to: URL(fileURLWithPath: folder.wallet))
        try expectRefused(folder.wallet, kind: .notADatabase, mentioning: "not an SQLite database")
    }

    @Test func truncatedWalletIsRefused() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try makeWallet(at: folder.wallet)
        let whole = try Fixture.bytes(folder.wallet)
        #expect(whole.count >= 8 * 4096)
        #expect(!WalletFile.exists(folder.wallet + "-wal") || (WalletFile.size(folder.wallet + "-wal") ?? 0) == 0)
        try whole.prefix(3 * 4096).write(to: URL(fileURLWithPath: folder.wallet))
        try expectRefused(folder.wallet, kind: .truncated, mentioning: "cut off")
        // Cut inside a page, and inside the header.
        try whole.prefix(3 * 4096 + 700).write(to: URL(fileURLWithPath: folder.wallet))
        try expectRefused(folder.wallet, kind: .truncated, mentioning: "cut off")
        try whole.prefix(60).write(to: URL(fileURLWithPath: folder.wallet))
        try expectRefused(folder.wallet, kind: .truncated, mentioning: "cut off")
    }

    @Test func corruptedWalletIsRefused() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try makeWallet(at: folder.wallet)
        var bytes = [UInt8](try Fixture.bytes(folder.wallet))
        // Keep the header page; scribble over every other page.
        var rng = SeededGenerator(seed: 3)
        for index in 4096..<bytes.count { bytes[index] = UInt8.random(in: 0...255, using: &rng) }
        try Data(bytes).write(to: URL(fileURLWithPath: folder.wallet))
        try expectRefused(folder.wallet, kind: .damaged, mentioning: "damaged wallet")
    }

    @Test func newerSchemaIsRefused() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try makeWallet(at: folder.wallet)
        // A newer Penny's migration, with its version.
        let queue = try DatabaseQueue(path: folder.wallet)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE future (x)")
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-future')")
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        try queue.close()
        try expectRefused(folder.wallet, kind: .newerSchema, mentioning: "newer Penny")
        try expectRefused(folder.wallet, kind: .newerSchema, mentioning: "v2-future")
    }

    @Test func unknownMigrationAloneIsRefused() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try makeWallet(at: folder.wallet)
        let queue = try DatabaseQueue(path: folder.wallet)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v1b-hotfix')") }
        try queue.close()
        try expectRefused(folder.wallet, kind: .newerSchema, mentioning: "v1b-hotfix")
    }

    @Test func higherUserVersionAloneIsRefused() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try makeWallet(at: folder.wallet)
        let queue = try DatabaseQueue(path: folder.wallet)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 7") }
        try queue.close()
        try expectRefused(folder.wallet, kind: .newerSchema, mentioning: "version 7")
    }

    @Test func otherSQLiteDatabaseIsRefused() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        let queue = try DatabaseQueue(path: folder.wallet)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
            try db.execute(sql: "INSERT INTO notes (body) VALUES ('keep me')")
        }
        try queue.close()
        try expectRefused(folder.wallet, kind: .notAPennyWallet, mentioning: "notes")
        // Another application's id, even with no tables.
        try FileManager.default.removeItem(atPath: folder.wallet)
        let other = try DatabaseQueue(path: folder.wallet)
        try other.writeWithoutTransaction { try $0.execute(sql: "PRAGMA application_id = 1234") }
        try other.close()
        try expectRefused(folder.wallet, kind: .notAPennyWallet, mentioning: "application id is 1234")
    }

    @Test func pennyMarkWithoutVersionIsRefused() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        let queue = try DatabaseQueue(path: folder.wallet)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = \(WalletSchema.applicationID)")
            try db.execute(sql: "CREATE TABLE entry (x)")
        }
        try queue.close()
        try expectRefused(folder.wallet, kind: .damaged, mentioning: "no schema version")
    }

    @Test func unusablePaths() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        let missing = folder.path + "/no/such/folder/wallet.sqlite"
        #expect(fileError { try WalletStore(path: missing) }?.kind == .unusable)
        #expect(!WalletFile.exists(missing))
        #expect(fileError { try WalletStore(path: folder.path) }?.kind == .unusable)
    }

    // MARK: Migrations

    /// The shipped schema plus one more migration, as the next Penny would have it.
    static func nextSchema(failing: Bool = false) -> WalletSchema {
        var schema = WalletSchema.current
        schema.steps.append(.init(identifier: "v2-test-notes") { db in
            try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT")
            if failing { throw DatabaseError(message: "disk full (simulated)") }
        })
        return schema
    }

    @Test func migrationMakesABackupFirst() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try makeWallet(at: folder.wallet)
        let original = try Fixture.bytes(folder.wallet)
        let next = Self.nextSchema()
        let store = try WalletStore(path: folder.wallet, clock: Fixture.clock(), schema: next)
        #expect(store.schemaVersion == 2)
        #expect(try store.dbQueue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 2)
        #expect(try store.dbQueue.read { try $0.tableExists("note") })
        #expect(try store.history(limit: 100).count == 21)
        try store.close()

        let backup = folder.wallet + ".backup-v1"
        #expect(WalletFile.exists(backup))
        #expect(mode(backup) == 0o600)
        // The backup is the old wallet: version 1, the same ledger, openable by this Penny.
        let old = try WalletStore(path: backup, clock: Fixture.clock())
        #expect(old.schemaVersion == 1)
        #expect(try old.history(limit: 100).count == 21)
        #expect(try old.balance(network: demo.network, asset: demo.address) == 1_000_000 - (100...119).reduce(0, +))
        #expect(try old.dbQueue.read { try $0.tableExists("note") } == false)
        try old.close()
        #expect(original.count > 0)

        // Opening the migrated wallet again makes no second backup.
        try WalletStore(path: folder.wallet, clock: Fixture.clock(), schema: next).close()
        #expect(!WalletFile.exists(backup + "-2"))
        // And the older Penny now refuses it.
        try expectRefused(folder.wallet, kind: .newerSchema, mentioning: "v2-test-notes")
    }

    @Test func backupsAreNeverOverwritten() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try makeWallet(at: folder.wallet)
        let backup = folder.wallet + ".backup-v1"
        try Data("an older backup".utf8).write(to: URL(fileURLWithPath: backup))
        try WalletStore(path: folder.wallet, clock: Fixture.clock(), schema: Self.nextSchema()).close()
        #expect(try Fixture.bytes(backup) == Data("an older backup".utf8))
        #expect(WalletFile.exists(backup + "-2"))
        #expect(mode(backup + "-2") == 0o600)
    }

    @Test func failedMigrationLeavesTheWalletAsItWas() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try makeWallet(at: folder.wallet)
        let error = fileError { try WalletStore(path: folder.wallet, clock: Fixture.clock(), schema: Self.nextSchema(failing: true)) }
        #expect(error?.kind == .migrationFailed)
        #expect(error?.message.contains("disk full (simulated)") == true)
        #expect(WalletFile.exists(folder.wallet + ".backup-v1"))
        let store = try WalletStore(path: folder.wallet, clock: Fixture.clock())
        #expect(store.schemaVersion == 1)
        #expect(try store.dbQueue.read { try $0.tableExists("note") } == false)
        #expect(try store.history(limit: 100).count == 21)
    }

    @Test func inMemoryUsesTheSameConfiguration() throws {
        let store = try WalletStore.inMemory(clock: Fixture.clock())
        let (foreignKeys, busy) = try store.dbQueue.read { db in
            (try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"), try Int.fetchOne(db, sql: "PRAGMA busy_timeout"))
        }
        #expect(foreignKeys == true)
        #expect(busy == 15_000)
        #expect(store.path == nil)
    }

    /// Overwrites the b-tree header of the file's last page (a ledger page that only a
    /// structural check reads, not the identification of the file).
    func spoilLastPage(_ path: String) throws {
        var bytes = [UInt8](try Fixture.bytes(path))
        let last = (bytes.count / 4096 - 1) * 4096
        for index in last..<last + 24 { bytes[index] = 0xEE }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func aSoundOpenIsRemembered() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try makeWallet(at: folder.wallet)
        #expect(WalletCheckRecord.load(folder.wallet) == nil, "a new wallet was not checked")
        let store = try WalletStore(path: folder.wallet, clock: Fixture.clock())
        let record = try #require(WalletCheckRecord.load(folder.wallet))
        #expect(record.fingerprint == WalletCheckRecord.fingerprint(of: folder.wallet))
        #expect(record.checkedAt == Fixture.clock().now.timeIntervalSince1970)
        #expect(mode(WalletCheckRecord.recordPath(folder.wallet)) == 0o600)
        try store.close()
    }

    @Test func damageAfterARememberedCheckIsStillFound() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try makeWallet(at: folder.wallet)
        try WalletStore(path: folder.wallet, clock: Fixture.clock()).close()
        #expect(WalletCheckRecord.load(folder.wallet) != nil)
        try spoilLastPage(folder.wallet)
        try expectRefused(folder.wallet, kind: .damaged, mentioning: "damaged wallet")
    }

    /// The record is what skips the check: one that vouches for exactly the damaged file's
    /// state lets it open (the damage is where no payment step reads); a stale one, one for
    /// another state, or a spoiled one does not.
    @Test func onlyAFreshRecordOfThisVeryStateSkipsTheCheck() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        try makeWallet(at: folder.wallet)
        try spoilLastPage(folder.wallet)
        let state = try #require(WalletCheckRecord.fingerprint(of: folder.wallet))
        let now = Fixture.clock().now.timeIntervalSince1970
        var otherState = state
        otherState.changedNanoseconds += 1

        WalletCheckRecord.store(WalletCheckRecord(fingerprint: otherState, checkedAt: now), for: folder.wallet)
        try expectRefused(folder.wallet, kind: .damaged, mentioning: "damaged wallet")
        WalletCheckRecord.store(WalletCheckRecord(fingerprint: state, checkedAt: now - WalletCheckRecord.maximumAge - 1),
                                for: folder.wallet)
        try expectRefused(folder.wallet, kind: .damaged, mentioning: "damaged wallet")
        WalletCheckRecord.store(WalletCheckRecord(fingerprint: state, checkedAt: now + 60), for: folder.wallet)
        try expectRefused(folder.wallet, kind: .damaged, mentioning: "damaged wallet")
        try Data("penny-wallet-check 1 garbage\n".utf8).write(to: URL(fileURLWithPath: WalletCheckRecord.recordPath(folder.wallet)))
        try expectRefused(folder.wallet, kind: .damaged, mentioning: "damaged wallet")

        WalletCheckRecord.store(WalletCheckRecord(fingerprint: state, checkedAt: now - 60), for: folder.wallet)
        #expect(WalletCheckRecord.fingerprint(of: folder.wallet) == state)
        let store = try WalletStore(path: folder.wallet, clock: Fixture.clock())
        try store.close()
    }

    @Test func checkRecordsRoundTripAndRefuseGarbage() {
        let record = WalletCheckRecord(
            fingerprint: .init(device: UInt64.max, inode: 42, size: 8192, modified: 1_700_000_000, modifiedNanoseconds: 5,
                               changed: 1_700_000_001, changedNanoseconds: 999_999_999),
            checkedAt: 1_700_000_002.25)
        #expect(WalletCheckRecord.parse(record.text) == record)
        for garbage in ["", "\n", record.text.dropLast() + "", "penny-wallet-check 2" + record.text.dropFirst(20),
                        record.text.replacingOccurrences(of: " 42 ", with: " -42 "),
                        record.text.replacingOccurrences(of: " 8192 ", with: " 8192 7 "),
                        record.text.replacingOccurrences(of: "1700000002.25", with: "nan")] {
            #expect(WalletCheckRecord.parse(String(garbage)) == nil, "\(garbage)")
        }
    }
}
