import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// `penny demo-site` in its own process, with its ledger in a file these tests read.
///
/// Out of process on purpose: a test that waits on `penny` children blocks its thread, and
/// an in-process site would share the test runner's two cooperative threads with it.
final class DemoSiteProcess {
    let child: Child
    /// `http://127.0.0.1:PORT/`.
    let url: String
    let databasePath: String
    private let home: Penny

    init() throws {
        home = try Penny(label: "site")
        databasePath = home.home + "/site.sqlite"
        child = try home.start(["demo-site", "--port", "0", "--database", databasePath])
        let deadline = ContinuousClock.now + .seconds(30)
        var found: String?
        while found == nil && ContinuousClock.now < deadline {
            let text = String(decoding: child.outputSoFar, as: UTF8.self)
            if let start = text.firstRange(of: "http://127.0.0.1:") {
                let rest = text[start.lowerBound...]
                if let end = rest.firstIndex(where: { $0.isWhitespace }) { found = String(rest[..<end]) }
            }
            if found == nil { usleep(20_000) }
        }
        guard let found else {
            child.send(SIGKILL)
            let outcome = child.wait()
            throw ChildError("penny demo-site did not start: \(outcome.errorText)")
        }
        url = found
    }

    /// One payment the site recorded.
    struct Payment {
        var nonce: String
        var amount: Int
        var payer: String
        var path: String
    }

    /// Every payment in the site's ledger, oldest first.
    func payments() throws -> [Payment] {
        guard FileManager.default.fileExists(atPath: databasePath) else { return [] }
        let queue = try DatabaseQueue(path: databasePath)
        defer { try? queue.close() }
        return try queue.read { db in
            guard try db.tableExists("payment") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT nonce, amount, payer, path FROM payment ORDER BY number").map { row in
                Payment(nonce: row["nonce"], amount: Int(row["amount"] as String) ?? -1, payer: row["payer"], path: row["path"])
            }
        }
    }

    /// What the site earned, in base units of the demo USDC.
    func totalReceived() throws -> Int {
        try payments().reduce(0) { $0 + $1.amount }
    }

    func stop() {
        child.send(SIGTERM)
        _ = child.wait(timeout: .seconds(10))
        home.remove()
    }
}
