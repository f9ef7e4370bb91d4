import DemoSite
import Foundation
import HTTPModel
import Testing

/// Garbage in every credential header: refused with a reason, never a crash, and the
/// site keeps serving and settling afterwards.
struct MalformedCredentialTests {
    static let goodAuthorization = #"{"from":"0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A","to":"0x0000000000000000000000000000000000000001","value":"10000","validAfter":"0","validBefore":"9999999999","nonce":"0x\#(String(repeating: "ab", count: 32))"}"#
    static let signature = "0x" + String(repeating: "11", count: 64) + "1b"

    /// A well-shaped x402 payload of `version` (1 or 2) with the given parts.
    static func x402Payload(authorization: String = goodAuthorization, signature: String = signature,
                            version: Int = 2) -> String {
        let payload = #"{"signature":"\#(signature)","authorization":\#(authorization)}"#
        if version == 1 {
            return standardBase64(#"{"x402Version":1,"scheme":"exact","network":"eip155:31337","payload":\#(payload)}"#)
        }
        return standardBase64(#"{"x402Version":\#(version),"accepted":{"scheme":"exact","network":"eip155:31337","amount":"10000","asset":"0x5FbDB2315678afecb367f032d93F642f64180aa3","payTo":"0x0000000000000000000000000000000000000001","maxTimeoutSeconds":300},"payload":\#(payload)}"#)
    }

    static func replacingValue(_ value: String) -> String {
        goodAuthorization.replacingOccurrences(of: #""value":"10000""#, with: value)
    }

    /// Header values an x402 merchant must refuse as unreadable, for version `version`.
    static func x402Garbage(version: Int) -> [(String, String)] {
        [
            ("not base64", "!!!not base64!!!"),
            ("base64 with spaces", "eyJ4 NDAy"),
            ("base64url alphabet", "eyJ4NDAyVmVyc2lvbiI6Mn0-_"),
            ("bad padding", "eyJ4NDAyVmVyc2lvbiI6Mn0==="),
            ("base64 of text", standardBase64("hello, merchant")),
            ("base64 of a JSON array", standardBase64("[1,2,3]")),
            ("base64 of an empty object", standardBase64("{}")),
            ("only the version", standardBase64(#"{"x402Version":\#(version)}"#)),
            ("numbers where strings belong", x402Payload(authorization: replacingValue(#""value":10000"#), version: version)),
            ("null value", x402Payload(authorization: replacingValue(#""value":null"#), version: version)),
            ("value with a leading zero", x402Payload(authorization: replacingValue(#""value":"010000""#), version: version)),
            ("negative value", x402Payload(authorization: replacingValue(#""value":"-10000""#), version: version)),
            ("exponent value", x402Payload(authorization: replacingValue(#""value":"1e4""#), version: version)),
            ("empty value", x402Payload(authorization: replacingValue(#""value":"""#), version: version)),
            ("value above uint256", x402Payload(authorization: replacingValue(#""value":"\#(String(repeating: "9", count: 80))""#), version: version)),
            ("short nonce", x402Payload(authorization: goodAuthorization.replacingOccurrences(of: String(repeating: "ab", count: 32), with: String(repeating: "ab", count: 31)), version: version)),
            ("address without 0x", x402Payload(authorization: goodAuthorization.replacingOccurrences(of: #""from":"0x"#, with: #""from":""#), version: version)),
            ("bad checksum", x402Payload(authorization: goodAuthorization.replacingOccurrences(of: "0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A", with: "0x19e7E376E7C213B7E7e7e46cc70A5dD086DAff2A"), version: version)),
            ("short signature", x402Payload(signature: "0x1234", version: version)),
            ("high-s signature", x402Payload(signature: "0x" + String(repeating: "11", count: 32) + "ff" + String(repeating: "11", count: 31) + "1b", version: version)),
            ("v of 5", x402Payload(signature: "0x" + String(repeating: "11", count: 64) + "05", version: version)),
            ("zero r", x402Payload(signature: "0x" + String(repeating: "00", count: 32) + String(repeating: "11", count: 32) + "1b", version: version)),
            ("deeply nested", standardBase64(String(repeating: #"{"a":"#, count: 1000) + "1" + String(repeating: "}", count: 1000))),
            ("larger than 8 KB", String(repeating: "A", count: 9000)),
        ]
    }

    @Test func x402v2GarbageIsABadRequestWithAReason() async throws {
        try await withSite { site in
            for (label, value) in Self.x402Garbage(version: 2) {
                let response = try await fetch(site, Paths.x402v2, headers: [("PAYMENT-SIGNATURE", value)])
                #expect(response.status == 400, "\(label)")
                #expect(settlementFailure(response) == "invalid_payload", "\(label)")
                let error = base64JSON(response.headers["PAYMENT-REQUIRED"])?["error"] as? String
                #expect(error?.hasPrefix("invalid_payload: ") == true, "\(label): \(error ?? "no error")")
            }
            // A later version: its own reason.
            let future = try await fetch(site, Paths.x402v2, headers: [("PAYMENT-SIGNATURE", Self.x402Payload(version: 3))])
            #expect(future.status == 400)
            #expect(settlementFailure(future) == "invalid_x402_version")
            try await expectStillServing(site)
        }
    }

    @Test func x402v1GarbageIsABadRequestWithAReason() async throws {
        try await withSite { site in
            for (label, value) in Self.x402Garbage(version: 1) {
                let response = try await fetch(site, Paths.x402v1, headers: [("X-PAYMENT", value)])
                #expect(response.status == 400, "\(label)")
                #expect(settlementFailure(response, header: "X-PAYMENT-RESPONSE") == "invalid_payload", "\(label)")
                #expect(jsonObject(response.body)?["error"] as? String == "invalid_payload", "\(label)")
            }
            try await expectStillServing(site)
        }
    }

    @Test func paymentSchemeGarbageIsAMalformedCredentialProblem() async throws {
        try await withSite { site in
            let challenge = try paymentChallenge(try await fetch(site, Paths.paymentScheme)).echoedChallenge.jsonText
            let payload = #"{"type":"authorization","from":"0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A","to":"0x0000000000000000000000000000000000000001","value":"10000","validAfter":"0","validBefore":"9999999999","nonce":"0x\#(String(repeating: "ab", count: 32))","signature":"\#(Self.signature)"}"#
            let garbage: [(String, String)] = [
                ("scheme alone", "Payment"),
                ("scheme and a space", "Payment "),
                ("not base64url", "Payment !!!"),
                ("standard alphabet", "Payment " + standardBase64(#"{"a":"~~~~>>>>????"}"#)),
                ("text", "Payment " + urlBase64("hello")),
                ("empty object", "Payment " + urlBase64("{}")),
                ("challenge without payload", "Payment " + urlBase64(#"{"challenge":\#(challenge)}"#)),
                ("challenge as a string", "Payment " + urlBase64(#"{"challenge":"x","payload":\#(payload)}"#)),
                ("payload missing the signature", "Payment " + urlBase64(#"{"challenge":\#(challenge),"payload":{"type":"authorization"}}"#)),
                ("larger than 8 KB", "Payment " + String(repeating: "A", count: 9000)),
            ]
            for (label, value) in garbage {
                let response = try await fetch(site, Paths.paymentScheme, headers: [("Authorization", value)])
                #expect(response.status == 402, "\(label)")
                #expect(problemCode(response) == "malformed-credential", "\(label)")
                #expect(response.headers["WWW-Authenticate"]?.hasPrefix("Payment ") == true, "\(label): a fresh challenge")
            }
            // A well-formed credential for a challenge that never was.
            let forged = challenge.replacingOccurrences(of: #""id":""#, with: #""id":"x"#)
            let unknown = try await fetch(site, Paths.paymentScheme,
                                          headers: [("Authorization", "Payment " + urlBase64(#"{"challenge":\#(forged),"payload":\#(payload)}"#))])
            #expect(problemCode(unknown) == "invalid-challenge")
            try await expectStillServing(site)
        }
    }

    @Test func rawBytesInHeadersDoNotBreakTheServer() async throws {
        try await withSite { site in
            for value in ["\u{00e9}\u{00e8}", "Payment \u{2603}", String(repeating: "\u{00ff}", count: 100)] {
                for name in ["PAYMENT-SIGNATURE", "X-PAYMENT", "Authorization"] {
                    let response = try await fetch(site, Paths.both, headers: [(name, value)])
                    #expect([400, 402].contains(response.status), "\(name): \(value)")
                }
            }
            try await expectStillServing(site)
        }
    }

    /// The front page answers and a real payment still settles.
    func expectStillServing(_ site: RunningDemoSite) async throws {
        #expect(try await fetch(site, "/").status == 200)
        let credential = try pennyPays(try await fetch(site, Paths.both), with: .x402v2)
        #expect(try await fetch(site, Paths.both, headers: credential.headerPairs).status == 200)
        #expect(try site.payments().count == 1)
    }
}
