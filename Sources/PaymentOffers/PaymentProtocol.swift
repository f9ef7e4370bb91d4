/// Which wire protocol an offer came in.
public enum PaymentProtocol: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// x402 version 2: the `PAYMENT-REQUIRED` header.
    case x402v2
    /// x402 version 1: JSON in the 402 body.
    case x402v1
    /// The IETF "Payment" HTTP authentication scheme (MPP): `WWW-Authenticate: Payment`.
    case paymentScheme
    /// L402 (or its older name LSAT): a macaroon and a Lightning invoice.
    case l402
    /// Cashu NUT-24: an `X-Cashu` payment request.
    case cashu
    /// Cloudflare pay-per-crawl: a `crawler-price` header, for registered crawlers only.
    case cloudflareCrawl
    /// A price the server states in ad-hoc headers or its message, with no way to pay by machine.
    case informal

    /// A short name for people: "x402 v2", "Payment (MPP)", "L402".
    public var description: String {
        switch self {
        case .x402v2: "x402 v2"
        case .x402v1: "x402 v1"
        case .paymentScheme: "Payment (MPP)"
        case .l402: "L402"
        case .cashu: "Cashu"
        case .cloudflareCrawl: "Cloudflare pay-per-crawl"
        case .informal: "stated price"
        }
    }
}
