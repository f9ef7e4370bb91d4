import BigInt
import Foundation
@testable import PaymentOffers
import Testing

/// The small readers underneath the offer parser.
struct ReaderTests {
    @Test func jsonKeepsNumbersAsWrittenAndRanges() throws {
        let text = #" {"a": [1, -2.5e3, "x\u00e9\ud83d\ude00"], "b": {"c": null, "d": true}} "#
        let bytes = Array(text.utf8)
        let root = try JSONReader.parse(bytes)
        #expect(root.value.jsonText == #"{"a":[1,-2.5e3,"xé😀"],"b":{"c":null,"d":true}}"#)
        let b = try #require(root["b"])
        #expect(String(decoding: bytes[b.range], as: UTF8.self) == #"{"c": null, "d": true}"#)
        #expect(root["a"]?.elements?[1].value == .number("-2.5e3"))
    }

    @Test(arguments: [#"{"a":1,}"#, #"[01]"#, #"{"a":"\x"}"#, "{\"a\":\"\u{01}\"}", #"{"a" 1}"#, "tru", #"[1] 2"#, #""abc"#, ""])
    func jsonRejectsMalformedText(text: String) {
        #expect(throws: JSONReadError.self) { try JSONReader.parse(Array(text.utf8)) }
    }

    @Test func jsonLoneSurrogateBecomesReplacement() throws {
        let root = try JSONReader.parse(Array(#""\ud800x""#.utf8))
        #expect(root.string == "\u{FFFD}x")
    }

    @Test func base64AcceptsBothAlphabetsAndOptionalPadding() {
        #expect(Base64.decode("+/8=") == [0xFB, 0xFF])
        #expect(Base64.decode("-_8") == [0xFB, 0xFF])
        #expect(Base64.decode("") == [])
        #expect(Base64.decode("YQ") == [0x61])
        #expect(Base64.decode("YQ==") == [0x61])
        #expect(Base64.decode("YQ=") == nil)
        #expect(Base64.decode("Y") == nil)
        #expect(Base64.decode("YQ==YQ==") == nil)
        #expect(Base64.decode("Y Q==") == nil)
    }

    @Test func cborExampleDecodes() throws {
        let value = try CBORReader.decode(Base64.decode("o2FhCmF1Y3NhdGFtgXVodHRwOi8vMTI3LjAuMC4xOjMzMzg")!)
        #expect(value.json.jsonText == #"{"a":10,"u":"sat","m":["http://127.0.0.1:3338"]}"#)
    }

    @Test func cborIntegersBytesAndTags() throws {
        // {1: h'00ff', "n": -500, "t": 1(1700000000), "b": [false, null], "big": 2^64 - 1}
        let bytes: [UInt8] = [0xA5, 0x01, 0x42, 0x00, 0xFF, 0x61, 0x6E, 0x39, 0x01, 0xF3, 0x61, 0x74, 0xC1, 0x1A, 0x65,
                              0x53, 0xF1, 0x00, 0x61, 0x62, 0x82, 0xF4, 0xF6, 0x63, 0x62, 0x69, 0x67, 0x1B, 0xFF, 0xFF,
                              0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
        let value = try CBORReader.decode(bytes)
        #expect(value.json.jsonText == #"{"1":"00ff","n":-500,"t":1700000000,"b":[false,null],"big":18446744073709551615}"#)
    }

    @Test(arguments: [
        [UInt8]([0x9F, 0x01, 0xFF]),        // indefinite array
        [0xFB, 0, 0, 0, 0, 0, 0, 0, 0],      // double
        [0x62, 0xFF, 0xFE],                  // invalid UTF-8 text
        [0x01, 0x02],                        // trailing bytes
        [0x1C],                              // reserved additional information
        [0xBA, 0xFF, 0xFF, 0xFF, 0xFF],      // map claiming 4 billion entries
        Array(repeating: 0x81, count: 40) + [0x01],  // nested too deep
    ])
    func cborRejects(bytes: [UInt8]) {
        #expect(throws: CBORReadError.self) { try CBORReader.decode(bytes) }
    }

    @Test func authenticateHeaderSplitsByGrammar() {
        let challenges = AuthenticateHeader.challenges(in: #"Negotiate abc==, Basic realm="a, b", Payment id=x,realm="Payment y", Bearer"#)
        #expect(challenges.map(\.scheme) == ["Negotiate", "Basic", "Payment", "Bearer"])
        #expect(challenges[0].token68 == "abc==")
        #expect(challenges[1].parameter("realm")?.value == "a, b")
        #expect(challenges[2].parameters.map(\.value) == ["x", "Payment y"])
        #expect(challenges[2].parameters.map(\.wireText) == ["x", #""Payment y""#])
        #expect(challenges.allSatisfy { $0.problem == nil })
    }

    @Test func lightningAmounts() throws {
        #expect(try LightningInvoice.read(Fixtures.coffeeInvoice).millisatoshis == 250_000_000)
        #expect(try LightningInvoice.read(Fixtures.coffeeInvoice).network == "bitcoin")
        #expect(try LightningInvoice.read(Fixtures.donationInvoice).millisatoshis == nil)
        #expect(try LightningInvoice.read(Fixtures.coffeeInvoice.uppercased()).millisatoshis == 250_000_000)
        #expect(throws: LightningInvoice.Problem.self) { try LightningInvoice.read("lnbc2500u1qqqqqqqq") }
        #expect(throws: LightningInvoice.Problem.self) { try LightningInvoice.read("LnBc1" + Fixtures.coffeeInvoice) }
    }

    @Test func timestamps() {
        #expect(Timestamps.rfc3339("1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
        #expect(Timestamps.rfc3339("2024-02-29T12:00:00-05:30") == Date(timeIntervalSince1970: 1_709_227_800))
        #expect(Timestamps.rfc3339("2023-02-29T12:00:00Z") == nil)
        #expect(Timestamps.rfc3339("2026-11-21 23:25:04Z") != nil)
        #expect(Timestamps.rfc3339("2026-11-21T23:25:04") == nil)
        #expect(Timestamps.rfc3339("2026-13-01T00:00:00Z") == nil)
        #expect(Timestamps.httpDate("Sun, 06 Nov 1994 08:49:37 GMT") == Date(timeIntervalSince1970: 784_111_777))
        #expect(Timestamps.httpDate("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
    }

    @Test func networks() {
        #expect(Networks.isCAIP2("eip155:84532"))
        #expect(Networks.isCAIP2("solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp"))
        #expect(!Networks.isCAIP2("base-sepolia"))
        #expect(!Networks.isCAIP2("eip155:"))
        #expect(!Networks.isCAIP2("EIP155:1"))
        #expect(Networks.evmChainID(of: "eip155:31337") == 31337)
        #expect(Networks.evmChainID(of: "eip155:abc") == nil)
        #expect(KnownAsset.find(network: "eip155:8453", address: "0x833589FCD6EDB6E08F4C7C32D4F71B54BDA02913") == .usdcBase)
        #expect(KnownAsset.find(network: "eip155:84532", address: KnownAsset.usdcBase.address) == nil)
    }

    @Test func displayTextCutsByCodePoints() {
        let marks = "e" + String(repeating: "\u{301}", count: 10_000)
        let clean = DisplayText.clean(marks, limit: 10)
        #expect(clean.unicodeScalars.count == 11)
        #expect(clean.hasSuffix("…"))
    }
}
