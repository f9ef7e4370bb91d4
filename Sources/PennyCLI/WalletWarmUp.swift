import BrowserConfig
import Dispatch
import EVMSigning
import PennyDump

/// `--dump --pay`: opens the wallet on a second thread while the page is being fetched.
///
/// Opening it (SQLite reading the schema, GRDB's set-up, recovering interrupted payments,
/// applying the config's limits) and reading the key cost about as much as everything else
/// a payment does; done while the request is in flight, a 402 finds them ready. Nothing is
/// created here: a missing wallet or key is made, as before, only when a payment needs it,
/// and a wallet that cannot be opened is reported only then.
final class WalletWarmUp: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written on the warm-up thread before `group.leave()`, read only after `group.wait()`.
    private var prepared: PaymentRuntime?

    /// Starts opening the wallet under `paths`, if there is one.
    init(paths: PennyPaths?) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            defer { group.leave() }
            let config = paths.map { ConfigLoader.load(path: $0.configFile).config } ?? Config()
            let runtime = PaymentRuntime(paths: paths, limits: config.payments)
            if let paths, LocalFiles.exists(paths.walletDatabase) {
                _ = runtime.store()
                if LocalFiles.exists(paths.walletKey) { runtime.loadExistingKey() }
            }
            prepared = runtime
        }
    }

    /// The payment runtime, its wallet opened if it could be; waits for the warm-up to end.
    func runtime() -> PaymentRuntime {
        group.wait()
        return prepared!
    }

    /// Waits for the warm-up thread, so that the process never exits while it is inside SQLite.
    func finish() {
        group.wait()
    }
}
