import BigInt

/// The history pieces: the reserved status code, the first micropayment systems, the
/// argument against them, and the tip jars that came after.
extension Article {
    static let reservedForFutureUse = Article(
        slug: "reserved-for-future-use",
        title: "Reserved for Future Use",
        standfirst: "HTTP has had a status code for payment since 1997. For a quarter of a century it meant nothing at all.",
        section: .x402,
        paywall: .priced(Price(amount: 10_000, token: .demoUSDC, protocols: [.x402v2])),
        minutes: 6,
        blocks: [
            .paragraph("Every web developer knows 404. Fewer have met its neighbour, 402 Payment Required. It entered the standards in RFC 2068, the first specification of HTTP/1.1, published in January 1997, with a definition one sentence long that would survive every revision of the protocol for the next twenty-five years."),
            .quote("This code is reserved for future use.", source: "RFC 2068, section 10.4.3 (1997)"),
            .paragraph("The authors were not being coy. The idea is older than the RFC: Tim Berners-Lee's early notes on HTTP already gave 402 a meaning, a list of acceptable charging schemes, and imagined a `ChargeTo` request header with which a client would retry and agree to pay. In the middle of the nineties it seemed obvious that some form of digital cash would soon live inside browsers, and that servers would need a way to say: this page costs money, and here is how to pay for it."),
            .paragraph("What never arrived was the money. There was no payment method that every browser could speak, card payments cost a fixed fee that dwarfed a price of a few cents, and the first digital cash companies failed one after another. So the status code stayed in the specification, defined and unused, while the web learned to pay for itself with advertising instead."),
            .heading("Twenty-five years of the same sentence"),
            .table(caption: "What the HTTP specifications said about 402", header: ["Document", "Year", "What it says"], rows: [
                ["Early HTTP notes at CERN and W3C", "1992", "The response lists acceptable charging schemes; the client may retry with a ChargeTo header"],
                ["RFC 1945, HTTP/1.0", "1996", "Not defined: the list of client errors goes from 401 to 403"],
                ["RFC 2068, HTTP/1.1", "1997", "Reserved for future use"],
                ["RFC 2616, HTTP/1.1 revised", "1999", "Reserved for future use"],
                ["RFC 7231, HTTP/1.1 semantics", "2014", "Reserved for future use"],
                ["RFC 9110, HTTP semantics", "2022", "Reserved for future use"],
            ]),
            .paragraph("Reserved did not mean unused. Because the code was there and nobody owned it, services borrowed it for whatever was closest to its name:"),
            .bullets([
                "payment APIs answered 402 when a card was declined, although the request itself was fine;",
                "hosting platforms and online shops used it for an account whose bill had not been paid;",
                "a few APIs sent it when a prepaid quota of requests ran out;",
                "and news sites experimented with it for paywalls, usually to discover that browsers simply showed the error page.",
            ]),
            .paragraph("None of these responses told a client how to pay. A browser receiving one had nothing to do but show the body, which is why most sites preferred a 200 with a subscription form, or a redirect to a login page. A status code is only as useful as the machine-readable agreement behind it, and for 402 there was none."),
            .heading("The agreement arrives"),
            .paragraph("That changed in 2025. Coinbase published x402, which puts a machine-readable offer in the 402 response and a signed stablecoin transfer authorization in the retry. Around the same time, an Internet-Draft proposed a `Payment` authentication scheme that treats paying like logging in: a challenge in `WWW-Authenticate`, a credential in `Authorization`. Cloudflare began answering crawlers with 402 and a price. After twenty-eight years, the future use had a few candidates."),
            .paragraph("You are reading this article because your browser answered an x402 version 2 offer. The server said, in a `PAYMENT-REQUIRED` header, that the page costs 10000 base units of the demo chain's USDC, six decimals, so one cent, payable to its address. Your browser signed an EIP-3009 authorization for exactly that amount, and the server checked the signature, recorded the nonce so that the same authorization can never be used twice, and answered with a receipt in `PAYMENT-RESPONSE`."),
            .paragraph("Nothing in that exchange needed an account, a card number or a cookie. That is the part the authors of RFC 2068 would have recognised: not a new business model, just the missing piece of the protocol they had left a place for."),
        ])

