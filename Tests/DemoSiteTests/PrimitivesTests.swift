@testable import DemoSite
import JSONWriting
import BigInt
import EVMSigning
import Foundation
import Testing

/// SHA-256, HMAC-SHA256, strict base64, RFC 3339 and JCS, pinned by published vectors.
struct PrimitivesTests {
    func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes, prefix: false) }

    @Test func sha256MatchesFIPSVectors() {
        #expect(hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(SHA256.hash(Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8)))
            == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(hex(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Every padding boundary agrees with incremental hashing.
        for length in 54...66 {
            let bytes = [UInt8](repeating: 0x5A, count: length)
            var hasher = SHA256()
            hasher.update(bytes.prefix(7))
            hasher.update(bytes.dropFirst(7))
            #expect(hasher.finalize() == SHA256.hash(bytes))
        }
    }

    @Test func hmacMatchesRFC4231() {
        func mac(_ key: [UInt8], _ data: [UInt8]) -> String { hex(HMACSHA256.authenticationCode(key: key, message: data)) }
        #expect(mac([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8))
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(mac(Array("Jefe".utf8), Array("what do ya want for nothing?".utf8))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(mac([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50))
            == "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
        #expect(mac([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        #expect(mac([UInt8](repeating: 0xaa, count: 131), Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8))
            == "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
        #expect(HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2]))
    }

    @Test func base64IsStrict() {
        let samples: [[UInt8]] = [[], [0], [0, 1], [0, 1, 2], Array("any carnal pleas".utf8), (0...255).map(UInt8.init)]
        for bytes in samples {
            let standard = Base64Codec.encode(bytes)
            #expect(standard == Data(bytes).base64EncodedString())
            #expect(Base64Codec.decode(standard, alphabet: .standard) == bytes)
            let url = Base64Codec.encode(bytes, alphabet: .url, padding: false)
            #expect(!url.contains("=") && !url.contains("+") && !url.contains("/"))
            #expect(Base64Codec.decode(url, alphabet: .url) == bytes)
            // Padding is optional but exact.
            #expect(Base64Codec.decode(standard.replacingOccurrences(of: "=", with: ""), alphabet: .standard) == bytes)
        }
        let refused: [(String, Base64Codec.Alphabet)] = [
            ("A", .standard), ("AB=", .standard), ("AB===", .standard), ("A=BC", .standard), ("AB C", .standard),
            ("QQ=a", .standard), ("QR==", .standard), ("QUF=", .standard), ("+/+/", .url), ("-_-_", .standard),
        ]
        for (text, alphabet) in refused {
            #expect(Base64Codec.decode(text, alphabet: alphabet) == nil, "\(text)")
        }
    }

    @Test func rfc3339RoundTripsAndIsStrict() {
        #expect(RFC3339.format(unixSeconds: 0) == "1970-01-01T00:00:00Z")
        #expect(RFC3339.format(unixSeconds: 1_800_000_000) == "2027-01-15T08:00:00Z")
        #expect(RFC3339.format(unixSeconds: 951_782_400) == "2000-02-29T00:00:00Z")
        for seconds: Int64 in [0, 59, 86_399, 951_782_400, 1_700_000_000, 4_102_444_800] {
            #expect(RFC3339.parse(RFC3339.format(unixSeconds: seconds)) == seconds)
        }
        for bad in ["2026-02-30T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00+00:00",
                    "2026-01-01T00:00:00.5Z", "2026-1-01T00:00:00Z", ""] {
            #expect(RFC3339.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func thePaymentRequestIsCanonicalJSON() {
        let price = Price(amount: 10_000, token: .demoUSDC, protocols: [.paymentScheme])
        #expect(PaymentChallenges.requestJSON(price, payee: Keys.payee.address)
            == #"{"amount":"10000","currency":"0x5FbDB2315678afecb367f032d93F642f64180aa3","methodDetails":{"chainId":31337,"credentialTypes":["authorization"],"decimals":6},"recipient":"\#(Keys.payee.address.checksummed)"}"#)
        #expect(JSONWriter.string("a\"b\\c\n\u{01}é") == #""a\"b\\c\n\u0001é""#)
    }

    @Test func challengeIDsBindEveryEchoedParameter() {
        let challenges = PaymentChallenges(secret: Array("secret".utf8), payee: Keys.payee.address)
        let article = Article.scripAndBlindSignatures
        let issued = challenges.issue(for: article, price: article.paywall.price!, realm: "127.0.0.1:4022", now: 1_800_000_000)
        func echo(id: String? = nil, realm: String? = nil, method: String = "evm", intent: String = "charge",
                  request: String? = nil, expires: String?? = .none, description: String?? = .none,
                  opaque: String? = nil) -> CredentialJSON.EchoedChallenge {
            let json = """
                {"id":"\(id ?? issued.id)","realm":"\(realm ?? issued.realm)","method":"\(method)","intent":"\(intent)","request":"\(request ?? issued.request)"\
                \((expires ?? issued.expires).map { #","expires":"\#($0)""# } ?? "")\
                \((description ?? issued.description).map { #","description":"\#($0)""# } ?? "")\
                \(opaque.map { #","opaque":"\#($0)""# } ?? "")}
                """
            return CredentialJSON.decode(CredentialJSON.EchoedChallenge.self, from: Array(json.utf8))!
        }
        #expect(challenges.isGenuine(echo(), path: article.path))
        #expect(!challenges.isGenuine(echo(), path: Article.twoWaysToSay402.path))
        #expect(!challenges.isGenuine(echo(realm: "127.0.0.1:4023"), path: article.path))
        #expect(!challenges.isGenuine(echo(method: "lightning"), path: article.path))
        #expect(!challenges.isGenuine(echo(intent: "session"), path: article.path))
        #expect(!challenges.isGenuine(echo(request: issued.request + "A"), path: article.path))
        #expect(!challenges.isGenuine(echo(expires: .some("2099-01-01T00:00:00Z")), path: article.path))
        #expect(!challenges.isGenuine(echo(expires: .some(nil)), path: article.path))
        #expect(!challenges.isGenuine(echo(description: .some(nil)), path: article.path))
        #expect(!challenges.isGenuine(echo(opaque: "e30"), path: article.path))
        #expect(!challenges.isGenuine(echo(id: "short"), path: article.path))
        let other = PaymentChallenges(secret: Array("another secret".utf8), payee: Keys.payee.address)
        #expect(!other.isGenuine(echo(), path: article.path))
        // Same second, same page: different ids.
        let again = challenges.issue(for: article, price: article.paywall.price!, realm: "127.0.0.1:4022", now: 1_800_000_000)
        #expect(again.id != issued.id)
    }

    @Test func amountsAreFormattedByTheTokensDecimals() {
        #expect(DemoToken.demoUSDC.format(10_000) == "0.01 USDC")
        #expect(DemoToken.demoUSDC.format(250_000) == "0.25 USDC")
        #expect(DemoToken.demoUSDC.format(1_234_567) == "1.234567 USDC")
        #expect(DemoToken.demoUSDC.format(0) == "0.00 USDC")
        #expect(DemoToken.gadgetCredits.format(BigUInt(10).power(16)) == "0.01 GDGT")
    }
}
