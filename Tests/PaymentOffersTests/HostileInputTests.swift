import BigInt
import Foundation
import HTTPModel
import PaymentOffers
import Testing

/// Broken and malicious 402s: each must give "unusable" lines, never a crash, hang or
/// an escape sequence on screen.
struct HostileInputTests {
    private func x402(_ accepts: [String]) -> OfferReport {
        OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", Fixtures.x402Header(accepts: accepts))]))
    }

    @Test func brokenBase64() {
        let report = OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", "eyJ4NDAy*VmVyc2lvbiI6Mn0")]))
        #expect(report.offers.isEmpty)
        #expect(report.unusable == ["x402 v2 (PAYMENT-REQUIRED header): the header is not valid base64"])
    }

    @Test func base64OfSomethingNotJSON() {
        let report = OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", Fixtures.base64("<html>402</html>"))]))
        #expect(report.unusable.count == 1)
        #expect(report.unusable[0].hasPrefix("x402 v2 (PAYMENT-REQUIRED header): the decoded header is not JSON"))
    }

    @Test func wrongVersionAndMissingAccepts() {
        let v3 = OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", Fixtures.base64(#"{"x402Version":3,"accepts":[]}"#))]))
        #expect(v3.unusable == ["x402 v2 (PAYMENT-REQUIRED header): x402Version is 3; this header carries version 2"])
        let none = OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", Fixtures.base64(#"{"x402Version":2}"#))]))
        #expect(none.unusable == ["x402 v2 offer: accepts is missing"])
        let empty = OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", Fixtures.base64(#"{"x402Version":2,"accepts":[]}"#))]))
        #expect(empty.unusable == ["x402 v2 offer: accepts is empty: the server offers no way to pay"])
    }

    @Test func eightyDigitAmount() {
        let report = x402([Fixtures.requirement(amount: "\"" + String(repeating: "9", count: 80) + "\"")])
        #expect(report.offers.isEmpty)
        #expect(report.unusable == ["x402 v2 offer 1: amount: the amount has 80 digits, more than a uint256 holds"])
    }

    @Test func largestUint256IsAcceptedAndOneMoreIsNot() throws {
        let max = AmountFormatter.maximumAmount
        let fits = x402([Fixtures.requirement(amount: "\"\(max)\"")])
        #expect(try #require(fits.offers.first).amount == max)
        let over = x402([Fixtures.requirement(amount: "\"\(max + 1)\"")])
        #expect(over.offers.isEmpty)
        #expect(over.unusable == ["x402 v2 offer 1: amount: the amount is larger than a uint256 holds"])
    }

