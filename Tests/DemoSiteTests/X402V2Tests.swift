import DemoSite
import EVMSigning
import Foundation
import HTTPModel
import PaymentCredentials
import PaymentOffers
import Testing

/// "Reserved for Future Use": x402 version 2 only, 0.01 demo USDC.
struct X402V2Tests {
    @Test func unpaidRequestGetsThePaymentRequiredHeaderAndATeaser() async throws {
        try await withSite { site in
            let response = try await fetch(site, Paths.x402v2)
            #expect(response.status == 402)
            #expect(response.reason == "Payment Required")
            #expect(response.headers["Cache-Control"] == "no-store")
            #expect(response.headers["Content-Type"]?.hasPrefix("text/html") == true)
            #expect(!response.headers.contains("WWW-Authenticate"))
            let required = try #require(base64JSON(response.headers["PAYMENT-REQUIRED"]))
            #expect(required["x402Version"] as? Int == 2)
            let resource = try #require(required["resource"] as? [String: Any])
            #expect(resource["url"] as? String == "http://127.0.0.1:\(site.port)\(Paths.x402v2)")
            #expect((resource["description"] as? String)?.contains("Reserved for Future Use") == true)
            let accepts = try #require(required["accepts"] as? [[String: Any]])
            #expect(accepts.count == 1)
            let offer = accepts[0]
            #expect(offer["scheme"] as? String == "exact")
            #expect(offer["network"] as? String == "eip155:31337")
            #expect(offer["amount"] as? String == "10000")
            #expect(offer["asset"] as? String == "0x5FbDB2315678afecb367f032d93F642f64180aa3")
            #expect(offer["payTo"] as? String == Keys.payee.address.checksummed)
            #expect(offer["maxTimeoutSeconds"] as? Int == 300)
            let extra = try #require(offer["extra"] as? [String: Any])
            #expect(extra["name"] as? String == "USD Coin (demo)")
            #expect(extra["version"] as? String == "1")
            // The teaser: headline and first paragraph, but not the rest.
            let body = text(response)
            #expect(body.contains("<h1>Reserved for Future Use</h1>"))
            #expect(body.contains("Every web developer knows 404."))
            #expect(!body.contains("Nothing in that exchange needed an account"))
            // Penny reads it as one payable offer for one cent to the payee.
            let offers = OfferParser.parse(response).offers
            #expect(offers.count == 1)
            #expect(offers.first?.paymentProtocol == .x402v2)
            #expect(offers.first?.signer.isAvailable == true)
            #expect(offers.first?.formattedAmount == "0.01 USDC")
            #expect(offers.first?.payee == Keys.payee.address.checksummed)
        }
    }

    @Test func pennysCredentialBuysTheArticleWithAReceipt() async throws {
        try await withSite { site in
            let credential = try pennyPays(try await fetch(site, Paths.x402v2), with: .x402v2)
            let paid = try await fetch(site, Paths.x402v2, headers: credential.headerPairs)
            #expect(paid.status == 200)
            #expect(paid.headers["Cache-Control"] == "private")
            #expect(text(paid).contains("Nothing in that exchange needed an account"))
            let receipt = try #require(base64JSON(paid.headers["PAYMENT-RESPONSE"]))
            #expect(receipt["success"] as? Bool == true)
            #expect(receipt["network"] as? String == "eip155:31337")
            #expect(receipt["payer"] as? String == Keys.payer.address.checksummed)
            let transaction = try #require(receipt["transaction"] as? String)
            #expect(transaction.hasPrefix("0x") && transaction.count == 66)
            let payments = try site.payments()
            #expect(payments.count == 1)
            #expect(payments.first?.nonce == credential.nonce)
            #expect(payments.first?.reference == transaction)
            #expect(payments.first?.paymentProtocol == .x402v2)
            #expect(payments.first?.amount == 10_000)
        }
    }

    @Test func aReplayIsRefusedWithNonceAlreadyUsed() async throws {
        try await withSite { site in
            let credential = try pennyPays(try await fetch(site, Paths.x402v2), with: .x402v2)
            #expect(try await fetch(site, Paths.x402v2, headers: credential.headerPairs).status == 200)
            let replay = try await fetch(site, Paths.x402v2, headers: credential.headerPairs)
            #expect(replay.status == 402)
            #expect(replay.headers["Cache-Control"] == "no-store")
            #expect(settlementFailure(replay) == "nonce_already_used")
            let required = try #require(base64JSON(replay.headers["PAYMENT-REQUIRED"]))
            #expect((required["error"] as? String)?.hasPrefix("nonce_already_used") == true)
            #expect(!text(replay).contains("Nothing in that exchange needed an account"))
            // Penny's reader reports the server's reason.
            #expect(OfferParser.parse(replay).serverErrors.contains { $0.contains("nonce_already_used") })
            #expect(try site.payments().count == 1)
        }
    }

