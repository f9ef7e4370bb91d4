import BigInt
import HTTPModel
import PaymentOffers
import Testing

struct LightningAndCashuTests {
    @Test func l402WithQuotedValues() throws {
        let header = #"L402 macaroon="AgEEbHNhdAJCAAB+/==", invoice=""# + Fixtures.coffeeInvoice + #"""#
        let report = OfferParser.parse(Fixtures.response([("WWW-Authenticate", header)]))
        #expect(report.unusable.isEmpty)
        let offer = try #require(report.offers.first)
        #expect(offer.paymentProtocol == .l402)
        #expect(offer.scheme == "l402")
        #expect(offer.method == "lightning")
        #expect(offer.network == "bitcoin")
        #expect(offer.amount == 250_000)
        #expect(offer.decimals == 0)
        #expect(offer.formattedAmount == "250000 sat")
        #expect(offer.signer.reason == "Paying Lightning invoices needs a Lightning wallet, which Penny does not have yet")
        guard case .l402(let challenge) = offer.answer else {
            Issue.record("not an L402 challenge")
            return
        }
        #expect(challenge.schemeName == "L402")
        #expect(challenge.macaroon == "AgEEbHNhdAJCAAB+/==")
        #expect(challenge.invoice == Fixtures.coffeeInvoice)
    }

    @Test func lsatWithUnquotedValues() throws {
        let header = "LSAT macaroon=AgEEbHNhdAJCAAB+/==, invoice=" + Fixtures.donationInvoice
        let offer = try #require(OfferParser.parse(Fixtures.response([("WWW-Authenticate", header)])).offers.first)
        #expect(offer.scheme == "lsat")
        #expect(offer.amount == nil)
        #expect(offer.formattedAmount == nil)
        #expect(offer.summary == "L402 lsat on bitcoin: amount not stated")
        guard case .l402(let challenge) = offer.answer else {
            Issue.record("not an L402 challenge")
            return
        }
        #expect(challenge.schemeName == "LSAT")
        #expect(challenge.macaroon == "AgEEbHNhdAJCAAB+/==")
        #expect(challenge.invoice == Fixtures.donationInvoice)
    }

    @Test func l402NextToPaymentChallengesOnOneLine() {
        let line = Fixtures.evmChallenge + ", L402 macaroon=\"AgE=\", invoice=\"" + Fixtures.coffeeInvoice + "\""
        let report = OfferParser.parse(Fixtures.response([("WWW-Authenticate", line)]))
        #expect(report.offers.map(\.paymentProtocol) == [.paymentScheme, .l402])
    }

    @Test func mangledInvoiceLeavesTheAmountUnknown() throws {
        // One character changed: the checksum no longer matches, so 2500u is not trusted.
        let mangled = Fixtures.coffeeInvoice.replacingOccurrences(of: "lnbc2500u", with: "lnbc9500u")
        let header = #"L402 macaroon="AgE=", invoice=""# + mangled + #"""#
        let offer = try #require(OfferParser.parse(Fixtures.response([("WWW-Authenticate", header)])).offers.first)
        #expect(offer.amount == nil)
        #expect(offer.notes == ["The invoice cannot be read: the invoice's checksum is wrong"])
    }

    @Test func l402WithoutInvoiceIsUnusable() {
        let report = OfferParser.parse(Fixtures.response([("WWW-Authenticate", #"L402 macaroon="AgE=""#)]))
        #expect(report.offers.isEmpty)
        #expect(report.unusable == ["L402 challenge 1: the invoice parameter is missing"])
    }

    @Test func cashuExampleDecodes() throws {
        let report = OfferParser.parse(Fixtures.response([("X-Cashu", Fixtures.cashuRequest)]))
        #expect(report.unusable.isEmpty)
        let offer = try #require(report.offers.first)
        #expect(offer.paymentProtocol == .cashu)
        #expect(offer.amount == 10)
        #expect(offer.asset == "sat")
        #expect(offer.decimals == 0)
        #expect(offer.formattedAmount == "10 sat")
        #expect(offer.notes.first == "Accepted mints: http://127.0.0.1:3338")
        #expect(offer.signer.reason?.contains("Cashu wallet") == true)
        guard case .cashu(let request) = offer.answer else {
            Issue.record("not a Cashu request")
            return
        }
        #expect(request.decoded.jsonText == #"{"a":10,"u":"sat","m":["http://127.0.0.1:3338"]}"#)
        #expect(request.amount == 10)
        #expect(request.unit == "sat")
        #expect(request.mints == ["http://127.0.0.1:3338"])
        #expect(request.encoded == Fixtures.cashuRequest)
        #expect(!request.hasLockingCondition)
    }

    @Test func cashuBech32RequestIsRecognisedNotDecoded() {
        let report = OfferParser.parse(Fixtures.response([("X-Cashu", "creqb1qvqsyqjqsdhwd3jkvfsg")]))
        #expect(report.offers.isEmpty)
        #expect(report.unusable == ["Cashu (X-Cashu header): a NUT-26 (creqb) payment request, which Penny recognises but does not decode yet"])
    }

    @Test(arguments: [
        ("creqA!!!!", "the payment request is not base64url"),
        // 0xa3 promises a map of three entries and ends there.
        ("creqAow", "the payment request is not readable CBOR: a CBOR length runs past the end of the data"),
        // 0x19 announces a two-byte integer and gives one byte.
        ("creqAGQE", "the payment request is not readable CBOR: CBOR ends in the middle of an item"),
        // 0x5b then a length of 2^64 - 1: must not allocate.
        ("creqAW__________8", "the payment request is not readable CBOR: a CBOR length runs past the end of the data"),
        // {"a": -5, "u": "sat"}
        ("creqAomFhJGF1Y3NhdA", "the amount is negative"),
        // [1]: not a map.
        ("creqAgQE", "the payment request is not a CBOR map"),
        ("cashuBo2F0", "not a Cashu payment request (it should start with creqA)"),
    ])
    func brokenCashuRequests(header: String, reason: String) {
        let report = OfferParser.parse(Fixtures.response([("X-Cashu", header)]))
        #expect(report.offers.isEmpty)
        #expect(report.unusable == ["Cashu (X-Cashu header): " + reason])
    }

    @Test func crawlerPriceIsDisplayOnly() throws {
        let report = OfferParser.parse(Fixtures.response([("crawler-price", "USD 0.01")]))
        let offer = try #require(report.offers.first)
        #expect(offer.paymentProtocol == .cloudflareCrawl)
        #expect(offer.amount == 1)
        #expect(offer.decimals == 2)
        #expect(offer.formattedAmount == "0.01 USD")
        #expect(offer.answer == .displayOnly)
        #expect(!offer.signer.isAvailable)
    }

    @Test func crawlerPriceFinerThanCentsKeepsItsDigits() throws {
        let offer = try #require(OfferParser.parse(Fixtures.response([("crawler-price", "USD 0.0015")])).offers.first)
        #expect(offer.amount == 15)
        #expect(offer.decimals == 4)
        #expect(offer.formattedAmount == "0.0015 USD")
    }

    @Test func unreadableCrawlerPrice() {
        let report = OfferParser.parse(Fixtures.response([("crawler-price", "a lot")]))
        #expect(report.offers.isEmpty)
        #expect(report.unusable.count == 1)
    }
}
