import BigInt
import Foundation
import GRDB
import PaymentOffers
import Testing
@testable import Wallet

struct LedgerTests {
    let demo = Fixture.demo

    // MARK: Top-ups and budgets

    @Test func topUpCreatesTheAccountAndAddsUp() throws {
        let store = try Fixture.store()
        let first = try store.topUp(network: demo.network, asset: demo.address, symbol: "USDC", decimals: 6, amount: 1_500_000)
        #expect(first == Amount(baseUnits: 1_500_000, decimals: 6, symbol: "USDC"))
        #expect(first.description == "1.50 USDC")
        // The asset is stored lower-cased and found in any case.
        let second = try store.topUp(network: demo.network, asset: demo.address.uppercased().replacingOccurrences(of: "0X", with: "0x"),
                                     symbol: "USDC", decimals: 6, amount: 10_000)
        #expect(second.baseUnits == 1_510_000)
        #expect(try store.balance(network: demo.network, asset: demo.address) == 1_510_000)
        let account = try #require(try store.account(network: demo.network, asset: demo.address))
        #expect(account.asset == demo.address.lowercased())
        #expect(account.kind == .test)
        #expect(account.budget == nil)
        #expect(try store.accounts().count == 1)
    }

    @Test(arguments: ["eip155:31337", "eip155:84532", "eip155:11155111"])
    func testNetworksTakeTopUps(network: String) throws {
        let store = try Fixture.store()
        try store.topUp(network: network, asset: "0x0000000000000000000000000000000000000001", symbol: "TST",
                        decimals: 18, amount: 5)
        #expect(try store.balance(network: network, asset: "0x0000000000000000000000000000000000000001") == 5)
    }

    @Test(arguments: ["eip155:1", "eip155:8453", "eip155:137", "bitcoin", "solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp"])
    func mainNetworksRefuseTopUps(network: String) throws {
        let store = try Fixture.store()
        let error = walletError { try store.topUp(network: network, asset: "0xabc", symbol: "USDC", decimals: 6, amount: 5) }
        #expect(error == .notATestNetwork(network: network))
        #expect(error?.description.hasPrefix("main networks are funded on-chain; set a budget instead") == true)
        #expect(try Fixture.snapshot(store).isEmpty)
    }

