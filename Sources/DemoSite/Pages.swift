import BigInt
import EVMSigning
import FoundationEssentials

/// The site's HTML pages.
enum Pages {
    static func front() -> String {
        var main = """
            <h1>The Penny Post</h1>
            <p>A small magazine about paying for the web: the status code that waited twenty-five years, the micropayment systems that came too early, and the protocols that are trying again. Each article below answers with a different kind of 402, so that a browser can show what it does with each.</p>

            """
        for section in FrontPageSection.allCases {
            let articles = Catalog.articles.filter { $0.section == section }
            main += "<section>\n<h2>\(HTML.escape(section.title))</h2>\n<p>\(HTML.escape(section.introduction))</p>\n<ul>\n"
            for article in articles {
                main += "<li><a href=\"\(article.path)\">\(HTML.escape(article.title))</a> (\(article.minutes) min). "
                main += HTML.escape(article.standfirst) + "<br>" + HTML.escape(article.paywall.kindDescription) + "</li>\n"
            }
            if section == .cannotPay {
                main += "<li><a href=\"\(Catalog.featuredSummaryPath)\">The summaries API</a>. A JSON endpoint for programs. "
                main += "<br>" + HTML.escape(Catalog.summariesKind) + "</li>\n"
            }
            main += "</ul>\n</section>\n"
        }
        main += "<p>Every payment this site receives is listed on the <a href=\"/earnings\">earnings page</a>. The <a href=\"/about\">about page</a> explains the demo chain and the money, which is not real.</p>\n"
        return HTML.page(title: "Front page", main: main)
    }

    static func about(site: SiteCore, host: String) -> String {
        let token = DemoToken.demoUSDC
        let ledger = site.databasePath.map { "in the SQLite file <code>\(HTML.escape($0))</code> (WAL mode), so earnings survive a restart" }
            ?? "in memory, so earnings are forgotten when the site stops"
        let key = site.payeeKeyPath.map { "stored in <code>\(HTML.escape($0))</code>, created on first start" }
            ?? "given to the site when it started, or generated for this run only"
        let main = """
            <h1>About The Penny Post</h1>
            <p>The Penny Post is a demonstration site that Penny, a terminal web browser, serves on your own computer at <code>http://\(HTML.escape(host))/</code>. It exists so that every kind of HTTP 402 can be tried without a real server, a real chain or real money.</p>
            <h2>The money</h2>
            <p>Prices are in a stand-in USDC on a local development chain, chain id 31337 (<code>\(token.network)</code>), token contract <code>\(token.address)</code>, six decimals, signed in the EIP-712 domain "\(HTML.escape(token.domainName))", version \(token.domainVersion). No such token exists on any public chain, and nothing is ever submitted to a chain: the site checks each signed transfer authorization as a facilitator would, records it, and answers with a receipt naming a made-up transaction id.</p>
            <h2>The merchant</h2>
            <ul>
            <li>Payee address: <code>\(site.payee.checksummed)</code>, the same in every offer.</li>
            <li>Payee key: \(key).</li>
            <li>Ledger: \(ledger).</li>
            <li>Payment challenges are for the realm <code>\(HTML.escape(host))</code> and expire after five minutes; their ids are HMAC-SHA256 of the other parameters under a secret derived from the payee key.</li>
            </ul>
            <h2>What the site checks</h2>
            <ol>
            <li>The credential decodes strictly (base64, JSON, every field of the right type and size).</li>
            <li>x402: the accepted requirements are the ones offered for this page. Payment scheme: the challenge was issued here for this page, is unchanged and has not expired, and the nonce is bound to it.</li>
            <li>The signer is the payer, the payee is this site, the amount is exactly the price, on chain 31337 for the demo token.</li>
            <li>The authorization is valid now, and for no more than an hour.</li>
            <li>The nonce has never been used: the ledger's UNIQUE nonce column refuses a second use, even at the same instant.</li>
            </ol>
            """
        return HTML.page(title: "About", main: main)
    }

    static func earnings(_ payments: [ReceivedPayment], payee: EthereumAddress) -> String {
        let token = DemoToken.demoUSDC
        var totals: [String: BigUInt] = [:]
        for payment in payments { totals[payment.asset.lowercased(), default: 0] += payment.amount }
        let total = totals[token.address.lowercased()] ?? 0
        var main = """
            <h1>Earnings</h1>
            <p>Every payment The Penny Post has received, oldest first. Payee: <code>\(payee.checksummed)</code>.</p>
            <p>Total received: <strong>\(token.format(total))</strong> from \(payments.count) payment\(payments.count == 1 ? "" : "s").</p>

            """
        guard !payments.isEmpty else {
            return HTML.page(title: "Earnings", main: main + "<p>No payments yet. Read a paid article to make the first one.</p>\n")
        }
        main += "<table>\n<caption>Payments received</caption>\n<thead><tr><th>#</th><th>Received (UTC)</th><th>Article</th><th>Protocol</th><th>Amount</th><th>Payer</th></tr></thead>\n<tbody>\n"
        for payment in payments {
            let title = Catalog.articles.first { $0.path == payment.path }?.title ?? payment.path
            let when = RFC3339.format(payment.receivedAt).replacingOccurrences(of: "T", with: " ").dropLast(4)
            main += "<tr><td>\(payment.number)</td><td>\(when)</td>"
            main += "<td><a href=\"\(HTML.escape(payment.path))\">\(HTML.escape(title))</a></td>"
            main += "<td>\(HTML.escape(payment.paymentProtocol.rawValue))</td><td>\(HTML.escape(format(payment)))</td>"
            main += "<td><code>\(HTML.escape(shortAddress(payment.payer)))</code></td></tr>\n"
        }
        main += "</tbody>\n</table>\n<h2>Payers, nonces and receipts</h2>\n<ol>\n"
        for payment in payments {
            main += "<li>Payment \(payment.number), \(HTML.escape(format(payment))) from <code>\(HTML.escape(payment.payer))</code>: nonce <code>\(HTML.escape(payment.nonce))</code>; receipt \(HTML.escape(payment.receiptHeader)) naming transaction <code>\(HTML.escape(payment.reference))</code>: <code>\(HTML.escape(payment.receiptValue))</code></li>\n"
        }
        main += "</ol>\n"
        return HTML.page(title: "Earnings", main: main)
    }

