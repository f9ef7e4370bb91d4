import BigInt

/// The long read: what prices of a cent could change, and what they could break.
extension Article {
    static let whatACentCouldChange = Article(
        slug: "what-a-cent-could-change",
        title: "What a One-Cent Article Could Change",
        standfirst: "A long read on the economics of very small prices: what they could fix about the web, what they could break, and what a browser owes its reader.",
        section: .both,
        paywall: .priced(Price(amount: 250_000, token: .demoUSDC, protocols: [.x402v2, .paymentScheme])),
        minutes: 18,
        blocks: [
            .paragraph("A cent is less than most advertisements earn for a page. That single fact, more than any protocol, is why prices of a cent are worth taking seriously. A display advertisement typically earns a publisher a few dollars per thousand impressions, a few tenths of a cent each, and even a page carrying several of them rarely earns a cent per view. If a reader paid one cent directly, the publisher would often be better off than with everything the advertising machinery delivers, and the reader would be spared the machinery."),
            .paragraph("This essay costs a quarter of a dollar of demo money, twenty-five times the price of the other articles here. That is on purpose. Long pieces take longer to write, and a price system that cannot tell a two-minute note from an evening's reading is no better than advertising at valuing work. But it also means you had to decide whether to pay, which is the oldest objection to everything in this essay. Hold on to that feeling; we will come back to it."),
            .heading("What the cent replaces"),
            .paragraph("Advertising pays for the web by measuring readers. To sell an impression for a good price, the page must tell an auction who is looking, which means cookies, identifiers, scripts from dozens of companies, and a profile that follows the reader from site to site. The page gets slower, the reader gets watched, and the publisher keeps a small share of a price set somewhere else."),
            .paragraph("A direct price replaces all of that with a single exchange. The server says what the page costs; the browser signs an authorization for that amount; the server checks it and serves the page. The site learns an address that paid, not a person, and nothing else needs to run in the page at all."),
            .table(caption: "A month of reading at different prices, in dollars", header: ["Articles per day", "At 1 cent", "At 5 cents", "At 25 cents"], rows: [
                ["2", "0.60", "3.00", "15.00"],
                ["5", "1.50", "7.50", "37.50"],
                ["10", "3.00", "15.00", "75.00"],
                ["20", "6.00", "30.00", "150.00"],
            ]),
            .paragraph("The table is the whole argument in numbers. At a cent, even a heavy reader spends less in a month than a single newspaper subscription, and spends it across every site they read rather than the one or two they can afford to subscribe to. At a quarter, the same habit becomes expensive quickly, and the reader starts choosing. Both are legitimate prices; they describe different kinds of writing."),
            .heading("Seven things a cent could change"),
            .numbered([
                "Links would work again. A link to an article on a site you do not subscribe to currently leads to a wall; with a price it leads to a page, for a cent.",
                "Readers would not need accounts. There is no login, no password and no stored card; the payment itself is the permission.",
                "Tracking would lose its reason. A page that is paid for does not need to be sold.",
                "Small sites could charge. A subscription needs a brand people will commit to; a price per article only needs one article worth reading.",
                "Programs could pay their way. Agents and scripts that fetch pages could pay for what they use instead of being blocked or ignored.",
                "Prices could carry information. A site that charges more for careful work tells you something by doing so.",
                "Refusing could be honest. A reader who declines to pay simply does not read, instead of blocking advertisements and reading anyway.",
            ]),
            .heading("And what it could break"),
            .paragraph("None of this is free of risk. Prices per page reward pages that get clicked, and the web already knows where that leads: headlines written to be opened, not read. A site paid per view has the same incentives as one paid per impression, minus the advertiser's reluctance to be seen next to anything embarrassing."),
            .paragraph("Prices also divide readers. Advertising, for all its faults, charges everyone the same price in attention; a cent is nothing to some readers and a real cost to others, and the articles behind prices may be the ones a public debate most needs. Libraries, public broadcasters and free tiers are not obsolete because payment got easier."),
            .paragraph("Then there is privacy of another kind. A payment on a public chain is visible to everyone who looks, and an address that pays for a series of articles describes its owner's interests as clearly as any cookie. Wallets that use a fresh address per site, payment channels and privacy-preserving tokens are answers in progress, not solved problems."),
            .quote("A price system that cannot tell a two-minute note from an evening's reading is no better than advertising at valuing work.", source: nil),
            .heading("What a browser owes its reader"),
            .paragraph("Which brings us back to the feeling of deciding whether this essay was worth a quarter. That decision is the mental transaction cost that sank every micropayment system of the nineties, and no protocol makes it disappear. What a browser can do is make the decision honest and rare."),
            .bullets([
                "Honest: show the origin, the amount in the token's real units, the payee and the asset, and never pay without an approval the reader understood.",
                "Rare: let the reader set a budget per article, per site and per day once, and keep to it without asking again.",
                "Accountable: keep a ledger the reader can read, with every payment, its receipt and the page it bought.",
                "Careful: never sign twice for one approval, and never pay again just because a server asks again.",
            ]),
            .paragraph("Penny asks before every payment unless you tell it otherwise, and it keeps those rules whether the site speaks x402 or the Payment scheme. The site you are reading keeps rules of its own, the rules of a strict merchant: it checks that the signature is yours, that the amount and the payee are its own, that the authorization is current, and that its nonce has never been seen before, and it records the payment and the nonce in one transaction before it serves a single paragraph."),
            .paragraph("You can see that record on the earnings page. It lists every payment this site has received, with its protocol, amount, payer, nonce and receipt. If you paid for this essay, your quarter is there. Whether it was worth it is, as it should be, up to you."),
        ])
}
