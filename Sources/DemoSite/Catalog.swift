/// Every article of the site, in front-page order.
enum Catalog {
    static let articles: [Article] = [
        .reservedForFutureUse,
        .tipJar,
        .scripAndBlindSignatures,
        .twoWaysToSay402,
        .whatACentCouldChange,
        .subscriptionMaze,
        .invoicesOverLightning,
        .tokenNobodyKnows,
        .streamingCents,
        .mentalTransactionCost,
    ]

    /// The JSON API whose every answer is a 402 for lack of credits: `/api/summaries/<slug>`.
    static let summariesPrefix = "/api/summaries/"
    /// The summary the front page links to.
    static let featuredSummaryPath = summariesPrefix + Article.streamingCents.slug

    /// What the summaries API answers with.
    static let summariesKind = "402 with a hand-rolled JSON error, {\"error\":\"InsufficientCredits\",\"message\",\"top_up_url\"}: a message and a top-up link, nothing to sign."

    private static let bySlug: [String: Article] = Dictionary(uniqueKeysWithValues: articles.map { ($0.slug, $0) })

    static func article(slug: String) -> Article? { bySlug[slug] }
}

/// An article or endpoint of the demo site, for the CLI and the benchmark.
public struct DemoArticle: Sendable, Hashable {
    /// The path, such as `/articles/reserved-for-future-use`.
    public let path: String
    public let title: String
    /// Which kind of 402 it answers with, in a sentence.
    public let kind: String
    /// The price in base units of the demo token, when it is machine-payable.
    public let priceBaseUnits: String?
    /// The protocols a client that knows the demo USDC can pay it with, in the order the
    /// 402 offers them; empty when nothing can be paid.
    public let protocols: [DemoPaymentProtocol]
}

extension DemoArticle {
    init(_ article: Article) {
        path = article.path
        title = article.title
        kind = article.paywall.kindDescription
        let payable = article.paywall.price.flatMap { $0.token.advertisesDomain ? $0 : nil }
        priceBaseUnits = payable.map { String($0.amount) }
        protocols = payable?.protocols ?? []
    }
}
