import Foundation
import TestSupport

/// 402 responses a loopback server can send: offers Penny's wallet can pay (the demo
/// chain's play USDC, which `Penny.topUp` funds), with whatever text a hostile server likes.
enum Merchant {
    static let payee = "0x209693Bc6afc0C5328bA36FaF03C514EF312287C"

    /// One x402 v2 offer of `amount` base units of the demo USDC.
    static func offer(amount: Int = 10_000, payTo: String = payee) -> String {
        #"{"scheme":"exact","network":"eip155:31337","amount":"\#(amount)","asset":"0x5FbDB2315678afecb367f032d93F642f64180aa3","payTo":"\#(json(payTo))","maxTimeoutSeconds":300,"extra":{"name":"USD Coin (demo)","version":"1"}}"#
    }

    /// The `PAYMENT-REQUIRED` value for `offers` (JSON objects) at `url`.
    static func paymentRequired(url: String, offers: [String], description: String = "An article",
                                error: String = "PAYMENT-SIGNATURE header is required") -> String {
        let document = #"{"x402Version":2,"error":"\#(json(error))","resource":{"url":"\#(json(url))","description":"\#(json(description))","mimeType":"text/html"},"accepts":[\#(offers.joined(separator: ","))]}"#
        return Data(document.utf8).base64EncodedString()
    }

    /// A 402 with one payable offer and a teaser page.
    static func response(url: String, description: String = "An article", payTo: String = payee,
                         teaser: String = "<p>Teaser.</p>", extraHeaders: [(name: String, value: String)] = [])
        -> LoopbackHTTPServer.Response {
        LoopbackHTTPServer.Response(status: 402, headers: [
            ("Content-Type", "text/html; charset=utf-8"),
            ("PAYMENT-REQUIRED", paymentRequired(url: url, offers: [offer(payTo: payTo)], description: description)),
        ] + extraHeaders, body: .bytes(Array(teaser.utf8)))
    }

    /// A settlement header (`PAYMENT-RESPONSE`) value.
    static func settlement(success: Bool, transaction: String, errorReason: String? = nil) -> String {
        var document = #"{"success":\#(success),"transaction":"\#(json(transaction))","network":"eip155:31337""#
        if let errorReason { document += #","errorReason":"\#(json(errorReason))""# }
        return Data((document + "}").utf8).base64EncodedString()
    }

    /// Whether a request carries a payment credential of any protocol.
    static func carriesCredential(_ request: LoopbackHTTPServer.Request) -> Bool {
        request.header("PAYMENT-SIGNATURE") != nil || request.header("X-PAYMENT") != nil
            || request.header("Payment-Authorization") != nil
            || request.headerValues("Authorization").contains { $0.lowercased().hasPrefix("payment") }
    }

    /// `text` as the inside of a JSON string (every control character escaped).
    static func json(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
