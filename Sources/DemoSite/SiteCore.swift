import BigInt
import EVMSigning
import FoundationEssentials
import HTTPModel

/// The site's state and request handling, independent of the HTTP server.
final class SiteCore: Sendable {
    let payeeKey: PrivateKey
    let payee: EthereumAddress
    let ledger: Ledger
    let challenges: PaymentChallenges
    let clock: @Sendable () -> Date
    let databasePath: String?
    let payeeKeyPath: String?
    /// `127.0.0.1:PORT`, once the server is listening.
    private let boundHost = Locked<String?>(nil)

    init(payeeKey: PrivateKey, ledger: Ledger, clock: @escaping @Sendable () -> Date, databasePath: String?,
         payeeKeyPath: String?) {
        self.payeeKey = payeeKey
        self.payee = payeeKey.address
        self.ledger = ledger
        self.clock = clock
        self.databasePath = databasePath
        self.payeeKeyPath = payeeKeyPath
        // The challenge secret is derived from the payee key, so challenges survive a
        // restart with the same key file and nothing else secret needs storing.
        let secret = HMACSHA256.authenticationCode(key: payeeKey.rawBytes, message: Array("penny-demo challenge secret".utf8))
        challenges = PaymentChallenges(secret: secret, payee: payeeKey.address)
    }

    func setBoundHost(_ host: String) { boundHost.withLock { $0 = host } }

