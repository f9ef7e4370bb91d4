/// One piece of an article's body.
enum ArticleBlock: Sendable {
    /// Plain text; `backticks` become code.
    case paragraph(String)
    case heading(String)
    case bullets([String])
    case numbered([String])
    case table(caption: String, header: [String], rows: [[String]])
    case quote(String, source: String?)
}

/// Where the front page lists an article.
enum FrontPageSection: Int, Sendable, CaseIterable {
    case x402, paymentScheme, both, cannotPay, free

    var title: String {
        switch self {
        case .x402: "Paid with x402"
        case .paymentScheme: "Paid with the Payment scheme"
        case .both: "Both protocols on one response"
        case .cannotPay: "402s a browser cannot pay"
        case .free: "Free to read"
        }
    }

    var introduction: String {
        switch self {
        case .x402:
            "Coinbase's x402 puts a signed USDC transfer authorization in a request header. One article speaks version 2, one the older version 1."
        case .paymentScheme:
            "An IETF draft makes payment an HTTP authentication scheme, next to Basic and Bearer, with a challenge the server can recognise again."
        case .both:
            "Servers that want every client send both kinds of offer on one 402 and let the browser choose."
        case .cannotPay:
            "Not every 402 is an offer a wallet can answer. These show what a browser should display when it cannot pay."
        case .free:
            "Background reading, no payment needed."
        }
    }
}

/// An article of the demo site.
struct Article: Sendable {
    /// The last path segment: `/articles/<slug>`.
    let slug: String
    let title: String
    /// The one-sentence summary under the headline.
    let standfirst: String
    let section: FrontPageSection
    let paywall: Paywall
    /// Reading time in minutes, as the front page states it.
    let minutes: Int
    /// The body; the first block is a paragraph, shown as the teaser on a 402.
    let blocks: [ArticleBlock]

    var path: String { "/articles/" + slug }

    /// The first paragraph: what a 402 shows before payment.
    var teaser: String {
        for block in blocks {
            if case .paragraph(let text) = block { return text }
        }
        return standfirst
    }
}
