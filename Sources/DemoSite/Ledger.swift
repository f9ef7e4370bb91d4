import BigInt
import FoundationEssentials
import GRDB

/// One payment the site received and settled.
public struct ReceivedPayment: Sendable, Hashable {
    /// Position in the ledger, from 1.
    public let number: Int64
    public let paymentProtocol: DemoPaymentProtocol
    /// The page it bought, such as `/articles/reserved-for-future-use`.
    public let path: String
    /// Base units of `asset`.
    public let amount: BigUInt
    /// The token contract.
    public let asset: String
    /// CAIP-2 chain.
    public let network: String
    /// The checksummed address that signed.
    public let payer: String
    /// The EIP-3009 nonce, lower-case 0x-hex: unique in the ledger.
    public let nonce: String
    /// The made-up transaction id the receipt names.
    public let reference: String
    /// The receipt header sent with the page (`PAYMENT-RESPONSE`, `X-PAYMENT-RESPONSE`, `Payment-Receipt`).
    public let receiptHeader: String
    public let receiptValue: String
    public let receivedAt: Date
}

/// The site's own ledger: SQLite through GRDB, in WAL mode, with a UNIQUE nonce column.
///
/// Recording a payment is one INSERT in one transaction, so the nonce check and the
/// record cannot be separated: of two requests carrying the same authorization, however
/// close together, exactly one inserts and the other gets `nonceAlreadyUsed`.
final class Ledger: Sendable {
    private let writer: any DatabaseWriter

    /// Opens (creating if needed) the ledger at `path`, or an in-memory one for nil.
    init(path: String?) throws {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.label = "DemoSite.Ledger"
        if let path {
            config.journalMode = .wal
            writer = try DatabasePool(path: path, configuration: config)
        } else {
            writer = try DatabaseQueue(configuration: config)
        }
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: payments") { db in
            try db.execute(sql: """
                CREATE TABLE payment (
                    number INTEGER PRIMARY KEY AUTOINCREMENT,
                    nonce TEXT NOT NULL UNIQUE,
                    protocol TEXT NOT NULL,
                    path TEXT NOT NULL,
                    amount TEXT NOT NULL,
                    asset TEXT NOT NULL,
                    network TEXT NOT NULL,
                    payer TEXT NOT NULL,
                    payee TEXT NOT NULL,
                    reference TEXT NOT NULL,
                    receiptHeader TEXT NOT NULL,
                    receiptValue TEXT NOT NULL,
                    receivedAt REAL NOT NULL
                )
                """)
        }
        try migrator.migrate(writer)
    }

    enum RecordError: Error {
        case nonceAlreadyUsed
        case storage(String)
    }

    /// What `record` stores.
    struct Entry {
        let paymentProtocol: DemoPaymentProtocol
        let path: String
        let amount: BigUInt
        let asset: String
        let network: String
        let payer: String
        let payee: String
        let nonce: String
        let reference: String
        let receiptHeader: String
        let receiptValue: String
        let receivedAt: Date
    }

    /// Records a payment, or refuses it because its nonce is already in the ledger.
    func record(_ entry: Entry) throws(RecordError) {
        do {
            try writer.write { db in
                try db.execute(sql: """
                    INSERT INTO payment (nonce, protocol, path, amount, asset, network, payer, payee, reference,
                                         receiptHeader, receiptValue, receivedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [
                        entry.nonce, entry.paymentProtocol.rawValue, entry.path, String(entry.amount), entry.asset,
                        entry.network, entry.payer, entry.payee, entry.reference, entry.receiptHeader,
                        entry.receiptValue, entry.receivedAt.timeIntervalSince1970,
                    ])
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw .nonceAlreadyUsed
        } catch {
            throw .storage(String(describing: error))
        }
    }

    /// Every payment, oldest first.
    func payments() throws -> [ReceivedPayment] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM payment ORDER BY number").map { row in
                ReceivedPayment(
                    number: row["number"],
                    paymentProtocol: DemoPaymentProtocol(rawValue: row["protocol"]) ?? .x402v2,
                    path: row["path"],
                    amount: BigUInt(row["amount"] as String) ?? 0,
                    asset: row["asset"],
                    network: row["network"],
                    payer: row["payer"],
                    nonce: row["nonce"],
                    reference: row["reference"],
                    receiptHeader: row["receiptHeader"],
                    receiptValue: row["receiptValue"],
                    receivedAt: Date(timeIntervalSince1970: row["receivedAt"]))
            }
        }
    }

    func close() {
        if let pool = writer as? DatabasePool {
            try? pool.close()
        } else if let queue = writer as? DatabaseQueue {
            try? queue.close()
        }
    }
}
