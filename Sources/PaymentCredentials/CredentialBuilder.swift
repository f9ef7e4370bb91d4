import JSONWriting
import BigInt
import EVMSigning
import FoundationEssentials
import HTTPModel
import PaymentOffers

/// A signed answer to one offer: the headers to send and what was signed.
public struct SignedCredential: Sendable, Hashable {
    /// The credential headers, e.g. `PAYMENT-SIGNATURE` or `Authorization: Payment …`.
    public var headers: [HTTPHeader]
    /// The EIP-3009 authorization nonce, 0x-hex: unique per approval.
    public var nonce: String
    public var payer: String
    public var validBefore: BigUInt
}

/// Why a credential could not be built.
public struct CredentialError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    init(_ description: String) { self.description = description }
}

/// Builds the credential an offer asks for: an EIP-3009 `TransferWithAuthorization` signed
/// as EIP-712, wrapped the way x402 v2, x402 v1 or the Payment scheme expects.
public enum CredentialBuilder {
    /// The authorization nonce for an offer: bound to the challenge for the Payment scheme
    /// (as its servers require), 32 secure random bytes otherwise.
    public static func nonce(for offer: PaymentOffer) -> [UInt8] {
        if case .paymentScheme(let challenge) = offer.answer {
            return EVMCharge.nonce(challengeID: challenge.id, realm: challenge.realm)
        }
        return TransferAuthorization.randomNonce()
    }

    /// Signs `offer` with `key`. `now` sets the validity window; `nonce` comes from `nonce(for:)`
    /// and must be the one the wallet reserved.
    public static func build(offer: PaymentOffer, key: PrivateKey, nonce: [UInt8], now: Date) throws(CredentialError) -> SignedCredential {
        guard offer.signer.isAvailable else {
            throw CredentialError(offer.signer.reason ?? "Penny cannot sign this offer")
        }
        guard let domainInfo = offer.tokenDomain else {
            throw CredentialError("the token's signing domain is unknown")
        }
        let fields = try wireFields(offer)
        let domain: EIP712Domain
        let payee: EthereumAddress
        do {
            domain = try EIP712Domain(name: domainInfo.name, version: domainInfo.version, chainId: domainInfo.chainID,
                                      verifyingContract: EthereumAddress(hex: domainInfo.verifyingContract))
            payee = try EthereumAddress(hex: fields.payTo)
        } catch {
            throw CredentialError("the offer's addresses are not valid: \(error)")
        }
        let validBefore = try self.validBefore(offer, now: now)
        let authorization: TransferAuthorization
        do {
            authorization = try TransferAuthorization(from: key.address, to: payee, value: fields.amount, validAfter: 0,
                                                      validBefore: validBefore, nonce: nonce)
        } catch {
            throw CredentialError("the authorization cannot be signed: \(error)")
        }
        let signature = authorization.sign(with: key, domain: domain)
        // The signed EIP-3009 fields, in the order both wire formats write them.
        let authorizationFields = [
            ("from", JSONWriter.string(key.address.checksummed)),
            ("to", JSONWriter.string(fields.payTo)),
            ("value", JSONWriter.string(String(fields.amount))),
            ("validAfter", JSONWriter.string("0")),
            ("validBefore", JSONWriter.string(String(validBefore))),
            ("nonce", JSONWriter.string(Hex.encode(nonce))),
        ]
        let signatureField = ("signature", JSONWriter.string(Hex.encode(signature.rawBytes)))
        let exactPayload = JSONWriter.object([signatureField, ("authorization", JSONWriter.object(authorizationFields))])
        let header: HTTPHeader
        switch offer.answer {
        case .x402v2(let answer):
            var members = [("x402Version", "2")]
            if let resource = answer.resourceJSON { members.append(("resource", String(decoding: resource, as: UTF8.self))) }
            members.append(("accepted", String(decoding: answer.acceptedJSON, as: UTF8.self)))
            members.append(("payload", exactPayload))
            if let extensions = answer.extensionsJSON { members.append(("extensions", String(decoding: extensions, as: UTF8.self))) }
            header = HTTPHeader(name: X402V2Answer.requestHeader, value: Base64Text.standard(Array(JSONWriter.object(members).utf8)))
        case .x402v1(let answer):
            let json = JSONWriter.object([
                ("x402Version", "1"), ("scheme", JSONWriter.string(answer.scheme)),
                ("network", JSONWriter.string(answer.network)), ("payload", exactPayload),
            ])
            header = HTTPHeader(name: X402V1Answer.requestHeader, value: Base64Text.standard(Array(json.utf8)))
        case .paymentScheme(let challenge):
            let payload = JSONWriter.object([("type", JSONWriter.string("authorization"))] + authorizationFields + [signatureField])
            let json = JSONWriter.object([
                ("challenge", challenge.echoedChallenge.jsonText),
                ("payload", payload),
                ("source", JSONWriter.string(EVMCharge.didPKH(chainId: domainInfo.chainID, address: key.address))),
            ])
            header = HTTPHeader(name: challenge.credentialHeader, value: "Payment " + Base64Text.url(Array(json.utf8)))
        case .l402, .cashu, .displayOnly:
            throw CredentialError("Penny has no signer for this kind of offer")
        }
        return SignedCredential(headers: [header], nonce: Hex.encode(nonce), payer: key.address.checksummed,
                                validBefore: validBefore)
    }

    /// The payee and amount exactly as the offer's wire format states them.
    private static func wireFields(_ offer: PaymentOffer) throws(CredentialError) -> (payTo: String, amount: BigUInt) {
        let payTo: String?
        let amountText: String?
        switch offer.answer {
        case .x402v2(let answer):
            payTo = answer.accepted["payTo"]?.string
            amountText = answer.accepted["amount"]?.string
        case .x402v1(let answer):
            payTo = answer.requirements["payTo"]?.string
            amountText = answer.requirements["maxAmountRequired"]?.string
        case .paymentScheme(let challenge):
            payTo = challenge.request["recipient"]?.string
            amountText = challenge.request["amount"]?.string
        default:
            payTo = nil
            amountText = nil
        }
        guard let payTo, let amountText, let amount = try? AmountFormatter.parseBaseUnits(amountText), amount > 0 else {
            throw CredentialError("the offer does not state a payee and a positive amount")
        }
        guard offer.amount == amount else {
            throw CredentialError("the offer's amount changed between reading and signing")
        }
        return (payTo, amount)
    }

    /// x402: now + the offer's timeout (at most an hour). The Payment scheme: its `expires`
    /// (never later), or an hour from now without one.
    private static func validBefore(_ offer: PaymentOffer, now: Date) throws(CredentialError) -> BigUInt {
        let nowSeconds = Int(now.timeIntervalSince1970)
        switch offer.answer {
        case .paymentScheme:
            if let expires = offer.expires {
                let limit = Int(expires.timeIntervalSince1970)
                guard limit > nowSeconds else { throw CredentialError("this offer has expired") }
                return BigUInt(min(limit, nowSeconds + 3600))
            }
            return BigUInt(nowSeconds + 3600)
        default:
            let timeout = min(max(offer.maxTimeoutSeconds ?? 300, 10), 3600)
            return BigUInt(nowSeconds + timeout)
        }
    }
}