    static let scripAndBlindSignatures = Article(
        slug: "scrip-and-blind-signatures",
        title: "Scrip and Blind Signatures",
        standfirst: "Before the web had advertising, it had Millicent and DigiCash: two serious attempts to make paying a fraction of a cent as easy as following a link.",
        section: .paymentScheme,
        paywall: .priced(Price(amount: 10_000, token: .demoUSDC, protocols: [.paymentScheme])),
        minutes: 7,
        blocks: [
            .paragraph("In 1995 two very different teams were convinced they had solved payments for the web. In Amsterdam, David Chaum's company DigiCash was running trials of ecash, money made of numbers that a bank signed without seeing. In Palo Alto, researchers at Digital Equipment Corporation were describing Millicent, a protocol meant to make a purchase of a tenth of a cent cost less to process than the purchase itself."),
            .heading("DigiCash: cash, but digital"),
            .paragraph("Chaum had published the idea behind ecash in 1982, in a paper on blind signatures for untraceable payments. A customer prepares a coin, disguises it, and has the bank sign the disguised version; after removing the disguise the signature is still valid, but the bank cannot link the coin it signed to the coin later spent. Merchants could check the bank's signature; nobody could build a list of who bought what."),
            .paragraph("DigiCash, founded in 1989, turned this into software. The Mark Twain Bank of St. Louis began issuing real ecash in 1995, and banks in Europe and Australia ran trials. The technology worked. The business did not: few merchants accepted it, few customers had accounts at a participating bank, and the company refused several offers that might have brought it into the mainstream. DigiCash filed for bankruptcy in 1998."),
            .heading("Millicent: scrip for a tenth of a cent"),
            .paragraph("Millicent took the opposite approach and gave up anonymity for cost. Customers bought scrip from a broker in larger amounts, and the broker exchanged it for scrip specific to each vendor. Spending vendor scrip needed no public-key cryptography and no call to a bank, only a hash that the vendor could check locally, so a single purchase cost almost nothing to verify. Digital's engineers talked about selling individual pages, search results and stock quotes for fractions of a cent."),
            .paragraph("Compaq, which bought Digital in 1998, ran trials of Millicent but never launched it widely. The protocol's central insight survived anyway: if a payment has to be cheap, the merchant must be able to verify it without asking anybody else."),
            .heading("The rest of the class of 1995"),
            .bullets([
                "First Virtual (1994) avoided cryptography altogether and confirmed every card purchase by email.",
                "CyberCash (1994) wrapped card payments in encryption and later offered CyberCoin for small purchases; it went bankrupt in 2001.",
                "IBM's Micro Payments research project sold content in small increments and was shown at trade fairs in the late nineties.",
                "Beenz and Flooz, at the height of the dot-com boom, issued their own web currencies; both collapsed in 2001.",
            ]),
            .paragraph("Every one of these systems needed the reader to sign up for something new before paying for anything, and every one needed merchants to adopt it before readers would. Breaking that circle was the real problem, and it was not a cryptographic one."),
            .quote("If a payment has to be cheap, the merchant must be able to check it alone.", source: nil),
            .paragraph("This article was sold to you through the Payment authentication scheme, which inherits something from both ancestors. Like Millicent's scrip, your credential can be checked by the site on its own: a signature over an authorization, bound to a challenge that the site recognises by an HMAC of its own secret, so it needs no database lookup to know the challenge is genuine. Like ecash, it is a bearer instrument that the site records once and never accepts again. Unlike either, it settles in a token that already exists and that a browser can hold without asking a bank."),
        ])

