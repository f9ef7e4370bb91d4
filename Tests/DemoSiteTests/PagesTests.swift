@testable import DemoSite
import Foundation
import HTTPModel
import Testing

/// The front page, the about page, the free articles, and the catalogue itself.
struct PagesTests {
    @Test func theFrontPageListsEveryArticleAndItsKindOf402() async throws {
        try await withSite { site in
            let response = try await fetch(site, "/")
            #expect(response.status == 200)
            #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
            let page = text(response)
            for section in FrontPageSection.allCases { #expect(page.contains("<h2>\(section.title)</h2>")) }
            for article in Catalog.articles {
                #expect(page.contains("<a href=\"\(article.path)\">\(HTML.escape(article.title))</a>"))
                #expect(page.contains(HTML.escape(article.paywall.kindDescription)))
            }
            #expect(page.contains(Paths.creditsAPI))
            for phrase in ["x402 version 2 offer only", "Payment authentication scheme challenge only",
                           "both an x402 v2 offer and a Payment challenge", "x402 version 1", "0.25 USDC", "expired subscription",
                           "L402", "InsufficientCredits", "no wallet knows", "Free to read"] {
                #expect(page.contains(phrase), "\(phrase)")
            }
            #expect(page.contains("href=\"/earnings\"") && page.contains("href=\"/about\""))
            #expect(try await fetch(site, "/", method: .head).status == 200)
        }
    }

    @Test func theAboutPageNamesThePayeeAndTheDemoChain() async throws {
        try await withSite { site in
            let page = text(try await fetch(site, "/about"))
            #expect(page.contains(Keys.payee.address.checksummed))
            #expect(page.contains("eip155:31337"))
            #expect(page.contains("0x5FbDB2315678afecb367f032d93F642f64180aa3"))
            #expect(page.contains("127.0.0.1:\(site.port)"))
            #expect(page.contains("in memory"))
        }
    }

    @Test func freeArticlesAreServedWhole() async throws {
        try await withSite { site in
            for path in [Paths.free, "/articles/the-mental-transaction-cost"] {
                let response = try await fetch(site, path)
                #expect(response.status == 200)
                #expect(!response.headers.contains("PAYMENT-REQUIRED") && !response.headers.contains("WWW-Authenticate"))
            }
            #expect(text(try await fetch(site, Paths.free)).contains("<table>"))
        }
    }

    @Test func unknownPathsAndMethodsAreRefused() async throws {
        try await withSite { site in
            #expect(try await fetch(site, "/nope").status == 404)
            #expect(try await fetch(site, "/articles/nope").status == 404)
            #expect(try await fetch(site, "/articles/").status == 404)
            let post = try await fetch(site, Paths.x402v2, method: .post)
            #expect(post.status == 405)
            #expect(post.headers["Allow"] == "GET, HEAD")
            // HEAD shows the 402 but never settles.
            let credential = try pennyPays(try await fetch(site, Paths.x402v2), with: .x402v2)
            let head = try await fetch(site, Paths.x402v2, headers: credential.headerPairs, method: .head)
            #expect(head.status == 402)
            #expect(head.headers.contains("PAYMENT-REQUIRED"))
            #expect(try site.payments().isEmpty)
        }
    }

    @Test func theCatalogueHasRealArticles() {
        let articles = Catalog.articles
        #expect(articles.count >= 8)
        #expect(Set(articles.map(\.slug)).count == articles.count)
        for article in articles {
            let paragraphs = article.blocks.filter { if case .paragraph = $0 { true } else { false } }
            #expect(paragraphs.count >= 3, "\(article.slug)")
            if case .paragraph = article.blocks.first {} else { Issue.record("\(article.slug) must open with a paragraph") }
            let words = article.blocks.reduce(0) { count, block in
                if case .paragraph(let text) = block { return count + text.split(separator: " ").count }
                return count
            }
            #expect(words >= 200, "\(article.slug) has \(words) words")
        }
        let blocks = articles.flatMap(\.blocks)
        #expect(blocks.contains { if case .table = $0 { true } else { false } })
        #expect(blocks.contains { if case .quote = $0 { true } else { false } })
        #expect(blocks.contains { if case .bullets = $0 { true } else { false } })
        #expect(blocks.contains { if case .numbered = $0 { true } else { false } })
        // Every kind of 402 is there.
        let kinds = Set(articles.map { article -> String in
            switch article.paywall {
            case .free: "free"
            case .expiredSubscription: "subscription"
            case .lightning: "l402"
            case .priced(let price): price.token.advertisesDomain ? price.protocols.map(\.rawValue).joined(separator: "+") + (price.amount > 10_000 ? " long" : "") : "unknown token"
            }
        })
        #expect(kinds == ["free", "subscription", "l402", "x402 v2", "x402 v1", "Payment scheme", "x402 v2+Payment scheme",
                          "x402 v2+Payment scheme long", "unknown token"])
        let listed = DemoSite.articles
        #expect(listed.count == articles.count + 1)
        #expect(listed.contains { $0.path == Paths.both && $0.protocols == [.x402v2, .paymentScheme] && $0.priceBaseUnits == "10000" })
        #expect(listed.contains { $0.path == Paths.unknownToken && $0.protocols.isEmpty && $0.priceBaseUnits == nil })
    }

    @Test func htmlIsEscaped() {
        #expect(HTML.escape(#"<a href="x">&'"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        #expect(HTML.inline("a `<b>` c") == "a <code>&lt;b&gt;</code> c")
        #expect(HTML.inline("odd ` tick") == "odd ` tick")
        #expect(Pages.notFound(path: "/<script>").contains("/&lt;script&gt;"))
    }
}
