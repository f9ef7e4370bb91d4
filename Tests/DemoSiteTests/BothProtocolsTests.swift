import DemoSite
import Foundation
import HTTPModel
import PaymentCredentials
import PaymentOffers
import Testing

/// "Two Ways to Say 402" (0.01) and the long read (0.25): x402 v2 and the Payment scheme on one response.
struct BothProtocolsTests {
    @Test(arguments: [(Paths.both, "10000", "0.01 USDC"), (Paths.longRead, "250000", "0.25 USDC")])
    func oneResponseCarriesBothOffers(path: String, amount: String, shown: String) async throws {
        try await withSite { site in
            let response = try await fetch(site, path)
            #expect(response.status == 402)
            #expect(response.headers["Cache-Control"] == "no-store")
            let required = try #require(base64JSON(response.headers["PAYMENT-REQUIRED"]))
            let accepts = try #require(required["accepts"] as? [[String: Any]])
            #expect(accepts.first?["amount"] as? String == amount)
            let request = String(decoding: try #require(base64Bytes(try paymentChallenge(response).parameter("request")!)), as: UTF8.self)
            #expect(request.hasPrefix(#"{"amount":"\#(amount)","#))
            let offers = OfferParser.parse(response).offers
            #expect(offers.map(\.paymentProtocol) == [.x402v2, .paymentScheme])
            #expect(offers.allSatisfy { $0.signer.isAvailable && $0.formattedAmount == shown })
            #expect(offers.allSatisfy { $0.payee == Keys.payee.address.checksummed })
        }
    }

    @Test(arguments: [PaymentProtocol.x402v2, .paymentScheme])
    func eitherOfferPays(paymentProtocol: PaymentProtocol) async throws {
        try await withSite { site in
            for (path, amount) in [(Paths.both, 10_000), (Paths.longRead, 250_000)] {
                let credential = try pennyPays(try await fetch(site, path), with: paymentProtocol)
                let paid = try await fetch(site, path, headers: credential.headerPairs)
                #expect(paid.status == 200)
                #expect(paid.headers.contains(paymentProtocol == .x402v2 ? "PAYMENT-RESPONSE" : "Payment-Receipt"))
                #expect(try site.payments().last?.amount == .init(amount))
                let replay = try await fetch(site, path, headers: credential.headerPairs)
                #expect(replay.status == 402)
                if paymentProtocol == .x402v2 {
                    #expect(settlementFailure(replay) == "nonce_already_used")
                } else {
                    #expect(problemCode(replay) == "verification-failed")
                }
                // A refusal still offers both ways to pay.
                #expect(replay.headers.contains("PAYMENT-REQUIRED") && replay.headers.contains("WWW-Authenticate"))
            }
            #expect(try site.totalReceived() == 260_000)
        }
    }

    @Test func theLongReadIsLong() async throws {
        try await withSite { site in
            let credential = try pennyPays(try await fetch(site, Paths.longRead), with: .x402v2)
            let body = text(try await fetch(site, Paths.longRead, headers: credential.headerPairs))
            let paragraphs = body.components(separatedBy: "<p>").count - 1
            #expect(paragraphs >= 15)
            #expect(body.contains("<table>") && body.contains("<ol>") && body.contains("<blockquote>"))
            #expect(body.contains("Whether it was worth it is, as it should be, up to you."))
        }
    }

    @Test func twoCredentialsAtOnceAreRefused() async throws {
        try await withSite { site in
            let response = try await fetch(site, Paths.both)
            let x402 = try pennyPays(response, with: .x402v2)
            let payment = try pennyPays(response, with: .paymentScheme)
            let refused = try await fetch(site, Paths.both, headers: x402.headerPairs + payment.headerPairs)
            #expect(refused.status == 400)
            #expect(try site.payments().isEmpty)
        }
    }
}