    @Test(arguments: [
        ("amount", "5000", "invalid_exact_evm_payload_authorization_value"),
        ("payTo", "0x209693Bc6afc0C5328bA36FaF03C514EF312287C", "invalid_exact_evm_payload_recipient_mismatch"),
        ("network", "eip155:1", "invalid_network"),
        ("asset", "0x036CbD53842c5426634e7929541eC2318f3dCF7e", "invalid_payment_requirements"),
        ("maxTimeoutSeconds", "3000", "invalid_payment_requirements"),
    ])
    func aCredentialForATamperedOfferIsRefused(field: String, value: String, reason: String) async throws {
        try await withSite { site in
            let tampered = rewritingX402Offer(try await fetch(site, Paths.x402v2)) {
                $0[field] = field == "maxTimeoutSeconds" ? Int(value)! as Any : value
            }
            let credential = try pennyPays(tampered, with: .x402v2)
            let response = try await fetch(site, Paths.x402v2, headers: credential.headerPairs)
            #expect(response.status == 402)
            #expect(settlementFailure(response) == reason)
            #expect(try site.payments().isEmpty)
        }
    }

    @Test func anExpiredAuthorizationIsRefused() async throws {
        try await withSite { site in
            let offer = try await fetch(site, Paths.x402v2)
            // Signed an hour ago: validBefore = then + 300 s, long past.
            let credential = try pennyPays(offer, with: .x402v2, now: Date().addingTimeInterval(-3600))
            let response = try await fetch(site, Paths.x402v2, headers: credential.headerPairs)
            #expect(response.status == 402)
            #expect(settlementFailure(response) == "invalid_exact_evm_payload_authorization_valid_before")
            #expect(text(response).contains("expired"))
        }
    }

    @Test func windowsTooLongOrNotYetOpenAreRefused() async throws {
        try await withSite { site in
            let accepted = try x402Accepted(try await fetch(site, Paths.x402v2))
            let now = Int(Date().timeIntervalSince1970)
            let tooLong = Authorization(validBefore: String(now + 2 * 3600))
            let early = Authorization(validAfter: String(now + 600))
            let longResponse = try await fetch(site, Paths.x402v2,
                                               headers: [("PAYMENT-SIGNATURE", tooLong.x402v2Header(accepted: accepted))])
            #expect(settlementFailure(longResponse) == "invalid_exact_evm_payload_authorization_valid_before")
            let earlyResponse = try await fetch(site, Paths.x402v2,
                                                headers: [("PAYMENT-SIGNATURE", early.x402v2Header(accepted: accepted))])
            #expect(settlementFailure(earlyResponse) == "invalid_exact_evm_payload_authorization_valid_after")
            // The same hand-made credential with a sane window is accepted: the refusals were about the window.
            let fine = Authorization()
            let ok = try await fetch(site, Paths.x402v2, headers: [("PAYMENT-SIGNATURE", fine.x402v2Header(accepted: accepted))])
            #expect(ok.status == 200)
        }
    }

    @Test func badSignaturesAreRefused() async throws {
        try await withSite { site in
            let accepted = try x402Accepted(try await fetch(site, Paths.x402v2))
            let cases: [(String, Authorization)] = [
                ("signed by someone else", Authorization(signer: Keys.stranger)),
                ("signed for chain 1", Authorization(chainID: 1)),
                ("signed for another token", Authorization(token: "0x036CbD53842c5426634e7929541eC2318f3dCF7e")),
                ("signed in another domain name", Authorization(tokenName: "USDC")),
            ]
            for (label, authorization) in cases {
                let response = try await fetch(site, Paths.x402v2,
                                               headers: [("PAYMENT-SIGNATURE", authorization.x402v2Header(accepted: accepted))])
                #expect(response.status == 402, "\(label)")
                #expect(settlementFailure(response) == "invalid_exact_evm_payload_signature", "\(label)")
            }
            // A valid credential whose value was edited after signing.
            let signed = Authorization()
            let edited = signed.exactPayload.replacingOccurrences(of: #""value":"10000""#, with: #""value":"10001""#)
            let header = standardBase64(#"{"x402Version":2,"accepted":\#(accepted),"payload":\#(edited)}"#)
            let response = try await fetch(site, Paths.x402v2, headers: [("PAYMENT-SIGNATURE", header)])
            #expect(settlementFailure(response) == "invalid_exact_evm_payload_authorization_value")
            #expect(try site.payments().isEmpty)
        }
    }

    @Test func aCredentialForAnotherArticleDoesNotPayThisOne() async throws {
        try await withSite { site in
            // The long read costs 0.25: a one-cent credential for the short article is not enough.
            let cheap = try pennyPays(try await fetch(site, Paths.x402v2), with: .x402v2)
            let response = try await fetch(site, Paths.longRead, headers: cheap.headerPairs)
            #expect(response.status == 402)
            #expect(settlementFailure(response) == "invalid_exact_evm_payload_authorization_value")
            #expect(try site.payments().isEmpty)
        }
    }
}
