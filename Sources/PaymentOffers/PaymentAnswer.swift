import BigInt

/// What Penny needs to answer one offer: the server's own words, kept exactly.
///
/// Everything in here is wire data for building a credential (servers compare it byte
/// for byte or sign over it). None of it is sanitized; show the offer's own fields instead.
public enum PaymentAnswer: Sendable, Hashable {
    case x402v2(X402V2Answer)
    case x402v1(X402V1Answer)
    case paymentScheme(PaymentChallenge)
    case l402(L402Challenge)
    case cashu(CashuPaymentRequest)
    /// Nothing to answer with: the offer is for showing only.
    case displayOnly
}

/// An x402 v2 offer's parts that go back in the `PAYMENT-SIGNATURE` payload.
public struct X402V2Answer: Sendable, Hashable {
    /// The request header that carries the answer.
    public static let requestHeader = "PAYMENT-SIGNATURE"

    /// The chosen `PaymentRequirements` exactly as the server sent them, to copy into
    /// the payload's `accepted` verbatim.
    public var acceptedJSON: [UInt8]
    /// The same requirements, parsed.
    public var accepted: JSONValue
    /// The `resource` object as sent, to echo; nil when the server sent none.
    public var resourceJSON: [UInt8]?
    /// The `extensions` object as sent, to echo; nil when the server sent none.
    public var extensionsJSON: [UInt8]?

    public init(acceptedJSON: [UInt8], accepted: JSONValue, resourceJSON: [UInt8]?, extensionsJSON: [UInt8]?) {
        self.acceptedJSON = acceptedJSON
        self.accepted = accepted
        self.resourceJSON = resourceJSON
        self.extensionsJSON = extensionsJSON
    }
}

/// An x402 v1 offer's requirements, for the `X-PAYMENT` payload.
public struct X402V1Answer: Sendable, Hashable {
    /// The request header that carries the answer.
    public static let requestHeader = "X-PAYMENT"

    /// The requirements object exactly as the server sent it.
    public var requirementsJSON: [UInt8]
    public var requirements: JSONValue
    /// `scheme` as written, to repeat in the payload.
    public var scheme: String
    /// `network` as written (a plain name such as "base-sepolia"), to repeat in the payload.
    public var network: String

    public init(requirementsJSON: [UInt8], requirements: JSONValue, scheme: String, network: String) {
        self.requirementsJSON = requirementsJSON
        self.requirements = requirements
        self.scheme = scheme
        self.network = network
    }
}

/// One `name=value` parameter of a `WWW-Authenticate` challenge.
public struct AuthParameter: Sendable, Hashable {
    /// The name as written (names compare ignoring case).
    public var name: String
    /// The value after quoted-string unescaping, otherwise untouched: what to echo.
    public var value: String
    /// The value's text on the wire, quotes and backslashes included.
    public var wireText: String

    public init(name: String, value: String, wireText: String) {
        self.name = name
        self.value = value
        self.wireText = wireText
    }
}

/// A `WWW-Authenticate: Payment` challenge, kept whole for the credential's echo.
public struct PaymentChallenge: Sendable, Hashable {
    /// The parameters the credential's `challenge` object repeats, in the draft's order.
    public static let echoedParameters = ["id", "realm", "method", "intent", "request", "description",
                                          "opaque", "digest", "expires", "header"]

    /// The scheme name as written ("Payment").
    public var schemeName: String
    /// Every parameter, in order, exactly as received.
    public var parameters: [AuthParameter]
    /// The decoded `request` parameter's JSON text.
    public var requestJSON: [UInt8]
    /// The decoded `request` parameter.
    public var request: JSONValue
    /// The request header the credential goes in: `Authorization`, or the challenge's
    /// `header` parameter (`Payment-Authorization`).
    public var credentialHeader: String

    public init(schemeName: String, parameters: [AuthParameter], requestJSON: [UInt8], request: JSONValue,
                credentialHeader: String) {
        self.schemeName = schemeName
        self.parameters = parameters
        self.requestJSON = requestJSON
        self.request = request
        self.credentialHeader = credentialHeader
    }

    /// The value of the parameter named `name` (ignoring case), exactly as received.
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var id: String { parameter("id") ?? "" }
    public var realm: String { parameter("realm") ?? "" }
    public var method: String { parameter("method") ?? "" }
    public var intent: String { parameter("intent") ?? "" }
    /// The `expires` parameter as written (RFC 3339).
    public var expires: String? { parameter("expires") }

    /// The credential's `challenge` object: each echoed parameter the server sent, with
    /// its exact value, and nothing else (unknown parameters are not echoed).
    public var echoedChallenge: JSONValue {
        .object(Self.echoedParameters.compactMap { name in
            parameter(name).map { JSONMember(key: name, value: .string($0)) }
        })
    }
}

/// An L402 (or LSAT) challenge: pay the invoice, then present macaroon and preimage.
public struct L402Challenge: Sendable, Hashable {
    /// "L402" or "LSAT" as written; the credential uses the same scheme name.
    public var schemeName: String
    /// The base64 macaroon, as sent.
    public var macaroon: String
    /// The BOLT11 invoice, as sent.
    public var invoice: String
    /// The `version` parameter, when present.
    public var version: String?

    public init(schemeName: String, macaroon: String, invoice: String, version: String?) {
        self.schemeName = schemeName
        self.macaroon = macaroon
        self.invoice = invoice
        self.version = version
    }
}

/// A decoded Cashu NUT-18 payment request (`creqA...`). Values are as sent, unsanitized.
public struct CashuPaymentRequest: Sendable, Hashable {
    /// The header value as sent.
    public var encoded: String
    /// The whole request as JSON (byte strings become hex), e.g.
    /// `{"a":10,"u":"sat","m":["http://127.0.0.1:3338"]}`.
    public var decoded: JSONValue
    /// `i`: the payment id to include in the payment.
    public var paymentID: String?
    /// `a`: the amount in `unit`.
    public var amount: BigUInt?
    /// `u`: the unit ("sat", "usd", ...).
    public var unit: String?
    /// `s`: whether the request is for a single payment.
    public var singleUse: Bool?
    /// `m`: the mints whose tokens are accepted.
    public var mints: [String]
    /// `d`: the description.
    public var description: String?
    /// Whether `nut10` asks for a locking condition.
    public var hasLockingCondition: Bool

    public init(encoded: String, decoded: JSONValue, paymentID: String?, amount: BigUInt?, unit: String?,
                singleUse: Bool?, mints: [String], description: String?, hasLockingCondition: Bool) {
        self.encoded = encoded
        self.decoded = decoded
        self.paymentID = paymentID
        self.amount = amount
        self.unit = unit
        self.singleUse = singleUse
        self.mints = mints
        self.description = description
        self.hasLockingCondition = hasLockingCondition
    }
}
