import FoundationEssentials
import WebAddress

/// Everything one response says about paying: offers, refused offers, and the rest.
public struct OfferReport: Sendable, Hashable {
    /// Every usable offer, in the order the response carried them (headers in order,
    /// then the body), at most `OfferParser.maximumOffers`.
    public var offers: [PaymentOffer]
    /// One sanitized sentence per offer that could not be used and why.
    public var unusable: [String]
    /// How many offers were found beyond the cap and left out.
    public var droppedOfferCount: Int
    /// Errors the server reported with its offers (x402's `error`, a problem `detail`).
    public var serverErrors: [String]
    /// What the response says for people: message, link, retry time, ad-hoc price.
    public var informal: InformalPaymentInfo?
    /// The origin of the response's final URL: who asks to be paid.
    public var origin: Origin?

    public init(offers: [PaymentOffer] = [], unusable: [String] = [], droppedOfferCount: Int = 0,
                serverErrors: [String] = [], informal: InformalPaymentInfo? = nil, origin: Origin? = nil) {
        self.offers = offers
        self.unusable = unusable
        self.droppedOfferCount = droppedOfferCount
        self.serverErrors = serverErrors
        self.informal = informal
        self.origin = origin
    }

    /// Whether some offer can be answered by a signer Penny has.
    public var hasSignableOffer: Bool {
        offers.contains { $0.signer.isAvailable }
    }
}

/// What a 402 tells people beyond machine-readable offers. Every field is sanitized.
public struct InformalPaymentInfo: Sendable, Hashable {
    /// The server's explanation: a JSON `message`/`detail`, or the plain-text body.
    public var message: String?
    /// A JSON `error` code such as "InsufficientCredits".
    public var errorCode: String?
    /// Where to pay, top up or renew: an absolute http(s) URL from the body or `Location`.
    public var paymentLink: String?
    /// When to try again (`Retry-After`).
    public var retryAfter: RetryAfter?
    /// The `Payment-Type` header.
    public var paymentType: String?
    /// The `Amount` header (or a JSON `price`/`amount`), as written.
    public var statedAmount: String?
    /// The `Currency` header (or a JSON `currency`), as written.
    public var statedCurrency: String?
    /// The reason phrase of the status line, e.g. "Payment Required".
    public var reasonPhrase: String?

    public init(message: String? = nil, errorCode: String? = nil, paymentLink: String? = nil,
                retryAfter: RetryAfter? = nil, paymentType: String? = nil, statedAmount: String? = nil,
                statedCurrency: String? = nil, reasonPhrase: String? = nil) {
        self.message = message
        self.errorCode = errorCode
        self.paymentLink = paymentLink
        self.retryAfter = retryAfter
        self.paymentType = paymentType
        self.statedAmount = statedAmount
        self.statedCurrency = statedCurrency
        self.reasonPhrase = reasonPhrase
    }

    /// Whether nothing at all was found.
    public var isEmpty: Bool {
        self == InformalPaymentInfo()
    }
}

/// A `Retry-After` value.
public enum RetryAfter: Sendable, Hashable {
    case seconds(Int)
    case date(Date)
    /// A value that is neither, sanitized.
    case unreadable(String)
}
