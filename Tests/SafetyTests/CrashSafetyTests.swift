import HTTPModel
import Foundation
import PseudoTerminal
import TestSupport
import Testing
import Wallet
#if canImport(Glibc)
import Glibc
#endif

/// `penny --dump URL --pay auto` killed with SIGKILL at random points of a paid page load,
/// again and again, against the demo site; after every kill the wallet file and the site's
/// ledger must still agree (see `LedgerInvariants`).
///
/// `PENNY_SAFETY_KILLS` sets the number of kills (30 here; `safety/soak.sh` runs 200 or
/// more); `PENNY_SAFETY_SEED` repeats a run's random delays.
@Suite("Money safety: SIGKILL mid-payment", .serialized)
struct CrashSafetyTests {
    static let price = 10_000
    static let funded = 100_000_000  // 100.00 play USDC

    @Test func killingPennyAtRandomPointsNeverLosesNorDoublesAPayment() throws {
        let kills = environmentCount("PENNY_SAFETY_KILLS", default: 30)
        let maxDelay = environmentCount("PENNY_SAFETY_MAX_DELAY_MS", default: 300)
        var (random, seed) = SplitMix.fromEnvironment()
        let site = try DemoSiteProcess()
        defer { site.stop() }
        let penny = try Penny(label: "crash")
        defer { penny.remove() }
        try penny.topUp("100")
        let url = site.url + "articles/reserved-for-future-use"
        let arguments = ["--dump", "--pay", "auto", "--max", "1", "--timeout", "20", url]
        // Kills land inside the payment: delays up to the time an unkilled paid load takes
        // (a debug build pays in about 100 ms), never more than PENNY_SAFETY_MAX_DELAY_MS.
        let timed = try penny.run(arguments)
        try #require(timed.status == 0, "an unkilled paid load works: \(timed.errorText)")
        let typical = Int(timed.elapsed.components.seconds * 1000 + timed.elapsed.components.attoseconds / 1_000_000_000_000_000)
        let delayLimit = min(maxDelay, max(20, typical * 6 / 5))

        var problems: [String] = []
        var seen: Set<String> = []
        func report(_ context: String, _ found: [String]) {
            for problem in found where seen.insert(problem).inserted { problems.append(context + ": " + problem) }
        }
        var killedRunning = 0, finishedFirst = 0, recovered = 0
        var stages: [String: Int] = [:]
        for round in 1...kills {
            let before = try WalletSnapshot.read(penny.walletPath)
            let siteBefore = try site.payments().count
            // Two kills in three land in the second half, where the wallet and the network work.
            let delay = Int.random(in: 0...2, using: &random) == 0
                ? Int.random(in: 0...delayLimit, using: &random) : Int.random(in: (delayLimit / 2)...delayLimit, using: &random)
            let child = try penny.start(arguments)
            usleep(UInt32(delay * 1000))
            child.send(SIGKILL)
            let outcome = child.wait(timeout: .seconds(30))
            if outcome.signal == SIGKILL { killedRunning += 1 } else { finishedFirst += 1 }

            let wallet = try WalletSnapshot.read(penny.walletPath)
            let payments = try site.payments()
            stages[Self.stage(before: before, after: wallet, siteBefore: siteBefore, siteAfter: payments.count), default: 0] += 1
            let context = "round \(round) of \(kills) (seed \(seed), killed after \(delay) ms, exit \(outcome.status))"
            report(context, LedgerInvariants.check(wallet: wallet, funded: Self.funded, site: payments))

            recovered += try recoverAll(penny.walletPath).count
            let afterRecovery = try WalletSnapshot.read(penny.walletPath)
            report(context + ", after recovery", LedgerInvariants.checkAfterRecovery(wallet: afterRecovery, site: payments))
        }

        // A person loads the page again, without a kill, until nothing is pending: each load
        // sends the stored credential of a pending payment again, never a new signature.
        var resends = 0
        while resends < 100, try !WalletSnapshot.read(penny.walletPath).payments(in: .pending).isEmpty {
            let outcome = try penny.run(arguments, timeout: .seconds(60))
            resends += 1
            if !outcome.errorText.contains("sending again the payment already signed") {
                problems.append("a load with a pending payment did not resend it (exit \(outcome.status)): \(outcome.errorText)")
                break
            }
        }
        let wallet = try WalletSnapshot.read(penny.walletPath)
        let payments = try site.payments()
        report("after resending", LedgerInvariants.check(wallet: wallet, funded: Self.funded, site: payments))
        report("after resending", LedgerInvariants.checkSettled(wallet: wallet, site: payments))

        let siteNonces = Set(payments.map { $0.nonce.lowercased() })
        let lost = wallet.payments(in: .released).filter { siteNonces.contains($0.nonce?.lowercased() ?? "") }
        let integrityChecks = kills + 1
        problems.sort { ($0.contains("LOST") ? 0 : 1) < ($1.contains("LOST") ? 0 : 1) }
        print("""
            crash safety: \(lost.count) payments lost (the site was paid, the wallet released them); \
            \(integrityChecks) integrity checks; \(kills) kills (seed \(seed), delays 0-\(delayLimit) ms): \(killedRunning) while running, \(finishedFirst) after finishing; \
            stages \(stages.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); \
            \(recovered) reservations recovered, \(resends) pending resent; site \(payments.count) payments, \
            wallet \(wallet.payments(in: .committed).count) committed, \(wallet.payments(in: .released).count) released
            """)
        #expect(problems.isEmpty, "\(problems.count) broken promises:\n\(problems.prefix(20).joined(separator: "\n"))")
    }

