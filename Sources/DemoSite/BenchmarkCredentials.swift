import JSONWriting
import BigInt
import EVMSigning

/// A credential signed in advance, ready to send as one request header.
public struct PresignedCredential: Sendable, Hashable {
    /// `PAYMENT-SIGNATURE`, `X-PAYMENT` or `Authorization`.
    public let headerName: String
    public let headerValue: String
    /// The EIP-3009 nonce, 0x-hex: distinct for every credential.
    public let nonce: String
}

extension RunningDemoSite {
    /// The benchmark hook: `count` distinct, valid credentials that each pay for `path` once,
    /// signed by `payer` the way a client would after reading the page's 402.
    ///
    /// Send each with a GET of `url` + `path` (without the leading slash) to measure paid
    /// requests: every one is verified, recorded in the ledger and answered with the
    /// article and a receipt. The credentials stay valid for five minutes (the Payment
    /// scheme's challenge lifetime and x402's `maxTimeoutSeconds`), so sign them shortly
    /// before the run. `paymentProtocol` defaults to the first one the page offers.
    ///
    /// Throws for a path that is not a machine-payable article, or a protocol it does not offer.
    public func presignCredentials(for path: String, count: Int, payer: PrivateKey,
                                   using paymentProtocol: DemoPaymentProtocol? = nil) throws -> [PresignedCredential] {
        guard path.hasPrefix("/articles/"), let article = Catalog.article(slug: String(path.dropFirst("/articles/".count))),
              let price = article.paywall.price, price.token.advertisesDomain
        else { throw DemoSiteError("\(path) is not an article that can be paid") }
        let chosen = paymentProtocol ?? price.protocols[0]
        guard price.offers(chosen) else { throw DemoSiteError("\(path) does not offer \(chosen.rawValue)") }
        let now = core.nowSeconds
        let host = "127.0.0.1:\(port)"
        let x402 = X402Offers(payee: payeeAddress, origin: "http://" + host)
        return (0..<max(count, 0)).map { _ in
            switch chosen {
            case .x402v2, .x402v1:
                let nonce = TransferAuthorization.randomNonce()
                let exact = exactPayload(price: price, payer: payer, nonce: nonce,
                                         validBefore: now + Int64(X402Offers.maxTimeoutSeconds))
                let json: String
                if chosen == .x402v2 {
                    json = JSONWriter.object([
                        ("x402Version", "2"),
                        ("resource", JSONWriter.object([("url", JSONWriter.string(x402.resourceURL(article)))])),
                        ("accepted", x402.requirementsV2(price)),
                        ("payload", exact),
                    ])
                } else {
                    json = JSONWriter.object([
                        ("x402Version", "1"), ("scheme", JSONWriter.string("exact")),
                        ("network", JSONWriter.string(price.token.network)), ("payload", exact),
                    ])
                }
                return PresignedCredential(headerName: chosen == .x402v2 ? "PAYMENT-SIGNATURE" : "X-PAYMENT",
                                           headerValue: Base64Codec.encode(Array(json.utf8)), nonce: Hex.encode(nonce))
            case .paymentScheme:
                let challenge = core.challenges.issue(for: article, price: price, realm: host, now: now)
                let nonce = EVMCharge.nonce(challengeID: challenge.id, realm: challenge.realm)
                let validBefore = now + PaymentChallenges.lifetimeSeconds
                let signed = sign(price: price, payer: payer, nonce: nonce, validBefore: validBefore)
                let json = JSONWriter.object([
                    ("challenge", JSONWriter.object([
                        ("id", JSONWriter.string(challenge.id)), ("realm", JSONWriter.string(challenge.realm)),
                        ("method", JSONWriter.string(PaymentChallenges.method)),
                        ("intent", JSONWriter.string(PaymentChallenges.intent)),
                        ("request", JSONWriter.string(challenge.request)),
                        ("description", JSONWriter.string(challenge.description)),
                        ("expires", JSONWriter.string(challenge.expires)),
                    ])),
                    ("payload", JSONWriter.object([
                        ("type", JSONWriter.string("authorization")),
                        ("from", JSONWriter.string(payer.address.checksummed)),
                        ("to", JSONWriter.string(payeeAddress.checksummed)),
                        ("value", JSONWriter.string(String(price.amount))),
                        ("validAfter", JSONWriter.string("0")),
                        ("validBefore", JSONWriter.string(String(validBefore))),
                        ("nonce", JSONWriter.string(Hex.encode(nonce))),
                        ("signature", JSONWriter.string(Hex.encode(signed.rawBytes))),
                    ])),
                    ("source", JSONWriter.string(EVMCharge.didPKH(chainId: price.token.chainID, address: payer.address))),
                ])
                return PresignedCredential(
                    headerName: "Authorization",
                    headerValue: "Payment " + Base64Codec.encode(Array(json.utf8), alphabet: .url, padding: false),
                    nonce: Hex.encode(nonce))
            }
        }
    }

    private func sign(price: Price, payer: PrivateKey, nonce: [UInt8], validBefore: Int64) -> Signature {
        // Cannot throw: the values are in range and the nonce is 32 bytes.
        let authorization = try! TransferAuthorization(from: payer.address, to: payeeAddress, value: price.amount,
                                                       validAfter: 0, validBefore: BigUInt(validBefore), nonce: nonce)
        return authorization.sign(with: payer, domain: price.token.domain)
    }

    private func exactPayload(price: Price, payer: PrivateKey, nonce: [UInt8], validBefore: Int64) -> String {
        let signature = sign(price: price, payer: payer, nonce: nonce, validBefore: validBefore)
        return JSONWriter.object([
            ("signature", JSONWriter.string(Hex.encode(signature.rawBytes))),
            ("authorization", JSONWriter.object([
                ("from", JSONWriter.string(payer.address.checksummed)),
                ("to", JSONWriter.string(payeeAddress.checksummed)),
                ("value", JSONWriter.string(String(price.amount))),
                ("validAfter", JSONWriter.string("0")),
                ("validBefore", JSONWriter.string(String(validBefore))),
                ("nonce", JSONWriter.string(Hex.encode(nonce))),
            ])),
        ])
    }
}
