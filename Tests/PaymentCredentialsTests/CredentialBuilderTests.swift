import BigInt
import EVMSigning
import FoundationEssentials
import HTTPModel
import PaymentCredentials
import PaymentOffers
import Testing

/// Credentials for every payable protocol, checked by decoding them as a server would.
struct CredentialBuilderTests {
    static let key = try! PrivateKey(rawBytes: Array(repeating: 0x11, count: 32))
    static let payTo = "0x209693Bc6afc0C5328bA36FaF03C514EF312287C"
    static let usdc = "0x036CbD53842c5426634e7929541eC2318f3dCF7e"
    static let acceptedJSON = #"{"scheme":"exact","network":"eip155:84532","amount":"10000","asset":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","payTo":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","maxTimeoutSeconds":300,"extra":{"name":"USDC","version":"2"}}"#

    static func response(_ headers: [(String, String)], body: String = "{}") -> HTTPResponse {
        HTTPResponse(requestedURL: "http://127.0.0.1:4022/paid", finalURL: "http://127.0.0.1:4022/paid", status: 402,
                     reason: "Payment Required", httpVersion: "HTTP/1.1", headers: HTTPHeaders(headers), body: Array(body.utf8))
    }

    static func standardBase64(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 { output.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : "=") }
            index += 3
        }
        return output
    }

    static func decodeBase64(_ text: String) -> [UInt8] {
        var normalized = text.replacing("-", with: "+").replacing("_", with: "/")
        while normalized.count % 4 != 0 { normalized += "=" }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var lookup = [UInt8: UInt32]()
        for (index, byte) in alphabet.enumerated() { lookup[byte] = UInt32(index) }
        var output: [UInt8] = []
        let bytes = Array(normalized.utf8)
        for start in stride(from: 0, to: bytes.count, by: 4) {
            let group = bytes[start..<start + 4]
            var value: UInt32 = 0
            var count = 0
            for byte in group where byte != UInt8(ascii: "=") {
                value = value << 6 | lookup[byte]!
                count += 1
            }
            value <<= UInt32(6 * (4 - count))
            for index in 0..<(count - 1) { output.append(UInt8((value >> (16 - 8 * UInt32(index))) & 0xFF)) }
        }
        return output
    }

    func x402Offer() throws -> PaymentOffer {
        let required = #"{"x402Version":2,"resource":{"url":"http://127.0.0.1:4022/paid"},"accepts":[\#(CredentialBuilderTests.acceptedJSON)],"extensions":{"bazaar":{"x":1}}}"#
        let report = OfferParser.parse(CredentialBuilderTests.response([("PAYMENT-REQUIRED", CredentialBuilderTests.standardBase64(required))]))
        return try #require(report.offers.first)
    }

    @Test func x402v2CarriesTheAcceptedOfferVerbatimAndTheSharedTestVectorSignature() throws {
        let offer = try x402Offer()
        let nonce = [UInt8](repeating: 0xAB, count: 32)
        // validBefore 1800000000 = now + maxTimeoutSeconds (300).
        let credential = try CredentialBuilder.build(offer: offer, key: CredentialBuilderTests.key, nonce: nonce,
                                                     now: Date(timeIntervalSince1970: 1_800_000_000 - 300))
        #expect(credential.headers.map(\.name) == ["PAYMENT-SIGNATURE"])
        let json = String(decoding: CredentialBuilderTests.decodeBase64(credential.headers[0].value), as: UTF8.self)
        #expect(json.contains(#""accepted":\#(CredentialBuilderTests.acceptedJSON)"#), "accepted copied byte for byte")
        #expect(json.hasPrefix(#"{"x402Version":2,"resource":{"url":"http://127.0.0.1:4022/paid"},"#))
        #expect(json.hasSuffix(#""extensions":{"bazaar":{"x":1}}}"#), "extensions echoed")
        let expectedSignature = "0x42debeb1f2ef3b289f702d2db064768910af23abfa198391ce72f868081a439169cf85a0cc67dd81a9b1576e675338fc92ab2b861e52229efa6c393670b5d2941c"
        #expect(json.contains(#""signature":"\#(expectedSignature)""#))
        #expect(json.contains(#""authorization":{"from":"0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A","to":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","value":"10000","validAfter":"0","validBefore":"1800000000","nonce":"0xabababababababababababababababababababababababababababababababab"}"#))
        #expect(credential.validBefore == 1_800_000_000)
        #expect(credential.payer == "0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A")
    }

    @Test func randomNoncesDifferPerApproval() throws {
        let offer = try x402Offer()
        #expect(CredentialBuilder.nonce(for: offer) != CredentialBuilder.nonce(for: offer))
        #expect(CredentialBuilder.nonce(for: offer).count == 32)
    }

    func paymentSchemeOffer(extra: String = "") throws -> PaymentOffer {
        let request = #"{"amount":"10000","currency":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","recipient":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","methodDetails":{"chainId":84532,"decimals":6,"credentialTypes":["authorization"]}}"#
        let encoded = CredentialBuilderTests.standardBase64(request).replacing("+", with: "-").replacing("/", with: "_").replacing("=", with: "")
        let header = #"Payment id="ch-1", realm="127.0.0.1:4022", method="evm", intent="charge", request="\#(encoded)", expires="2030-01-01T00:00:00Z", description="Premium \"quoted\" article"\#(extra)"#
        let report = OfferParser.parse(CredentialBuilderTests.response([("WWW-Authenticate", header)]))
        return try #require(report.offers.first, "\(report.unusable)")
    }

    @Test func thePaymentSchemeEchoesTheChallengeAndBindsTheNonceToIt() throws {
        let offer = try paymentSchemeOffer()
        let nonce = CredentialBuilder.nonce(for: offer)
        #expect(nonce == Keccak256.hash(#"["ch-1","127.0.0.1:4022"]"#))
        let now = Date(timeIntervalSince1970: 1_893_456_000 - 600)  // ten minutes before expiry
        let credential = try CredentialBuilder.build(offer: offer, key: CredentialBuilderTests.key, nonce: nonce, now: now)
        #expect(credential.headers[0].name == "Authorization")
        let value = credential.headers[0].value
        #expect(value.hasPrefix("Payment "))
        #expect(!value.contains("=") && !value.contains("+") && !value.contains("/"), "base64url without padding")
        let json = String(decoding: CredentialBuilderTests.decodeBase64(String(value.dropFirst(8))), as: UTF8.self)
        #expect(json.contains(#""id":"ch-1""#))
        #expect(json.contains(#""realm":"127.0.0.1:4022""#))
        #expect(json.contains(#""description":"Premium \"quoted\" article""#))
        #expect(json.contains(#""validBefore":"1893456000""#), "the challenge's expiry, as a Unix time")
        #expect(json.contains(#""type":"authorization""#))
        #expect(json.contains(#""source":"did:pkh:eip155:84532:0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A""#))
        // A server recovers the payer from the signature.
        let signatureHex = try #require(json.firstRange(of: #""signature":"0x"#).map { json[$0.upperBound...].prefix(130) })
        let signature = try Signature(hex: "0x" + signatureHex)
        let domain = try EIP712Domain(name: "USDC", version: "2", chainId: 84532, verifyingContract: EthereumAddress(hex: CredentialBuilderTests.usdc))
        let authorization = try TransferAuthorization(from: CredentialBuilderTests.key.address, to: EthereumAddress(hex: CredentialBuilderTests.payTo),
                                                      value: 10000, validAfter: 0, validBefore: 1_893_456_000, nonce: nonce)
        #expect(authorization.recoverSigner(signature: signature, domain: domain) == CredentialBuilderTests.key.address)
    }

    @Test func theHeaderParameterChoosesWhereTheCredentialGoes() throws {
        let offer = try paymentSchemeOffer(extra: #", header="Payment-Authorization""#)
        let credential = try CredentialBuilder.build(offer: offer, key: CredentialBuilderTests.key,
                                                     nonce: CredentialBuilder.nonce(for: offer), now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(credential.headers.map(\.name) == ["Payment-Authorization"])
    }

    @Test func anExpiredChallengeIsNotSigned() throws {
        let offer = try paymentSchemeOffer()
        #expect(throws: CredentialError.self) {
            try CredentialBuilder.build(offer: offer, key: CredentialBuilderTests.key, nonce: CredentialBuilder.nonce(for: offer),
                                        now: Date(timeIntervalSince1970: 1_893_456_001))
        }
    }

    @Test func x402v1SendsXPayment() throws {
        let body = #"{"x402Version":1,"error":"X-PAYMENT header is required","accepts":[{"scheme":"exact","network":"base-sepolia","maxAmountRequired":"10000","asset":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","payTo":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","resource":"http://127.0.0.1:4022/paid","description":"d","mimeType":"text/html","maxTimeoutSeconds":60,"extra":{"name":"USDC","version":"2"}}]}"#
        let report = OfferParser.parse(CredentialBuilderTests.response([("Content-Type", "application/json")], body: body))
        let offer = try #require(report.offers.first)
        let credential = try CredentialBuilder.build(offer: offer, key: CredentialBuilderTests.key,
                                                     nonce: CredentialBuilder.nonce(for: offer), now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(credential.headers.map(\.name) == ["X-PAYMENT"])
        let json = String(decoding: CredentialBuilderTests.decodeBase64(credential.headers[0].value), as: UTF8.self)
        #expect(json.hasPrefix(#"{"x402Version":1,"scheme":"exact","network":"base-sepolia","payload":{"signature":"0x"#))
        #expect(json.contains(#""validBefore":"1800000060""#))
    }

    @Test func lightningIsNotSignable() throws {
        let report = OfferParser.parse(CredentialBuilderTests.response([("WWW-Authenticate", #"L402 macaroon="AGIAJEemVQUTEyNCR0exk7ek90Cg==", invoice="lnbc1""#)]))
        for offer in report.offers {
            #expect(throws: CredentialError.self) {
                try CredentialBuilder.build(offer: offer, key: CredentialBuilderTests.key, nonce: [UInt8](repeating: 1, count: 32), now: Date())
            }
        }
    }
}
