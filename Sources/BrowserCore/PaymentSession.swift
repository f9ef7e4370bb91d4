import BigInt
import FoundationEssentials
import HTTPModel
import PaymentOffers
import WebAddress

/// What the wallet says about paying one offer: the balance it would come from and
/// whether policy asks, pays within an allowance, or refuses.
public struct OfferAssessment: Equatable, Sendable {
    public enum Decision: Equatable, Sendable {
        case ask
        /// Inside an allowance the user granted this site: paid without a prompt.
        case autoPay
        /// Cannot be paid; the reason says what the user can do.
        case refuse(String)
    }

    /// Index into the report's offers.
    public var offer: Int
    /// Nil when the wallet has no account for the offer's asset.
    public var balance: BigUInt?
    public var decision: Decision

    public init(offer: Int, balance: BigUInt?, decision: Decision) {
        self.offer = offer
        self.balance = balance
        self.decision = decision
    }
}

/// A payment signed earlier whose outcome is unknown: it is sent again, never signed anew.
public struct PendingCredential: Equatable, Sendable {
    public var reservation: Int64
    public var headers: [HTTPHeader]

    public init(reservation: Int64, headers: [HTTPHeader]) {
        self.reservation = reservation
        self.headers = headers
    }
}

/// What the runtime needs to reserve and sign one payment.
public struct PaymentOrder: Equatable, Sendable {
    public var session: Int
    public var offer: PaymentOffer
    public var origin: Origin
    public var resource: String
    /// When the user chose "pay and allow": the daily amount for this site, in base units.
    public var allowancePerDay: BigUInt?

    public init(session: Int, offer: PaymentOffer, origin: Origin, resource: String, allowancePerDay: BigUInt?) {
        self.session = session
        self.offer = offer
        self.origin = origin
        self.resource = resource
        self.allowancePerDay = allowancePerDay
    }
}

/// A reserved and signed payment, ready to go with the retried request.
public struct PreparedPayment: Equatable, Sendable {
    public var reservation: Int64
    /// The credential headers (`PAYMENT-SIGNATURE`, `Authorization: Payment …`).
    public var headers: [HTTPHeader]

    public init(reservation: Int64, headers: [HTTPHeader]) {
        self.reservation = reservation
        self.headers = headers
    }
}

/// How a payment ended, for the wallet.
public enum PaymentSettlement: Equatable, Sendable {
    case commit(receipt: String?)
    /// A definite failure: the money is released.
    case release(reason: String)
    /// Ambiguous: the credential may have been accepted; the money stays held.
    case pending
}

/// A 402 being answered: its offers, the wallet's view of them, and where the user is.
public struct PaymentSession: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        /// Waiting for the wallet's assessment.
        case assessing
        /// The prompt is shown.
        case choosing
        /// The prompt shows the decoded offer.
        case details
        /// Typing the daily amount to allow this site.
        case allowance(LineEditor)
        /// Reserving and signing.
        case preparing
        /// The signed retry is on its way.
        case sending(reservation: Int64)
    }

    public var id: Int
    public var origin: Origin?
    /// The request that got the 402, sent again with the credential.
    public var request: HTTPRequest
    public var resource: String
    public var report: OfferReport
    /// Offer indices in the order the prompt offers them: payable ones first, cheapest first.
    public var order: [Int]
    /// Index into `order` of the offer shown.
    public var selected = 0
    public var assessments: [Int: OfferAssessment] = [:]
    public var phase: Phase = .assessing
    /// Why the server refused the last attempt, shown in the prompt.
    public var serverReason: String?
    public var allowancePerDay: BigUInt?
    /// The credential being sent was signed before and its outcome was unknown: a refusal
    /// now may mean the server already took it, so the money is never released on one.
    public var resending = false

    /// The offer shown in the prompt.
    public var offer: PaymentOffer? {
        order.indices.contains(selected) ? report.offers[order[selected]] : nil
    }

    public var assessment: OfferAssessment? {
        order.indices.contains(selected) ? assessments[order[selected]] : nil
    }

    /// Whether the prompt is on screen and takes keys.
    public var isPrompting: Bool {
        switch phase {
        case .choosing, .details, .allowance: return true
        default: return false
        }
    }

    /// Payable offers (a signer exists) first, cheapest first; the rest after.
    static func order(_ offers: [PaymentOffer]) -> [Int] {
        offers.indices.sorted { left, right in
            let a = offers[left], b = offers[right]
            if a.signer.isAvailable != b.signer.isAvailable { return a.signer.isAvailable }
            switch (a.amount, b.amount) {
            case let (x?, y?) where a.decimals == b.decimals && x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return left < right
            }
        }
    }
}
