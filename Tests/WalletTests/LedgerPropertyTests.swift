import BigInt
import Foundation
import GRDB
import PaymentOffers
import Testing
@testable import Wallet

/// Random operation sequences against an independent model of the ledger.
///
/// After every step: each balance equals the model's and the sum recomputed from the raw
/// rows, no balance is negative, every payment's state is the model's, and an operation
/// that was refused left every table exactly as it was.
struct LedgerPropertyTests {
    struct ModelAccount {
        var network: String
        var asset: String
        var symbol: String
        var decimals: Int
        var isMain: Bool
        var maxPerPayment: BigUInt?
        var created = false
        var funded: BigUInt = 0
    }

    struct ModelPayment {
        var account: Int
        var amount: BigUInt
        var state: PaymentState
        var hasCredential = false
    }

    struct Model {
        var accounts: [ModelAccount] = [
            ModelAccount(network: "eip155:31337", asset: KnownAsset.demoUSDC.address.lowercased(), symbol: "USDC",
                         decimals: 6, isMain: false),
            ModelAccount(network: "eip155:84532", asset: "0xb16", symbol: "BIG", decimals: 18, isMain: false),
            ModelAccount(network: "eip155:11155111", asset: KnownAsset.usdcSepolia.address.lowercased(), symbol: "USDC",
                         decimals: 6, isMain: false, maxPerPayment: 5000),
            ModelAccount(network: "eip155:8453", asset: KnownAsset.usdcBase.address.lowercased(), symbol: "USDC",
                         decimals: 6, isMain: true),
            // Never created: reservations on it are refused.
            ModelAccount(network: "eip155:84532", asset: "0xnever", symbol: "NO", decimals: 0, isMain: false),
        ]
        /// Payments by ledger id.
        var payments: [Int64: ModelPayment] = [:]
        var nextID: Int64 = 1
        var nonces: [String] = []

        func used(_ account: Int) -> BigUInt {
            payments.values.filter { $0.account == account && $0.state.holdsFunds }.reduce(0) { $0 + $1.amount }
        }

        func balance(_ account: Int) -> BigUInt {
            accounts[account].funded - used(account)
        }
    }

    /// The error case a refused operation must report, or nil for success.
    typealias Outcome = String?

    /// "WalletError.insufficientFunds" for any insufficient-funds error.
    static func caseName(_ error: WalletError) -> String {
        "WalletError." + (Mirror(reflecting: error).children.first?.label ?? "\(error)")
    }

