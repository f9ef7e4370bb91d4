import BigInt
import Foundation

/// The id of a ledger entry (a payment or a top-up).
public struct PaymentID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }

    public static func < (lhs: PaymentID, rhs: PaymentID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }
}

/// Where a payment is in its life.
///
/// ```
/// reserved ──commit──▶ committed
///    │  └──markPending──▶ pending ──commit──▶ committed
///    │                       └──release──▶ released
///    └──release──▶ released
/// ```
/// `reserved`, `pending` and `committed` payments count against the balance; `released`
/// ones gave their money back.
public enum PaymentState: String, Sendable, Hashable, CaseIterable {
    /// Money held, nothing sent yet (the credential may be signed and stored).
    case reserved
    /// The server accepted the credential: spent.
    case committed
    /// A definite failure: the money is back.
    case released
    /// Ambiguous (a timeout after sending): the credential may have been accepted, so the
    /// money stays held until the payment is resolved.
    case pending

    /// Whether the money still counts as spent or held.
    public var holdsFunds: Bool { self != .released }
}

/// What a ledger entry records.
public enum EntryKind: String, Sendable, Hashable {
    /// Test-network funds added by the user.
    case topUp = "topup"
    case payment
}

/// Whether an account is play money or real money.
public enum AccountKind: String, Sendable, Hashable {
    /// A test network: funded with top-ups.
    case test
    /// A main network: funded on-chain; the ledger keeps spending within a budget.
    case main
}

/// Which networks are test networks: only these can be topped up.
public enum WalletNetworks {
    /// eip155:31337 (Penny's demo chain), eip155:84532 (Base Sepolia), eip155:11155111 (Sepolia).
    public static let testNetworks: Set<String> = ["eip155:31337", "eip155:84532", "eip155:11155111"]

    public static func kind(of network: String) -> AccountKind {
        testNetworks.contains(network) ? .test : .main
    }
}

/// Limits the ledger enforces on every reservation of an account (nil: no limit).
///
/// They are per account because amounts only compare within one asset: "1.00" is a
/// fine maximum for USDC and a ruinous one for ETH.
public struct SpendingLimits: Sendable, Hashable {
    /// The largest single payment, in base units.
    public var maxPerPayment: BigUInt?
    /// The most that may be reserved, pending or spent per day (the clock's day), in base units.
    public var dailyCap: BigUInt?

    public init(maxPerPayment: BigUInt? = nil, dailyCap: BigUInt? = nil) {
        self.maxPerPayment = maxPerPayment
        self.dailyCap = dailyCap
    }
}

/// One asset on one network and what the wallet knows about it.
public struct WalletAccount: Sendable, Hashable {
    public var id: Int64
    public var network: String
    /// The token contract or currency code, lower-cased.
    public var asset: String
    public var symbol: String
    public var decimals: Int
    public var kind: AccountKind
    /// The spending budget of a main-network account; nil for test accounts.
    public var budget: BigUInt?
    public var limits: SpendingLimits

    /// `baseUnits` of this account's asset, ready to format.
    public func amount(_ baseUnits: BigUInt) -> Amount {
        Amount(baseUnits: baseUnits, decimals: decimals, symbol: symbol)
    }
}

/// An account with its totals, all computed in one read.
public struct AccountSummary: Sendable, Hashable {
    public var account: WalletAccount
    /// Top-ups (test) or the budget (main).
    public var funded: Amount
    /// Committed payments.
    public var spent: Amount
    /// Reserved and pending payments.
    public var held: Amount
    /// `funded − spent − held`, never negative.
    public var balance: Amount
}

/// Everything needed to reserve money for one payment.
public struct PaymentIntent: Sendable, Hashable {
    public var network: String
    /// The token contract or currency code (compared lower-cased).
    public var asset: String
    /// The price in base units.
    public var amount: BigUInt
    /// Who gets paid, as the offer gave it.
    public var payee: String?
    /// The origin of the page that asked ("https://example.com").
    public var origin: String
    /// The URL the payment is for.
    public var resourceURL: String?
    /// The protocol that carried the offer ("x402v2", "paymentScheme"...).
    public var paymentProtocol: String
    /// The offer as the browser saw it, as JSON text (`OfferRecord.json(of:)`).
    public var offerJSON: String
    /// The authorization nonce the credential will carry (an EIP-3009 nonce as 0x-hex).
    /// The ledger refuses a second reservation with the same nonce.
    public var nonce: String

    public init(network: String, asset: String, amount: BigUInt, payee: String?, origin: String,
                resourceURL: String?, paymentProtocol: String, offerJSON: String, nonce: String) {
        self.network = network
        self.asset = asset
        self.amount = amount
        self.payee = payee
        self.origin = origin
        self.resourceURL = resourceURL
        self.paymentProtocol = paymentProtocol
        self.offerJSON = offerJSON
        self.nonce = nonce
    }
}

/// Money held for one payment, returned by `WalletStore.reserve`.
public struct Reservation: Sendable, Hashable {
    public var id: PaymentID
    public var nonce: String
    public var amount: Amount
    /// The account's balance right after the reservation.
    public var balanceAfter: Amount
    public var createdAt: Date
}

/// One row of the ledger: a top-up or a payment.
public struct LedgerEntry: Sendable, Hashable {
    public var id: PaymentID
    public var network: String
    public var asset: String
    public var kind: EntryKind
    /// nil for top-ups.
    public var state: PaymentState?
    public var amount: Amount
    public var origin: String?
    public var resourceURL: String?
    public var payee: String?
    public var paymentProtocol: String?
    public var offerJSON: String?
    public var nonce: String?
    /// The signed credential, stored before it was sent; resend exactly this.
    public var credential: [UInt8]?
    public var receipt: String?
    /// Why the payment was released.
    public var reason: String?
    public var createdAt: Date
    public var updatedAt: Date
}

/// A site's permission to be paid without asking, up to an amount per day.
public struct Allowance: Sendable, Hashable {
    public var origin: String
    public var network: String
    public var asset: String
    /// Base units per day (the clock's day).
    public var perDay: BigUInt
    public var createdAt: Date
}
