import HTTPModel
import TerminalText

/// One line per payment offer a 402 carries, for `--dump`'s standard error.
enum PaymentSummary {
    static func lines(for response: HTTPResponse) -> [String] {
        var lines: [String] = []
        if response.headers.contains("PAYMENT-REQUIRED") {
            lines.append("payment offer: x402 v2 (PAYMENT-REQUIRED header)")
        }
        for challenge in response.headers.values(for: "WWW-Authenticate") {
            let scheme = challenge.prefix { $0 != " " && $0 != "," }.lowercased()
            switch scheme {
            case "payment": lines.append("payment offer: Payment scheme (WWW-Authenticate: Payment)")
            case "l402", "lsat": lines.append("payment offer: L402 (Lightning)")
            default: break
            }
        }
        if response.headers.contains("X-Cashu") {
            lines.append("payment offer: Cashu (X-Cashu)")
        }
        if lines.isEmpty {
            lines.append("payment required: no machine-readable payment offer")
        }
        return lines.map { TerminalSafe.sanitize($0) }
    }
}