    static let mentalTransactionCost = Article(
        slug: "the-mental-transaction-cost",
        title: "The Mental Transaction Cost",
        standfirst: "The strongest argument against micropayments was never about fees. It was about the reader having to decide, over and over again.",
        section: .free,
        paywall: .free,
        minutes: 5,
        blocks: [
            .paragraph("In 1999 Nick Szabo wrote an essay on what he called the mental accounting barrier to micropayments. Processing fees could be engineered down to almost nothing, he argued, but the cost of the customer's attention could not: every purchase asks a person to judge whether something is worth its price, and that judgement costs more than a cent's worth of thought."),
            .paragraph("A year later Clay Shirky made the case more bluntly in an essay called The Case Against Micropayments. Users, he wrote, hate being nickel-and-dimed; they prefer flat rates, simple prices and the feeling that reading one more page costs nothing. Andrew Odlyzko's research on the history of telephone and postal pricing pointed the same way: given the choice, people pay more for a flat rate than for metered use, because the flat rate removes the worry."),
            .heading("Why the argument held"),
            .bullets([
                "Each decision to pay interrupts reading, and interruptions accumulate.",
                "Prices that vary from page to page are hard to compare and easy to resent.",
                "Uncertainty about the monthly total makes people cautious, so they read less.",
                "Small amounts feel trivial one at a time and alarming when added up.",
            ]),
            .paragraph("Advertising, and later subscriptions, won partly because they removed these decisions. An advertisement charges the reader in attention without asking; a subscription asks once a year. Both are worse for the reader in other ways, but neither makes reading a page into a purchase."),
            .heading("What a browser can do about it"),
            .paragraph("The mental cost is real, but it is not fixed. Much of it comes from having to decide every time, and decisions can be delegated. A budget decided once can stand in for a thousand small judgements:"),
            .numbered([
                "a ceiling per article, above which the browser always asks;",
                "a daily and monthly cap, after which it stops paying at all;",
                "a list of sites the reader trusts to charge small amounts without a prompt;",
                "and a ledger that shows, at any time, exactly what was spent and where.",
            ]),
            .paragraph("Penny asks before every payment by default, as the Payment scheme's draft recommends for browsers, and shows the origin, the amount and the asset. The caps and allow-lists exist so that a reader can choose to be asked less, without ever being surprised by the total."),
            .quote("A budget decided once can stand in for a thousand small judgements.", source: nil),
        ])

    static let tipJar = Article(
        slug: "flattr-brave-and-the-tip-jar",
        title: "Flattr, Brave and the Tip Jar",
        standfirst: "When paying per page failed, the web tried something gentler: let readers give what they like, and split it among the people they read.",
        section: .x402,
        paywall: .priced(Price(amount: 10_000, token: .demoUSDC, protocols: [.x402v1])),
        minutes: 6,
        blocks: [
            .paragraph("Flattr launched in 2010 with a simple promise. You put a fixed amount into your account each month, clicked a Flattr button on whatever you enjoyed, and at the end of the month your money was divided among everything you had clicked. Its founders, Peter Sunde and Linus Olsson, had taken the mental cost out of the decision: a click did not spend money, it only moved a share of money already spent."),
            .paragraph("The model was admired more than it was used. Creators had to add a button, readers had to sign up and top up, and a monthly budget of a few euros divided among dozens of clicks left each creator with very little. Flattr later changed its model to count what its users visited automatically, and in 2017 it was acquired by eyeo, the company behind Adblock Plus, which hoped to offer readers who block advertising another way to pay."),
            .heading("The browser that pays"),
            .paragraph("Brave, launched in 2016 by Brendan Eich, built the idea into the browser itself. It blocks advertising and trackers by default and offers Brave Rewards: readers who opt in see privacy-preserving advertisements from Brave, earn Basic Attention Tokens for them, and can pass those tokens on to the sites and creators they visit. The token sale that funded BAT in 2017 raised about thirty-five million dollars in well under a minute, one of the emblems of that year's enthusiasm."),
            .table(caption: "Four ways the money has moved", header: ["System", "Who decides the amount", "When money moves", "What the reader needs"], rows: [
                ["Flattr", "The reader, as a monthly budget", "Once a month, split by clicks or visits", "An account and a top-up"],
                ["Brave Rewards", "Brave's ad revenue and the reader's settings", "Periodically, in BAT", "The Brave browser, opted in"],
                ["Patreon and similar", "The reader, per creator", "Monthly, by card", "An account and a card"],
                ["x402", "The site, per request", "With the request itself", "A wallet that can sign"],
            ]),
            .paragraph("Tipping has one lasting strength: it never stands between the reader and the page. Its weakness is the same fact seen from the other side. Because nothing depends on the payment, most readers never make it, and a site cannot plan on money that arrives as a favour."),
            .heading("A price on the page, kept small"),
            .paragraph("Protocols like x402 go back to a price per request, but they keep what the tip jars learned. There is no account to create with each site and no card number to type; the payment travels with the request and the site's answer arrives with a receipt. Whether that feels like a tip or like a purchase depends on the browser: one that asks every time recreates the mental cost, one with a sensible budget makes a cent feel like a click."),
            .paragraph("This article was offered in x402's first version, still deployed by many servers: the offer sits in the JSON body of the 402 response, with `maxAmountRequired` instead of version 2's `amount`, and the browser answers with an `X-PAYMENT` header. The demo uses the chain identifier `eip155:31337` in the offer's `network` field instead of one of version 1's plain names, because no plain name exists for a local development chain."),
        ])
}
