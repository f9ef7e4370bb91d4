import BigInt
import Foundation
import HTTPModel
import PaymentOffers
import Testing

struct X402OfferTests {
    @Test func version2HeaderBecomesOneSignableOffer() throws {
        let report = OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", Fixtures.x402V2Header)], body: "{}"))
        #expect(report.unusable.isEmpty)
        #expect(report.serverErrors == ["x402: Payment required"])
        let offer = try #require(report.offers.first)
        #expect(report.offers.count == 1)
        #expect(offer.paymentProtocol == .x402v2)
        #expect(offer.scheme == "exact")
        #expect(offer.method == "evm")
        #expect(offer.network == "eip155:84532")
        #expect(offer.asset == Fixtures.baseSepoliaUSDC)
        #expect(offer.amount == BigUInt(10000))
        #expect(offer.decimals == 6)
        #expect(offer.assetSymbol == "USDC")
        #expect(offer.payee == Fixtures.payee)
        #expect(offer.resource == "http://127.0.0.1:4022/premium")
        #expect(offer.description == "Premium article")
        #expect(offer.maxTimeoutSeconds == 300)
        #expect(offer.formattedAmount == "0.01 USDC")
        #expect(offer.signer == .evmTransferAuthorization)
        #expect(offer.tokenDomain == TokenDomain(name: "USDC", version: "2", chainID: 84532,
                                                  verifyingContract: Fixtures.baseSepoliaUSDC))
        #expect(report.hasSignableOffer)
        #expect(report.origin?.description == "http://127.0.0.1:4022")
    }

    @Test func version2AnswerKeepsTheServersBytes() throws {
        let report = OfferParser.parse(Fixtures.response([("payment-required", Fixtures.x402V2Header)]))
        guard case .x402v2(let answer) = try #require(report.offers.first).answer else {
            Issue.record("not an x402 v2 answer")
            return
        }
        let accepted = String(decoding: answer.acceptedJSON, as: UTF8.self)
        #expect(accepted == #"{"scheme":"exact","network":"eip155:84532","amount":"10000","asset":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","payTo":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","maxTimeoutSeconds":300,"extra":{"name":"USDC","version":"2","assetTransferMethod":"eip3009"}}"#)
        #expect(Fixtures.x402V2JSON.contains(accepted))
        #expect(answer.resourceJSON.map { String(decoding: $0, as: UTF8.self) }
            == #"{"url":"http://127.0.0.1:4022/premium","description":"Premium article","mimeType":"text/html"}"#)
        #expect(answer.extensionsJSON.map { String(decoding: $0, as: UTF8.self) }
            == #"{"bazaar":{"info":{"input":{"type":"http","method":"GET"}}}}"#)
        #expect(answer.accepted["extra"]?["name"]?.string == "USDC")
        #expect(answer.accepted.jsonText == accepted)
    }

    @Test func spacedJSONIsCopiedWithItsSpacing() throws {
        let json = #"{ "x402Version" : 2, "accepts" : [ { "scheme" : "exact", "network" : "eip155:8453", "amount" : "1", "asset" : "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", "payTo" : "0x209693Bc6afc0C5328bA36FaF03C514EF312287C" } ] }"#
        let report = OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", Fixtures.base64(json))]))
        let offer = try #require(report.offers.first)
        guard case .x402v2(let answer) = offer.answer else {
            Issue.record("not an x402 v2 answer")
            return
        }
        #expect(String(decoding: answer.acceptedJSON, as: UTF8.self).hasPrefix(#"{ "scheme" : "exact""#))
        #expect(answer.resourceJSON == nil)
        #expect(answer.extensionsJSON == nil)
        // No `extra`: the table supplies USDC on Base's signing domain and decimals.
        #expect(offer.tokenDomain?.name == "USD Coin")
        #expect(offer.formattedAmount == "0.000001 USDC")
        #expect(offer.signer.isAvailable)
    }

    @Test func everyRequirementIsAnOfferInOrder() {
        let header = Fixtures.x402Header(accepts: [
            Fixtures.requirement(amount: #""10000""#),
            Fixtures.requirement(amount: #""20000""#, network: "eip155:8453",
                                 asset: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
                                 extra: #"{"name":"USD Coin","version":"2"}"#),
            #"{"scheme":"exact","network":"solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp","amount":"5000","asset":"EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v","payTo":"9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin","maxTimeoutSeconds":60,"extra":{"feePayer":"x"}}"#,
        ])
        let report = OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", header)]))
        #expect(report.offers.map(\.amount) == [10000, 20000, 5000])
        #expect(report.offers.map(\.network) == ["eip155:84532", "eip155:8453", "solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp"])
        #expect(report.offers.map(\.method) == ["evm", "evm", "svm"])
        #expect(report.offers[2].decimals == nil)
        #expect(report.offers[2].formattedAmount == "5000 base units of EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v (decimals unknown)")
        #expect(report.offers[2].signer.reason?.contains("Solana") == true)
    }

    @Test func version1BodyMapsPlainNetworkNames() throws {
        let body = #"{"x402Version":1,"error":"X-PAYMENT header is required","accepts":[{"scheme":"exact","network":"base-sepolia","maxAmountRequired":"1000","resource":"http://127.0.0.1:4022/premium","description":"Access to premium content","mimeType":"application/json","payTo":"0xfa3F54AE9C4287CA09a486dfaFaCe7d1d4095d93","maxTimeoutSeconds":300,"asset":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","outputSchema":{"input":{"type":"http","method":"GET","discoverable":true}},"extra":{"name":"USDC","version":"2"}}]}"#
        let report = OfferParser.parse(Fixtures.response([("Content-Type", "application/json")], body: body))
        let offer = try #require(report.offers.first)
        #expect(offer.paymentProtocol == .x402v1)
        #expect(offer.network == "eip155:84532")
        #expect(offer.amount == 1000)
        #expect(offer.formattedAmount == "0.001 USDC")
        #expect(offer.description == "Access to premium content")
        #expect(offer.signer.isAvailable)
        #expect(report.serverErrors == ["x402: X-PAYMENT header is required"])
        guard case .x402v1(let answer) = offer.answer else {
            Issue.record("not an x402 v1 answer")
            return
        }
        #expect(answer.network == "base-sepolia")
        #expect(answer.scheme == "exact")
        #expect(String(decoding: answer.requirementsJSON, as: UTF8.self).hasPrefix(#"{"scheme":"exact","network":"base-sepolia""#))
        // The x402 error is not repeated as an informal message.
        #expect(report.informal == nil)
    }

    @Test(arguments: [("base", "eip155:8453"), ("base-sepolia", "eip155:84532"), ("ethereum", "eip155:1"),
                      ("sepolia", "eip155:11155111")])
    func version1NetworkNames(name: String, caip2: String) throws {
        let body = #"{"x402Version":1,"accepts":[{"scheme":"exact","network":""# + name
            + #"","maxAmountRequired":"1","asset":"0x0000000000000000000000000000000000000001","payTo":"0x0000000000000000000000000000000000000002"}]}"#
        let offer = try #require(OfferParser.parse(Fixtures.response([], body: body)).offers.first)
        #expect(offer.network == caip2)
    }

    @Test func unknownVersion1NetworkIsKeptButNotPayable() throws {
        let body = #"{"x402Version":1,"accepts":[{"scheme":"exact","network":"made-up-chain","maxAmountRequired":"1","asset":"0x0000000000000000000000000000000000000001","payTo":"0x0000000000000000000000000000000000000002"}]}"#
        let offer = try #require(OfferParser.parse(Fixtures.response([], body: body)).offers.first)
        #expect(offer.network == "made-up-chain")
        #expect(offer.signer.reason == #"Penny does not know the network "made-up-chain""#)
    }

    @Test func headerWinsOverABodyCopy() {
        let body = #"{"x402Version":1,"accepts":[{"scheme":"exact","network":"base-sepolia","maxAmountRequired":"1","asset":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","payTo":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C"}]}"#
        let report = OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", Fixtures.x402V2Header)], body: body))
        #expect(report.offers.map(\.paymentProtocol) == [.x402v2])
        #expect(report.offers.map(\.amount) == [10000])
        #expect(report.unusable.contains { $0.contains("ignored") })
    }

    @Test func claimedDecimalsNeverBeatTheTable() throws {
        let header = Fixtures.x402Header(accepts: [
            Fixtures.requirement(amount: #""10000""#, extra: #"{"name":"USDC","version":"2","decimals":18}"#),
        ])
        let offer = try #require(OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", header)])).offers.first)
        #expect(offer.decimals == 6)
        #expect(offer.formattedAmount == "0.01 USDC")
        #expect(offer.notes.contains { $0.contains("18 decimals") })
    }

    @Test func unknownTokenUsesExtraDecimalsOrNone() throws {
        let token = "0x1111111111111111111111111111111111111111"
        let withDecimals = Fixtures.x402Header(accepts: [
            Fixtures.requirement(amount: #""1500000000000000000""#, asset: token,
                                 extra: #"{"name":"Dai","version":"1","decimals":18}"#),
        ])
        let stated = try #require(OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", withDecimals)])).offers.first)
        #expect(stated.decimals == 18)
        #expect(stated.formattedAmount == "1.50 Dai")
        #expect(stated.signer.isAvailable)

        let without = Fixtures.x402Header(accepts: [Fixtures.requirement(asset: token, extra: "{}")])
        let unknown = try #require(OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", without)])).offers.first)
        #expect(unknown.decimals == nil)
        #expect(unknown.formattedAmount?.contains("decimals unknown") == true)
        #expect(unknown.signer.reason?.contains("EIP-712") == true)
    }

    @Test func jsonNumberAmountsAreReadExactly() throws {
        let header = Fixtures.x402Header(accepts: [
            Fixtures.requirement(amount: "123456789012345678901234567890"),
        ])
        let offer = try #require(OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", header)])).offers.first)
        #expect(offer.amount == BigUInt("123456789012345678901234567890"))
    }

    @Test(arguments: ["1.5", "1e6", "-5", "10000.0"])
    func nonIntegerJSONNumberAmountsAreRefused(amount: String) {
        let header = Fixtures.x402Header(accepts: [Fixtures.requirement(amount: amount)])
        let report = OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", header)]))
        #expect(report.offers.isEmpty)
        #expect(report.unusable.count == 1)
        #expect(report.unusable.first?.hasPrefix("x402 v2 offer 1: amount") == true)
    }

    @Test func otherSchemesAndPermit2AreListedWithoutSigner() {
        let header = Fixtures.x402Header(accepts: [
            Fixtures.requirement().replacingOccurrences(of: #""exact""#, with: #""upto""#),
            Fixtures.requirement(extra: #"{"name":"USDC","version":"2","assetTransferMethod":"permit2"}"#),
        ])
        let report = OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", header)]))
        #expect(report.offers.count == 2)
        #expect(report.offers[0].signer.reason?.contains("upto") == true)
        #expect(report.offers[1].signer.reason?.contains("permit2") == true)
        #expect(!report.hasSignableOffer)
    }

    @Test func demoChainTokenIsKnown() throws {
        let demo = KnownAsset.demoUSDC
        #expect(demo.network == "eip155:31337")
        #expect(demo.domainName == "USD Coin (demo)")
        let header = Fixtures.x402Header(accepts: [
            Fixtures.requirement(amount: #""250000""#, network: "eip155:31337", asset: demo.address.lowercased(), extra: "{}"),
        ])
        let offer = try #require(OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", header)])).offers.first)
        #expect(offer.formattedAmount == "0.25 USDC")
        #expect(offer.tokenDomain?.name == "USD Coin (demo)")
        #expect(offer.tokenDomain?.version == "1")
        #expect(offer.tokenDomain?.chainID == 31337)
        #expect(offer.summary == "x402 v2 exact on local development chain (eip155:31337): 0.25 USDC to \(Fixtures.payee)")
    }

    @Test func failedSettlementIsReported() {
        let failed = Fixtures.base64(#"{"success":false,"errorReason":"nonce_already_used","transaction":"","network":"eip155:84532"}"#)
        let report = OfferParser.parse(Fixtures.response([("PAYMENT-RESPONSE", failed),
                                                          ("PAYMENT-REQUIRED", Fixtures.x402V2Header)]))
        #expect(report.serverErrors == ["x402 settlement failed: nonce_already_used", "x402: Payment required"])
        #expect(report.offers.count == 1)
    }

    @Test func resourceOnAnotherSiteIsNoted() throws {
        let json = #"{"x402Version":2,"resource":{"url":"https://elsewhere.example/thing"},"accepts":["# + Fixtures.requirement() + "]}"
        let offer = try #require(OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", Fixtures.base64(json))])).offers.first)
        #expect(offer.notes.contains("The offer is for a resource on another site: https://elsewhere.example"))
    }
}
