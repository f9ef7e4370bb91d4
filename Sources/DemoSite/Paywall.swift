import BigInt

/// The payment protocols a priced article can offer.
public enum DemoPaymentProtocol: String, Sendable, Hashable, CaseIterable {
    /// x402 version 2: `PAYMENT-REQUIRED` header, `PAYMENT-SIGNATURE` credential.
    case x402v2 = "x402 v2"
    /// x402 version 1: JSON body, `X-PAYMENT` credential.
    case x402v1 = "x402 v1"
    /// The Payment HTTP authentication scheme: `WWW-Authenticate: Payment`, `Authorization: Payment`.
    case paymentScheme = "Payment scheme"
}

/// What an article costs and how it may be paid.
struct Price: Sendable {
    /// Base units of `token`.
    let amount: BigUInt
    let token: DemoToken
    /// In the order the 402 response carries them.
    let protocols: [DemoPaymentProtocol]

    func offers(_ paymentProtocol: DemoPaymentProtocol) -> Bool { protocols.contains(paymentProtocol) }
}

/// Which kind of 402 an article answers with.
enum Paywall: Sendable {
    /// Free to read: 200.
    case free
    /// A machine-payable 402 that this site verifies and settles.
    case priced(Price)
    /// 402 with `Retry-After`, a plain-text reason and a renew link: nothing to pay.
    case expiredSubscription
    /// `WWW-Authenticate: L402` with a Lightning invoice Penny cannot pay.
    case lightning

    var price: Price? {
        if case .priced(let price) = self { return price }
        return nil
    }

    /// One line for the front page, saying which kind of 402 this is.
    var kindDescription: String {
        switch self {
        case .free:
            return "Free to read: answers 200, no 402."
        case .priced(let price):
            let cost = price.token.format(price.amount)
            if !price.token.advertisesDomain {
                return "402 with an x402 v2 offer of \(price.amount) base units of a token no wallet knows (no symbol, decimals, EIP-712 name or version): Penny shows it but cannot pay."
            }
            switch price.protocols {
            case [.x402v2]: return "402 with an x402 version 2 offer only: \(cost) in a PAYMENT-REQUIRED header, paid with PAYMENT-SIGNATURE."
            case [.x402v1]: return "402 with an x402 version 1 offer: \(cost) in the JSON body, paid with X-PAYMENT."
            case [.paymentScheme]: return "402 with a Payment authentication scheme challenge only: \(cost) in WWW-Authenticate: Payment, paid with Authorization: Payment."
            default:
                return "402 with both an x402 v2 offer and a Payment challenge, as production servers now send: \(cost) either way."
            }
        case .expiredSubscription:
            return "402 for an expired subscription: Retry-After, a plain-text reason and a renew link; nothing a browser can pay."
        case .lightning:
            return "402 with an L402 challenge: a macaroon and a Lightning invoice; Penny has no Lightning wallet and cannot pay it."
        }
    }
}
