import BigInt
import Foundation
import GRDB
import PaymentOffers
import Testing
@testable import Wallet

/// The schema itself refuses bad data: raw SQL that bypasses `WalletStore` must fail.
struct SchemaTests {
    static let time = "'2026-03-10 12:00:00.000'"

    /// A store with one test account (id 1), one main account (id 2), a top-up (id 1),
    /// a reserved payment without credential (id 2), one with a credential (id 3), a
    /// committed one (id 4) and a released one (id 5).
    static func seeded() throws -> WalletStore {
        let store = try Fixture.store()
        try store.dbQueue.write { db in
            try db.execute(sql: """
                INSERT INTO account (id, network, asset, symbol, decimals, kind, budget, created_at) VALUES
                    (1, 'eip155:31337', '0xabc', 'USDC', 6, 'test', NULL, \(time)),
                    (2, 'eip155:8453', '0xdef', 'USDC', 6, 'main', '1000', \(time));
                INSERT INTO entry (id, account_id, kind, amount, created_at, updated_at)
                    VALUES (1, 1, 'topup', '1000', \(time), \(time));
                INSERT INTO entry (id, account_id, kind, state, amount, origin, protocol, offer_json, nonce, created_at, updated_at)
                    VALUES (2, 1, 'payment', 'reserved', '5', 'https://a.example', 'x402v2', '{}', 'n2', \(time), \(time)),
                           (3, 1, 'payment', 'reserved', '5', 'https://a.example', 'x402v2', '{}', 'n3', \(time), \(time)),
                           (4, 1, 'payment', 'reserved', '5', 'https://a.example', 'x402v2', '{}', 'n4', \(time), \(time)),
                           (5, 1, 'payment', 'reserved', '5', 'https://a.example', 'x402v2', '{}', 'n5', \(time), \(time));
                UPDATE entry SET credential = x'01' WHERE id IN (3, 4);
                UPDATE entry SET state = 'committed', receipt = 'r' WHERE id = 4;
                UPDATE entry SET state = 'released', reason = 'refused' WHERE id = 5;
                INSERT INTO allowance (origin, network, asset, amount_per_day, created_at)
                    VALUES ('https://a.example', 'eip155:31337', '0xabc', '100', \(time));
                INSERT INTO blocked_payee (payee, created_at) VALUES ('0xbad', \(time));
                """)
        }
        return store
    }