    /// `0x847A…485b`.
    private static func shortAddress(_ address: String) -> String {
        address.count > 14 ? address.prefix(6) + "…" + address.suffix(4) : address
    }

    private static func format(_ payment: ReceivedPayment) -> String {
        for token in [DemoToken.demoUSDC, .gadgetCredits] where token.address.lowercased() == payment.asset.lowercased() {
            return token.format(payment.amount)
        }
        return "\(payment.amount) base units of \(payment.asset)"
    }

    /// How a paid page says it was paid for.
    struct PaymentNote {
        let amount: String
        let paymentProtocol: DemoPaymentProtocol
        let reference: String
        let payer: String
    }

    static func article(_ article: Article, payment: PaymentNote?) -> String {
        var main = "<article>\n<h1>\(HTML.escape(article.title))</h1>\n<p><em>\(HTML.escape(article.standfirst))</em></p>\n"
        if let payment {
            main += "<p><small>Paid \(HTML.escape(payment.amount)) with \(HTML.escape(payment.paymentProtocol.rawValue)) from <code>\(HTML.escape(payment.payer))</code>. Receipt: transaction <code>\(HTML.escape(payment.reference))</code>. Thank you. <a href=\"/earnings\">Earnings</a></small></p>\n"
        }
        main += article.blocks.map(HTML.block).joined(separator: "\n")
        main += "\n</article>\n<p><a href=\"/\">Back to the front page</a></p>\n"
        return HTML.page(title: article.title, main: main)
    }

    /// The teaser a 402 carries: headline, standfirst, first paragraph, and what it costs.
    static func teaser(_ article: Article, price: Price, refusal: Refusal?) -> String {
        var main = teaserHead(article)
        main += "<section>\n<h2>Pay to read on</h2>\n"
        if let refusal {
            main += "<p><strong>Your payment was refused:</strong> \(HTML.escape(refusal.detail)) (\(HTML.escape(refusal.x402Code))). Nothing was charged.</p>\n"
        }
        if price.token.advertisesDomain {
            main += "<p>The rest of this article costs <strong>\(HTML.escape(price.token.format(price.amount)))</strong> (\(price.amount) base units of the demo USDC, six decimals, on chain 31337).</p>\n"
        } else {
            main += "<p>The rest of this article costs \(price.amount) base units of the token at <code>\(price.token.address)</code> on chain 31337. The offer does not say what that token is.</p>\n"
        }
        main += "<p>\(HTML.escape(article.paywall.kindDescription))</p>\n</section>\n"
        return HTML.page(title: article.title, main: main)
    }

    static func lightningTeaser(_ article: Article, credentialSent: Bool) -> String {
        var main = teaserHead(article)
        main += "<section>\n<h2>Pay to read on</h2>\n"
        if credentialSent {
            main += "<p><strong>The L402 credential was refused:</strong> its preimage does not pay this invoice.</p>\n"
        }
        main += "<p>This article is sold over Lightning: the response carries an L402 challenge with a macaroon and a BOLT11 invoice. Pay the invoice with a Lightning wallet, then send the macaroon with the preimage.</p>\n</section>\n"
        return HTML.page(title: article.title, main: main)
    }

    private static func teaserHead(_ article: Article) -> String {
        "<article>\n<h1>\(HTML.escape(article.title))</h1>\n<p><em>\(HTML.escape(article.standfirst))</em></p>\n"
            + HTML.block(.paragraph(article.teaser)) + "\n</article>\n"
    }

    static func subscribe() -> String {
        HTML.page(title: "Renew your subscription", main: """
            <h1>Renew your subscription</h1>
            <p>Subscriptions to The Penny Post cannot actually be renewed: this page is where a real site would ask for a card number and an address, and promise that cancelling is easy.</p>
            <p>The subscription article exists to show the 402 a subscription site sends: a reason, a link here and a Retry-After header, with nothing a browser could pay.</p>
            <p><a href="/">Back to the front page</a></p>
            """)
    }

    static func credits() -> String {
        HTML.page(title: "Top up credits", main: """
            <h1>Top up credits</h1>
            <p>The summaries API sells summaries for credits bought in advance. This is the page its 402 points to; in this demo it sells nothing.</p>
            <p>Credit systems like this one are common for APIs: the 402 says why and links here, but carries no offer a browser could sign.</p>
            <p><a href="/">Back to the front page</a></p>
            """)
    }

    static func notFound(path: String) -> String {
        HTML.page(title: "Not found", main: """
            <h1>Not found</h1>
            <p>There is nothing at <code>\(HTML.escape(String(path.prefix(200))))</code>.</p>
            <p><a href="/">Back to the front page</a></p>
            """)
    }
}
