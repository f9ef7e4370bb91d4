import DemoSite
import Foundation
import HTTPModel
import PaymentCredentials
import PaymentOffers
import Testing

/// "Flattr, Brave and the Tip Jar": x402 version 1, offer in the JSON body, `X-PAYMENT`.
struct X402V1Tests {
    @Test func unpaidRequestGetsTheVersion1Document() async throws {
        try await withSite { site in
            let response = try await fetch(site, Paths.x402v1)
            #expect(response.status == 402)
            #expect(response.headers["Content-Type"] == "application/json")
            #expect(response.headers["Cache-Control"] == "no-store")
            #expect(!response.headers.contains("PAYMENT-REQUIRED"))
            let document = try #require(jsonObject(response.body))
            #expect(document["x402Version"] as? Int == 1)
            #expect(document["error"] as? String == "X-PAYMENT header is required")
            let accepts = try #require(document["accepts"] as? [[String: Any]])
            let offer = try #require(accepts.first)
            #expect(offer["scheme"] as? String == "exact")
            #expect(offer["network"] as? String == "eip155:31337")
            #expect(offer["maxAmountRequired"] as? String == "10000")
            #expect(offer["asset"] as? String == "0x5FbDB2315678afecb367f032d93F642f64180aa3")
            #expect(offer["payTo"] as? String == Keys.payee.address.checksummed)
            #expect(offer["resource"] as? String == "http://127.0.0.1:\(site.port)\(Paths.x402v1)")
            #expect(offer["mimeType"] as? String == "text/html")
            #expect((offer["extra"] as? [String: Any])?["name"] as? String == "USD Coin (demo)")
            // The teaser, for people, next to the protocol's members.
            let teaser = try #require(document["teaser"] as? [String: Any])
            #expect(teaser["headline"] as? String == "Flattr, Brave and the Tip Jar")
            #expect((teaser["firstParagraph"] as? String)?.hasPrefix("Flattr launched in 2010") == true)
            let offers = OfferParser.parse(response).offers
            #expect(offers.map(\.paymentProtocol) == [.x402v1])
            #expect(offers.first?.signer.isAvailable == true)
            #expect(offers.first?.formattedAmount == "0.01 USDC")
        }
    }

    @Test func pennyPaysWithXPaymentAndGetsXPaymentResponse() async throws {
        try await withSite { site in
            let credential = try pennyPays(try await fetch(site, Paths.x402v1), with: .x402v1)
            #expect(credential.headers.map(\.name) == ["X-PAYMENT"])
            let paid = try await fetch(site, Paths.x402v1, headers: credential.headerPairs)
            #expect(paid.status == 200)
            #expect(paid.headers["Cache-Control"] == "private")
            #expect(text(paid).contains("no plain name exists for a local development chain"))
            let receipt = try #require(base64JSON(paid.headers["X-PAYMENT-RESPONSE"]))
            #expect(receipt["success"] as? Bool == true)
            #expect(receipt["payer"] as? String == Keys.payer.address.checksummed)
            #expect(try site.payments().first?.paymentProtocol == .x402v1)

            let replay = try await fetch(site, Paths.x402v1, headers: credential.headerPairs)
            #expect(replay.status == 402)
            #expect(settlementFailure(replay, header: "X-PAYMENT-RESPONSE") == "nonce_already_used")
            #expect(jsonObject(replay.body)?["error"] as? String == "nonce_already_used")
            #expect(try site.payments().count == 1)
        }
    }

    @Test func wrongNetworkOrVersionOrSignerIsRefused() async throws {
        try await withSite { site in
            let wrongNetwork = Authorization().x402v1Header(network: "base-sepolia")
            let response = try await fetch(site, Paths.x402v1, headers: [("X-PAYMENT", wrongNetwork)])
            #expect(response.status == 402)
            #expect(settlementFailure(response, header: "X-PAYMENT-RESPONSE") == "invalid_network")

            let foreign = Authorization(signer: Keys.stranger).x402v1Header()
            let refused = try await fetch(site, Paths.x402v1, headers: [("X-PAYMENT", foreign)])
            #expect(settlementFailure(refused, header: "X-PAYMENT-RESPONSE") == "invalid_exact_evm_payload_signature")

            // A version 2 payload in the version 1 header.
            let accepted = try x402Accepted(try await fetch(site, Paths.x402v2))
            let v2 = Authorization().x402v2Header(accepted: accepted)
            let wrongVersion = try await fetch(site, Paths.x402v1, headers: [("X-PAYMENT", v2)])
            #expect(wrongVersion.status == 400)
            #expect(settlementFailure(wrongVersion, header: "X-PAYMENT-RESPONSE") == "invalid_x402_version")

            // And the v2 header on a page that only speaks v1.
            let notOffered = try await fetch(site, Paths.x402v1, headers: [("PAYMENT-SIGNATURE", v2)])
            #expect(notOffered.status == 400)
            #expect(try site.payments().isEmpty)
        }
    }
}
