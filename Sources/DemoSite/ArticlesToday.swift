import BigInt

/// The present: the two protocols, Lightning, unknown tokens, streaming payments and paywalls.
extension Article {
    static let twoWaysToSay402 = Article(
        slug: "two-ways-to-say-402",
        title: "Two Ways to Say 402",
        standfirst: "x402 and the Payment authentication scheme answer the same question with different grammar. Production servers now send both.",
        section: .both,
        paywall: .priced(Price(amount: 10_000, token: .demoUSDC, protocols: [.x402v2, .paymentScheme])),
        minutes: 7,
        blocks: [
            .paragraph("The response that brought you here carried two offers for the same article. One was an x402 version 2 `PAYMENT-REQUIRED` header; the other a `WWW-Authenticate: Payment` challenge. Both asked for one cent of the demo chain's USDC, both would have been paid with the same kind of signature, and your browser picked one. This is what servers built with the reference libraries now do, because no one knows yet which grammar will win."),
            .heading("x402: an offer in a header"),
            .paragraph("x402 came from Coinbase in 2025 and is now stewarded by a foundation it formed with Cloudflare. Its version 2 puts a base64 JSON document in the `PAYMENT-REQUIRED` header: a list of accepted payment requirements, each naming a scheme such as `exact`, a CAIP-2 network such as `eip155:8453`, an amount in the token's base units, the token contract and the address to pay. The client copies the requirement it chose into its answer, adds a signed EIP-3009 transfer authorization, and sends it back base64-encoded in `PAYMENT-SIGNATURE`."),
            .paragraph("A facilitator, usually run by someone other than the site, checks the signature and submits the authorization to the token contract, paying the gas. The site answers with the content and a `PAYMENT-RESPONSE` header naming the transaction."),
            .heading("The Payment scheme: paying as authentication"),
            .paragraph("The Payment scheme, written up as an Internet-Draft, starts from HTTP's authentication framework instead. A 402 carries one `WWW-Authenticate: Payment` challenge per way to pay, with an `id`, a `realm`, a `method` such as `evm` or `lightning`, an `intent` such as `charge`, an expiry, and a `request` parameter holding the price as canonical JSON. The client answers with `Authorization: Payment` and a credential that echoes the challenge byte for byte."),
            .paragraph("The echo is what lets a server stay stateless: the challenge id is an HMAC of the other parameters under a secret only the server knows, so a credential for a challenge the server never issued, or one whose price was edited, fails before any signature is checked. For the `evm` method the authorization's nonce is itself derived from the challenge id and realm, so the payment cannot be replayed against another challenge."),
            .table(caption: "The same payment, two grammars", header: ["", "x402 version 2", "Payment scheme"], rows: [
                ["Offer", "PAYMENT-REQUIRED header, base64 JSON", "WWW-Authenticate: Payment, one challenge per method"],
                ["Price", "accepts[].amount", "request.amount, canonical JSON"],
                ["Credential", "PAYMENT-SIGNATURE", "Authorization: Payment"],
                ["Nonce", "32 random bytes", "keccak-256 of the challenge id and realm"],
                ["Expiry", "validBefore, from maxTimeoutSeconds", "the challenge's expires"],
                ["Receipt", "PAYMENT-RESPONSE", "Payment-Receipt"],
                ["Errors", "errorReason such as nonce_already_used", "Problem Details, such as verification-failed"],
            ]),
            .heading("What a browser has to get right"),
            .bullets([
                "Read every offer on the response, in every header, and never take the price from the body when a header states it.",
                "Scale amounts by the token's real decimals, known in advance, never by what the server claims.",
                "Show the origin, the amount and the payee, and ask before paying.",
                "Sign once per approval, persist the attempt, and on an ambiguous answer retry with the same credential instead of signing a new one.",
            ]),
            .paragraph("None of this depends on which grammar wins. A browser that does these four things can speak both, and so can a site: this one verifies either credential with the same strict checks and records both in the same ledger, under one unique nonce column that makes the second use of any authorization fail."),
        ])

