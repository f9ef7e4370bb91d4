import HTTPModel
import Foundation
import Testing
import Wallet
#if canImport(Glibc)
import Glibc
#endif

/// Two `penny` processes paying from one wallet at once, with funds for fewer payments than
/// they attempt: the balance never goes negative, every payment is either made (and in both
/// ledgers) or refused for insufficient funds, and the ledgers agree to the base unit.
///
/// `PENNY_SAFETY_CONCURRENT_PAYMENTS` sets the attempts (100 here; `safety/soak.sh` 500).
@Suite("Money safety: two Pennys, one wallet", .serialized)
struct ConcurrentPaymentTests {
    static let price = 10_000  // 0.01 USDC

    @Test func twoProcessesNeverOverspendNorLoseAPayment() throws {
        let attempts = environmentCount("PENNY_SAFETY_CONCURRENT_PAYMENTS", default: 100)
        let affordable = attempts * 7 / 10
        let site = try DemoSiteProcess()
        defer { site.stop() }
        let penny = try Penny(label: "concurrent")
        defer { penny.remove() }
        let funded = affordable * Self.price
        try penny.topUp(String(format: "%d.%02d", funded / 1_000_000, funded % 1_000_000 / 10_000))
        let url = site.url + "articles/reserved-for-future-use"
        let arguments = ["--dump", "--pay", "auto", "--max", "1", "--timeout", "30", url]

        let outcomes = Locked<[Child.Outcome]>([])
        let threads = 2
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            let share = attempts / threads + (worker < attempts % threads ? 1 : 0)
            for _ in 0..<share {
                if let outcome = try? penny.run(arguments, timeout: .seconds(60)) {
                    outcomes.withLock { $0.append(outcome) }
                }
            }
        }

        var problems: [String] = []
        var paid = 0, refused = 0
        for outcome in outcomes.value {
            if outcome.status == 0 && outcome.errorText.contains("paid 0.01 USDC") {
                paid += 1
            } else if [4, 6].contains(outcome.status) && outcome.errorText.lowercased().contains("insufficient funds") {
                refused += 1
            } else {
                problems.append("an attempt neither paid nor said \"insufficient funds\" (exit \(outcome.status)): \(outcome.errorText.prefix(400))")
            }
        }
        if outcomes.value.count != attempts { problems.append("only \(outcomes.value.count) of \(attempts) attempts ran") }
        if paid != affordable { problems.append("\(paid) payments were made with funds for exactly \(affordable)") }

        let wallet = try WalletSnapshot.read(penny.walletPath)
        let payments = try site.payments()
        problems += LedgerInvariants.check(wallet: wallet, funded: funded, site: payments)
        problems += LedgerInvariants.checkSettled(wallet: wallet, site: payments)
        if payments.count != paid { problems.append("the site has \(payments.count) payments; \(paid) runs said they paid") }
        print("""
            concurrency: \(attempts) attempts by 2 processes, funds for \(affordable): \(paid) paid, \(refused) refused \
            for insufficient funds; wallet committed \(wallet.total(in: .committed)), site earned \(try site.totalReceived())
            """)
        #expect(problems.isEmpty, "\(problems.count) broken promises:\n\(problems.prefix(20).joined(separator: "\n"))")
    }
}
