import DemoSite
import Foundation
import PaymentOffers
import Testing

/// `penny --dump --pay` against the demo site on loopback: the real binary, the real wallet
/// file, real signatures, a strict merchant.
@Suite("penny --dump --pay", .serialized)
struct PaidDumpTests {
    /// A fresh Penny home with play money, and a demo site.
    func setUp() async throws -> (home: String, site: RunningDemoSite) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("penny-pay-\(UUID().uuidString)").path
        let site = try await DemoSite.start(port: 0, databasePath: nil)
        let topUp = try PennyProcess.run(["wallet", "topup", "1", "--network", "eip155:31337", "--asset", "USDC"],
                                         environment: ["PENNY_HOME": home])
        #expect(topUp.status == 0, "\(topUp.standardError)")
        return (home, site)
    }

    func balance(_ home: String) throws -> String {
        let outcome = try PennyProcess.run(["wallet", "balance", "--json"], environment: ["PENNY_HOME": home])
        guard let range = outcome.standardOutput.firstRange(of: #""balance":""#) else { return "?" }
        return String(outcome.standardOutput[range.upperBound...].prefix { $0 != "\"" })
    }

    /// An article of the demo site.
    func articlePath(_ site: RunningDemoSite, _ path: String) -> String {
        site.url + path
    }

    @Test func autoPaysTheCheapestOfferWithinMaxAndPrintsTheArticle() async throws {
        let (home, site) = try await setUp()
        let url = articlePath(site, "articles/reserved-for-future-use")
        let outcome = try PennyProcess.run(["--dump", "--pay", "auto", "--max", "0.05", url], environment: ["PENNY_HOME": home])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("paid 0.01 USDC to 127.0.0.1"))
        #expect(outcome.standardOutput.contains("Receipt"), "the paid article is printed")
        #expect(try balance(home) == "990000", "exactly the price left the wallet")
        #expect(try site.totalReceived() == 10_000, "the site's earnings match")
        await site.stop()
    }

    @Test func thePaymentSchemeIsPaidToo() async throws {
        let (home, site) = try await setUp()
        let url = articlePath(site, "articles/scrip-and-blind-signatures")
        let outcome = try PennyProcess.run(["--dump", "--pay", "auto", "--max", "0.01", url], environment: ["PENNY_HOME": home])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try balance(home) == "990000")
        #expect(try site.payments().count == 1)
        await site.stop()
    }

    @Test func anOfferAboveMaxIsNotPaid() async throws {
        let (home, site) = try await setUp()
        let url = articlePath(site, "articles/reserved-for-future-use")
        let outcome = try PennyProcess.run(["--dump", "--pay", "auto", "--max", "0.001", url], environment: ["PENNY_HOME": home])
        #expect(outcome.status == 4)
        #expect(outcome.standardError.contains("above --max"))
        #expect(try balance(home) == "1000000")
        #expect(try site.totalReceived() == 0)
        await site.stop()
    }

    @Test func neverIsTheDefault() async throws {
        let (home, site) = try await setUp()
        let url = articlePath(site, "articles/reserved-for-future-use")
        let outcome = try PennyProcess.run(["--dump", url], environment: ["PENNY_HOME": home])
        #expect(outcome.status == 4)
        #expect(outcome.standardError.contains("payment offer: x402 v2 exact"))
        #expect(try balance(home) == "1000000")
        await site.stop()
    }

    @Test func insufficientFundsIsRefusedBeforeSigning() async throws {
        let (home, site) = try await setUp()
        let url = articlePath(site, "articles/what-a-cent-could-change")
        let outcome = try PennyProcess.run(["--dump", "--pay", "auto", "--max", "1", url], environment: ["PENNY_HOME": home])
        // 1.00 USDC covers 0.25: this one is paid; the second pricier read finds 0.75 left, and so on.
        #expect(outcome.status == 0, "\(outcome.standardError)")
        for _ in 0..<3 {
            _ = try PennyProcess.run(["--dump", "--pay", "auto", "--max", "1", url], environment: ["PENNY_HOME": home])
        }
        let broke = try PennyProcess.run(["--dump", "--pay", "auto", "--max", "1", url], environment: ["PENNY_HOME": home])
        #expect(broke.status == 4)
        #expect(broke.standardError.lowercased().contains("insufficient"))
        #expect(try balance(home) == "0")
        #expect(try site.totalReceived() == 1_000_000, "the wallet's spending equals the site's earnings")
        await site.stop()
    }
}

extension PaidDumpTests {
    @Test func theConfigsPerPaymentMaximumHoldsEvenWithAutoPay() async throws {
        let (home, site) = try await setUp()
        try FileManager.default.createDirectory(atPath: home + "/config", withIntermediateDirectories: true)
        try Data("[payments]\nmax-per-payment = \"0.005\"\n".utf8).write(to: URL(fileURLWithPath: home + "/config/config.toml"))
        let url = articlePath(site, "articles/reserved-for-future-use")
        let outcome = try PennyProcess.run(["--dump", "--pay", "auto", "--max", "1", url], environment: ["PENNY_HOME": home])
        #expect(outcome.status == 4)
        #expect(outcome.standardError.contains("above the per-payment maximum of 0.005 USDC"))
        #expect(try balance(home) == "1000000")
        #expect(try site.totalReceived() == 0)
        await site.stop()
    }
}