    @Test func topUpRefusals() throws {
        let store = try Fixture.funded(100)
        let before = try Fixture.snapshot(store)
        #expect(walletError { try store.topUp(network: demo.network, asset: demo.address, symbol: "USDC", decimals: 6, amount: 0) }
            == .invalidAmount("a top-up must be more than zero"))
        // A known asset's decimals cannot be overridden: the wrong-price complaint.
        #expect({
            if case .accountMismatch = walletError({
                try store.topUp(network: demo.network, asset: demo.address, symbol: "USDC", decimals: 18, amount: 1)
            }) { return true }
            return false
        }())
        // An existing account keeps its symbol and decimals.
        try store.topUp(network: "eip155:84532", asset: "0xfeed", symbol: "FEED", decimals: 2, amount: 1)
        let mid = try Fixture.snapshot(store)
        #expect({
            if case .accountMismatch = walletError({
                try store.topUp(network: "eip155:84532", asset: "0xFEED", symbol: "FEED", decimals: 3, amount: 1)
            }) { return true }
            return false
        }())
        #expect(walletError { try store.topUp(network: "eip155:84532", asset: "0xfeed", symbol: "FEED", decimals: 78, amount: 1) }
            != nil)
        #expect(walletError { try store.topUp(network: "eip155:84532", asset: "", symbol: "FEED", decimals: 2, amount: 1) } != nil)
        #expect(walletError { try store.topUp(network: "eip155:84532", asset: "0x fe", symbol: "FEED", decimals: 2, amount: 1) } != nil)
        #expect(walletError {
            try store.topUp(network: "eip155:84532", asset: "0xfeed", symbol: "FEED", decimals: 2,
                            amount: AmountFormatter.maximumAmount + 1)
        } != nil)
        #expect(try Fixture.snapshot(store) == mid)
        #expect(mid.count == before.count + 2)
    }

    @Test func topUpsStopAtAUint256Total() throws {
        let max = AmountFormatter.maximumAmount
        let store = try Fixture.funded(max)
        #expect(try store.balance(network: demo.network, asset: demo.address) == max)
        let before = try Fixture.snapshot(store)
        #expect(walletError { try store.topUp(network: demo.network, asset: demo.address, symbol: "USDC", decimals: 6, amount: 1) }
            == .invalidAmount("the account's top-ups would exceed a uint256"))
        #expect(try Fixture.snapshot(store) == before)
    }

    @Test func budgetsOnMainNetworks() throws {
        let store = try Fixture.store()
        let base = KnownAsset.usdcBase
        #expect(try store.setBudget(network: base.network, asset: base.address, amount: 5_000_000).description == "5.00 USDC")
        let account = try #require(try store.account(network: base.network, asset: base.address))
        #expect(account.kind == .main)
        #expect(account.budget == 5_000_000)
        let reservation = try store.reserve(Fixture.intent(2_000_000, asset: base))
        #expect(reservation.balanceAfter.baseUnits == 3_000_000)
        // Lowering the budget below what is held is refused; down to it is fine.
        let before = try Fixture.snapshot(store)
        #expect(walletError { try store.setBudget(network: base.network, asset: base.address, amount: 1_999_999) }
            == .budgetBelowSpent(budget: Amount(baseUnits: 1_999_999, decimals: 6, symbol: "USDC"),
                                 spent: Amount(baseUnits: 2_000_000, decimals: 6, symbol: "USDC")))
        #expect(try Fixture.snapshot(store) == before)
        #expect(try store.setBudget(network: base.network, asset: base.address, amount: 2_000_000).baseUnits == 0)
        #expect(try store.balance(network: base.network, asset: base.address) == 0)
        let refusal = walletError { _ = try store.reserve(Fixture.intent(1, asset: base)) }
        guard case .insufficientFunds(let balance, _) = refusal else {
            Issue.record("expected insufficient funds, got \(String(describing: refusal))")
            return
        }
        #expect(balance.baseUnits == 0)
        // Released money returns under the budget.
        try store.release(reservation: reservation.id, reason: "server refused")
        #expect(try store.balance(network: base.network, asset: base.address) == 2_000_000)
    }

    @Test func budgetRefusals() throws {
        let store = try Fixture.store()
        #expect(walletError { try store.setBudget(network: demo.network, asset: demo.address, amount: 5) }
            == .notAMainNetwork(network: demo.network))
        #expect({
            if case .accountMismatch = walletError({ try store.setBudget(network: "eip155:8453", asset: "0x1234", amount: 5) }) {
                return true
            }
            return false
        }())
        // An unknown asset works with explicit symbol and decimals.
        try store.setBudget(network: "eip155:8453", asset: "0x1234", symbol: "TKN", decimals: 18, amount: 5)
        #expect(try store.balance(network: "eip155:8453", asset: "0x1234") == 5)
    }

    // MARK: Exact arithmetic

    @Test func uint256SizeAmountsAreExact() throws {
        let big = BigUInt(10).power(70)
        let store = try Fixture.store()
        try store.topUp(network: "eip155:84532", asset: "0xbig", symbol: "BIG", decimals: 18, amount: big)
        try store.topUp(network: "eip155:84532", asset: "0xbig", symbol: "BIG", decimals: 18, amount: big)
        let first = try store.reserve(Fixture.intent(big - 1, asset: KnownAsset(
            network: "eip155:84532", address: "0xBIG", symbol: "BIG", decimals: 18, domainName: "", domainVersion: "")))
        #expect(first.balanceAfter.baseUnits == big + 1)
        #expect(first.amount.description == String(repeating: "9", count: 52) + "." + String(repeating: "9", count: 18) + " BIG")
        #expect(try store.balance(network: "eip155:84532", asset: "0xbig") == big + 1)
        let intent = PaymentIntent(network: "eip155:84532", asset: "0xbig", amount: big + 1, payee: nil,
                                   origin: Fixture.origin, resourceURL: nil, paymentProtocol: "x402v2",
                                   offerJSON: "{}", nonce: Fixture.nonce())
        let second = try store.reserve(intent)
        #expect(second.balanceAfter.baseUnits == 0)
        let third = walletError { _ = try store.reserve(Fixture.intent(1, asset: KnownAsset(
            network: "eip155:84532", address: "0xbig", symbol: "BIG", decimals: 18, domainName: "", domainVersion: ""))) }
        #expect(third == .insufficientFunds(balance: Amount(baseUnits: 0, decimals: 18, symbol: "BIG"),
                                            needed: Amount(baseUnits: 1, decimals: 18, symbol: "BIG")))
        try store.release(reservation: first.id, reason: "test")
        #expect(try store.balance(network: "eip155:84532", asset: "0xbig") == big - 1)
        // Stored as exact decimal text.
        let stored = try store.dbQueue.read { try String.fetchAll($0, sql: "SELECT amount FROM entry ORDER BY id") }
        #expect(stored == [String(big), String(big), String(big - 1), String(big + 1)])
        let summary = try #require(try store.accounts().first)
        #expect(summary.funded.baseUnits == 2 * big)
        #expect(summary.held.baseUnits == big + 1)
        #expect(summary.spent.baseUnits == 0)
        #expect(summary.balance.baseUnits == big - 1)
    }

    /// Totals near the edge of what SQLite's integers hold: amounts of 18 digits whose sum
    /// passes 2^63, and of 19 digits, add up exactly, as do the spent-today sums.
    @Test(arguments: [BigUInt(999_999_999_999_999_999), BigUInt(9_223_372_036_854_775_807), BigUInt(10).power(18)])
    func totalsPastSQLiteIntegersAreExact(_ amount: BigUInt) throws {
        let asset = KnownAsset(network: "eip155:84532", address: "0xedge", symbol: "EDGE", decimals: 18, domainName: "", domainVersion: "")
        let store = try Fixture.store()
        for _ in 0..<12 {
            try store.topUp(network: asset.network, asset: asset.address, symbol: "EDGE", decimals: 18, amount: amount)
        }
        var held: BigUInt = 0
        for index in 0..<11 {
            let reservation = try store.reserve(Fixture.intent(amount, asset: asset), credential: [UInt8(index)])
            held += amount
            if index % 2 == 0 { try store.commit(reservation: reservation.id, receipt: nil) }
            #expect(reservation.balanceAfter.baseUnits == 12 * amount - held)
        }
        let summary = try #require(try store.accounts().first)
        #expect(summary.funded.baseUnits == 12 * amount)
        #expect(summary.spent.baseUnits == 6 * amount)
        #expect(summary.held.baseUnits == 5 * amount)
        #expect(summary.balance.baseUnits == amount)
        let context = try store.policyContext(offer: PolicyTests.offer(amount: amount, asset: asset, decimals: 18), origin: Fixture.origin)
        #expect(context.spentTodayOnAccount == 11 * amount)
        #expect(context.spentTodayByOrigin == 11 * amount)
        #expect(context.balance == amount)
    }

    // MARK: Reservations

    @Test func reserveHoldsTheMoneyAndRecordsTheOffer() throws {
        let clock = Fixture.clock()
        let store = try Fixture.funded(100_000, clock: clock)
        let nonce = "0x" + String(repeating: "AB", count: 32)
        let reservation = try store.reserve(Fixture.intent(10_000, nonce: nonce))
        #expect(reservation.nonce == nonce.lowercased())
        #expect(reservation.amount.description == "0.01 USDC")
        #expect(reservation.balanceAfter.baseUnits == 90_000)
        #expect(reservation.createdAt == clock.now)
        #expect(try store.balance(network: demo.network, asset: demo.address) == 90_000)
        let entry = try #require(try store.payment(reservation.id))
        #expect(entry.state == .reserved)
        #expect(entry.kind == .payment)
        #expect(entry.payee == Fixture.payee)
        #expect(entry.origin == Fixture.origin)
        #expect(entry.resourceURL == Fixture.origin + "/article")
        #expect(entry.paymentProtocol == "x402v2")
        #expect(entry.offerJSON == #"{"test":true}"#)
        #expect(entry.credential == nil)
        #expect(entry.createdAt == clock.now)
        // The same nonce in another case is the same nonce.
        let before = try Fixture.snapshot(store)
        #expect(walletError { _ = try store.reserve(Fixture.intent(10_000, nonce: nonce.lowercased())) }
            == .duplicateNonce(nonce.lowercased()))
        #expect(try Fixture.snapshot(store) == before)
    }

    @Test func reserveRefusals() throws {
        let store = try Fixture.funded(1000)
        try store.blockPayee(Fixture.payee.uppercased().replacingOccurrences(of: "0X", with: "0x"))
        let before = try Fixture.snapshot(store)
        let cases: [(PaymentIntent, WalletError)] = [
            (Fixture.intent(0, payee: nil), .invalidAmount("a payment must be more than zero")),
            (Fixture.intent(1001, payee: nil), .insufficientFunds(
                balance: Amount(baseUnits: 1000, decimals: 6, symbol: "USDC"),
                needed: Amount(baseUnits: 1001, decimals: 6, symbol: "USDC"))),
            (Fixture.intent(1), .payeeBlocked(payee: Fixture.payee)),
            (Fixture.intent(1, asset: Fixture.sepolia), .unknownAccount(
                network: Fixture.sepolia.network, asset: Fixture.sepolia.address.lowercased())),
        ]
        for (intent, expected) in cases {
            #expect(walletError { _ = try store.reserve(intent) } == expected)
        }
        var bad = Fixture.intent(1, payee: nil)
        bad.origin = ""
        #expect(walletError { _ = try store.reserve(bad) } != nil)
        bad = Fixture.intent(1, payee: nil, nonce: "")
        #expect(walletError { _ = try store.reserve(bad) } != nil)
        bad = Fixture.intent(1, payee: nil)
        bad.paymentProtocol = ""
        #expect(walletError { _ = try store.reserve(bad) } != nil)
        bad = Fixture.intent(AmountFormatter.maximumAmount + 1, payee: nil)
        #expect(walletError { _ = try store.reserve(bad) } != nil)
        #expect(try Fixture.snapshot(store) == before)
        #expect(WalletError.insufficientFunds(balance: Amount(baseUnits: 1000, decimals: 6, symbol: "USDC"),
                                              needed: Amount(baseUnits: 1001, decimals: 6, symbol: "USDC")).description
            == "insufficient funds: the payment is 0.001001 USDC, the balance is 0.001 USDC")
    }

    @Test func perPaymentMaximumAndDailyCap() throws {
        let clock = Fixture.clock()
        let store = try Fixture.funded(1_000_000, clock: clock)
        try store.setLimits(network: demo.network, asset: demo.address, SpendingLimits(maxPerPayment: 300, dailyCap: 500))
        let limits = try #require(try store.account(network: demo.network, asset: demo.address)).limits
        #expect(limits == SpendingLimits(maxPerPayment: 300, dailyCap: 500))
        let usdc = { (units: BigUInt) in Amount(baseUnits: units, decimals: 6, symbol: "USDC") }
        #expect(walletError { _ = try store.reserve(Fixture.intent(301)) }
            == .overPerPaymentMaximum(maximum: usdc(300), amount: usdc(301)))
        let first = try store.reserve(Fixture.intent(300))
        _ = try store.reserve(Fixture.intent(200))
        let before = try Fixture.snapshot(store)
        #expect(walletError { _ = try store.reserve(Fixture.intent(1)) }
            == .overDailyCap(cap: usdc(500), spentToday: usdc(500), amount: usdc(1)))
        #expect(try Fixture.snapshot(store) == before)
        // Released money no longer counts today.
        try store.release(reservation: first.id, reason: "server error 500")
        #expect(try store.spentToday(network: demo.network, asset: demo.address) == 200)
        _ = try store.reserve(Fixture.intent(300))
        #expect(walletError { _ = try store.reserve(Fixture.intent(1)) } != nil)
        // A new day (by the injected clock) starts from zero.
        clock.advance(by: 12 * 3600)
        #expect(try store.spentToday(network: demo.network, asset: demo.address) == 0)
        _ = try store.reserve(Fixture.intent(300))
        #expect(try store.spentToday(network: demo.network, asset: demo.address) == 300)
        // Removing the limits.
        try store.setLimits(network: demo.network, asset: demo.address, SpendingLimits())
        _ = try store.reserve(Fixture.intent(5000))
        #expect(walletError { try store.setLimits(network: "eip155:84532", asset: "0xnone", SpendingLimits()) }
            == .unknownAccount(network: "eip155:84532", asset: "0xnone"))
    }

    @Test func dayBoundaryFollowsTheClocksTimeZone() throws {
        // 23:30 in UTC+2 is 21:30 UTC; one hour later it is a new day there, not in UTC.
        let zone = try #require(TimeZone(secondsFromGMT: 2 * 3600))
        let clock = FixedClock(Date(timeIntervalSince1970: TimeInterval(Fixture.noon + 9 * 3600 + 1800)), timeZone: zone)
        let store = try Fixture.funded(1000, clock: clock)
        _ = try store.reserve(Fixture.intent(10))
        #expect(try store.spentToday(network: demo.network, asset: demo.address) == 10)
        clock.advance(by: 3600)
        #expect(try store.spentToday(network: demo.network, asset: demo.address) == 0)
        #expect(try store.spentToday(origin: Fixture.origin, network: demo.network, asset: demo.address) == 0)
    }

    // MARK: Transitions

    enum Start: String, CaseIterable {
        case reserved, reservedWithCredential, pending, committed, released, releasedWithCredential
    }

    enum Action: String, CaseIterable {
        case attach, commit, release, markPending
    }

    /// What each action does from each state: nil for success, else the error's case name.
    static func expectation(_ start: Start, _ action: Action) -> String? {
        switch (start, action) {
        case (.reserved, .attach), (.reserved, .release): nil
        case (.reserved, .commit), (.reserved, .markPending): "credentialMissing"
        case (.reservedWithCredential, .attach): "credentialAlreadyAttached"
        case (.reservedWithCredential, _): nil
        case (.pending, .attach): "credentialAlreadyAttached"
        case (.pending, .commit), (.pending, .release): nil
        case (.pending, .markPending): "illegalTransition"
        case (.committed, .attach), (.releasedWithCredential, .attach): "credentialAlreadyAttached"
        case (.committed, _), (.released, _), (.releasedWithCredential, _): "illegalTransition"
        }
    }

    static func caseName(_ error: WalletError) -> String {
        switch error {
        case .credentialMissing: "credentialMissing"
        case .credentialAlreadyAttached: "credentialAlreadyAttached"
        case .illegalTransition: "illegalTransition"
        case .unknownPayment: "unknownPayment"
        default: "\(error)"
        }
    }

    static func prepare(_ start: Start, store: WalletStore) throws -> PaymentID {
        let id = try store.reserve(Fixture.intent(100)).id
        switch start {
        case .reserved: break
        case .reservedWithCredential: try store.attachCredential(reservation: id, credential: [1, 2, 3])
        case .pending:
            try store.attachCredential(reservation: id, credential: [1, 2, 3])
            try store.markPending(reservation: id)
        case .committed:
            try store.attachCredential(reservation: id, credential: [1, 2, 3])
            try store.commit(reservation: id, receipt: "0xtx")
        case .released: try store.release(reservation: id, reason: "signing cancelled")
        case .releasedWithCredential:
            try store.attachCredential(reservation: id, credential: [1, 2, 3])
            try store.release(reservation: id, reason: "verification-failed")
        }
        return id
    }

    static func perform(_ action: Action, _ id: PaymentID, store: WalletStore) throws(WalletError) {
        switch action {
        case .attach: try store.attachCredential(reservation: id, credential: [9, 9])
        case .commit: try store.commit(reservation: id, receipt: "receipt")
        case .release: try store.release(reservation: id, reason: "definite failure")
        case .markPending: try store.markPending(reservation: id)
        }
    }

    static let expectedState: [Action: PaymentState] = [
        .commit: .committed, .release: .released, .markPending: .pending,
    ]

    @Test(arguments: Start.allCases, Action.allCases)
    func transition(start: Start, action: Action) throws {
        let clock = Fixture.clock()
        let store = try Fixture.funded(1000, clock: clock)
        let id = try Self.prepare(start, store: store)
        let startState = try #require(try store.payment(id)).state
        let before = try Fixture.snapshot(store)
        clock.advance(by: 60)
        let expected = Self.expectation(start, action)
        do {
            try Self.perform(action, id, store: store)
            #expect(expected == nil, "\(start) \(action) succeeded, expected \(expected ?? "")")
            let entry = try #require(try store.payment(id))
            #expect(entry.updatedAt == clock.now)
            switch action {
            case .attach:
                #expect(entry.credential == [9, 9])
                #expect(entry.state == startState)
            case .commit:
                #expect(entry.state == .committed)
                #expect(entry.receipt == "receipt")
                #expect(entry.credential == [1, 2, 3])
            case .release:
                #expect(entry.state == .released)
                #expect(entry.reason == "definite failure")
            case .markPending:
                #expect(entry.state == .pending)
            }
            let held: BigUInt = entry.state == .released ? 0 : 100
            #expect(try store.balance(network: Fixture.demo.network, asset: Fixture.demo.address) == 1000 - held)
        } catch let error as WalletError {
            #expect(Self.caseName(error) == expected, "\(start) \(action): \(error)")
            #expect(try Fixture.snapshot(store) == before, "\(start) \(action) changed the ledger")
        }
    }

    @Test(arguments: Action.allCases)
    func unknownIdsAndTopUpsAreRefused(action: Action) throws {
        let store = try Fixture.funded(1000)
        let before = try Fixture.snapshot(store)
        #expect(walletError { try Self.perform(action, PaymentID(999), store: store) } == .unknownPayment(PaymentID(999)))
        // Entry 1 is the top-up: it is not a payment.
        #expect(walletError { try Self.perform(action, PaymentID(1), store: store) } == .unknownPayment(PaymentID(1)))
        #expect(try Fixture.snapshot(store) == before)
    }

    @Test func credentialIsAttachedOnceAndKept() throws {
        let store = try Fixture.funded(1000)
        let id = try store.reserve(Fixture.intent(100)).id
        #expect(walletError { try store.attachCredential(reservation: id, credential: []) } == .invalidInput("the credential is empty"))
        let credential = Array("PAYMENT-SIGNATURE: eyJ4NDAy…".utf8)
        try store.attachCredential(reservation: id, credential: credential)
        let before = try Fixture.snapshot(store)
        #expect(walletError { try store.attachCredential(reservation: id, credential: credential) }
            == .credentialAlreadyAttached(id))
        #expect(walletError { try store.attachCredential(reservation: id, credential: [0]) } == .credentialAlreadyAttached(id))
        #expect(try Fixture.snapshot(store) == before)
        // Ambiguous answer: pending, and the stored credential is what gets resent.
        try store.markPending(reservation: id)
        #expect(walletError { try store.attachCredential(reservation: id, credential: [0]) } == .credentialAlreadyAttached(id))
        let pending = try store.pendingPayments()
        #expect(pending.map(\.id) == [id])
        #expect(pending.first?.credential == credential)
        #expect(try store.balance(network: demo.network, asset: demo.address) == 900)
        try store.commit(reservation: id, receipt: nil)
        #expect(try store.pendingPayments().isEmpty)
        #expect(try store.payment(id)?.receipt == nil)
        #expect(try store.balance(network: demo.network, asset: demo.address) == 900)
    }

    @Test func releaseNeedsAReason() throws {
        let store = try Fixture.funded(1000)
        let id = try store.reserve(Fixture.intent(100)).id
        let before = try Fixture.snapshot(store)
        #expect(walletError { try store.release(reservation: id, reason: "") } != nil)
        #expect(try Fixture.snapshot(store) == before)
    }

    @Test func clockSetBackNeverDatesAChangeBeforeTheEntry() throws {
        let clock = Fixture.clock()
        let store = try Fixture.funded(1000, clock: clock)
        let reservation = try store.reserve(Fixture.intent(100))
        clock.advance(by: -3600)
        try store.release(reservation: reservation.id, reason: "cancelled")
        let entry = try #require(try store.payment(reservation.id))
        #expect(entry.updatedAt == entry.createdAt)
    }

    // MARK: Listings and recovery

    @Test func historyReceiptsAndPending() throws {
        let clock = Fixture.clock()
        let store = try Fixture.funded(1000, clock: clock)
        let a = try store.reserve(Fixture.intent(100)).id
        let b = try store.reserve(Fixture.intent(200)).id
        let c = try store.reserve(Fixture.intent(300)).id
        for id in [a, b, c] { try store.attachCredential(reservation: id, credential: [7]) }
        try store.commit(reservation: a, receipt: "0xaaa")
        try store.markPending(reservation: b)
        try store.commit(reservation: c, receipt: "0xccc")
        let history = try store.history(limit: 10)
        #expect(history.map(\.id.rawValue) == [4, 3, 2, 1])
        #expect(history.last?.kind == .topUp)
        #expect(history.last?.state == nil)
        #expect(history.last?.amount.baseUnits == 1000)
        #expect(try store.history(limit: 2).map(\.id) == [c, b])
        #expect(try store.history(limit: 0).isEmpty)
        #expect(try store.receipts().map(\.receipt) == ["0xccc", "0xaaa"])
        #expect(try store.pendingPayments().map(\.id) == [b])
        #expect(try store.openReservations().isEmpty)
        let summary = try #require(try store.accounts().first)
        #expect(summary.spent.baseUnits == 400)
        #expect(summary.held.baseUnits == 200)
        #expect(summary.balance.baseUnits == 400)
    }

    @Test func recoveryAfterACrash() throws {
        let clock = Fixture.clock()
        let store = try Fixture.funded(1000, clock: clock)
        let unsent = try store.reserve(Fixture.intent(100)).id
        let signed = try store.reserve(Fixture.intent(200)).id
        try store.attachCredential(reservation: signed, credential: [1])
        clock.advance(by: 600)
        let fresh = try store.reserve(Fixture.intent(300)).id
        #expect(try store.openReservations().map(\.id) == [unsent, signed, fresh])
        let changed = try store.recoverInterruptedPayments(olderThan: 300)
        #expect(changed.map(\.id) == [unsent, signed])
        #expect(changed.map(\.state) == [.released, .pending])
        #expect(try store.payment(fresh)?.state == .reserved)
        #expect(try store.balance(network: demo.network, asset: demo.address) == 500)
        #expect(try store.recoverInterruptedPayments(olderThan: 300).isEmpty)
    }

    // MARK: Allowances and blocked payees

    @Test func allowancesAndSpentToday() throws {
        let clock = Fixture.clock()
        let store = try Fixture.funded(10_000, clock: clock)
        try store.setAllowance(origin: "https://News.Example", network: demo.network, asset: demo.address, perDay: 500)
        try store.setAllowance(origin: Fixture.origin, network: demo.network, asset: demo.address, perDay: 700)
        try store.setAllowance(origin: "https://other.example", network: demo.network, asset: demo.address, perDay: 1)
        let list = try store.allowances()
        #expect(list.map(\.origin) == ["https://news.example", "https://other.example"])
        #expect(list.first?.perDay == 700)
        #expect(list.first?.asset == demo.address.lowercased())
        #expect(try store.allowance(origin: "HTTPS://NEWS.EXAMPLE", network: demo.network, asset: demo.address)?.perDay == 700)
        #expect(walletError {
            try store.setAllowance(origin: Fixture.origin, network: demo.network, asset: demo.address, perDay: 0)
        } == .invalidAmount("an allowance must be more than zero"))

        let first = try store.reserve(Fixture.intent(100))
        _ = try store.reserve(Fixture.intent(50, origin: "https://other.example"))
        let second = try store.reserve(Fixture.intent(30))
        try store.release(reservation: second.id, reason: "402 again")
        try store.attachCredential(reservation: first.id, credential: [1])
        try store.markPending(reservation: first.id)
        #expect(try store.spentToday(origin: Fixture.origin, network: demo.network, asset: demo.address) == 100)
        #expect(try store.spentToday(origin: "https://other.example", network: demo.network, asset: demo.address) == 50)
        #expect(try store.spentToday(network: demo.network, asset: demo.address) == 150)
        #expect(try store.spentToday(origin: Fixture.origin, network: "eip155:84532", asset: "0xnone") == 0)

        #expect(try store.removeAllowance(origin: Fixture.origin, network: demo.network, asset: demo.address))
        #expect(try store.removeAllowance(origin: Fixture.origin, network: demo.network, asset: demo.address) == false)
        #expect(try store.allowances().map(\.origin) == ["https://other.example"])
    }

    @Test func blockedPayees() throws {
        let store = try Fixture.funded(1000)
        try store.blockPayee("0xABCdef")
        try store.blockPayee("0xabcDEF")
        #expect(try store.blockedPayees() == ["0xabcdef"])
        #expect(walletError { _ = try store.reserve(Fixture.intent(1, payee: "0xAbCdEf")) } == .payeeBlocked(payee: "0xAbCdEf"))
        #expect(try store.unblockPayee("0xABCDEF"))
        #expect(try store.unblockPayee("0xABCDEF") == false)
        _ = try store.reserve(Fixture.intent(1, payee: "0xAbCdEf"))
        #expect(walletError { try store.blockPayee("") } != nil)
    }
}
