import BigInt
import Foundation
import PaymentOffers

/// The offer as the browser saw it, kept in the ledger next to the payment.
public enum OfferRecord {
    /// Compact JSON of the offer: its fields (the price as a decimal string of base units,
    /// never a float) and, under "wire", the server's own data needed to answer it.
    public static func json(of offer: PaymentOffer) -> String {
        var members: [JSONMember] = []
        func add(_ key: String, _ value: JSONValue?) {
            if let value { members.append(JSONMember(key: key, value: value)) }
        }
        add("protocol", .string(offer.paymentProtocol.rawValue))
        add("scheme", .string(offer.scheme))
        add("method", .string(offer.method))
        add("network", offer.network.map(JSONValue.string))
        add("asset", offer.asset.map(JSONValue.string))
        add("amount", offer.amount.map { .string(String($0)) })
        add("decimals", offer.decimals.map { .number(String($0)) })
        add("symbol", offer.assetSymbol.map(JSONValue.string))
        add("assetName", offer.assetName.map(JSONValue.string))
        add("payee", offer.payee.map(JSONValue.string))
        add("resource", offer.resource.map(JSONValue.string))
        add("description", offer.description.map(JSONValue.string))
        add("expires", offer.expires.map { .number(String(Int64($0.timeIntervalSince1970.rounded(.down)))) })
        add("maxTimeoutSeconds", offer.maxTimeoutSeconds.map { .number(String($0)) })
        if let domain = offer.tokenDomain {
            add("tokenDomain", .object([
                JSONMember(key: "name", value: .string(domain.name)),
                JSONMember(key: "version", value: .string(domain.version)),
                JSONMember(key: "chainId", value: .string(String(domain.chainID))),
                JSONMember(key: "verifyingContract", value: .string(domain.verifyingContract)),
            ]))
        }
        add("wire", wire(offer.answer))
        if !offer.notes.isEmpty { add("notes", .array(offer.notes.map(JSONValue.string))) }
        return JSONValue.object(members).jsonText
    }

    private static func text(_ bytes: [UInt8]) -> JSONValue {
        .string(String(decoding: bytes, as: UTF8.self))
    }

    private static func wire(_ answer: PaymentAnswer) -> JSONValue? {
        switch answer {
        case .x402v2(let answer):
            var members = [JSONMember(key: "accepted", value: text(answer.acceptedJSON))]
            if let resource = answer.resourceJSON { members.append(JSONMember(key: "resource", value: text(resource))) }
            if let extensions = answer.extensionsJSON {
                members.append(JSONMember(key: "extensions", value: text(extensions)))
            }
            return .object(members)
        case .x402v1(let answer):
            return .object([JSONMember(key: "requirements", value: text(answer.requirementsJSON))])
        case .paymentScheme(let challenge):
            return .object([
                JSONMember(key: "scheme", value: .string(challenge.schemeName)),
                JSONMember(key: "parameters", value: .array(challenge.parameters.map {
                    .object([JSONMember(key: "name", value: .string($0.name)),
                             JSONMember(key: "value", value: .string($0.value))])
                })),
            ])
        case .l402(let challenge):
            return .object([
                JSONMember(key: "scheme", value: .string(challenge.schemeName)),
                JSONMember(key: "invoice", value: .string(challenge.invoice)),
            ])
        case .cashu(let request):
            return .object([JSONMember(key: "request", value: .string(request.encoded))])
        case .displayOnly:
            return nil
        }
    }
}

extension PaymentIntent {
    /// The intent to pay `offer` for a page of `origin`, with the credential's `nonce`.
    ///
    /// Refuses an offer without network, asset or price: there is nothing to hold money for.
    public init(offer: PaymentOffer, origin: String, nonce: String) throws(WalletError) {
        guard let network = offer.network else { throw .invalidInput("the offer names no network") }
        guard let asset = offer.asset else { throw .invalidInput("the offer names no asset") }
        guard let amount = offer.amount else { throw .invalidInput("the offer states no price") }
        self.init(network: network, asset: asset, amount: amount, payee: offer.payee, origin: origin,
                  resourceURL: offer.resource, paymentProtocol: offer.paymentProtocol.rawValue,
                  offerJSON: OfferRecord.json(of: offer), nonce: nonce)
    }
}