    /// Inserts a top-up of `amount` (an SQL literal) and returns the error, if any.
    static func topUpError(_ store: WalletStore, amount: String) -> DatabaseError? {
        do {
            try store.dbQueue.write { db in
                try db.execute(sql: """
                    INSERT INTO entry (account_id, kind, amount, created_at, updated_at) VALUES (1, 'topup', \(amount), \(time), \(time))
                    """)
            }
            return nil
        } catch let error as DatabaseError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test(arguments: [
        "'-5'", "-5", "'1.5'", "1.5", "''", "'007'", "'00'", "'1e3'", "' 5'", "'5 '", "'+5'", "'0x10'", "'abc'",
        "'NaN'", "'٣'", "'５'", "NULL", "x'35'", "'0'", "0",
        "'" + String(repeating: "9", count: 79) + "'",
    ])
    func malformedAmountsAreRejected(amount: String) throws {
        let store = try Self.seeded()
        let before = try Fixture.snapshot(store)
        let error = Self.topUpError(store, amount: amount)
        #expect(error?.resultCode == .SQLITE_CONSTRAINT, "amount \(amount) was accepted")
        #expect(try Fixture.snapshot(store) == before)
    }

    @Test(arguments: ["'1'", "5", "'10000'", "'" + String(repeating: "9", count: 78) + "'"])
    func canonicalAmountsAreAccepted(amount: String) throws {
        let store = try Self.seeded()
        #expect(Self.topUpError(store, amount: amount) == nil)
    }

    /// Raw statements that each break one rule of the schema.
    static let violations: [(String, String)] = [
        ("duplicate nonce", """
            INSERT INTO entry (account_id, kind, state, amount, origin, protocol, offer_json, nonce, created_at, updated_at)
            VALUES (1, 'payment', 'reserved', '5', 'https://a.example', 'x402v2', '{}', 'n2', \(time), \(time))
            """),
        ("unknown state on insert", """
            INSERT INTO entry (account_id, kind, state, amount, origin, protocol, offer_json, nonce, created_at, updated_at)
            VALUES (1, 'payment', 'settled', '5', 'https://a.example', 'x402v2', '{}', 'n9', \(time), \(time))
            """),
        ("unknown state on update", "UPDATE entry SET state = 'settled' WHERE id = 2"),
        ("payment state on a top-up", """
            INSERT INTO entry (account_id, kind, state, amount, created_at, updated_at)
            VALUES (1, 'topup', 'reserved', '5', \(time), \(time))
            """),
        ("payment without a state", """
            INSERT INTO entry (account_id, kind, amount, origin, protocol, offer_json, nonce, created_at, updated_at)
            VALUES (1, 'payment', '5', 'https://a.example', 'x402v2', '{}', 'n9', \(time), \(time))
            """),
        ("payment with an empty origin", """
            INSERT INTO entry (account_id, kind, state, amount, origin, protocol, offer_json, nonce, created_at, updated_at)
            VALUES (1, 'payment', 'reserved', '5', '', 'x402v2', '{}', 'n9', \(time), \(time))
            """),
        ("release with an empty reason", "UPDATE entry SET state = 'released', reason = '' WHERE id = 2"),
        ("payment without a nonce", """
            INSERT INTO entry (account_id, kind, state, amount, origin, protocol, offer_json, created_at, updated_at)
            VALUES (1, 'payment', 'reserved', '5', 'https://a.example', 'x402v2', '{}', \(time), \(time))
            """),
        ("payment without an origin", """
            INSERT INTO entry (account_id, kind, state, amount, protocol, offer_json, nonce, created_at, updated_at)
            VALUES (1, 'payment', 'reserved', '5', 'x402v2', '{}', 'n9', \(time), \(time))
            """),
        ("top-up with a nonce", """
            INSERT INTO entry (account_id, kind, amount, nonce, created_at, updated_at)
            VALUES (1, 'topup', '5', 'n9', \(time), \(time))
            """),
        ("unknown entry kind", """
            INSERT INTO entry (account_id, kind, amount, created_at, updated_at) VALUES (1, 'gift', '5', \(time), \(time))
            """),
        ("payment inserted committed", """
            INSERT INTO entry (account_id, kind, state, amount, origin, protocol, offer_json, nonce, credential, created_at, updated_at)
            VALUES (1, 'payment', 'committed', '5', 'https://a.example', 'x402v2', '{}', 'n9', x'01', \(time), \(time))
            """),
        ("payment inserted with a credential", """
            INSERT INTO entry (account_id, kind, state, amount, origin, protocol, offer_json, nonce, credential, created_at, updated_at)
            VALUES (1, 'payment', 'reserved', '5', 'https://a.example', 'x402v2', '{}', 'n9', x'01', \(time), \(time))
            """),
        ("unknown account", """
            INSERT INTO entry (account_id, kind, amount, created_at, updated_at) VALUES (99, 'topup', '5', \(time), \(time))
            """),
        ("top-up on a main account", """
            INSERT INTO entry (account_id, kind, amount, created_at, updated_at) VALUES (2, 'topup', '5', \(time), \(time))
            """),
        ("bad date", """
            INSERT INTO entry (account_id, kind, amount, created_at, updated_at) VALUES (1, 'topup', '5', 'yesterday', \(time))
            """),
        ("updated before created", """
            INSERT INTO entry (account_id, kind, amount, created_at, updated_at)
            VALUES (1, 'topup', '5', \(time), '2026-03-09 12:00:00.000')
            """),
        ("commit without a credential", "UPDATE entry SET state = 'committed' WHERE id = 2"),
        ("pending without a credential", "UPDATE entry SET state = 'pending' WHERE id = 2"),
        ("release without a reason", "UPDATE entry SET state = 'released' WHERE id = 2"),
        ("receipt on a reserved payment", "UPDATE entry SET receipt = 'r' WHERE id = 3"),
        ("reason on a committed payment", "UPDATE entry SET state = 'committed', reason = 'x' WHERE id = 3"),
        ("committed back to reserved", "UPDATE entry SET state = 'reserved' WHERE id = 4"),
        ("released to committed", "UPDATE entry SET state = 'committed', reason = NULL WHERE id = 5"),
        ("committed to released", "UPDATE entry SET state = 'released', receipt = NULL, reason = 'x' WHERE id = 4"),
        ("pending back to reserved", "UPDATE entry SET state = 'pending' WHERE id = 3; UPDATE entry SET state = 'reserved' WHERE id = 3"),
        ("receipt changed after commit", "UPDATE entry SET receipt = 'other' WHERE id = 4"),
        ("second credential", "UPDATE entry SET credential = x'02' WHERE id = 3"),
        ("credential removed", "UPDATE entry SET credential = NULL WHERE id = 3"),
        ("credential on a released payment", "UPDATE entry SET credential = x'02' WHERE id = 5"),
        ("amount changed", "UPDATE entry SET amount = '1' WHERE id = 2"),
        ("nonce changed", "UPDATE entry SET nonce = 'other' WHERE id = 2"),
        ("account changed", "UPDATE entry SET account_id = 2 WHERE id = 2"),
        ("top-up changed", "UPDATE entry SET updated_at = '2026-03-11 00:00:00.000' WHERE id = 1"),
        ("entry deleted", "DELETE FROM entry WHERE id = 5"),
        ("account deleted", "DELETE FROM account WHERE id = 2"),
        ("account decimals changed", "UPDATE account SET decimals = 18 WHERE id = 1"),
        ("decimals above 77", """
            INSERT INTO account (network, asset, symbol, decimals, kind, created_at) VALUES ('eip155:84532', '0x1', 'T', 78, 'test', \(time))
            """),
        ("negative decimals", """
            INSERT INTO account (network, asset, symbol, decimals, kind, created_at) VALUES ('eip155:84532', '0x1', 'T', -1, 'test', \(time))
            """),
        ("upper-case asset", """
            INSERT INTO account (network, asset, symbol, decimals, kind, created_at) VALUES ('eip155:84532', '0xABC', 'T', 6, 'test', \(time))
            """),
        ("unknown account kind", """
            INSERT INTO account (network, asset, symbol, decimals, kind, created_at) VALUES ('eip155:84532', '0x1', 'T', 6, 'play', \(time))
            """),
        ("test account with a budget", """
            INSERT INTO account (network, asset, symbol, decimals, kind, budget, created_at) VALUES ('eip155:84532', '0x1', 'T', 6, 'test', '5', \(time))
            """),
        ("main account without a budget", """
            INSERT INTO account (network, asset, symbol, decimals, kind, created_at) VALUES ('eip155:1', '0x1', 'T', 6, 'main', \(time))
            """),
        ("negative budget", "UPDATE account SET budget = '-1' WHERE id = 2"),
        ("malformed limit", "UPDATE account SET max_per_payment = '1.5' WHERE id = 1"),
        ("duplicate account", """
            INSERT INTO account (network, asset, symbol, decimals, kind, created_at) VALUES ('eip155:31337', '0xabc', 'T', 6, 'test', \(time))
            """),
        ("zero allowance", """
            INSERT INTO allowance (origin, network, asset, amount_per_day, created_at) VALUES ('https://b.example', 'eip155:31337', '0xabc', '0', \(time))
            """),
        ("duplicate allowance", """
            INSERT INTO allowance (origin, network, asset, amount_per_day, created_at) VALUES ('https://a.example', 'eip155:31337', '0xabc', '5', \(time))
            """),
        ("upper-case origin", """
            INSERT INTO allowance (origin, network, asset, amount_per_day, created_at) VALUES ('https://B.example', 'eip155:31337', '0xabc', '5', \(time))
            """),
        ("upper-case blocked payee", "INSERT INTO blocked_payee (payee, created_at) VALUES ('0xBAD2', \(time))"),
        ("duplicate blocked payee", "INSERT INTO blocked_payee (payee, created_at) VALUES ('0xbad', \(time))"),
    ]

    @Test(arguments: violations)
    func violationIsRejected(name: String, sql: String) throws {
        let store = try Self.seeded()
        let before = try Fixture.snapshot(store)
        do {
            try store.dbQueue.write { db in try db.execute(sql: sql) }
            Issue.record("\(name): the schema accepted it")
        } catch let error as DatabaseError {
            #expect(error.resultCode == .SQLITE_CONSTRAINT, "\(name): \(error)")
        }
        #expect(try Fixture.snapshot(store) == before, "\(name) changed the database")
    }

    @Test func legalRawTransitionsAreAccepted() throws {
        let store = try Self.seeded()
        try store.dbQueue.write { db in
            try db.execute(sql: """
                UPDATE entry SET state = 'pending' WHERE id = 3;
                UPDATE entry SET state = 'committed', receipt = 'ok' WHERE id = 3;
                UPDATE entry SET state = 'released', reason = 'user cancelled' WHERE id = 2;
                """)
        }
        let states = try store.dbQueue.read { try String.fetchAll($0, sql: "SELECT state FROM entry WHERE id IN (2, 3) ORDER BY id") }
        #expect(states == ["released", "committed"])
    }

    @Test func schemaIdentity() throws {
        let store = try Fixture.store()
        let (applicationID, userVersion, migrations, foreignKeys) = try store.dbQueue.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"), try Int.fetchOne(db, sql: "PRAGMA user_version"),
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(applicationID == WalletSchema.applicationID)
        #expect(userVersion == 1)
        #expect(userVersion == WalletStore.currentSchemaVersion)
        #expect(migrations == ["v1-ledger"])
        #expect(foreignKeys == true)
        #expect(store.schemaVersion == 1)
    }

    @Test func amountTextRoundTrips() {
        let max = AmountFormatter.maximumAmount
        for value: BigUInt in [0, 1, 10, 10_000, max] {
            let text = AmountText.encode(value)
            #expect(AmountText.isCanonical(text))
            #expect(AmountText.decode(text) == value)
        }
        for bad in ["", "-1", "01", "1.0", " 1", "1e3", String(repeating: "9", count: 78)] {
            #expect(AmountText.decode(bad) == nil, "\(bad) decoded")
        }
    }
}

