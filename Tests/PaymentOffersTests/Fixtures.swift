import Foundation
import HTTPModel
import PaymentOffers

/// Wire examples in the shapes the shared notes record from the x402 and pympp SDKs.
enum Fixtures {
    static let url = "http://127.0.0.1:4022/premium"
    static let baseSepoliaUSDC = "0x036CbD53842c5426634e7929541eC2318f3dCF7e"
    static let payee = "0x209693Bc6afc0C5328bA36FaF03C514EF312287C"

    /// The `PaymentRequired` JSON of an x402 v2 offer: 0.01 USDC on Base Sepolia.
    static let x402V2JSON = #"{"x402Version":2,"error":"Payment required","resource":{"url":"http://127.0.0.1:4022/premium","description":"Premium article","mimeType":"text/html"},"accepts":[{"scheme":"exact","network":"eip155:84532","amount":"10000","asset":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","payTo":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","maxTimeoutSeconds":300,"extra":{"name":"USDC","version":"2","assetTransferMethod":"eip3009"}}],"extensions":{"bazaar":{"info":{"input":{"type":"http","method":"GET"}}}}}"#

    /// The same, base64 as it goes in the `PAYMENT-REQUIRED` header.
    static let x402V2Header = "eyJ4NDAyVmVyc2lvbiI6MiwiZXJyb3IiOiJQYXltZW50IHJlcXVpcmVkIiwicmVzb3VyY2UiOnsidXJsIjoiaHR0cDovLzEyNy4wLjAuMTo0MDIyL3ByZW1pdW0iLCJkZXNjcmlwdGlvbiI6IlByZW1pdW0gYXJ0aWNsZSIsIm1pbWVUeXBlIjoidGV4dC9odG1sIn0sImFjY2VwdHMiOlt7InNjaGVtZSI6ImV4YWN0IiwibmV0d29yayI6ImVpcDE1NTo4NDUzMiIsImFtb3VudCI6IjEwMDAwIiwiYXNzZXQiOiIweDAzNkNiRDUzODQyYzU0MjY2MzRlNzkyOTU0MWVDMjMxOGYzZENGN2UiLCJwYXlUbyI6IjB4MjA5NjkzQmM2YWZjMEM1MzI4YkEzNkZhRjAzQzUxNEVGMzEyMjg3QyIsIm1heFRpbWVvdXRTZWNvbmRzIjozMDAsImV4dHJhIjp7Im5hbWUiOiJVU0RDIiwidmVyc2lvbiI6IjIiLCJhc3NldFRyYW5zZmVyTWV0aG9kIjoiZWlwMzAwOSJ9fV0sImV4dGVuc2lvbnMiOnsiYmF6YWFyIjp7ImluZm8iOnsiaW5wdXQiOnsidHlwZSI6Imh0dHAiLCJtZXRob2QiOiJHRVQifX19fX0="

    /// A Payment scheme `request` (JCS JSON, base64url without padding) for an evm charge
    /// of 10000 base units of Base Sepolia USDC.
    static let evmChargeRequest = "eyJhbW91bnQiOiIxMDAwMCIsImN1cnJlbmN5IjoiMHgwMzZDYkQ1Mzg0MmM1NDI2NjM0ZTc5Mjk1NDFlQzIzMThmM2RDRjdlIiwiZGVzY3JpcHRpb24iOiJQcmVtaXVtIGFydGljbGUiLCJtZXRob2REZXRhaWxzIjp7ImNoYWluSWQiOjg0NTMyLCJjcmVkZW50aWFsVHlwZXMiOlsiYXV0aG9yaXphdGlvbiJdLCJkZWNpbWFscyI6Nn0sInJlY2lwaWVudCI6IjB4MjA5NjkzQmM2YWZjMEM1MzI4YkEzNkZhRjAzQzUxNEVGMzEyMjg3QyJ9"
    /// `{"pi":"pi_123"}` as base64url, a server's opaque correlation data.
    static let opaque = "eyJwaSI6InBpXzEyMyJ9"

    /// A challenge as pympp writes it.
    static let evmChallenge = #"Payment id="kM9xPqWvT2nJrHsY4aDfEb", realm="127.0.0.1:4022", method="evm", intent="charge", request=""# + evmChargeRequest + #"", expires="2026-11-21T23:25:04Z", description="Premium article", opaque=""# + opaque + #"""#

    /// BOLT 11's "$3 for a cup of coffee" example: 2500u = 250000 sat on mainnet.
    static let coffeeInvoice = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh"
    /// BOLT 11's donation example: no amount.
    static let donationInvoice = "lnbc1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdpl2pkx2ctnv5sxxmmwwd5kgetjypeh2ursdae8g6twvus8g6rfwvs8qun0dfjkxaq9qrsgq357wnc5r2ueh7ck6q93dj32dlqnls087fxdwk8qakdyafkq3yap9us6v52vjjsrvywa6rt52cm9r9zqt8r2t7mlcwspyetp5h2tztugp9lfyql"

    /// The NUT-18 example from the shared notes.
    static let cashuRequest = "creqAo2FhCmF1Y3NhdGFtgXVodHRwOi8vMTI3LjAuMC4xOjMzMzg"

    /// A 402 response with the given header fields and body.
    static func response(_ headers: [(String, String)], body: String = "", status: Int = 402,
                         reason: String = "Payment Required") -> HTTPResponse {
        HTTPResponse(requestedURL: url, status: status, reason: reason, headers: HTTPHeaders(headers),
                     body: Array(body.utf8))
    }

    static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }

    static func base64URL(_ text: String) -> String {
        base64(text).replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// An x402 v2 header for one requirements object given as JSON text.
    static func x402Header(accepts: [String]) -> String {
        base64(#"{"x402Version":2,"resource":{"url":"http://127.0.0.1:4022/premium"},"accepts":["# + accepts.joined(separator: ",") + "]}")
    }

    /// A requirements object with the given amount JSON (a string literal or a number).
    static func requirement(amount: String = #""10000""#, network: String = "eip155:84532",
                            asset: String = baseSepoliaUSDC, extra: String = #"{"name":"USDC","version":"2"}"#) -> String {
        #"{"scheme":"exact","network":""# + network + #"","amount":"# + amount + #","asset":""# + asset
            + #"","payTo":""# + payee + #"","maxTimeoutSeconds":60,"extra":"# + extra + "}"
    }

    /// A Payment challenge with a request object given as JSON text.
    static func paymentChallenge(request: String, id: String = "abc", method: String = "evm",
                                 intent: String = "charge", extra: String = "") -> String {
        #"Payment id=""# + id + #"", realm="127.0.0.1:4022", method=""# + method + #"", intent=""# + intent
            + #"", request=""# + base64URL(request) + #"""# + extra
    }
}

/// A small, seeded, deterministic random generator (SplitMix64) for property tests.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