    /// `127.0.0.1:PORT`: the realm of Payment challenges and the host of resource URLs.
    func host(for request: SiteRequest) -> String {
        if let bound = boundHost.withLock({ $0 }) { return bound }
        // Only before the listening callback has run: fall back on what the client asked for.
        let asked = request.values("host").first ?? "127.0.0.1"
        return asked.utf8.count <= 64 && asked.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) ? asked : "127.0.0.1"
    }

    var nowSeconds: Int64 { Int64(clock().timeIntervalSince1970.rounded(.down)) }

    func handle(_ request: SiteRequest) -> SiteResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .text(405, "Only GET and HEAD are served here.\n", headers: [("Allow", "GET, HEAD")])
        }
        let host = host(for: request)
        let path = request.path
        switch path {
        case "/", "/index.html":
            return .html(200, Pages.front(), headers: [("Cache-Control", "no-cache")])
        case "/about":
            return .html(200, Pages.about(site: self, host: host), headers: [("Cache-Control", "no-cache")])
        case "/earnings":
            do {
                return .html(200, Pages.earnings(try ledger.payments(), payee: payee),
                             headers: [("Cache-Control", "no-store")])
            } catch {
                return .text(500, "The ledger cannot be read right now.\n", headers: [("Cache-Control", "no-store")])
            }
        case "/subscribe":
            return .html(200, Pages.subscribe(), headers: [("Cache-Control", "no-cache")])
        case "/api/credits":
            return .html(200, Pages.credits(), headers: [("Cache-Control", "no-cache")])
        default:
            break
        }
        if path.hasPrefix("/articles/"), let article = Catalog.article(slug: String(path.dropFirst("/articles/".count))) {
            return articleResponse(article, request: request, host: host)
        }
        if path.hasPrefix(Catalog.summariesPrefix) {
            return PaywallResponses.insufficientCredits(slug: String(path.dropFirst(Catalog.summariesPrefix.count)),
                                                        host: host)
        }
        return .html(404, Pages.notFound(path: path), headers: [("Cache-Control", "no-cache")])
    }

    private func articleResponse(_ article: Article, request: SiteRequest, host: String) -> SiteResponse {
        let paywalls = PaywallResponses(site: self, host: host)
        switch article.paywall {
        case .free:
            return .html(200, Pages.article(article, payment: nil), headers: [("Cache-Control", "no-cache")])
        case .expiredSubscription:
            return paywalls.expiredSubscription(article)
        case .lightning:
            return paywalls.lightning(article, credentialSent: request.values("authorization").contains {
                $0.lowercased().hasPrefix("l402 ") || $0.lowercased().hasPrefix("lsat ")
            })
        case .priced(let price):
            // HEAD never settles: it only shows what a GET would be asked for.
            guard request.method == "GET" else { return paywalls.paymentRequired(article, price) }
            return paidArticle(article, price: price, request: request, paywalls: paywalls)
        }
    }

    private func paidArticle(_ article: Article, price: Price, request: SiteRequest,
                             paywalls: PaywallResponses) -> SiteResponse {
        let found = Credentials.find(in: request)
        guard let first = found.first else { return paywalls.paymentRequired(article, price) }
        guard found.count == 1 else {
            return paywalls.refused(article, price, via: first.paymentProtocol,
                                    Refusal(.notOffered, "the request carries \(found.count) payment credentials; send exactly one"))
        }
        guard price.offers(first.paymentProtocol) else {
            let offered = price.protocols.map(\.rawValue).joined(separator: " and ")
            return paywalls.refused(article, price, via: first.paymentProtocol,
                                    Refusal(.notOffered, "this page does not accept \(first.paymentProtocol.rawValue) credentials; it offers \(offered)"))
        }
        let now = nowSeconds
        let verifier = Verifier(site: self, article: article, price: price, realm: paywalls.host, now: now)
        do {
            let authorization: TransferAuthorization
            switch first.paymentProtocol {
            case .x402v2: authorization = try verifier.x402V2(first.value)
            case .x402v1: authorization = try verifier.x402V1(first.value)
            case .paymentScheme: authorization = try verifier.paymentScheme(first.value)
            }
            let receipt = try settle(authorization, via: first.paymentProtocol, article: article, price: price, now: now)
            return paywalls.paid(article, price, receipt: receipt)
        } catch let refusal as Refusal {
            return paywalls.refused(article, price, via: first.paymentProtocol, refusal)
        } catch {
            return .text(500, "The ledger could not record the payment, so nothing was charged. Try again.\n",
                         headers: [("Cache-Control", "no-store")])
        }
    }

    /// What the site tells the payer after recording a payment.
    struct Receipt {
        let paymentProtocol: DemoPaymentProtocol
        let headerName: String
        let headerValue: String
        let reference: String
        let payer: EthereumAddress
        let amount: BigUInt
    }

    /// The made-up transaction id of a settlement: keccak256 of the nonce and the payer.
    static func reference(nonce: [UInt8], payer: EthereumAddress) -> String {
        Hex.encode(Keccak256.hash(Array("penny-demo settlement".utf8) + nonce + payer.rawBytes))
    }

    /// Records the payment (the nonce must be new) and returns its receipt.
    func settle(_ authorization: TransferAuthorization, via paymentProtocol: DemoPaymentProtocol, article: Article,
                price: Price, now: Int64) throws -> Receipt {
        let reference = Self.reference(nonce: authorization.nonce, payer: authorization.from)
        let headerName: String
        let headerValue: String
        switch paymentProtocol {
        case .x402v2, .x402v1:
            headerName = paymentProtocol == .x402v2 ? "PAYMENT-RESPONSE" : "X-PAYMENT-RESPONSE"
            headerValue = X402Offers.settlementHeader(success: true, transaction: reference, network: price.token.network,
                                                      payer: authorization.from)
        case .paymentScheme:
            headerName = "Payment-Receipt"
            headerValue = PaymentChallenges.receipt(reference: reference, now: now)
        }
        do {
            try ledger.record(Ledger.Entry(
                paymentProtocol: paymentProtocol, path: article.path, amount: authorization.value,
                asset: price.token.address, network: price.token.network, payer: authorization.from.checksummed,
                payee: payee.checksummed, nonce: Hex.encode(authorization.nonce), reference: reference,
                receiptHeader: headerName, receiptValue: headerValue,
                receivedAt: Date(timeIntervalSince1970: Double(now))))
        } catch .nonceAlreadyUsed {
            throw Refusal(.nonceAlreadyUsed,
                          "this authorization's nonce was already used: each authorization pays once", payer: authorization.from)
        }
        return Receipt(paymentProtocol: paymentProtocol, headerName: headerName, headerValue: headerValue,
                       reference: reference, payer: authorization.from, amount: authorization.value)
    }
}

/// The payment credentials a request carries.
enum Credentials {
    struct Found {
        let paymentProtocol: DemoPaymentProtocol
        /// The header value (for the Payment scheme, the whole `Payment …` value).
        let value: String
    }

    static func find(in request: SiteRequest) -> [Found] {
        var found: [Found] = []
        for (name, value) in request.headers {
            switch name {
            case X402Offers.v2RequestHeader:
                found.append(Found(paymentProtocol: .x402v2, value: value))
            case X402Offers.v1RequestHeader:
                found.append(Found(paymentProtocol: .x402v1, value: value))
            case "authorization", "payment-authorization":
                let scheme = value.prefix { $0 != " " }
                if scheme.lowercased() == "payment" {
                    found.append(Found(paymentProtocol: .paymentScheme, value: value))
                }
            default:
                continue
            }
        }
        return found
    }
}
