import DemoSite
import Foundation
import HTTPModel
import PaymentCredentials
import PaymentOffers
import Testing

/// The 402s a browser can show but not pay: an expired subscription, a credits API, L402,
/// and an offer in a token nobody knows.
struct UnpayableTests {
    @Test func anExpiredSubscriptionSaysWhyAndWhenAndWhere() async throws {
        try await withSite { site in
            let response = try await fetch(site, Paths.subscription)
            #expect(response.status == 402)
            #expect(response.headers["Retry-After"] == "300")
            #expect(response.headers["Content-Type"] == "text/plain; charset=utf-8")
            #expect(response.headers["Cache-Control"] == "no-store")
            #expect(!response.headers.contains("PAYMENT-REQUIRED") && !response.headers.contains("WWW-Authenticate"))
            let body = text(response)
            #expect(body.hasPrefix("Your subscription to The Penny Post has expired."))
            #expect(body.contains("http://127.0.0.1:\(site.port)/subscribe"))
            #expect(body.split(separator: "\n").allSatisfy { $0.count <= 72 })
            #expect(body.replacingOccurrences(of: "\n", with: " ").contains("The Wall Street Journal began charging"))
            let report = OfferParser.parse(response)
            #expect(!report.hasSignableOffer)
            #expect(report.informal?.retryAfter == .seconds(300))
            #expect(report.informal?.message?.contains("subscription") == true)
            #expect(try await fetch(site, "/subscribe").status == 200)
        }
    }

    @Test func theCreditsAPIAnswersWithItsOwnJSON() async throws {
        try await withSite { site in
            let response = try await fetch(site, Paths.creditsAPI)
            #expect(response.status == 402)
            #expect(response.headers["Content-Type"] == "application/json")
            let json = try #require(jsonObject(response.body))
            #expect(json["error"] as? String == "InsufficientCredits")
            #expect((json["message"] as? String)?.contains("Top up") == true)
            #expect(json["top_up_url"] as? String == "http://127.0.0.1:\(site.port)/api/credits")
            let report = OfferParser.parse(response)
            #expect(!report.hasSignableOffer)
            #expect(report.informal?.errorCode == "InsufficientCredits")
            #expect(report.informal?.paymentLink == "http://127.0.0.1:\(site.port)/api/credits")
            #expect(try await fetch(site, "/api/summaries/no-such-article").status == 404)
        }
    }

    @Test func anL402ChallengeIsReadButCannotBePaid() async throws {
        try await withSite { site in
            let response = try await fetch(site, Paths.lightning)
            #expect(response.status == 402)
            let challenge = try #require(response.headers["WWW-Authenticate"])
            #expect(challenge.hasPrefix("L402 macaroon=\""))
            #expect(challenge.contains("invoice=\"lnbc2500u1"))
            let offers = OfferParser.parse(response).offers
            #expect(offers.count == 1)
            #expect(offers.first?.paymentProtocol == .l402)
            #expect(offers.first?.signer.isAvailable == false)
            #expect(offers.first?.network == "bitcoin")
            #expect(text(response).contains("Lightning Network"))
            // A made-up L402 credential is refused, and nothing is recorded.
            let macaroon = String(challenge.split(separator: "\"")[1])
            let refused = try await fetch(site, Paths.lightning,
                                          headers: [("Authorization", "L402 \(macaroon):" + String(repeating: "ab", count: 32))])
            #expect(refused.status == 402)
            #expect(text(refused).contains("refused"))
            #expect(try site.payments().isEmpty)
        }
    }

    @Test func anUnknownTokenIsShownInBaseUnitsAndNotSigned() async throws {
        try await withSite { site in
            let response = try await fetch(site, Paths.unknownToken)
            #expect(response.status == 402)
            let required = try #require(base64JSON(response.headers["PAYMENT-REQUIRED"]))
            let offer = try #require((required["accepts"] as? [[String: Any]])?.first)
            #expect(offer["network"] as? String == "eip155:31337")
            #expect(offer["asset"] as? String == "0x7a1e5c0ffee0000000000000000000000000d00d")
            #expect(offer["amount"] as? String == "10000000000000000")
            #expect(offer["extra"] == nil)
            let offers = OfferParser.parse(response).offers
            let parsed = try #require(offers.first)
            #expect(parsed.signer.isAvailable == false)
            #expect(parsed.decimals == nil)
            #expect(parsed.formattedAmount?.contains("decimals unknown") == true)
            #expect(throws: CredentialError.self) {
                try CredentialBuilder.build(offer: parsed, key: Keys.payer, nonce: CredentialBuilder.nonce(for: parsed), now: Date())
            }
            // A payment signed anyway, in a domain the client had to guess, is refused.
            let guessed = Authorization(value: "10000000000000000", token: "0x7a1e5c0ffee0000000000000000000000000d00d")
            let accepted = try x402Accepted(response)
            let refused = try await fetch(site, Paths.unknownToken,
                                          headers: [("PAYMENT-SIGNATURE", guessed.x402v2Header(accepted: accepted))])
            #expect(settlementFailure(refused) == "invalid_exact_evm_payload_signature")
        }
    }
}
