import JSONWriting
import BigInt
import BrowserConfig
import BrowserCore
import EVMSigning
import FoundationEssentials
import HTTPModel
import PaymentCredentials
import PaymentOffers
import PennyDump
import Wallet
import WebAddress

/// Runs the payment effects against the local wallet: assess offers, reserve and sign,
/// settle. The order is the ledger's promise: reserve before any network call, store the
/// credential before it is sent, never sign twice.
final class PaymentRuntime {
    private let paths: PennyPaths?
    private let limits: Config.Payments
    private var opened: Result<WalletStore, WalletProblem>?

    init(paths: PennyPaths?, limits: Config.Payments = Config.Payments()) {
        self.paths = paths
        self.limits = limits
    }

    struct WalletProblem: Error, CustomStringConvertible {
        var description: String
    }

    /// The wallet, opened on first use; a damaged one stays closed with its reason.
    func store() -> Result<WalletStore, WalletProblem> {
        if let opened { return opened }
        let result: Result<WalletStore, WalletProblem>
        if let paths {
            LocalFiles.makeFolder(paths.dataFolder)
            do {
                let store = try WalletStore(path: paths.walletDatabase)
                // A Penny that crashed mid-payment left reservations behind: with a stored
                // credential they become pending (it may have been sent), without one released.
                _ = try? store.recoverInterruptedPayments(olderThan: 600)
                applyLimits(store)
                result = .success(store)
            } catch {
                result = .failure(WalletProblem(description: error.description))
            }
        } else {
            result = .failure(WalletProblem(description: "No data folder: set HOME or PENNY_HOME."))
        }
        opened = result
        return result
    }

    /// For a process about to exit (`penny --dump`): the wallet stays open until the process
    /// ends. Closing it would fold the write-ahead log into the wallet file, two more waits for
    /// the disk after the page has arrived; the log is as safe where it is (what had to be on
    /// disk was synced at its commit), the next Penny reads it, and SQLite folds it in every
    /// `WalletStore.checkpointPages` pages. Releasing the store would also run GRDB's
    /// `DatabaseQueue` deinit, whose first use of Foundation's NotificationCenter costs more.
    func leaveOpenForExit() {
        guard case .success(let store)? = opened else { return }
        _ = Unmanaged.passRetained(store)
    }

    /// The config's `[payments]` limits, handed to the ledger, which enforces them when it reserves.
    /// Only what differs from the ledger is written: every write is a commit synced to disk.
    private func applyLimits(_ store: WalletStore) {
        if !limits.blockedPayees.isEmpty {
            let blocked = Set((try? store.blockedPayees()) ?? [])
            for payee in limits.blockedPayees where !blocked.contains(payee.lowercased()) {
                try? store.blockPayee(payee)
            }
        }
        guard let accounts = try? store.accountsWithoutTotals() else { return }
        for account in accounts {
            let decimals = account.decimals
            let maximum = limits.maxPerPayment.flatMap { try? AmountFormatter.parse($0, decimals: decimals) }
            let cap = limits.dailyCap.flatMap { try? AmountFormatter.parse($0, decimals: decimals) }
            let configured = SpendingLimits(maxPerPayment: maximum, dailyCap: cap)
            if account.limits != configured {
                try? store.setLimits(network: account.network, asset: account.asset, configured)
            }
        }
    }

    /// The key, read once (made on first use); see `loadExistingKey`.
    private var loadedKey: PrivateKey?

    func key() throws(WalletKeyFile.Problem) -> PrivateKey {
        if let loadedKey { return loadedKey }
        guard let paths else { throw WalletKeyFile.Problem(description: "No data folder: set HOME or PENNY_HOME.") }
        LocalFiles.makeFolder(paths.dataFolder)
        let key = try WalletKeyFile.loadOrCreate(paths.walletKey)
        loadedKey = key
        return key
    }

