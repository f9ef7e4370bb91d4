import DemoSite
import EVMSigning
import Foundation
import HTTPModel
import PaymentCredentials
import PaymentOffers
import Testing

/// The ledger: earnings add up, survive a restart, and one authorization pays once even
/// when sent many times at the same instant.
struct LedgerTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("penny-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func earningsAddUpAndAreListed() async throws {
        try await withSite { site in
            var credentials: [SignedCredential] = []
            for (path, paymentProtocol) in [(Paths.x402v2, PaymentProtocol.x402v2), (Paths.paymentScheme, .paymentScheme),
                                            (Paths.x402v1, .x402v1), (Paths.longRead, .paymentScheme)] {
                let credential = try pennyPays(try await fetch(site, path), with: paymentProtocol)
                #expect(try await fetch(site, path, headers: credential.headerPairs).status == 200)
                credentials.append(credential)
            }
            let payments = try site.payments()
            #expect(payments.map(\.number) == [1, 2, 3, 4])
            #expect(payments.map(\.path) == [Paths.x402v2, Paths.paymentScheme, Paths.x402v1, Paths.longRead])
            #expect(payments.map(\.paymentProtocol) == [.x402v2, .paymentScheme, .x402v1, .paymentScheme])
            #expect(payments.map(\.nonce) == credentials.map(\.nonce))
            #expect(try site.totalReceived() == 280_000)

            let earnings = try await fetch(site, "/earnings")
            #expect(earnings.status == 200)
            #expect(earnings.headers["Cache-Control"] == "no-store")
            let page = text(earnings)
            #expect(page.contains("Total received: <strong>0.28 USDC</strong> from 4 payments"))
            for payment in payments {
                #expect(page.contains(payment.nonce))
                #expect(page.contains(payment.reference))
                #expect(page.contains(payment.receiptValue))
                #expect(page.contains(payment.receiptHeader))
            }
            #expect(page.contains(Keys.payer.address.checksummed))
            for name in ["x402 v2", "x402 v1", "Payment scheme"] { #expect(page.contains(name)) }
            #expect(page.contains("0.25 USDC") && page.contains("0.01 USDC"))
        }
    }

    @Test func earningsAndTheKeySurviveARestart() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("demo-site.sqlite").path

        // No key given: the site makes one next to its database.
        let first = try await startSite(databasePath: database, payeeKey: nil)
        let keyPath = try #require(first.payeeKeyPath)
        #expect(keyPath == database + ".payee-key")
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let payee = first.payeeAddress
        #expect(payee != Keys.payee.address)
        let credential = try pennyPays(try await fetch(first, Paths.x402v2), with: .x402v2)
        #expect(try await fetch(first, Paths.x402v2, headers: credential.headerPairs).status == 200)
        let payment = try pennyPays(try await fetch(first, Paths.paymentScheme), with: .paymentScheme)
        #expect(try await fetch(first, Paths.paymentScheme, headers: payment.headerPairs).status == 200)
        // A Payment challenge issued before the restart, paid after it.
        let pending = try pennyPays(try await fetch(first, Paths.both), with: .paymentScheme)
        let before = try first.payments()
        await first.stop()
        #expect(FileManager.default.fileExists(atPath: database + "-wal") || FileManager.default.fileExists(atPath: database))

        // Same file, same port (so the same realm).
        // The old listener's socket can take a moment to go away on a busy machine.
        var restarted: RunningDemoSite?
        for attempt in 0..<50 where restarted == nil {
            do {
                restarted = try await startSite(port: first.port, databasePath: database, payeeKey: nil)
            } catch where attempt < 49 {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        let second = try #require(restarted)
        #expect(second.payeeAddress == payee)
        #expect(try second.payments() == before)
        #expect(try second.totalReceived() == 20_000)
        // The old credentials are still spent.
        let replay = try await fetch(second, Paths.x402v2, headers: credential.headerPairs)
        #expect(settlementFailure(replay) == "nonce_already_used")
        let replayed = try await fetch(second, Paths.paymentScheme, headers: payment.headerPairs)
        #expect(problemCode(replayed) == "verification-failed")
        #expect(problemDetail(replayed).contains("already used"))
        // The challenge secret comes from the key file, so a challenge issued before the
        // restart is still recognised after it.
        #expect(try await fetch(second, Paths.both, headers: pending.headerPairs).status == 200)
        #expect(try second.totalReceived() == 30_000)
        #expect(text(try await fetch(second, "/earnings")).contains(before[0].nonce))
        await second.stop()
    }

    @Test func theKeyFileIsUsedOnlyWhenNoKeyIsGivenAndMustHoldAKey() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("given.sqlite").path
        try await withSite(databasePath: database, payeeKey: Keys.payee) { site in
            #expect(site.payeeKeyPath == nil)
            #expect(site.payeeAddress == Keys.payee.address)
        }
        #expect(!FileManager.default.fileExists(atPath: database + ".payee-key"))

        let corrupt = directory.appendingPathComponent("corrupt.sqlite").path
        try "not a key\n".write(toFile: corrupt + ".payee-key", atomically: true, encoding: .utf8)
        await #expect(throws: DemoSiteError.self) { try await startSite(databasePath: corrupt, payeeKey: nil) }

        let written = directory.appendingPathComponent("written.sqlite").path
        try (Hex.encode(Keys.stranger.rawBytes) + "\n").write(toFile: written + ".payee-key", atomically: true, encoding: .utf8)
        try await withSite(databasePath: written, payeeKey: nil) { site in
            #expect(site.payeeAddress == Keys.stranger.address)
        }
    }

    @Test(arguments: [PaymentProtocol.x402v2, .paymentScheme, .x402v1])
    func concurrentReplaysOfOneCredentialPayOnce(paymentProtocol: PaymentProtocol) async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withSite(databasePath: directory.appendingPathComponent("ledger.sqlite").path) { site in
            let path = paymentProtocol == .x402v1 ? Paths.x402v1 : Paths.both
            let credential = try pennyPays(try await fetch(site, path), with: paymentProtocol)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<12 {
                    group.addTask { try await fetch(site, path, headers: credential.headerPairs).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 12)
            #expect(statuses.filter { $0 == 200 }.count == 1)
            #expect(statuses.filter { $0 == 402 }.count == 11)
            #expect(try site.payments().count == 1)
        }
    }

    @Test func manyDifferentPaymentsAtOnceAllSettle() async throws {
        try await withSite { site in
            let credentials = try site.presignCredentials(for: Paths.both, count: 16, payer: Keys.payer)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for credential in credentials {
                    group.addTask {
                        try await fetch(site, Paths.both, headers: [(credential.headerName, credential.headerValue)]).status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 16))
            #expect(Set(try site.payments().map(\.nonce)) == Set(credentials.map(\.nonce)))
        }
    }
}
