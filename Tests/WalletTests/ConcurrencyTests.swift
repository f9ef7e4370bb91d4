import BigInt
import Foundation
import GRDB
import PaymentOffers
import Testing
@testable import Wallet

/// Two `WalletStore`s on one file stand for two Penny processes: each has its own SQLite
/// connection, and only SQLite's locks keep them apart.
struct ConcurrencyTests {
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var reserved: [(BigUInt, Reservation)] = []
        private(set) var refused: [(BigUInt, WalletError)] = []
        private(set) var outcomes: [PaymentID: [String]] = [:]

        func succeeded(_ amount: BigUInt, _ reservation: Reservation) {
            lock.withLock { reserved.append((amount, reservation)) }
        }

        func failed(_ amount: BigUInt, _ error: WalletError) {
            lock.withLock { refused.append((amount, error)) }
        }

        func record(_ id: PaymentID, _ outcome: String) {
            lock.withLock { outcomes[id, default: []].append(outcome) }
        }
    }

    /// Runs `work(0)` and `work(1)` on two threads that start together; returns when both end.
    static func race(_ work: @escaping @Sendable (Int) -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let group = DispatchGroup()
            let start = DispatchSemaphore(value: 0)
            for worker in 0..<2 {
                group.enter()
                Thread {
                    start.wait()
                    work(worker)
                    group.leave()
                }.start()
            }
            start.signal()
            start.signal()
            group.notify(queue: .global()) { continuation.resume() }
        }
    }

    static func pair() throws -> (String, WalletStore, WalletStore) {
        let folder = try Fixture.temporaryFolder()
        let path = folder + "/wallet.sqlite"
        let first = try WalletStore(path: path, clock: Fixture.clock())
        let second = try WalletStore(path: path, clock: Fixture.clock())
        return (folder, first, second)
    }

    @Test func twoProcessesReservingNeverOverspend() async throws {
        let (folder, first, second) = try Self.pair()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = Fixture.demo
        let funds: BigUInt = 400
        try first.topUp(network: demo.network, asset: demo.address, symbol: "USDC", decimals: 6, amount: funds)
        let results = Results()
        let stores = [first, second]
        await Self.race { worker in
            var rng = SeededGenerator(seed: UInt64(worker) + 100)
            for _ in 0..<250 {
                let amount = BigUInt(Int.random(in: 1...3, using: &rng))
                do {
                    results.succeeded(amount, try stores[worker].reserve(Fixture.intent(amount)))
                } catch let error as WalletError {
                    results.failed(amount, error)
                } catch {
                    results.failed(amount, .database("unexpected \(error)"))
                }
            }
        }
        #expect(results.reserved.count + results.refused.count == 500)
        #expect(!results.refused.isEmpty, "the funds should run out")
        #expect(results.reserved.count >= 100)
        let spent = results.reserved.reduce(BigUInt(0)) { $0 + $1.0 }
        let balance = try first.balance(network: demo.network, asset: demo.address)
        #expect(try second.balance(network: demo.network, asset: demo.address) == balance)
        #expect(spent + balance == funds)
        for (amount, error) in results.refused {
            guard case .insufficientFunds(let shown, let needed) = error else {
                Issue.record("refused with \(error), not insufficient funds")
                continue
            }
            #expect(needed.baseUnits == amount)
            // The balance only falls, so every refused amount is above the final balance.
            #expect(amount > balance)
            #expect(shown.baseUnits < amount)
        }
        // Each reservation saw the balance after all earlier ones: the balances after the
        // reservations, in id order, fall exactly by each amount.
        let ordered = results.reserved.sorted { $0.1.id < $1.1.id }
        var running = funds
        for (amount, reservation) in ordered {
            running -= amount
            #expect(reservation.balanceAfter.baseUnits == running)
        }
        // The raw ledger agrees.
        let amounts = try await first.dbQueue.read { db in
            try String.fetchAll(db, sql: "SELECT amount FROM entry WHERE kind = 'payment' AND state = 'reserved'")
        }
        #expect(amounts.count == results.reserved.count)
        #expect(amounts.compactMap { BigUInt($0) }.reduce(0, +) == spent)
    }

    @Test func twoProcessesResolvingOnePaymentAgreeOnOneOutcome() async throws {
        let (folder, first, second) = try Self.pair()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = Fixture.demo
        try first.topUp(network: demo.network, asset: demo.address, symbol: "USDC", decimals: 6, amount: 100_000)
        var ids: [PaymentID] = []
        for _ in 0..<100 { ids.append(try first.reserve(Fixture.intent(10)).id) }
        let results = Results()
        let stores = [first, second]
        let shared = ids
        // Both sign and try to attach: exactly one credential per payment, never two.
        await Self.race { worker in
            for id in shared {
                do {
                    try stores[worker].attachCredential(reservation: id, credential: Array("signed by \(worker)".utf8))
                    results.record(id, "attached \(worker)")
                } catch let error as WalletError where error == .credentialAlreadyAttached(id) {
                    results.record(id, "refused")
                } catch {
                    results.record(id, "unexpected \(error)")
                }
            }
        }
        for id in ids {
            let outcomes = results.outcomes[id] ?? []
            #expect(outcomes.count == 2)
            #expect(outcomes.filter { $0.hasPrefix("attached") }.count == 1, "\(id): \(outcomes)")
            #expect(outcomes.contains("refused"), "\(id): \(outcomes)")
            let winner = try #require(outcomes.first { $0.hasPrefix("attached") }).dropFirst("attached ".count)
            #expect(try first.payment(id)?.credential == Array("signed by \(winner)".utf8))
        }
        // One commits while the other releases: each payment ends in exactly one state.
        await Self.race { worker in
            for id in shared {
                do {
                    if worker == 0 {
                        try stores[0].commit(reservation: id, receipt: "tx")
                        results.record(id, "committed")
                    } else {
                        try stores[1].release(reservation: id, reason: "timeout")
                        results.record(id, "released")
                    }
                } catch WalletError.illegalTransition {
                    results.record(id, "illegal")
                } catch {
                    results.record(id, "unexpected \(error)")
                }
            }
        }
        var committed = 0
        for id in ids {
            let outcomes = Array((results.outcomes[id] ?? []).dropFirst(2))
            #expect(outcomes.count == 2)
            #expect(outcomes.filter { $0 == "illegal" }.count == 1, "\(id): \(outcomes)")
            let state = try #require(try first.payment(id)?.state)
            #expect(outcomes.contains(state.rawValue), "\(id): \(outcomes), stored \(state)")
            if state == .committed { committed += 1 }
        }
        #expect(try first.balance(network: demo.network, asset: demo.address) == BigUInt(100_000 - 10 * committed))
    }
}