    /// Reads the key ahead of a payment when one exists; creates nothing, and a key that
    /// cannot be read is left for `key()` to report.
    func loadExistingKey() {
        guard loadedKey == nil, let paths else { return }
        loadedKey = try? WalletKeyFile.load(paths.walletKey)
    }

    /// A few lines about the wallet for the start page; it is not created just to be shown.
    func summary() -> [String] {
        guard let paths else { return [] }
        guard LocalFiles.exists(paths.walletDatabase) else {
            return ["No wallet yet. Play money for a test network: penny wallet topup 5 --network eip155:84532 --asset USDC"]
        }
        var lines: [String] = []
        if let key = try? WalletKeyFile.load(paths.walletKey) {
            lines.append("Address " + key.address.checksummed)
        }
        switch store() {
        case .failure(let problem):
            lines.append("The wallet cannot be used: " + problem.description)
        case .success(let store):
            let accounts = (try? store.accounts()) ?? []
            if accounts.isEmpty { lines.append("The wallet is empty.") }
            for summary in accounts {
                lines.append("\(summary.balance) on \(summary.account.network) (\(summary.account.kind.rawValue)), spent \(summary.spent)")
            }
            if let pending = try? store.pendingPayments(), !pending.isEmpty {
                lines.append("\(pending.count) payment(s) pending: penny wallet pending")
            }
        }
        return lines
    }

    func assess(session: Int, origin: Origin?, resource: String, offers: [PaymentOffer], dispatch: (BrowserMessage) -> Void) {
        let store: WalletStore
        switch self.store() {
        case .success(let opened): store = opened
        case .failure(let problem):
            let refusal = "The wallet cannot be used: \(problem.description)"
            dispatch(.paymentAssessed(session: session, assessments: offers.indices.map {
                OfferAssessment(offer: $0, balance: nil, decision: .refuse(refusal))
            }, pending: nil))
            return
        }
        let pending = pendingCredential(store, resource: resource)
        let assessments = offers.enumerated().map { index, offer in
            assess(store, offer, index: index, origin: origin)
        }
        dispatch(.paymentAssessed(session: session, assessments: assessments, pending: pending))
    }

    private func assess(_ store: WalletStore, _ offer: PaymentOffer, index: Int, origin: Origin?) -> OfferAssessment {
        if let reason = offer.signer.reason {
            return OfferAssessment(offer: index, balance: nil, decision: .refuse(reason))
        }
        guard let network = offer.network, let asset = offer.asset, let origin else {
            return OfferAssessment(offer: index, balance: nil, decision: .refuse("The offer names no network or asset."))
        }
        do {
            // The account, its balance and everything the policy needs, in one read.
            let context = try store.policyContext(offer: offer, origin: origin.description)
            guard context.account != nil else {
                let symbol = offer.assetSymbol ?? asset
                let advice = WalletNetworks.kind(of: network) == .test
                    ? "Top up play money: penny wallet topup 5 --network \(network) --asset \(symbol)"
                    : "Set a budget: penny wallet budget 5 --network \(network) --asset \(symbol)"
                return OfferAssessment(offer: index, balance: nil,
                                       decision: .refuse("No \(symbol) on \(network) in the wallet. \(advice)"))
            }
            let decision: OfferAssessment.Decision
            switch PaymentPolicy.decide(context) {
            case .ask: decision = .ask
            case .autoPay: decision = .autoPay
            case .refuse(let reason): decision = .refuse(reason)
            }
            return OfferAssessment(offer: index, balance: context.balance, decision: decision)
        } catch {
            return OfferAssessment(offer: index, balance: nil, decision: .refuse("The wallet failed: \(error.description)"))
        }
    }

    /// A signed payment for this page whose outcome is unknown, to be sent again as it is.
    private func pendingCredential(_ store: WalletStore, resource: String) -> PendingCredential? {
        guard let pending = try? store.pendingPayments() else { return nil }
        for entry in pending where entry.resourceURL == resource {
            if let credential = entry.credential, let headers = CredentialHeaders.decode(credential) {
                return PendingCredential(reservation: entry.id.rawValue, headers: headers)
            }
        }
        return nil
    }

