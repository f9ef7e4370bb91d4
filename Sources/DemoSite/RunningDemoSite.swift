import BigInt
import EVMSigning
import ServiceLifecycle
import HTTPModel

/// A demo site that is listening. Stop it with `stop()` or `stopBlocking()`.
public final class RunningDemoSite: Sendable {
    /// `http://127.0.0.1:PORT/`.
    public let url: String
    public let port: Int
    /// Where every offer asks to be paid.
    public let payeeAddress: EthereumAddress
    /// The SQLite ledger, or nil when it is in memory.
    public let databasePath: String?
    /// The payee key file, when the key lives in one.
    public let payeeKeyPath: String?

    let core: SiteCore
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    private let closed = Locked(false)

    init(core: SiteCore, port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.core = core
        self.port = port
        self.group = group
        self.task = task
        url = "http://127.0.0.1:\(port)/"
        payeeAddress = core.payee
        databasePath = core.databasePath
        payeeKeyPath = core.payeeKeyPath
    }

    /// Stops listening, lets in-flight requests finish, and closes the ledger. Idempotent.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
        closeLedger()
    }

    /// `stop()` for a caller that is not async.
    public func stopBlocking() {
        _ = try? Blocking.run { await self.stop() }
    }

    /// Waits until the site stops (after `stop()`, or a signal for `runUntilSignalled`).
    public func waitUntilStopped() async throws {
        defer { closeLedger() }
        try await task.value
    }

    /// Every payment received, oldest first.
    public func payments() throws -> [ReceivedPayment] {
        try core.ledger.payments()
    }

    /// The sum of every payment in the demo USDC, in base units (6 decimals).
    public func totalReceived() throws -> BigUInt {
        try payments().filter { $0.asset.lowercased() == DemoToken.demoUSDC.address.lowercased() }
            .reduce(BigUInt(0)) { $0 + $1.amount }
    }

    private func closeLedger() {
        let first = closed.withLock { closed -> Bool in
            defer { closed = true }
            return !closed
        }
        if first { core.ledger.close() }
    }
}
