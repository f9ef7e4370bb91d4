import DemoSite
import EVMSigning
import Foundation
import HTTPModel
import PaymentCredentials
import PaymentOffers
import Testing

/// "Scrip and Blind Signatures": the Payment HTTP authentication scheme only, 0.01 demo USDC.
struct PaymentSchemeTests {
    @Test func unpaidRequestGetsAPaymentChallenge() async throws {
        try await withSite { site in
            let before = Date()
            let response = try await fetch(site, Paths.paymentScheme)
            let after = Date()
            #expect(response.status == 402)
            #expect(response.headers["Cache-Control"] == "no-store")
            #expect(!response.headers.contains("PAYMENT-REQUIRED"))
            #expect(response.headers.values(for: "WWW-Authenticate").count == 1)
            let challenge = try paymentChallenge(response)
            #expect(challenge.schemeName == "Payment")
            #expect(challenge.realm == "127.0.0.1:\(site.port)")
            #expect(challenge.method == "evm")
            #expect(challenge.intent == "charge")
            #expect(challenge.parameter("description")?.contains("Scrip and Blind Signatures") == true)
            // request: base64url without padding of JCS JSON.
            let request = try #require(challenge.parameter("request"))
            #expect(!request.contains("=") && !request.contains("+") && !request.contains("/"))
            let json = String(decoding: try #require(base64Bytes(request)), as: UTF8.self)
            #expect(json == #"{"amount":"10000","currency":"0x5FbDB2315678afecb367f032d93F642f64180aa3","methodDetails":{"chainId":31337,"credentialTypes":["authorization"],"decimals":6},"recipient":"\#(Keys.payee.address.checksummed)"}"#)
            // Expires about five minutes from now, RFC 3339 in UTC.
            let expires = try #require(challenge.expires)
            let formatter = ISO8601DateFormatter()
            let date = try #require(formatter.date(from: expires))
            // Measured against the request's own start and end, so a slow machine cannot fail it.
            #expect(date.timeIntervalSince(before) >= 299)
            #expect(date.timeIntervalSince(after) <= 301)
            // Every 402 carries a fresh challenge: ids differ even within one second.
            let again = try paymentChallenge(try await fetch(site, Paths.paymentScheme))
            #expect(again.id != challenge.id)
            let offer = try #require(OfferParser.parse(response).offers.first)
            #expect(offer.signer.isAvailable)
            #expect(offer.formattedAmount == "0.01 USDC")
            // The teaser.
            #expect(text(response).contains("In 1995 two very different teams"))
            #expect(!text(response).contains("your credential can be checked by the site on its own"))
        }
    }

    @Test func pennysCredentialBuysTheArticleWithAPaymentReceipt() async throws {
        try await withSite { site in
            let response = try await fetch(site, Paths.paymentScheme)
            let challenge = try paymentChallenge(response)
            let credential = try pennyPays(response, with: .paymentScheme)
            #expect(credential.nonce == Hex.encode(EVMCharge.nonce(challengeID: challenge.id, realm: challenge.realm)))
            let paid = try await fetch(site, Paths.paymentScheme, headers: credential.headerPairs)
            #expect(paid.status == 200)
            #expect(paid.headers["Cache-Control"] == "private")
            #expect(text(paid).contains("your credential can be checked by the site on its own"))
            let receiptValue = try #require(paid.headers["Payment-Receipt"])
            #expect(!receiptValue.contains("=") && !receiptValue.contains("+") && !receiptValue.contains("/"))
            let receipt = try #require(base64JSON(receiptValue))
            #expect(receipt["status"] as? String == "success")
            #expect(receipt["method"] as? String == "evm")
            let timestamp = try #require(receipt["timestamp"] as? String)
            #expect(ISO8601DateFormatter().date(from: timestamp) != nil)
            let reference = try #require(receipt["reference"] as? String)
            let payments = try site.payments()
            #expect(payments.count == 1)
            #expect(payments.first?.reference == reference)
            #expect(payments.first?.paymentProtocol == .paymentScheme)
            #expect(payments.first?.payer == Keys.payer.address.checksummed)
        }
    }

    @Test func aReplayIsAVerificationFailedProblem() async throws {
        try await withSite { site in
            let credential = try pennyPays(try await fetch(site, Paths.paymentScheme), with: .paymentScheme)
            #expect(try await fetch(site, Paths.paymentScheme, headers: credential.headerPairs).status == 200)
            let replay = try await fetch(site, Paths.paymentScheme, headers: credential.headerPairs)
            #expect(replay.status == 402)
            #expect(problemCode(replay) == "verification-failed")
            #expect(problemDetail(replay).contains("already used"))
            #expect(jsonObject(replay.body)?["status"] as? Int == 402)
            #expect(replay.headers["Cache-Control"] == "no-store")
            // With a fresh challenge to pay again.
            let fresh = try paymentChallenge(replay)
            #expect(fresh.id != (try paymentChallenge(try await fetch(site, Paths.paymentScheme))).id)
            #expect(try site.payments().count == 1)
        }
    }

    @Test(arguments: ["id", "realm", "expires", "request", "description"])
    func aTamperedChallengeIsInvalid(parameter: String) async throws {
        try await withSite { site in
            let response = try await fetch(site, Paths.paymentScheme)
            let challenge = try paymentChallenge(response)
            let original = try #require(challenge.parameter(parameter))
            let replacement: String
            switch parameter {
            case "id":
                // Another well-formed id: flip one character.
                replacement = (original.first == "A" ? "B" : "A") + original.dropFirst()
            case "realm":
                replacement = "127.0.0.1:1"
            case "expires":
                replacement = "2099-01-01T00:00:00Z"
            case "request":
                let json = String(decoding: base64Bytes(original)!, as: UTF8.self)
                replacement = urlBase64(json.replacingOccurrences(of: #""amount":"10000""#, with: #""amount":"1000""#))
            default:
                replacement = "A cheaper article"
            }
            let tampered = rewriting(response, header: "WWW-Authenticate") {
                $0.replacingOccurrences(of: "\(parameter)=\"\(original)\"", with: "\(parameter)=\"\(replacement)\"")
            }
            #expect(try paymentChallenge(tampered).parameter(parameter) == replacement)
            let credential = try pennyPays(tampered, with: .paymentScheme)
            let refused = try await fetch(site, Paths.paymentScheme, headers: credential.headerPairs)
            #expect(refused.status == 402)
            #expect(problemCode(refused) == "invalid-challenge")
            #expect(try site.payments().isEmpty)
            // The untouched challenge still pays.
            let honest = try pennyPays(response, with: .paymentScheme)
            #expect(try await fetch(site, Paths.paymentScheme, headers: honest.headerPairs).status == 200)
        }
    }

    @Test func aChallengeForAnotherPageIsInvalid() async throws {
        try await withSite { site in
            // The same price, the same realm: only the page differs, and the HMAC covers it.
            let elsewhere = try pennyPays(try await fetch(site, Paths.both), with: .paymentScheme)
            let refused = try await fetch(site, Paths.paymentScheme, headers: elsewhere.headerPairs)
            #expect(problemCode(refused) == "invalid-challenge")
        }
    }

    @Test func aPaymentCredentialWhereOnlyX402IsOfferedIsRefused() async throws {
        try await withSite { site in
            let credential = try pennyPays(try await fetch(site, Paths.paymentScheme), with: .paymentScheme)
            let response = try await fetch(site, Paths.x402v2, headers: credential.headerPairs)
            #expect(response.status == 400)
            #expect(problemCode(response) == "method-unsupported")
            #expect(problemDetail(response).contains("does not accept"))
            #expect(response.headers.contains("PAYMENT-REQUIRED"))
            #expect(try site.payments().isEmpty)
        }
    }

    @Test func anExpiredChallengeIsRefused() async throws {
        let clock = TestClock()
        clock.advance(by: -600)
        try await withSite(clock: clock) { site in
            // Issued ten minutes "ago", signed then, presented now.
            let response = try await fetch(site, Paths.paymentScheme)
            let credential = try pennyPays(response, with: .paymentScheme, now: clock.now())
            clock.advance(by: 600)
            let refused = try await fetch(site, Paths.paymentScheme, headers: credential.headerPairs)
            #expect(refused.status == 402)
            #expect(problemCode(refused) == "payment-expired")
            #expect(problemDetail(refused).contains("expired"))
            #expect(try site.payments().isEmpty)
        }
    }

    /// A valid challenge and bound nonce, with one thing wrong in the authorization.
    @Test func wrongAuthorizationsAreRefusedWithTheirReasons() async throws {
        try await withSite { site in
            let response = try await fetch(site, Paths.paymentScheme)
            let challenge = try paymentChallenge(response)
            let echo = challenge.echoedChallenge.jsonText
            let bound = EVMCharge.nonce(challengeID: challenge.id, realm: challenge.realm)
            let expires = Int(ISO8601DateFormatter().date(from: challenge.expires!)!.timeIntervalSince1970)
            let good = Authorization(validBefore: String(expires), nonce: bound)
            let cases: [(String, Authorization, String?, String, String)] = [
                ("too little", with(good) { $0.value = "5000" }, Authorization.didPKH(Keys.payer), "payment-insufficient", "costs exactly"),
                ("too much", with(good) { $0.value = "20000" }, Authorization.didPKH(Keys.payer), "verification-failed", "costs exactly"),
                ("wrong payee", with(good) { $0.to = Keys.stranger.address.checksummed }, Authorization.didPKH(Keys.payer), "verification-failed", "not this site"),
                ("unbound nonce", with(good) { $0.nonce = TransferAuthorization.randomNonce() }, Authorization.didPKH(Keys.payer), "verification-failed", "keccak256"),
                ("foreign signer", with(good) { $0.signer = Keys.stranger }, Authorization.didPKH(Keys.payer), "verification-failed", "signature"),
                ("wrong chain", with(good) { $0.chainID = 1 }, Authorization.didPKH(Keys.payer), "verification-failed", "signature"),
                ("after expiry", with(good) { $0.validBefore = String(expires + 60) }, Authorization.didPKH(Keys.payer), "verification-failed", "later than"),
                ("wrong source", good, Authorization.didPKH(Keys.stranger), "verification-failed", "did:pkh"),
                ("no source", good, nil, "verification-failed", "did:pkh"),
                ("source on another chain", good, "did:pkh:eip155:1:" + Keys.payer.address.checksummed, "verification-failed", "did:pkh"),
            ]
            for (label, authorization, source, code, detail) in cases {
                let header = authorization.paymentHeader(challenge: echo, source: source)
                let refused = try await fetch(site, Paths.paymentScheme, headers: [("Authorization", header)])
                #expect(refused.status == 402, "\(label)")
                #expect(problemCode(refused) == code, "\(label)")
                #expect(problemDetail(refused).contains(detail), "\(label): \(problemDetail(refused))")
            }
            #expect(try site.payments().isEmpty)
            // The hand-made credential with nothing wrong pays, so each refusal was for its one fault.
            let accepted = try await fetch(site, Paths.paymentScheme,
                                           headers: [("Authorization", good.paymentHeader(challenge: echo, source: Authorization.didPKH(Keys.payer)))])
            #expect(accepted.status == 200)
        }
    }
}

func with<T>(_ value: T, _ change: (inout T) -> Void) -> T {
    var copy = value
    change(&copy)
    return copy
}