    @Test(arguments: [1 as UInt64, 7, 42, 2026, 31337])
    func randomSequencesKeepTheLedgerExact(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let clock = Fixture.clock()
        let store = try Fixture.store(clock: clock)
        var model = Model()
        try store.blockPayee("0xbad")
        // Account 2 gets its per-payment maximum once it exists.
        var limitsSet = false
        // Which operation met which outcome, to prove the run covered them all.
        var seen: Set<String> = []

        for step in 0..<400 {
            let before = try Fixture.snapshot(store)
            let roll = Int.random(in: 0..<100, using: &rng)
            var expected: Outcome = nil
            var actual: Outcome = nil
            var description = ""
            func run(_ body: () throws -> Void) {
                do {
                    try body()
                    actual = nil
                } catch let error as WalletError {
                    actual = Self.caseName(error)
                } catch {
                    actual = "unexpected \(error)"
                }
            }

            switch roll {
            case 0..<15:
                // Top-up (refused on the main network, for zero, and past a uint256 total).
                let index = Int.random(in: 0..<4, using: &rng)
                let account = model.accounts[index]
                let amount = Self.amount(for: index, top: true, using: &rng)
                description = "topUp \(index) \(amount)"
                if account.isMain {
                    expected = "WalletError.notATestNetwork"
                } else if amount == 0 || model.accounts[index].funded + amount > AmountFormatter.maximumAmount {
                    expected = "WalletError.invalidAmount"
                }
                run { try store.topUp(network: account.network, asset: account.asset, symbol: account.symbol,
                                      decimals: account.decimals, amount: amount) }
                if expected == nil {
                    model.accounts[index].created = true
                    model.accounts[index].funded += amount
                    model.nextID += 1
                }
            case 15..<20:
                // Budget on the main network (refused below what it has used).
                let index = 3
                let account = model.accounts[index]
                let amount = BigUInt(Int.random(in: 0..<40_000, using: &rng))
                description = "setBudget \(amount)"
                if amount < model.used(index) { expected = "WalletError.budgetBelowSpent" }
                run { try store.setBudget(network: account.network, asset: account.asset, amount: amount) }
                if expected == nil {
                    model.accounts[index].created = true
                    model.accounts[index].funded = amount
                }
            case 20..<55:
                let index = Int.random(in: 0..<5, using: &rng)
                let account = model.accounts[index]
                // Now and then exactly the balance, or one more: the edges of "enough".
                var amount = Self.amount(for: index, top: false, using: &rng)
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: amount = model.balance(index)
                case 1: amount = model.balance(index) + 1
                default: break
                }
                let reuse = !model.nonces.isEmpty && Int.random(in: 0..<20, using: &rng) == 0
                let nonce = reuse ? model.nonces.randomElement(using: &rng)! : "0x" + String(rng.next(), radix: 16) + "-\(step)"
                let blocked = Int.random(in: 0..<20, using: &rng) == 0
                description = "reserve \(index) \(amount) reuse=\(reuse) blocked=\(blocked)"
                if !account.created {
                    expected = "WalletError.unknownAccount"
                } else if amount == 0 {
                    expected = "WalletError.invalidAmount"
                } else if reuse {
                    expected = "WalletError.duplicateNonce"
                } else if blocked {
                    expected = "WalletError.payeeBlocked"
                } else if let maximum = account.maxPerPayment, limitsSet, amount > maximum {
                    expected = "WalletError.overPerPaymentMaximum"
                } else if model.balance(index) < amount {
                    expected = "WalletError.insufficientFunds"
                }
                let intent = PaymentIntent(network: account.network, asset: account.asset, amount: amount,
                                           payee: blocked ? "0xBAD" : Fixture.payee, origin: Fixture.origin,
                                           resourceURL: nil, paymentProtocol: "x402v2", offerJSON: "{}", nonce: nonce)
                var reservation: Reservation?
                run { reservation = try store.reserve(intent) }
                if expected == nil, let reservation {
                    #expect(reservation.id.rawValue == model.nextID, "step \(step)")
                    #expect(reservation.balanceAfter.baseUnits == model.balance(index) - amount, "step \(step)")
                    model.payments[model.nextID] = ModelPayment(account: index, amount: amount, state: .reserved)
                    model.nextID += 1
                    model.nonces.append(nonce)
                }
            default:
                // A transition on a random id: a payment, a top-up, or no entry at all.
                let id = PaymentID(Int64.random(in: 1...(model.nextID + 1), using: &rng))
                let payment = model.payments[id.rawValue]
                let action = Int.random(in: 0..<4, using: &rng)
                description = "action \(action) on \(id)"
                if let payment {
                    switch action {
                    case 0: // attach
                        if payment.hasCredential { expected = "WalletError.credentialAlreadyAttached" }
                        else if payment.state != .reserved { expected = "WalletError.illegalTransition" }
                    case 1: // commit
                        if ![.reserved, .pending].contains(payment.state) { expected = "WalletError.illegalTransition" }
                        else if !payment.hasCredential { expected = "WalletError.credentialMissing" }
                    case 2: // release
                        if ![.reserved, .pending].contains(payment.state) { expected = "WalletError.illegalTransition" }
                    default: // markPending
                        if payment.state != .reserved { expected = "WalletError.illegalTransition" }
                        else if !payment.hasCredential { expected = "WalletError.credentialMissing" }
                    }
                } else {
                    expected = "WalletError.unknownPayment"
                }
                run {
                    switch action {
                    case 0: try store.attachCredential(reservation: id, credential: Array("cred-\(id)".utf8))
                    case 1: try store.commit(reservation: id, receipt: "receipt-\(id)")
                    case 2: try store.release(reservation: id, reason: "failed")
                    default: try store.markPending(reservation: id)
                    }
                }
                if expected == nil {
                    switch action {
                    case 0: model.payments[id.rawValue]!.hasCredential = true
                    case 1: model.payments[id.rawValue]!.state = .committed
                    case 2: model.payments[id.rawValue]!.state = .released
                    default: model.payments[id.rawValue]!.state = .pending
                    }
                }
            }

            #expect(actual == expected, "seed \(seed) step \(step): \(description)")
            seen.insert((description.split(separator: " ").first.map(String.init) ?? "") + " " + (actual ?? "ok"))
            if actual != nil {
                #expect(try Fixture.snapshot(store) == before, "seed \(seed) step \(step): refused \(description) changed the ledger")
            }
            if !limitsSet, model.accounts[2].created {
                try store.setLimits(network: model.accounts[2].network, asset: model.accounts[2].asset,
                                    SpendingLimits(maxPerPayment: model.accounts[2].maxPerPayment))
                limitsSet = true
            }
            try Self.check(store, model: model, context: "seed \(seed) step \(step): \(description)")
            if Int.random(in: 0..<10, using: &rng) == 0 { clock.advance(by: 3600) }
            guard actual == expected else { return }
        }
        let required: Set<String> = [
            "topUp ok", "topUp WalletError.notATestNetwork", "topUp WalletError.invalidAmount",
            "setBudget ok", "setBudget WalletError.budgetBelowSpent",
            "reserve ok", "reserve WalletError.unknownAccount", "reserve WalletError.invalidAmount",
            "reserve WalletError.duplicateNonce", "reserve WalletError.payeeBlocked",
            "reserve WalletError.overPerPaymentMaximum", "reserve WalletError.insufficientFunds",
            "action ok", "action WalletError.unknownPayment", "action WalletError.illegalTransition",
            "action WalletError.credentialMissing", "action WalletError.credentialAlreadyAttached",
        ]
        #expect(seen.isSuperset(of: required), "seed \(seed) missed \(required.subtracting(seen).sorted())")
    }

    static func amount(for account: Int, top: Bool, using rng: inout SeededGenerator) -> BigUInt {
        let zero = Int.random(in: 0..<12, using: &rng) == 0
        if zero { return 0 }
        switch account {
        case 1:
            // Around 10^70, with every digit significant.
            if top && Int.random(in: 0..<40, using: &rng) == 0 { return AmountFormatter.maximumAmount }
            return BigUInt(rng.next()) * BigUInt(10).power(52) + BigUInt(rng.next()) * BigUInt(rng.next())
                + BigUInt(10).power(Int.random(in: 60...71, using: &rng))
        default:
            return BigUInt(Int.random(in: 1...(top ? 20_000 : 8_000), using: &rng))
        }
    }

    /// Compares the store with the model and with sums recomputed from the raw rows.
    static func check(_ store: WalletStore, model: Model, context: String) throws {
        let rows = try store.dbQueue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.id, e.kind, e.state, e.amount, e.credential IS NOT NULL AS attached,
                       a.network, a.asset, a.kind AS account_kind, a.budget
                FROM entry e JOIN account a ON a.id = e.account_id ORDER BY e.id
                """)
        }
        // Signed sums, so that a negative balance would show as one.
        var funded: [String: BigInt] = [:], used: [String: BigInt] = [:]
        for row in rows {
            let key = (row["network"] as String) + " " + (row["asset"] as String)
            let amount = try #require(BigInt(row["amount"] as String), "\(context): amount text")
            let kind: String = row["kind"]
            let state: String? = row["state"]
            if kind == "topup" { funded[key, default: 0] += amount }
            if let state, state != "released" { used[key, default: 0] += amount }
            if kind == "payment" {
                let id: Int64 = row["id"]
                let payment = try #require(model.payments[id], "\(context): payment \(id) missing from the model")
                #expect(state == payment.state.rawValue, "\(context): state of \(id)")
                #expect((row["attached"] as Bool) == payment.hasCredential, "\(context): credential of \(id)")
                #expect(BigUInt(row["amount"] as String) == payment.amount, "\(context): amount of \(id)")
            }
        }
        let budgets = try store.dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT network, asset, budget FROM account WHERE kind = 'main'")
        }
        for row in budgets {
            let key = (row["network"] as String) + " " + (row["asset"] as String)
            funded[key] = BigInt(row["budget"] as String)
        }
        #expect(rows.filter { ($0["kind"] as String) == "payment" }.count == model.payments.count, "\(context)")

        for (index, account) in model.accounts.enumerated() {
            guard account.created else {
                #expect(try store.account(network: account.network, asset: account.asset) == nil, "\(context)")
                continue
            }
            let key = account.network + " " + account.asset
            let recomputed = (funded[key] ?? 0) - (used[key] ?? 0)
            #expect(recomputed >= 0, "\(context): negative balance on \(key)")
            let stored = try store.balance(network: account.network, asset: account.asset)
            #expect(BigInt(stored) == recomputed, "\(context): balance of \(key)")
            #expect(stored == model.balance(index), "\(context): model balance of \(key)")
        }
    }
}
