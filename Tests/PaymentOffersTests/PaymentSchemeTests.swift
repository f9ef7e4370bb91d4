import BigInt
import Foundation
import HTTPModel
import PaymentOffers
import Testing

struct PaymentSchemeTests {
    @Test func pymppChallengeBecomesASignableOffer() throws {
        let report = OfferParser.parse(Fixtures.response([("WWW-Authenticate", Fixtures.evmChallenge)]))
        #expect(report.unusable.isEmpty)
        let offer = try #require(report.offers.first)
        #expect(offer.paymentProtocol == .paymentScheme)
        #expect(offer.scheme == "charge")
        #expect(offer.method == "evm")
        #expect(offer.network == "eip155:84532")
        #expect(offer.asset == Fixtures.baseSepoliaUSDC)
        #expect(offer.amount == 10000)
        #expect(offer.decimals == 6)
        #expect(offer.formattedAmount == "0.01 USDC")
        #expect(offer.payee == Fixtures.payee)
        #expect(offer.description == "Premium article")
        #expect(offer.resource == Fixtures.url)
        #expect(offer.expires == Date(timeIntervalSince1970: 1_795_303_504))
        #expect(offer.signer == .evmTransferAuthorization)
        #expect(offer.tokenDomain == TokenDomain(name: "USDC", version: "2", chainID: 84532,
                                                  verifyingContract: Fixtures.baseSepoliaUSDC))

        guard case .paymentScheme(let challenge) = offer.answer else {
            Issue.record("not a Payment challenge")
            return
        }
        #expect(challenge.id == "kM9xPqWvT2nJrHsY4aDfEb")
        #expect(challenge.realm == "127.0.0.1:4022")
        #expect(challenge.parameter("request") == Fixtures.evmChargeRequest)
        #expect(challenge.parameter("OPAQUE") == Fixtures.opaque)
        #expect(challenge.expires == "2026-11-21T23:25:04Z")
        #expect(challenge.credentialHeader == "Authorization")
        #expect(challenge.request["methodDetails"]?["chainId"] == .number("84532"))
        #expect(String(decoding: challenge.requestJSON, as: UTF8.self).hasPrefix(#"{"amount":"10000","currency":"#))
        #expect(challenge.parameters.map(\.name) == ["id", "realm", "method", "intent", "request", "expires",
                                                     "description", "opaque"])
        #expect(challenge.echoedChallenge.jsonText == #"{"id":"kM9xPqWvT2nJrHsY4aDfEb","realm":"127.0.0.1:4022","method":"evm","intent":"charge","request":""# + Fixtures.evmChargeRequest + #"","description":"Premium article","opaque":""# + Fixtures.opaque + #"","expires":"2026-11-21T23:25:04Z"}"#)
    }

    @Test func challengesAndX402OnTheSameResponseAreAllFound() {
        let lightning = Fixtures.paymentChallenge(
            request: #"{"amount":"250000","currency":"sat","methodDetails":{"invoice":""# + Fixtures.coffeeInvoice + #""}}"#,
            id: "ln1", method: "lightning")
        let response = Fixtures.response([
            ("WWW-Authenticate", Fixtures.evmChallenge),
            ("WWW-Authenticate", lightning),
            ("PAYMENT-REQUIRED", Fixtures.x402V2Header),
            ("Content-Type", "application/json"),
        ], body: "{}")
        let report = OfferParser.parse(response)
        #expect(report.unusable.isEmpty)
        #expect(report.offers.map(\.paymentProtocol) == [.paymentScheme, .paymentScheme, .x402v2])
        #expect(report.offers.map(\.method) == ["evm", "lightning", "evm"])
        #expect(report.offers[1].formattedAmount == "250000 sat")
        #expect(report.offers[1].network == "bitcoin")
        #expect(report.offers[1].signer.reason == "Paying Lightning invoices needs a Lightning wallet, which Penny does not have yet")
        #expect(report.offers[1].notes.isEmpty)
    }

    @Test func foldedChallengesAreSplitOnSchemeNamesNotCommas() throws {
        // Quoted values hold commas and the word Payment; a Basic challenge sits between.
        let first = Fixtures.paymentChallenge(request: #"{"amount":"1","currency":"usd"}"#, id: "one", method: "stripe",
                                              extra: #", description="Payment, please: Payment id=\"fake\", thanks""#)
        let second = Fixtures.paymentChallenge(request: #"{"amount":"2","currency":"usd"}"#, id: "two", method: "stripe")
        let folded = first + #", Basic realm="login, Payment", "# + second + ", Bearer"
        let report = OfferParser.parse(Fixtures.response([("WWW-Authenticate", folded)]))
        #expect(report.unusable.isEmpty)
        #expect(report.offers.count == 2)
        #expect(report.offers.map(\.amount) == [1, 2])
        #expect(report.offers.map(\.formattedAmount) == ["0.01 USD", "0.02 USD"])
        #expect(report.offers[0].description == #"Payment, please: Payment id="fake", thanks"#)
        guard case .paymentScheme(let challenge) = report.offers[0].answer else {
            Issue.record("not a Payment challenge")
            return
        }
        #expect(challenge.id == "one")
        let description = try #require(challenge.parameters.first { $0.name == "description" })
        #expect(description.wireText == #""Payment, please: Payment id=\"fake\", thanks""#)
        #expect(report.offers[0].signer.reason?.contains("Stripe") == true)
    }

    @Test func tokenValuesAndOddSpacingAreRead() throws {
        let request = Fixtures.base64URL(#"{"amount":"7","currency":"usd"}"#)
        let header = "payment  ID=abc ,REALM = example.org, method=stripe,intent=charge, request=" + request
        let offer = try #require(OfferParser.parse(Fixtures.response([("www-authenticate", header)])).offers.first)
        #expect(offer.amount == 7)
        guard case .paymentScheme(let challenge) = offer.answer else {
            Issue.record("not a Payment challenge")
            return
        }
        #expect(challenge.schemeName == "payment")
        #expect(challenge.id == "abc")
        #expect(challenge.realm == "example.org")
        #expect(challenge.echoedChallenge["realm"] == .string("example.org"))
    }

    @Test func headerParameterSelectsPaymentAuthorization() throws {
        let header = Fixtures.evmChallenge + #", header="Payment-Authorization""#
        let offer = try #require(OfferParser.parse(Fixtures.response([("WWW-Authenticate", header)])).offers.first)
        guard case .paymentScheme(let challenge) = offer.answer else {
            Issue.record("not a Payment challenge")
            return
        }
        #expect(challenge.credentialHeader == "Payment-Authorization")
        #expect(challenge.echoedChallenge["header"] == .string("Payment-Authorization"))
    }

    @Test func headerParameterNamingAnyOtherFieldIsRefused() {
        let header = Fixtures.evmChallenge + #", header="Cookie""#
        let report = OfferParser.parse(Fixtures.response([("WWW-Authenticate", header)]))
        #expect(report.offers.isEmpty)
        #expect(report.unusable == [#"Payment challenge 1: it asks for the credential in the header "Cookie", which the draft does not allow"#])
    }

    @Test func paddedRequestIsAccepted() throws {
        let padded = Fixtures.base64(#"{"amount":"5","currency":"usd"}"#)
        #expect(padded.hasSuffix("="))
        let header = #"Payment id="p", realm="r", method="stripe", intent="charge", request=""# + padded + #"""#
        let offer = try #require(OfferParser.parse(Fixtures.response([("WWW-Authenticate", header)])).offers.first)
        #expect(offer.amount == 5)
    }

    @Test func missingRequiredParametersAreReported() {
        let noID = #"Payment realm="r", method="evm", intent="charge", request="e30""#
        let emptyID = #"Payment id="", realm="r", method="evm", intent="charge", request="e30""#
        let report = OfferParser.parse(Fixtures.response([("WWW-Authenticate", noID), ("WWW-Authenticate", emptyID)]))
        #expect(report.offers.isEmpty)
        #expect(report.unusable == ["Payment challenge 1: the id parameter is missing or empty",
                                    "Payment challenge 2: the id parameter is missing or empty"])
    }

    @Test func evmChallengeForAnUnknownTokenHasNoSigner() throws {
        let request = #"{"amount":"1000000000000000000","currency":"0x1111111111111111111111111111111111111111","recipient":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","methodDetails":{"chainId":1,"decimals":18}}"#
        let offer = try #require(OfferParser.parse(Fixtures.response([
            ("WWW-Authenticate", Fixtures.paymentChallenge(request: request)),
        ])).offers.first)
        #expect(offer.formattedAmount == "1.00 0x1111111111111111111111111111111111111111")
        #expect(offer.decimals == 18)
        #expect(offer.signer.reason?.contains("EIP-712") == true)
    }

    @Test func transactionOnlyCredentialTypesHaveNoSigner() throws {
        let request = #"{"amount":"1","currency":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","recipient":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","methodDetails":{"chainId":84532,"credentialTypes":["transaction"]}}"#
        let offer = try #require(OfferParser.parse(Fixtures.response([
            ("WWW-Authenticate", Fixtures.paymentChallenge(request: request)),
        ])).offers.first)
        #expect(offer.signer.reason?.contains("transaction") == true)
    }

    @Test func evmChallengeWithoutChainIsUnusable() {
        let request = #"{"amount":"1","currency":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","recipient":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C"}"#
        let report = OfferParser.parse(Fixtures.response([("WWW-Authenticate", Fixtures.paymentChallenge(request: request))]))
        #expect(report.offers.isEmpty)
        #expect(report.unusable == ["Payment challenge 1: an evm challenge must give methodDetails.chainId"])
    }

    @Test func badExpiresIsUnusable() {
        let header = Fixtures.paymentChallenge(request: #"{"amount":"1","currency":"usd"}"#, method: "stripe",
                                               extra: #", expires="tomorrow""#)
        let report = OfferParser.parse(Fixtures.response([("WWW-Authenticate", header)]))
        #expect(report.unusable == [#"Payment challenge 1: expires "tomorrow" is not an RFC 3339 time"#])
    }

    @Test func expiresWithOffsetAndFraction() throws {
        let header = Fixtures.paymentChallenge(request: #"{"amount":"1","currency":"usd"}"#, method: "stripe",
                                               extra: #", expires="2026-11-22T00:25:04.5+01:00""#)
        let offer = try #require(OfferParser.parse(Fixtures.response([("WWW-Authenticate", header)])).offers.first)
        #expect(offer.expires == Date(timeIntervalSince1970: 1_795_303_504.5))
    }

    @Test func claimedDecimalsNeverBeatTheTable() throws {
        let request = #"{"amount":"10000","currency":"0x036cbd53842c5426634e7929541ec2318f3dcf7e","recipient":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","methodDetails":{"chainId":"84532","decimals":18}}"#
        let offer = try #require(OfferParser.parse(Fixtures.response([
            ("WWW-Authenticate", Fixtures.paymentChallenge(request: request)),
        ])).offers.first)
        #expect(offer.decimals == 6)
        #expect(offer.summary == "Payment (MPP) charge on Base Sepolia (eip155:84532): 0.01 USDC to \(Fixtures.payee)")
        #expect(offer.notes == ["The server says the currency has 18 decimals; Penny knows it has 6"])
        // The lower-case address is kept as sent: it is what the server will compare.
        #expect(offer.tokenDomain?.verifyingContract == "0x036cbd53842c5426634e7929541ec2318f3dcf7e")
    }

    @Test func acceptPaymentNamesWhatPennyCanSign() {
        #expect(AcceptPayment.headerName == "Accept-Payment")
        #expect(AcceptPayment.headerValue == "evm/charge")
    }
}
