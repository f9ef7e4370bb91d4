import JSONWriting
import BigInt
import EVMSigning

/// The site's 402s, refusals and paid pages for one request.
struct PaywallResponses {
    let site: SiteCore
    /// `127.0.0.1:PORT`: the realm of Payment challenges.
    let host: String

    var origin: String { "http://" + host }
    private var x402: X402Offers { X402Offers(payee: site.payee, origin: origin) }

    // MARK: - Machine-payable articles

    /// The unpaid 402: every offer the article makes, and its teaser.
    func paymentRequired(_ article: Article, _ price: Price) -> SiteResponse {
        let headers = offerHeaders(article, price, x402Error: nil)
        if price.offers(.x402v1) {
            return .json(402, x402v1Body(article, price, error: nil, message: nil), headers: headers)
        }
        return .html(402, Pages.teaser(article, price: price, refusal: nil), headers: headers)
    }

    /// 200 with the article and the receipt of the protocol that paid.
    func paid(_ article: Article, _ price: Price, receipt: SiteCore.Receipt) -> SiteResponse {
        .html(200, Pages.article(article, payment: Pages.PaymentNote(
                  amount: price.token.format(receipt.amount), paymentProtocol: receipt.paymentProtocol,
                  reference: receipt.reference, payer: receipt.payer.checksummed)),
              headers: [("Cache-Control", "private"), (receipt.headerName, receipt.headerValue)])
    }

    /// A refused credential: the protocol's own way of saying why, with fresh offers.
    func refused(_ article: Article, _ price: Price, via paymentProtocol: DemoPaymentProtocol,
                 _ refusal: Refusal) -> SiteResponse {
        let statusForBoth = refusal.reason == .notOffered ? 400 : nil
        switch paymentProtocol {
        case .x402v2, .x402v1:
            let code = refusal.x402Code
            var headers = offerHeaders(article, price, x402Error: code + ": " + refusal.detail)
            headers.append((paymentProtocol == .x402v2 ? "PAYMENT-RESPONSE" : "X-PAYMENT-RESPONSE",
                            X402Offers.settlementHeader(success: false, transaction: "", network: price.token.network,
                                                        payer: refusal.payer, errorReason: code)))
            let status = statusForBoth ?? refusal.x402Status
            if price.offers(.x402v1) {
                return .json(status, x402v1Body(article, price, error: code, message: refusal.detail), headers: headers)
            }
            return .html(status, Pages.teaser(article, price: price, refusal: refusal), headers: headers)
        case .paymentScheme:
            let problem = JSONWriter.object([
                ("type", JSONWriter.string("https://paymentauth.org/problems/" + refusal.problemCode)),
                ("title", JSONWriter.string(refusal.problemTitle)),
                ("status", String(statusForBoth ?? 402)),
                ("detail", JSONWriter.string(refusal.detail)),
            ])
            return .json(statusForBoth ?? 402, problem, contentType: "application/problem+json",
                         headers: offerHeaders(article, price, x402Error: nil))
        }
    }

    private func offerHeaders(_ article: Article, _ price: Price, x402Error: String?) -> [(String, String)] {
        var headers = [("Cache-Control", "no-store")]
        for paymentProtocol in price.protocols {
            switch paymentProtocol {
            case .x402v2:
                headers.append(("PAYMENT-REQUIRED", x402.paymentRequiredHeader(article, price, error: x402Error)))
            case .paymentScheme:
                let challenge = site.challenges.issue(for: article, price: price, realm: host, now: site.nowSeconds)
                headers.append(("WWW-Authenticate", challenge.headerValue))
            case .x402v1:
                break  // Version 1 carries its offer in the body.
            }
        }
        return headers
    }

    /// The v1 document, with the article's teaser as an extra member for people.
    private func x402v1Body(_ article: Article, _ price: Price, error: String?, message: String?) -> String {
        var document = x402.paymentRequiredV1(article, price, error: error)
        document.removeLast()
        if let message { document += "," + JSONWriter.string("message") + ":" + JSONWriter.string(message) }
        document += "," + JSONWriter.string("teaser") + ":" + JSONWriter.object([
            ("headline", JSONWriter.string(article.title)),
            ("standfirst", JSONWriter.string(article.standfirst)),
            ("firstParagraph", JSONWriter.string(article.teaser.replacingBackticks())),
        ]) + "}"
        return document
    }

    // MARK: - 402s nobody can pay

    static let retryAfterSeconds = 300

    func expiredSubscription(_ article: Article) -> SiteResponse {
        let renew = origin + "/subscribe"
        let paragraphs = [
            "Your subscription to The Penny Post has expired.",
            "\"\(article.title)\" is for subscribers. Renew your subscription to keep reading: \(renew)",
            "Renewals take a few minutes to reach every server; try again in \(Self.retryAfterSeconds) seconds.",
            "-- \(article.title) --\n\(article.standfirst)",
            article.teaser.replacingBackticks(),
        ]
        let body = paragraphs.map { wrap($0, width: 72) }.joined(separator: "\n\n") + "\n"
        return .text(402, body, headers: [
            ("Retry-After", String(Self.retryAfterSeconds)), ("Cache-Control", "no-store"), ("Location", renew),
        ])
    }

    /// The BOLT11 specification's example invoice ("1 cup coffee", 2500 µBTC): well formed,
    /// payable by nobody.
    static let lightningInvoice = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh"

    /// A made-up macaroon: base64 of bytes that look like one (location, identifier, signature).
    static let macaroon = Base64Codec.encode(
        Array("\u{02}\u{01}\u{0F}the-penny-post\u{02}\u{20}".utf8) + Array(SHA256.hash(Array("penny-demo l402 identifier".utf8)))
            + Array("\u{00}\u{00}\u{06}\u{20}".utf8) + SHA256.hash(Array("penny-demo l402 signature".utf8)))

    func lightning(_ article: Article, credentialSent: Bool) -> SiteResponse {
        let challenge = "L402 macaroon=\"\(Self.macaroon)\", invoice=\"\(Self.lightningInvoice)\""
        return .html(402, Pages.lightningTeaser(article, credentialSent: credentialSent),
                     headers: [("WWW-Authenticate", challenge), ("Cache-Control", "no-store")])
    }

    /// The credits API: every answer is a 402 in the service's own JSON.
    static func insufficientCredits(slug: String, host: String) -> SiteResponse {
        guard let article = Catalog.article(slug: slug) else {
            return .json(404, JSONWriter.object([
                ("error", JSONWriter.string("NotFound")),
                ("message", JSONWriter.string("There is no article with that name.")),
            ]), headers: [("Cache-Control", "no-store")])
        }
        let body = JSONWriter.object([
            ("error", JSONWriter.string("InsufficientCredits")),
            ("message", JSONWriter.string("A summary of \"\(article.title)\" costs 1 credit and your balance is 0 credits. Top up your account to continue.")),
            ("top_up_url", JSONWriter.string("http://" + host + "/api/credits")),
            ("balance", "0"),
            ("cost", "1"),
        ])
        return .json(402, body, headers: [("Cache-Control", "no-store")])
    }
}

/// `text` with its lines broken at spaces to at most `width` characters where possible.
func wrap(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }.joined(separator: "\n")
}

extension String {
    /// The text without the backticks that mark code in article paragraphs.
    func replacingBackticks() -> String { String(filter { $0 != "`" }) }
}
