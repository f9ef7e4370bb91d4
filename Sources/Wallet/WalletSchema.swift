import GRDB

/// The wallet's schema, as an ordered list of migrations.
///
/// SHIPPED MIGRATIONS NEVER CHANGE. Wallet files in users' hands were built by them, and
/// `DatabaseMigrator` only runs the ones a file has not seen: editing "v1-ledger" would
/// leave every existing wallet with the old tables. A later change is a new migration
/// ("v2-…") appended to `current.steps`, whose number becomes the new `user_version`.
///
/// Each migration runs in one transaction that also sets `PRAGMA user_version` to its
/// number, so a file's version and its tables always agree. `application_id` marks the
/// file as a Penny wallet.
struct WalletSchema: Sendable {
    struct Step: Sendable {
        var identifier: String
        var migrate: @Sendable (Database) throws -> Void
    }

    /// `PRAGMA application_id` of every Penny wallet: "Peny" in ASCII.
    static let applicationID: Int32 = 0x5065_6E79

    var steps: [Step]

    /// The schema version this Penny writes: the number of migrations.
    var version: Int { steps.count }

    static let current = WalletSchema(steps: [Step(identifier: "v1-ledger", migrate: createLedger)])

    /// The migrator, each step followed by its `user_version`.
    var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, step) in steps.enumerated() {
            let version = index + 1
            migrator.registerMigration(step.identifier) { db in
                try step.migrate(db)
                try db.execute(sql: "PRAGMA user_version = \(version)")
            }
        }
        return migrator
    }

    /// The canonical-amount CHECK for `column`: digits only, no leading zero except "0",
    /// 1 to 78 digits (a uint256 has at most 78). Negative, fractional, exponent, spaced
    /// or empty text all fail it.
    ///
    /// Shipped migrations call this and `dateCheck`: never change their output (a later
    /// migration that needs another check gets a new helper).
    static func amountCheck(_ column: String) -> String {
        """
        (typeof(\(column)) = 'text' AND length(\(column)) BETWEEN 1 AND 78 \
        AND \(column) NOT GLOB '*[^0-9]*' AND (\(column) = '0' OR \(column) NOT GLOB '0*'))
        """
    }

    /// A GRDB date ("2026-01-02 03:04:05.000", UTC), so that text order is time order.
    static func dateCheck(_ column: String) -> String {
        "(\(column) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]*')"
    }

    /// Migration "v1-ledger" (schema version 1). Shipped: never change it.
    static let createLedger: @Sendable (Database) throws -> Void = { db in
        // Only ever on an empty database: never turn someone else's file into a wallet.
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let objects = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
            """)
        guard applicationID == 0, objects.isEmpty else {
            throw DatabaseError(message: "refusing to create a wallet in a database that holds other data")
        }
        try db.execute(sql: "PRAGMA application_id = \(WalletSchema.applicationID)")
        try db.execute(sql: ledgerSQL_v1)
    }

    /// The tables of schema version 1, exactly as shipped.
    static let ledgerSQL_v1 = """
        -- One asset on one network. Spending limits live here, per account, because amounts
        -- only compare within one asset (there is no global key/value settings table).
        CREATE TABLE account (
            id INTEGER PRIMARY KEY,
            network TEXT NOT NULL CHECK (length(network) BETWEEN 1 AND 100),
            asset TEXT NOT NULL CHECK (length(asset) BETWEEN 1 AND 200 AND asset = lower(asset)),
            symbol TEXT NOT NULL CHECK (length(symbol) BETWEEN 1 AND 32),
            decimals INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 77),
            kind TEXT NOT NULL CHECK (kind IN ('test', 'main')),
            budget TEXT CHECK (budget IS NULL OR \(amountCheck("budget"))),
            max_per_payment TEXT CHECK (max_per_payment IS NULL OR \(amountCheck("max_per_payment"))),
            daily_cap TEXT CHECK (daily_cap IS NULL OR \(amountCheck("daily_cap"))),
            created_at TEXT NOT NULL CHECK \(dateCheck("created_at")),
            CHECK ((kind = 'test' AND budget IS NULL) OR (kind = 'main' AND budget IS NOT NULL)),
            UNIQUE (network, asset)
        ) STRICT;

        -- The ledger: append-only. A balance is top-ups (or the budget) minus the payments
        -- in state reserved, committed or pending, summed exactly in Swift.
        CREATE TABLE entry (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE RESTRICT,
            kind TEXT NOT NULL CHECK (kind IN ('topup', 'payment')),
            state TEXT CHECK (state IN ('reserved', 'committed', 'released', 'pending')),
            amount TEXT NOT NULL CHECK (\(amountCheck("amount")) AND amount <> '0'),
            origin TEXT,
            resource_url TEXT,
            payee TEXT,
            protocol TEXT,
            offer_json TEXT,
            nonce TEXT UNIQUE CHECK (nonce IS NULL OR length(nonce) BETWEEN 1 AND 200),
            credential BLOB,
            receipt TEXT,
            reason TEXT,
            created_at TEXT NOT NULL CHECK \(dateCheck("created_at")),
            updated_at TEXT NOT NULL CHECK \(dateCheck("updated_at")),
            CHECK ((kind = 'topup' AND state IS NULL AND origin IS NULL AND resource_url IS NULL
                    AND payee IS NULL AND protocol IS NULL AND offer_json IS NULL AND nonce IS NULL
                    AND credential IS NULL AND receipt IS NULL AND reason IS NULL)
                OR (kind = 'payment' AND state IS NOT NULL AND ifnull(length(origin), 0) > 0 AND ifnull(length(protocol), 0) > 0
                    AND offer_json IS NOT NULL AND nonce IS NOT NULL)),
            CHECK (state IS NULL OR state NOT IN ('committed', 'pending') OR credential IS NOT NULL),
            CHECK (receipt IS NULL OR state IS 'committed'),
            CHECK (reason IS NULL OR state IS 'released'),
            CHECK (state IS NOT 'released' OR ifnull(length(reason), 0) > 0),
            CHECK (updated_at >= created_at)
        ) STRICT;
        CREATE INDEX entry_by_account_day ON entry(account_id, created_at);
        CREATE INDEX entry_by_origin_day ON entry(origin, account_id, created_at) WHERE origin IS NOT NULL;
        CREATE INDEX entry_open ON entry(state) WHERE state IN ('reserved', 'pending');

        CREATE TRIGGER entry_never_deleted BEFORE DELETE ON entry
        BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted'); END;

        CREATE TRIGGER entry_facts_never_change
        BEFORE UPDATE OF id, account_id, kind, amount, origin, resource_url, payee, protocol, offer_json, nonce, created_at
        ON entry
        BEGIN SELECT RAISE(ABORT, 'the account, amount and offer of a ledger entry never change'); END;

        CREATE TRIGGER entry_topup_never_changes BEFORE UPDATE ON entry WHEN OLD.kind = 'topup'
        BEGIN SELECT RAISE(ABORT, 'a top-up never changes'); END;

        CREATE TRIGGER entry_settled_never_changes BEFORE UPDATE ON entry
        WHEN OLD.state IN ('committed', 'released')
        BEGIN SELECT RAISE(ABORT, 'a committed or released payment never changes'); END;

        CREATE TRIGGER entry_legal_transitions BEFORE UPDATE OF state ON entry
        WHEN NOT (NEW.state IS OLD.state
            OR (OLD.state = 'reserved' AND NEW.state IN ('committed', 'released', 'pending'))
            OR (OLD.state = 'pending' AND NEW.state IN ('committed', 'released')))
        BEGIN SELECT RAISE(ABORT, 'illegal payment state transition'); END;

        CREATE TRIGGER entry_credential_once BEFORE UPDATE OF credential ON entry
        WHEN OLD.credential IS NOT NULL OR OLD.state IS NOT 'reserved'
        BEGIN SELECT RAISE(ABORT, 'a credential is attached once, to a reserved payment'); END;

        CREATE TRIGGER entry_payment_starts_reserved BEFORE INSERT ON entry
        WHEN NEW.kind = 'payment' AND (NEW.state IS NOT 'reserved' OR NEW.credential IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'a payment starts reserved, without a credential'); END;

        CREATE TRIGGER entry_topup_on_test_networks BEFORE INSERT ON entry
        WHEN NEW.kind = 'topup' AND (SELECT kind FROM account WHERE id = NEW.account_id) IS NOT 'test'
        BEGIN SELECT RAISE(ABORT, 'only test-network accounts take top-ups'); END;

        CREATE TRIGGER account_identity_never_changes
        BEFORE UPDATE OF id, network, asset, symbol, decimals, kind, created_at ON account
        BEGIN SELECT RAISE(ABORT, 'an account''s network, asset, symbol and decimals never change'); END;

        CREATE TRIGGER account_never_deleted BEFORE DELETE ON account
        BEGIN SELECT RAISE(ABORT, 'accounts are never deleted'); END;

        -- A site may be paid without asking, up to amount_per_day of one asset per day.
        CREATE TABLE allowance (
            id INTEGER PRIMARY KEY,
            origin TEXT NOT NULL CHECK (length(origin) BETWEEN 1 AND 2000 AND origin = lower(origin)),
            network TEXT NOT NULL CHECK (length(network) BETWEEN 1 AND 100),
            asset TEXT NOT NULL CHECK (length(asset) BETWEEN 1 AND 200 AND asset = lower(asset)),
            amount_per_day TEXT NOT NULL CHECK (\(amountCheck("amount_per_day")) AND amount_per_day <> '0'),
            created_at TEXT NOT NULL CHECK \(dateCheck("created_at")),
            UNIQUE (origin, network, asset)
        ) STRICT;

        CREATE TABLE blocked_payee (
            id INTEGER PRIMARY KEY,
            payee TEXT NOT NULL UNIQUE CHECK (length(payee) BETWEEN 1 AND 200 AND payee = lower(payee)),
            created_at TEXT NOT NULL CHECK \(dateCheck("created_at"))
        ) STRICT;
        """
}

/// What an opened database is, as far as the wallet is concerned.
enum DatabaseIdentity: Equatable {
    /// Nothing in it yet: safe to create a wallet.
    case empty
    /// A Penny wallet at this schema version.
    case wallet(version: Int)
}

/// What identifying a database looks at, read without writing.
struct DatabaseFacts {
    var applicationID: Int32
    var userVersion: Int
    /// Every table, index and trigger but SQLite's own, by name.
    var objects: [String]
    /// The migrations recorded in `grdb_migrations` (none without that table).
    var applied: [String]

    static let applicationIDSQL = "PRAGMA application_id"
    static let userVersionSQL = "PRAGMA user_version"
    static let objectsSQL = "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    static let appliedSQL = "SELECT identifier FROM grdb_migrations"

    var hasMigrationTable: Bool { objects.contains("grdb_migrations") }
}

extension DatabaseFacts {
    init(_ db: Database) throws {
        applicationID = try Int32.fetchOne(db, sql: Self.applicationIDSQL) ?? 0
        userVersion = try Int.fetchOne(db, sql: Self.userVersionSQL) ?? 0
        objects = try String.fetchAll(db, sql: Self.objectsSQL)
        applied = []
        if hasMigrationTable { applied = try String.fetchAll(db, sql: Self.appliedSQL) }
    }
}

extension WalletSchema {
    /// Identifies `db` without writing to it, or throws why it must not be opened.
    func identify(_ db: Database, path: String) throws -> DatabaseIdentity {
        try identify(DatabaseFacts(db), path: path)
    }

    /// Identifies a database by its facts, or throws why it must not be opened.
    func identify(_ facts: DatabaseFacts, path: String) throws(WalletFileError) -> DatabaseIdentity {
        let applicationID = facts.applicationID, userVersion = facts.userVersion
        let objects = facts.objects, applied = facts.applied
        let hasMigrationTable = facts.hasMigrationTable

        if applicationID == 0 {
            // An empty database (a file this Penny created and crashed before filling, or an
            // empty file): nothing to lose.
            if userVersion == 0, objects.allSatisfy({ $0 == "grdb_migrations" }), applied.isEmpty {
                return .empty
            }
            let tables = objects.prefix(5).joined(separator: ", ") + (objects.count > 5 ? ", …" : "")
            throw WalletFileError.notAPennyWallet(path, detail: objects.isEmpty
                ? "user version \(userVersion), no tables" : "its tables are \(tables)")
        }
        guard applicationID == Self.applicationID else {
            throw WalletFileError.notAPennyWallet(
                path, detail: "its application id is \(applicationID), Penny's is \(Self.applicationID)")
        }
        let known = steps.map(\.identifier)
        let unknown = applied.filter { !known.contains($0) }.sorted()
        if userVersion > version || !unknown.isEmpty {
            let found = unknown.isEmpty
                ? "wallet schema version \(userVersion)"
                : "wallet schema version \(userVersion), with migrations \(unknown.joined(separator: ", "))"
            throw WalletFileError.newerSchema(path, found: found, known: version)
        }
        guard hasMigrationTable, userVersion >= 1 else {
            throw WalletFileError.damaged(path, detail: "it is marked as a Penny wallet but has no schema version")
        }
        guard Set(applied) == Set(known.prefix(userVersion)) else {
            throw WalletFileError.damaged(path, detail: """
                its schema version \(userVersion) disagrees with its migrations (\(applied.sorted().joined(separator: ", ")))
                """)
        }
        return .wallet(version: userVersion)
    }
}
