import JSONWriting
import BigInt
import EVMSigning

/// The x402 offers the site makes: version 2 in a `PAYMENT-REQUIRED` header, version 1
/// in the body. Version 1 uses the CAIP-2 name `eip155:31337` for the demo chain, since
/// no plain v1 network name exists for it (Penny and the newer SDKs read either).
struct X402Offers {
    static let maxTimeoutSeconds = 300
    static let v2RequestHeader = "payment-signature"
    static let v1RequestHeader = "x-payment"

    let payee: EthereumAddress
    /// `http://127.0.0.1:PORT`.
    let origin: String

    func resourceURL(_ article: Article) -> String { origin + article.path }

    static func description(_ article: Article) -> String { article.title + " (The Penny Post)" }

    private func extra(_ token: DemoToken) -> String? {
        guard token.advertisesDomain else { return nil }
        return JSONWriter.object([("name", JSONWriter.string(token.domainName)),
                                  ("version", JSONWriter.string(token.domainVersion))])
    }

    /// The v2 `PaymentRequirements` for `price`, member order as the SDKs write them.
    func requirementsV2(_ price: Price) -> String {
        var members = [
            ("scheme", JSONWriter.string("exact")),
            ("network", JSONWriter.string(price.token.network)),
            ("amount", JSONWriter.string(String(price.amount))),
            ("asset", JSONWriter.string(price.token.address)),
            ("payTo", JSONWriter.string(payee.checksummed)),
            ("maxTimeoutSeconds", String(Self.maxTimeoutSeconds)),
        ]
        if let extra = extra(price.token) { members.append(("extra", extra)) }
        return JSONWriter.object(members)
    }

    /// The v2 `PaymentRequired` document (before base64).
    func paymentRequiredV2(_ article: Article, _ price: Price, error: String?) -> String {
        JSONWriter.object([
            ("x402Version", "2"),
            ("error", JSONWriter.string(error ?? "PAYMENT-SIGNATURE header is required")),
            ("resource", JSONWriter.object([
                ("url", JSONWriter.string(resourceURL(article))),
                ("description", JSONWriter.string(Self.description(article))),
                ("mimeType", JSONWriter.string("text/html")),
            ])),
            ("accepts", JSONWriter.array([requirementsV2(price)])),
        ])
    }

    /// The `PAYMENT-REQUIRED` header value.
    func paymentRequiredHeader(_ article: Article, _ price: Price, error: String? = nil) -> String {
        Base64Codec.encode(Array(paymentRequiredV2(article, price, error: error).utf8))
    }

    /// The v1 `PaymentRequirementsResponse` body.
    func paymentRequiredV1(_ article: Article, _ price: Price, error: String?) -> String {
        var requirement = [
            ("scheme", JSONWriter.string("exact")),
            ("network", JSONWriter.string(price.token.network)),
            ("maxAmountRequired", JSONWriter.string(String(price.amount))),
            ("resource", JSONWriter.string(resourceURL(article))),
            ("description", JSONWriter.string(Self.description(article))),
            ("mimeType", JSONWriter.string("text/html")),
            ("payTo", JSONWriter.string(payee.checksummed)),
            ("maxTimeoutSeconds", String(Self.maxTimeoutSeconds)),
            ("asset", JSONWriter.string(price.token.address)),
        ]
        if let extra = extra(price.token) { requirement.append(("extra", extra)) }
        return JSONWriter.object([
            ("x402Version", "1"),
            ("error", JSONWriter.string(error ?? "X-PAYMENT header is required")),
            ("accepts", JSONWriter.array([JSONWriter.object(requirement)])),
        ])
    }

    /// A settlement response (`PAYMENT-RESPONSE`, `X-PAYMENT-RESPONSE`) value.
    static func settlementHeader(success: Bool, transaction: String, network: String, payer: EthereumAddress?,
                                 errorReason: String? = nil) -> String {
        var members = [("success", success ? "true" : "false")]
        if let errorReason { members.append(("errorReason", JSONWriter.string(errorReason))) }
        members.append(("transaction", JSONWriter.string(transaction)))
        members.append(("network", JSONWriter.string(network)))
        if let payer { members.append(("payer", JSONWriter.string(payer.checksummed))) }
        return Base64Codec.encode(Array(JSONWriter.object(members).utf8))
    }
}