    func prepare(_ order: PaymentOrder, dispatch: (BrowserMessage) -> Void) {
        let store: WalletStore
        switch self.store() {
        case .success(let opened): store = opened
        case .failure(let problem):
            return dispatch(.paymentNotPrepared(session: order.session, reason: problem.description))
        }
        let key: PrivateKey
        do {
            key = try self.key()
        } catch {
            return dispatch(.paymentNotPrepared(session: order.session, reason: error.description))
        }
        // Signed first, then reserved with its credential in one commit that is on disk before
        // the credential can leave: a credential whose reservation is refused is never sent.
        let nonce = CredentialBuilder.nonce(for: order.offer)
        var intent: PaymentIntent
        do {
            intent = try PaymentIntent(offer: order.offer, origin: order.origin.description, nonce: Hex.encode(nonce))
            intent.resourceURL = order.resource
        } catch {
            return dispatch(.paymentNotPrepared(session: order.session, reason: error.description))
        }
        let credential: SignedCredential
        do {
            credential = try CredentialBuilder.build(offer: order.offer, key: key, nonce: nonce, now: Date())
        } catch {
            return dispatch(.paymentNotPrepared(session: order.session, reason: "Could not sign: \(error)"))
        }
        let reservation: Reservation
        do {
            reservation = try store.reserve(intent, credential: CredentialHeaders.encode(credential.headers))
        } catch {
            return dispatch(.paymentNotPrepared(session: order.session, reason: error.description))
        }
        if let perDay = order.allowancePerDay, let network = order.offer.network, let asset = order.offer.asset {
            try? store.setAllowance(origin: order.origin.description, network: network, asset: asset, perDay: perDay)
        }
        dispatch(.paymentPrepared(session: order.session, payment: PreparedPayment(reservation: reservation.id.rawValue,
                                                                                     headers: credential.headers)))
    }

    func settle(reservation: Int64, _ settlement: PaymentSettlement, dispatch: (BrowserMessage) -> Void) {
        guard case .success(let store) = self.store() else {
            return dispatch(.paymentSettled(reservation: reservation, error: "the wallet is not open"))
        }
        let id = PaymentID(reservation)
        do {
            // Logged, not waited for: the reservation and the credential are on disk already,
            // and what a power cut could lose here, recovery restores (`WalletStore.commit`).
            switch settlement {
            case .commit(let receipt): try store.commit(reservation: id, receipt: receipt, durability: .logged)
            case .release(let reason): try store.release(reservation: id, reason: reason, durability: .logged)
            case .pending: try store.markPending(reservation: id, durability: .logged)
            }
            dispatch(.paymentSettled(reservation: reservation, error: nil))
        } catch {
            dispatch(.paymentSettled(reservation: reservation, error: error.description))
        }
    }
}

/// Credential headers as stored with a reservation: a JSON array of [name, value] pairs.
enum CredentialHeaders {
    static func encode(_ headers: [HTTPHeader]) -> [UInt8] {
        let pairs = headers.map { "[" + JSONWriter.string($0.name, escapingTerminalControls: true) + "," + JSONWriter.string($0.value, escapingTerminalControls: true) + "]" }
        return Array(("[" + pairs.joined(separator: ",") + "]").utf8)
    }

    static func decode(_ bytes: [UInt8]) -> [HTTPHeader]? {
        guard let value = JSONValue.parse(bytes), let pairs = value.array else { return nil }
        var headers: [HTTPHeader] = []
        for pair in pairs {
            guard let items = pair.array, items.count == 2, let name = items[0].string, let text = items[1].string else { return nil }
            headers.append(HTTPHeader(name: name, value: text))
        }
        return headers
    }
}