    @Test(arguments: [
        (#""-5""#, "amount: the amount is negative"),
        (#""abc""#, #"amount: the amount "abc" is not a whole number of base units"#),
        (#"" 100""#, #"amount: the amount " 100" is not a whole number of base units"#),
        (#""0x10""#, #"amount: the amount "0x10" is not a whole number of base units"#),
        (#""1,000""#, #"amount: the amount "1,000" is not a whole number of base units"#),
        (#""1.5""#, #"amount: the amount "1.5" is not a whole number of base units"#),
        (#""""#, "amount: the amount is empty"),
        ("null", "amount is null, not a number"),
        ("[1]", "amount is an array, not a number"),
        (String(repeating: "9", count: 80), "amount: the amount has 80 digits, more than a uint256 holds"),
        ("-0", "amount is negative"),
    ])
    func badAmounts(amount: String, reason: String) {
        let report = x402([Fixtures.requirement(amount: amount)])
        #expect(report.offers.isEmpty)
        #expect(report.unusable == ["x402 v2 offer 1: " + reason])
    }

    @Test func missingFieldsAndBadNetworks() {
        let noPayee = #"{"scheme":"exact","network":"eip155:84532","amount":"1","asset":"0x036CbD53842c5426634e7929541eC2318f3dCF7e"}"#
        let badNetwork = Fixtures.requirement(network: "not a network")
        let badAsset = Fixtures.requirement(asset: "USDC")
        let report = x402([noPayee, badNetwork, badAsset, "42"])
        #expect(report.offers.isEmpty)
        #expect(report.unusable == [
            "x402 v2 offer 1: payTo is missing",
            #"x402 v2 offer 2: network "not a network" is not a known network or CAIP-2 chain id"#,
            #"x402 v2 offer 3: asset "USDC" is not a token address"#,
            "x402 v2 offer 4: the offer is a number, not an object",
        ])
    }

    @Test func megabyteHeadersAreRefusedQuickly() {
        let huge = String(repeating: "A", count: 1 << 20)
        let started = Date()
        let report = OfferParser.parse(Fixtures.response([
            ("PAYMENT-REQUIRED", huge),
            ("WWW-Authenticate", "Payment id=\"" + huge + "\""),
            ("X-Cashu", "creqA" + huge),
        ]))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(report.offers.isEmpty)
        #expect(report.unusable == [
            "PAYMENT-REQUIRED header: the value is 1048576 bytes; Penny reads at most 262144",
            "WWW-Authenticate header: the value is 1048589 bytes; Penny reads at most 262144",
            "X-Cashu header: the value is 1048581 bytes; Penny reads at most 262144",
        ])
    }

    @Test func thousandOffersAreCapped() {
        let accepts = (1...1000).map { #"{"scheme":"exact","network":"abc:d","amount":""# + "\($0)" + #"","asset":"a","payTo":"p"}"# }
        let report = x402(accepts)
        #expect(report.offers.count == OfferParser.maximumOffers)
        #expect(report.offers.first?.amount == 1)
        #expect(report.offers.last?.amount == 100)
        #expect(report.droppedOfferCount == 900)
        #expect(report.unusable == ["900 more offers were left out: Penny keeps the first 100"])
    }

    @Test func thousandBrokenOffersGiveBoundedLines() {
        let report = x402(Array(repeating: #"{"scheme":"exact"}"#, count: 1000))
        #expect(report.offers.isEmpty)
        #expect(report.unusable.count == OfferParser.maximumUnusableLines + 1)
        #expect(report.unusable.last == "950 more unusable offers are not listed")
    }

    @Test func thousandFoldedChallengesAreCapped() {
        let one = Fixtures.paymentChallenge(request: #"{"amount":"1","currency":"usd"}"#, method: "stripe")
        let line = Array(repeating: one, count: 100).joined(separator: ", ")
        let report = OfferParser.parse(Fixtures.response(Array(repeating: ("WWW-Authenticate", line), count: 10)))
        #expect(report.offers.count == 100)
        #expect(report.droppedOfferCount == 900)
    }

    @Test func deeplyNestedJSON() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let header = Fixtures.base64(#"{"x402Version":2,"accepts":[],"extensions":"# + deep + "}")
        let report = OfferParser.parse(Fixtures.response([("PAYMENT-REQUIRED", String(header.prefix(60_000)))],
                                                         body: #"{"message":"# + deep + "}"))
        #expect(report.offers.isEmpty)
        #expect(report.unusable.count == 1)
        let request = Fixtures.paymentChallenge(request: #"{"a":"# + String(repeating: "[", count: 5000) + "}")
        let challenge = OfferParser.parse(Fixtures.response([("WWW-Authenticate", request)]))
        #expect(challenge.unusable.count == 1)
        #expect(challenge.unusable.first?.contains("nested more than 32 levels deep") == true)
    }

    @Test func unterminatedQuoteAndGarbage() {
        let report = OfferParser.parse(Fixtures.response([
            ("WWW-Authenticate", #"Payment id="abc", realm="r"#),
            ("WWW-Authenticate", #"=== "#),
            ("WWW-Authenticate", #"id="x", realm="y""#),
        ]))
        #expect(report.offers.isEmpty)
        #expect(report.unusable == [
            "Payment challenge 1: parameter realm has an unterminated quoted string",
            "WWW-Authenticate header: unreadable text in the header",
            "WWW-Authenticate header: a parameter before any scheme name",
        ])
    }

    @Test func duplicateParametersAndJSONMembersAreRefused() {
        let duplicateParameter = Fixtures.evmChallenge + #", ID="other""#
        let duplicateMember = Fixtures.base64(#"{"x402Version":2,"x402Version":2,"accepts":[]}"#)
        let report = OfferParser.parse(Fixtures.response([("WWW-Authenticate", duplicateParameter),
                                                          ("PAYMENT-REQUIRED", duplicateMember)]))
        #expect(report.offers.isEmpty)
        #expect(report.unusable.first == "Payment challenge 1: parameter ID appears twice")
        #expect(report.unusable.last?.contains("member \"x402Version\" appears twice") == true)
    }

    @Test func controlCharactersNeverReachTheScreen() throws {
        let evil = #"\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202e"#
        let requirement = #"{"scheme":"exact"# + evil + #"","network":"eip155:84532","amount":"10000","asset":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","payTo":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","description":"desc"# + evil + #"","extra":{"name":"USDC"# + evil + #"","version":"2"}}"#
        let badNetwork = Fixtures.requirement(network: "eip155:1" + evil)
        let json = #"{"x402Version":2,"error":"err"# + evil + #"","resource":{"url":"http://127.0.0.1:4022/"# + evil + #""},"accepts":["# + requirement + "," + badNetwork + "]}"
        let mpp = Fixtures.paymentChallenge(
            request: #"{"amount":"1","currency":"usd"# + evil + #"","recipient":"acct"# + evil + #"","description":"d"# + evil + #""}"#,
            method: "stripe", extra: ", description=\"line\u{1B}[31m\u{07}\"")
        let report = OfferParser.parse(Fixtures.response([
            ("PAYMENT-REQUIRED", Fixtures.base64(json)),
            ("WWW-Authenticate", mpp),
            ("WWW-Authenticate", "Payment id=\"\u{1B}[31m\", realm=\"r\""),
            ("crawler-price", "USD \u{1B}[31m"),
            ("Payment-Type", "card\u{1B}[5m"), ("Amount", "1\u{07}"), ("Currency", "U\u{1B}SD"),
            ("Location", "https://pay.example/\u{1B}[2J"), ("Retry-After", "\u{9B}6n"),
        ], body: "{\"message\":\"hi\u{1B}[8m\",\"error\":\"E\u{1B}\"}"))
        #expect(report.offers.count == 2)
        #expect(report.unusable.count == 3)

        var shown: [String] = report.unusable + report.serverErrors
        for offer in report.offers {
            shown += [offer.scheme, offer.method, offer.summary, offer.unitName]
            shown += [offer.network, offer.asset, offer.assetSymbol, offer.assetName, offer.payee, offer.resource,
                      offer.description, offer.formattedAmount, offer.signer.reason].compactMap { $0 }
            shown += offer.notes
        }
        if let info = report.informal {
            shown += [info.message, info.errorCode, info.paymentLink, info.paymentType, info.statedAmount,
                      info.statedCurrency, info.reasonPhrase].compactMap { $0 }
            if case .unreadable(let text)? = info.retryAfter { shown.append(text) }
        }
        #expect(shown.count > 20)
        for text in shown {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0 == "\u{202E}" },
                    "unsafe text: \(text.debugDescription)")
        }
        #expect(report.offers[0].description == "desc␛[2J␛]0;pwned␇\u{FFFD}31m")
        // The wire value is kept exactly, for the signature; only the display copy changed.
        guard case .x402v2(let answer) = report.offers[0].answer else {
            Issue.record("not an x402 v2 answer")
            return
        }
        #expect(answer.accepted["extra"]?["name"]?.string == "USDC\u{1B}[2J\u{1B}]0;pwned\u{07}\u{9B}31m\u{202E}")
    }

    @Test func cborWithEscapesIsSanitized() throws {
        // {"a": 1, "u": "sat", "d": "\e[31m"}
        let cbor: [UInt8] = [0xA3, 0x61, 0x61, 0x01, 0x61, 0x75, 0x63, 0x73, 0x61, 0x74, 0x61, 0x64, 0x65,
                             0x1B, 0x5B, 0x33, 0x31, 0x6D]
        let header = "creqA" + Data(cbor).base64EncodedString().replacingOccurrences(of: "=", with: "")
        let offer = try #require(OfferParser.parse(Fixtures.response([("X-Cashu", header)])).offers.first)
        #expect(offer.description == "␛[31m")
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix64(seed: 402)
        let names = ["PAYMENT-REQUIRED", "WWW-Authenticate", "X-Cashu", "crawler-price", "Retry-After", "Location"]
        for round in 0..<300 {
            let length = Int.random(in: 0..<300, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = String(decoding: bytes, as: UTF8.self)
            let prefixes = ["", "Payment ", "L402 ", "creqA", "eyJ", "{"]
            let value = prefixes[round % prefixes.count] + text
            let response = Fixtures.response([(names[round % names.count], value)], body: value)
            let report = OfferParser.parse(response)
            for line in report.unusable {
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
            }
        }
    }
}