    /// The bug the kills find, on its own: a payment left pending (the server failed after
    /// receiving it) is sent again on the next load; the server answers that its nonce was
    /// already used, which means it was settled the first time. Penny must not give that
    /// money back to the wallet (it releases it today: DumpPayment.send, and the browser's
    /// finishPaidRetry, treat every refusal of a resent credential as "not paid").
    @Test func aResentPaymentTheServerAlreadySettledIsNeverReleased() throws {
        let settled = Locked<Set<String>>([])
        let merchant = try LoopbackHTTPServer { request in
            guard let credential = request.header("PAYMENT-SIGNATURE") else { return Merchant.response(url: "http://127.0.0.1/paid") }
            let first = settled.withLock { $0.insert(credential).inserted }
            if first {
                // Settled, then the server failed before answering: an ambiguous outcome.
                return LoopbackHTTPServer.Response(status: 502, body: .bytes(Array("Bad gateway".utf8)))
            }
            // What x402 servers (and Penny's demo site) answer to a nonce they have seen.
            return LoopbackHTTPServer.Response(status: 402, headers: [
                ("Content-Type", "text/html"),
                ("PAYMENT-REQUIRED", Merchant.paymentRequired(url: "http://127.0.0.1/paid", offers: [Merchant.offer()],
                                                              error: "nonce_already_used: this authorization's nonce was already used")),
                ("PAYMENT-RESPONSE", Merchant.settlement(success: false, transaction: "", errorReason: "nonce_already_used")),
            ], body: .bytes(Array("<p>Teaser.</p>".utf8)))
        }
        let penny = try Penny(label: "resend")
        defer { penny.remove() }
        try penny.topUp("1")
        let arguments = ["--dump", "--pay", "auto", "--max", "1", "--timeout", "10", merchant.url("/paid")]

        let first = try penny.run(arguments)
        #expect(first.errorText.contains("pending"), "\(first.errorText)")
        let second = try penny.run(arguments)
        #expect(second.errorText.contains("sending again the payment already signed"), "\(second.errorText)")

        let wallet = try WalletSnapshot.read(penny.walletPath)
        let payment = try #require(wallet.payments.first)
        #expect(wallet.payments.count == 1, "nothing new was signed")
        #expect(settled.value.count == 1, "one credential was ever sent")
        #expect(payment.state != .released,
                "the server settled this payment (its nonce is used), but the wallet released it: \(payment.reason ?? "")")
        #expect(wallet.total(in: .committed) + wallet.total(in: .pending) == 10_000, "the 0.01 USDC stays spent or held")
    }

    /// A pending payment resent to a server that is gone before the retry (it answered the
    /// page with a 402, then stopped listening) stays pending: the first send may have been
    /// taken, so the money is never given back. (`DumpPayment.send` released it: its
    /// `case A, B, C where offer != nil` applied the `where` to the last pattern only.)
    @Test func aResentPaymentThatCannotConnectStaysPending() throws {
        let credentials = Locked<[String]>([])
        let teaser = "<p>Teaser.</p>"
        let page402 = Array(("HTTP/1.1 402 Payment Required\r\nContent-Type: text/html\r\nPAYMENT-REQUIRED: "
            + Merchant.paymentRequired(url: "http://127.0.0.1/paid", offers: [Merchant.offer()])
            + "\r\nContent-Length: \(teaser.utf8.count)\r\nConnection: close\r\n\r\n" + teaser).utf8)
        let gateway = Array("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
        let server = try PlainResponder { index, received in
            let head = String(decoding: received, as: UTF8.self)
            if let line = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("payment-signature:") }) {
                credentials.withLock { $0.append(String(line)) }
            }
            // 0: the page (402); 1: the credential arrives, and the server fails (502: pending);
            // 2: the page again (402), then the port closes before the resend can connect.
            switch index {
            case 0: return (page402, false)
            case 1: return (gateway, false)
            default: return (page402, true)
            }
        }
        defer { server.stop() }
        let penny = try Penny(label: "resend-refused")
        defer { penny.remove() }
        try penny.topUp("1")
        let arguments = ["--dump", "--pay", "auto", "--max", "1", "--timeout", "10", "http://127.0.0.1:\(server.port)/paid"]

        let first = try penny.run(arguments)
        #expect(first.errorText.contains("pending"), "\(first.errorText)")
        let second = try penny.run(arguments)
        #expect(second.errorText.contains("sending again the payment already signed"), "\(second.errorText)")
        #expect(second.status != 0)

        let wallet = try WalletSnapshot.read(penny.walletPath)
        let payment = try #require(wallet.payments.first)
        #expect(wallet.payments.count == 1, "nothing new was signed")
        #expect(credentials.value.count == 1, "the resend never reached the server")
        #expect(payment.state == .pending, "the payment may have been taken; it was \(payment.state): \(payment.reason ?? "")")
        #expect(wallet.total(in: .pending) == 10_000, "the 0.01 USDC stays held")
    }

    /// The same in the full-screen browser: a pending payment is resent when the page is
    /// opened again, and a "nonce already used" answer releases it.
    @Test func theBrowserNeverReleasesAResentPaymentTheServerAlreadySettled() throws {
        let settled = Locked<Set<String>>([])
        let merchant = try LoopbackHTTPServer { request in
            guard let credential = request.header("PAYMENT-SIGNATURE") else { return Merchant.response(url: "http://127.0.0.1/paid") }
            if settled.withLock({ $0.insert(credential).inserted }) {
                return LoopbackHTTPServer.Response(status: 502, body: .bytes(Array("Bad gateway".utf8)))
            }
            return LoopbackHTTPServer.Response(status: 402, headers: [
                ("Content-Type", "text/html"),
                ("PAYMENT-REQUIRED", Merchant.paymentRequired(url: "http://127.0.0.1/paid", offers: [Merchant.offer()],
                                                              error: "nonce_already_used: this authorization's nonce was already used")),
                ("PAYMENT-RESPONSE", Merchant.settlement(success: false, transaction: "", errorReason: "nonce_already_used")),
            ], body: .bytes(Array("<p>Teaser.</p>".utf8)))
        }
        let penny = try Penny(label: "resend-screen")
        defer { penny.remove() }
        try penny.topUp("1")
        let session = try PseudoTerminalSession(executable: Penny.executable, arguments: [merchant.url("/paid")],
                                                width: 100, height: 30, home: penny.home,
                                                name: "SafetyTests-browserResendsAPendingPayment")
        defer { session.stop() }
        try session.waitFor(text: "Payment required", timeout: .seconds(30))
        session.send(text: "y")
        try session.waitUntil("pending") { $0.screenText.contains("pending") }
        session.send(text: "o")
        session.press(.control("u"))
        session.send(text: merchant.url("/paid"))
        session.press(.enter)
        try session.waitUntil("the resend's answer") { _ in settled.value.count == 1 && merchant.requests.filter(Merchant.carriesCredential).count == 2 }
        usleep(500_000)
        session.send(text: "Q")
        _ = try? session.waitForExit(timeout: .seconds(10))

        let wallet = try WalletSnapshot.read(penny.walletPath)
        let payment = try #require(wallet.payments.first)
        #expect(wallet.payments.count == 1, "nothing new was signed")
        #expect(payment.state != .released,
                "the server settled this payment (its nonce is used), but the wallet released it: \(payment.reason ?? "")")
    }

    /// Where the kill landed, from what changed in the two ledgers.
    static func stage(before: WalletSnapshot, after: WalletSnapshot, siteBefore: Int, siteAfter: Int) -> String {
        let new = after.payments.filter { entry in !before.payments.contains { $0.id == entry.id } }
        let changed = after.payments.filter { entry in before.payments.contains { $0.id == entry.id && $0.state != entry.state } }
        let site = siteAfter > siteBefore ? "+site" : ""
        guard let entry = new.first else {
            return changed.isEmpty ? "nothing" + site : "resent-" + (changed.first!.state?.rawValue ?? "?") + site
        }
        switch entry.state {
        case .reserved?: return (entry.credential == nil ? "reserved" : "signed") + site
        case .committed?: return "committed" + site
        case .pending?: return "pending" + site
        case .released?: return "released" + site
        case nil: return "?"
        }
    }
}
