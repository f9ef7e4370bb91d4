import BigInt
import Foundation
import GRDB
import PaymentOffers
import Testing
@testable import Wallet

/// Shared values and helpers of the wallet tests.
enum Fixture {
    static let demo = KnownAsset.demoUSDC
    static let sepolia = KnownAsset.usdcBaseSepolia
    static let payee = "0x209693Bc6afc0C5328bA36FaF03C514EF312287C"
    static let origin = "https://news.example"
    /// 2026-03-10 12:00:00 UTC, in whole seconds so stored times read back exactly.
    static let noon = 1_773_144_000

    static func clock() -> FixedClock { FixedClock(secondsSince1970: noon) }

    /// An in-memory wallet on a fixed clock.
    static func store(clock: FixedClock = clock()) throws -> WalletStore {
        try WalletStore.inMemory(clock: clock)
    }

    /// A store with `amount` topped up on the demo chain.
    static func funded(_ amount: BigUInt, clock: FixedClock = clock()) throws -> WalletStore {
        let store = try store(clock: clock)
        try store.topUp(network: demo.network, asset: demo.address, symbol: demo.symbol, decimals: demo.decimals,
                        amount: amount)
        return store
    }

    private static let counter = Counter()

    /// A fresh 0x-hex nonce.
    static func nonce() -> String {
        let value = counter.next()
        let hex = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 64 - hex.count) + hex
    }

    static func intent(_ amount: BigUInt, asset: KnownAsset = demo, payee: String? = payee, origin: String = origin,
                       nonce: String = nonce()) -> PaymentIntent {
        PaymentIntent(network: asset.network, asset: asset.address, amount: amount, payee: payee, origin: origin,
                      resourceURL: origin + "/article", paymentProtocol: "x402v2", offerJSON: #"{"test":true}"#,
                      nonce: nonce)
    }

    /// Every row of every wallet table, as text: equal snapshots mean nothing changed.
    static func snapshot(_ store: WalletStore) throws -> [String] {
        try store.dbQueue.read { db in
            var lines: [String] = []
            for table in ["account", "entry", "allowance", "blocked_payee"] {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id") {
                    lines.append(table + " " + row.description)
                }
            }
            return lines
        }
    }

    /// A new empty folder under the temporary directory.
    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.path + "/penny-wallet-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: UInt64 = 0

    func next() -> UInt64 {
        lock.withLock {
            value += 1
            return value
        }
    }
}

/// SplitMix64: a small seeded generator, so a failing property run can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs `body` and returns the `WalletError` it threw, recording an issue when it threw
/// nothing or another error.
func walletError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> WalletError? {
    do {
        try body()
        Issue.record("expected a WalletError, nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as WalletError {
        return error
    } catch {
        Issue.record("expected a WalletError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Runs `body` and returns the `WalletFileError` it threw, recording an issue otherwise.
func fileError<T>(_ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) -> WalletFileError? {
    do {
        _ = try body()
        Issue.record("expected a WalletFileError, the wallet opened", sourceLocation: sourceLocation)
        return nil
    } catch let error as WalletFileError {
        return error
    } catch {
        Issue.record("expected a WalletFileError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