    static let invoicesOverLightning = Article(
        slug: "invoices-over-lightning",
        title: "Invoices over Lightning",
        standfirst: "L402 pairs a Lightning invoice with a macaroon, and turns a payment into a reusable key.",
        section: .cannotPay,
        paywall: .lightning,
        minutes: 5,
        blocks: [
            .paragraph("Bitcoin's Lightning Network, described in a 2015 paper by Joseph Poon and Thaddeus Dryja and running on the main network since 2018, moves payments through chains of payment channels and settles them in seconds. Every payment starts with an invoice, a BOLT11 string beginning with `lnbc`, and ends when the payer learns a secret preimage whose hash the invoice named."),
            .paragraph("Lightning Labs saw that the preimage was a receipt nobody could forge. In 2020 it proposed LSAT, later renamed L402: a server answers 402 with `WWW-Authenticate: L402`, a macaroon and an invoice. The client pays the invoice, and from then on presents the macaroon together with the preimage in `Authorization: L402`. Macaroons, invented at Google in 2014, are bearer tokens to which anyone holding them can add restrictions, such as an expiry or a single service."),
            .bullets([
                "The credential is reusable until the macaroon expires, so a client should cache it per site instead of paying again.",
                "The invoice names an amount in millisatoshis and expires on its own schedule.",
                "Paying needs a Lightning wallet with open channels, which is a different thing from an EVM key.",
            ]),
            .paragraph("Lightning Labs put the idea to work in its own services and in Aperture, a reverse proxy that stands in front of an API, answers unpaid requests with an L402 challenge and checks the macaroon and preimage on the way back. The appeal for API sellers is that nothing about the buyer needs to be known: whoever holds a valid macaroon and the matching preimage has paid, and the macaroon's caveats say for what and until when."),
            .paragraph("The design differs from x402 and the Payment scheme in one important way. Their credentials are single-use authorizations for one request; an L402 credential is a key that opens the same door again until it expires. That is closer to a day ticket than to a coin, and it changes what a browser must remember between requests."),
            .paragraph("Penny has no Lightning wallet, so it shows this challenge and does not offer to pay. The invoice in it is the example from the BOLT11 specification itself: well formed, for a cup of coffee, and payable by nobody."),
        ])

    static let tokenNobodyKnows = Article(
        slug: "a-token-nobody-knows",
        title: "A Token Nobody Knows",
        standfirst: "An offer is only as clear as the asset it names. What should a browser do with a price in a token it has never seen?",
        section: .cannotPay,
        paywall: .priced(Price(amount: BigUInt(10).power(16), token: .gadgetCredits, protocols: [.x402v2])),
        minutes: 5,
        blocks: [
            .paragraph("The 402 in front of this article offers it for 10000000000000000 base units of a token at an address on the demo chain that no wallet has heard of, and says nothing else: no symbol, no decimals, no EIP-712 name or version. If the token has eighteen decimals that is one cent; if it has six, it is ten billion units. The offer does not say, and a browser must not guess."),
            .paragraph("Two things are missing, and both matter. Decimals decide what the number means to a person: a wallet that assumes six decimals for an eighteen-decimal token shows a price a trillion times too large, and one that assumes eighteen for a six-decimal token hides a fortune behind a few zeros. The signing domain decides what a signature commits to: an EIP-3009 authorization is signed over the token's name, version, chain and address, and a signature in the wrong domain is simply invalid."),
            .bullets([
                "Show the amount in base units and say that the decimals are unknown.",
                "Name the token by its address and chain, not by a symbol the server chose.",
                "Refuse to sign when the signing domain is unknown, and say why.",
            ]),
            .paragraph("The name is the subtle part. A server may put any name it likes in an offer's `extra` field, including the name of a famous stablecoin, and a signature in that domain would still only move the token at the stated address, which may be worthless. A browser that shows the name the server chose, instead of the address and chain it can check, lets a stranger decide what the reader thinks they are paying with."),
            .paragraph("Penny keeps a short table of tokens it knows for certain, with their decimals and signing domains, and trusts it over anything a server claims. This token is not in it, so Penny explains the offer and does not pay."),
        ])

