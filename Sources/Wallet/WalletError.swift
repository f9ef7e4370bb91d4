/// Why a wallet operation was refused. A refused operation changed nothing.
public enum WalletError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A top-up on a main network: real money is funded on-chain, not typed in.
    case notATestNetwork(network: String)
    /// A budget on a test network, whose funds come from top-ups.
    case notAMainNetwork(network: String)
    /// No account holds this asset on this network.
    case unknownAccount(network: String, asset: String)
    /// The symbol or decimals given disagree with the account or with Penny's known assets.
    case accountMismatch(String)
    /// An amount that cannot be used: zero, above a uint256, or a total beyond one.
    case invalidAmount(String)
    /// Any other argument that cannot be used (an empty origin, an empty nonce...).
    case invalidInput(String)
    /// The payment is more than what the account has left.
    case insufficientFunds(balance: Amount, needed: Amount)
    /// The user blocked this payee.
    case payeeBlocked(payee: String)
    /// The payment is above the account's per-payment maximum.
    case overPerPaymentMaximum(maximum: Amount, amount: Amount)
    /// The payment would take today's spending on the account above its daily cap.
    case overDailyCap(cap: Amount, spentToday: Amount, amount: Amount)
    /// A reservation with this authorization nonce exists: this offer was answered already.
    case duplicateNonce(String)
    /// No payment has this id.
    case unknownPayment(PaymentID)
    /// The payment's state does not allow the requested change.
    case illegalTransition(PaymentID, from: PaymentState, action: String)
    /// A credential is attached already: send that one again, never sign a second.
    case credentialAlreadyAttached(PaymentID)
    /// The action needs the signed credential attached first.
    case credentialMissing(PaymentID)
    /// A budget below what the account has already spent or holds.
    case budgetBelowSpent(budget: Amount, spent: Amount)
    /// Stored data this Penny cannot read (a hand-edited or damaged ledger).
    case ledgerDamaged(String)
    /// SQLite failed (disk full, database locked for too long, ...).
    case database(String)

    public var description: String {
        switch self {
        case .notATestNetwork(let network):
            "main networks are funded on-chain; set a budget instead (\(network) is not a test network)"
        case .notAMainNetwork(let network):
            "\(network) is a test network: top it up instead of setting a budget"
        case .unknownAccount(let network, let asset):
            "the wallet has no account for \(asset) on \(network): top it up (test networks) or set a budget (main networks)"
        case .accountMismatch(let reason), .invalidAmount(let reason), .invalidInput(let reason):
            reason
        case .insufficientFunds(let balance, let needed):
            "insufficient funds: the payment is \(needed), the balance is \(balance)"
        case .payeeBlocked(let payee):
            "the payee \(payee) is blocked"
        case .overPerPaymentMaximum(let maximum, let amount):
            "the payment of \(amount) is above the per-payment maximum of \(maximum)"
        case .overDailyCap(let cap, let spentToday, let amount):
            "the payment of \(amount) would exceed the daily cap of \(cap) (\(spentToday) spent today)"
        case .duplicateNonce(let nonce):
            "a payment with the authorization nonce \(nonce) exists already: this offer was answered once"
        case .unknownPayment(let id):
            "no payment has the id \(id.rawValue)"
        case .illegalTransition(let id, let from, let action):
            "payment \(id.rawValue) is \(from.rawValue): it cannot be \(action)"
        case .credentialAlreadyAttached(let id):
            "payment \(id.rawValue) already has a signed credential: send that one again, never sign twice"
        case .credentialMissing(let id):
            "payment \(id.rawValue) has no signed credential attached"
        case .budgetBelowSpent(let budget, let spent):
            "a budget of \(budget) is below the \(spent) already spent or held"
        case .ledgerDamaged(let reason):
            "the wallet's ledger is damaged: \(reason)"
        case .database(let reason):
            "the wallet database failed: \(reason)"
        }
    }
}

/// Why a wallet file was not opened. Penny never changes, migrates or overwrites such a file.
public struct WalletFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Not an SQLite database at all.
        case notADatabase
        /// Shorter than its own header says: cut off.
        case truncated
        /// An SQLite database that fails its integrity check.
        case damaged
        /// A sound SQLite database that is not a Penny wallet.
        case notAPennyWallet
        /// A wallet written by a newer Penny, whose schema this Penny does not know.
        case newerSchema
        /// The file could not be created, read or changed (permissions, missing folder...).
        case unusable
        /// The wallet was fine, but bringing its schema up to date failed.
        case migrationFailed
    }

    public var kind: Kind
    /// The wallet's path.
    public var path: String
    /// What is wrong and how to recover, in sentences to show as they are.
    public var message: String

    public init(kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    public var description: String { message }

    static let unchanged = "Penny has not changed it."

    static func notADatabase(_ path: String) -> WalletFileError {
        WalletFileError(kind: .notADatabase, path: path, message: """
            \(path) is not a Penny wallet: it is not an SQLite database (damaged, or another program's file). \
            \(unchanged) To start a new wallet, move the file elsewhere; to restore one, copy a backup \
            (\(path).backup-v…) to \(path).
            """)
    }

    static func truncated(_ path: String, size: Int, expected: Int) -> WalletFileError {
        WalletFileError(kind: .truncated, path: path, message: """
            \(path) is a damaged wallet: it has \(size) bytes but its header says \(expected), so it was cut off \
            (a full disk, or an interrupted copy). \(unchanged) Keep a copy, then restore a backup \
            (\(path).backup-v…) or try `sqlite3 \(path) .recover`.
            """)
    }

    static func damaged(_ path: String, detail: String) -> WalletFileError {
        WalletFileError(kind: .damaged, path: path, message: """
            \(path) is a damaged wallet: \(detail). \(unchanged) Keep a copy, then restore a backup \
            (\(path).backup-v…) or try `sqlite3 \(path) .recover`.
            """)
    }

    static func notAPennyWallet(_ path: String, detail: String) -> WalletFileError {
        WalletFileError(kind: .notAPennyWallet, path: path, message: """
            \(path) is an SQLite database but not a Penny wallet (\(detail)). \(unchanged) Move it elsewhere, \
            or choose another wallet path.
            """)
    }

    static func newerSchema(_ path: String, found: String, known: Int) -> WalletFileError {
        WalletFileError(kind: .newerSchema, path: path, message: """
            \(path) was written by a newer Penny (\(found); this Penny knows wallet schema versions up to \(known)). \
            \(unchanged) Update Penny to use this wallet.
            """)
    }

    static func unusable(_ path: String, detail: String) -> WalletFileError {
        WalletFileError(kind: .unusable, path: path, message: "\(path) cannot be used as the wallet: \(detail).")
    }
}
