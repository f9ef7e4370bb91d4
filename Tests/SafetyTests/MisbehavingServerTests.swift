import HTTPModel
import Foundation
import TestSupport
import Testing

/// Servers on loopback that misbehave on purpose: `penny --dump` reports each clearly,
/// within its timeout, and its memory stays bounded (the child's own peak RSS, from wait4).
@Suite("Servers that misbehave", .serialized)
struct MisbehavingServerTests {
    /// The most memory one `penny --dump` may use, whatever the server does.
    static let memoryBound = 300 * 1024 * 1024

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var response: @Sendable (LoopbackHTTPServer.Request, UInt16) -> LoopbackHTTPServer.Response
        var timeout: Int = 4
        var pay = false
        /// The exit code and what standard error must say.
        var status: Int32
        var says: [String]
        /// Words that would mislead: the problem is the server's.
        var neverSays: [String] = []
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "never answers", response: { _, _ in .neverAnswer }, timeout: 3, status: 1,
             says: ["did not answer within 3 s"]),
        Case(name: "one byte a second", response: { _, _ in
            LoopbackHTTPServer.Response(headers: [("Content-Type", "text/html")], body: .generated(count: 1000),
                                        delivery: .slowly(chunkSize: 1, pause: .seconds(1)))
        }, timeout: 3, status: 1, says: ["did not finish sending the page within 3 s"]),
        Case(name: "100,000 headers", response: { _, _ in
            LoopbackHTTPServer.Response(headers: [("Content-Type", "text/html")] + (0..<100_000).map { ("X-Header-\($0)", "value") },
                                        body: .bytes(Array("<p>hello</p>".utf8)))
        }, timeout: 20, status: 1, says: ["127.0.0.1", "response headers too large"]),
        Case(name: "a 1 GB body", response: { _, _ in
            LoopbackHTTPServer.Response(headers: [("Content-Type", "text/plain")], body: .generated(count: 1 << 30))
        }, timeout: 30, status: 1, says: ["larger than 64 MiB refused"]),
        Case(name: "a redirect loop", response: { request, port in
            .redirect(to: "http://127.0.0.1:\(port)/loop/\((Int(request.path.split(separator: "/").last ?? "0") ?? 0) + 1)")
        }, timeout: 10, status: 1, says: ["redirected more than"]),
        Case(name: "a 402 with 1,000 offers in a 347 KB header", response: { _, _ in
            LoopbackHTTPServer.Response(status: 402, headers: [
                ("PAYMENT-REQUIRED", Merchant.paymentRequired(url: "http://127.0.0.1/paid",
                                                              offers: (0..<1000).map { Merchant.offer(amount: 10_000 + $0) })),
            ])
        }, timeout: 20, status: 1, says: ["127.0.0.1", "response headers too large"], neverSays: ["Out of memory"]),
        Case(name: "a 402 with 1,000 offers in its body (x402 v1)", response: { _, _ in
            let offers = (0..<1000).map { index in
                #"{"scheme":"exact","network":"eip155:31337","maxAmountRequired":"\#(10_000 + index)","asset":"0x5FbDB2315678afecb367f032d93F642f64180aa3","payTo":"\#(Merchant.payee)","resource":"http://127.0.0.1/paid","description":"offer \#(index)","mimeType":"text/html","maxTimeoutSeconds":300,"extra":{"name":"USD Coin (demo)","version":"1"}}"#
            }
            return .text(#"{"x402Version":1,"error":"X-PAYMENT header is required","accepts":[\#(offers.joined(separator: ","))]}"#,
                         status: 402, contentType: "application/json")
        }, timeout: 20, pay: true, status: 0, says: ["paid 0.01 USDC"]),
        Case(name: "a 402 with 1,000 Payment challenges", response: { _, _ in
            LoopbackHTTPServer.Response(status: 402, headers: (0..<1000).map { index in
                ("WWW-Authenticate", #"Payment id="c\#(index)", realm="127.0.0.1", method="evm", intent="charge", request="eyJhbW91bnQiOiIxMDAwMCIsImN1cnJlbmN5IjoidXNkIn0""#)
            })
        }, timeout: 20, status: 4, says: ["unusable offer"]),
    ]

    @Test(arguments: cases)
    func pennyReportsItClearlyInTimeWithBoundedMemory(_ misbehaviour: Case) throws {
        let portBox = Locked<UInt16>(0)
        let server = try LoopbackHTTPServer { request in
            if misbehaviour.pay && Merchant.carriesCredential(request) {
                return LoopbackHTTPServer.Response(status: 200, headers: [
                    ("Content-Type", "text/html"), ("PAYMENT-RESPONSE", Merchant.settlement(success: true, transaction: "0x1")),
                ], body: .bytes(Array("<p>Paid page.</p>".utf8)))
            }
            return misbehaviour.response(request, portBox.value)
        }
        portBox.withLock { $0 = server.port }
        defer { server.stop() }
        let penny = try Penny(label: "misbehaving")
        defer { penny.remove() }
        if misbehaviour.pay { try penny.topUp("1") }
        var arguments = ["--dump", "--timeout", String(misbehaviour.timeout)]
        if misbehaviour.pay { arguments += ["--pay", "auto", "--max", "1"] }

        let outcome = try penny.runMeasuringMemory(arguments + [server.url("/loop/0")],
                                                   timeout: .seconds(misbehaviour.timeout + 30))

        let seconds = Double(outcome.elapsed.components.seconds) + Double(outcome.elapsed.components.attoseconds) / 1e18
        print("""
            misbehaving server, \(misbehaviour.name): exit \(outcome.status) in \(String(format: "%.1f", seconds)) s, \
            peak RSS \(outcome.maxRSS / 1024 / 1024) MB; penny said: \(outcome.errorText.split(separator: "\n").first ?? "")
            """)
        #expect(outcome.exitedNormally, "penny was killed by a signal: \(outcome.errorText)")
        #expect(outcome.status == misbehaviour.status, "exit \(outcome.status): \(outcome.errorText.prefix(2000))")
        for phrase in misbehaviour.says {
            #expect(outcome.errorText.contains(phrase), "standard error says \"\(phrase)\": \(outcome.errorText.prefix(2000))")
        }
        for phrase in misbehaviour.neverSays {
            #expect(!outcome.errorText.contains(phrase), "standard error blames \"\(phrase)\": \(outcome.errorText.prefix(500))")
        }
        #expect(seconds < Double(misbehaviour.timeout) + 10, "penny took \(seconds) s with --timeout \(misbehaviour.timeout)")
        #expect(outcome.maxRSS < Self.memoryBound, "penny used \(outcome.maxRSS / 1024 / 1024) MB")
        #expect(outcome.errorText.split(separator: "\n").count < 200, "standard error is flooded: \(outcome.errorText.count) bytes")
    }
}