    static let streamingCents = Article(
        slug: "streaming-cents",
        title: "Streaming Cents",
        standfirst: "Web Monetization tried to pay sites by the second, in the background, with one tag in the page.",
        section: .free,
        paywall: .free,
        minutes: 5,
        blocks: [
            .paragraph("Web Monetization took the opposite view from the per-article price. A site adds one tag naming a payment pointer, an address for receiving money, and a browser with a monetization provider streams tiny payments to it for as long as the reader has the page open. No prompt, no price, no purchase: money flows the way time does."),
            .paragraph("The proposal grew out of Interledger, a protocol for sending payments across different ledgers that Stefan Thomas and Evan Schwartz designed at Ripple in 2015. In 2018 Thomas founded Coil, which sold a membership of five dollars a month and streamed it, through Interledger, to the monetized sites its members visited. Sites could detect the stream and, for example, hide advertisements or unlock extra content."),
            .table(caption: "Web Monetization in a few steps", header: ["Step", "Who", "What happens"], rows: [
                ["1", "Site", "Adds a monetization link with its payment pointer"],
                ["2", "Browser", "Finds the link and asks its provider to start paying"],
                ["3", "Provider", "Streams small payments over Interledger while the page is open"],
                ["4", "Site", "Sees monetization events and may change what it shows"],
            ]),
            .paragraph("Coil wound down its membership in 2023. The specification lives on at the Interledger Foundation, now as a `link` element instead of the original `meta` tag, with a browser extension and open payment accounts replacing the single provider."),
            .bullets([
                "Its strength: no decision per page, so no mental transaction cost.",
                "Its weakness: the amount a site earns depends on time spent, which rewards long pages over good ones.",
                "Its open question: who pays the provider, and what the provider learns about the reader.",
            ]),
            .quote("Money flows the way time does.", source: nil),
            .paragraph("This article is free. The articles that charge on this site use a price per request instead, because it is easy to verify and easy to show; a browser could still add a monthly budget on top and make paying feel like streaming."),
        ])

    static let subscriptionMaze = Article(
        slug: "the-subscription-maze",
        title: "The Subscription Maze",
        standfirst: "Paywalls saved some newspapers and taught readers to ration what they read. A history in four walls.",
        section: .cannotPay,
        paywall: .expiredSubscription,
        minutes: 6,
        blocks: [
            .paragraph("The Wall Street Journal began charging for its website in 1996 and never stopped, which made it an exception for more than a decade. Most newspapers gave their journalism away and sold the attention of their readers, until the advertising market moved to the platforms and the money went with it."),
            .bullets([
                "The hard wall: nothing without a subscription, as at the Journal.",
                "The metered wall: a few free articles a month, popularised by the Financial Times in 2007 and The New York Times in 2011.",
                "The freemium wall: some articles free, premium ones locked.",
                "The dynamic wall: the offer and the count change with what the site knows about you.",
            ]),
            .paragraph("Walls worked for the largest titles. For everyone else they produced a web of separate subscriptions that few readers will pay for more than one or two of; surveys of news audiences keep finding that fewer than one in five people pay for online news at all. A reader who follows a link to an article from a paper they do not subscribe to meets a wall, and leaves."),
            .paragraph("Leaving is often harder than joining. Subscriptions that start with one click have ended with a telephone call during office hours, retention offers in a chat window, or a form hidden several pages deep, and regulators in several countries have taken aim at these cancellation flows. Bundles, which sell many titles for one price, are the industry's other answer, and they bring back the flat rate that readers have always preferred."),
            .paragraph("This article shows the 402 a subscription site sends when your subscription has expired: a reason in plain text, a link to renew, and a `Retry-After` header. There is nothing in it that a browser could pay, and nothing it should try to."),
        ])
}
