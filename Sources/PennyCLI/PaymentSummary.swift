import HTTPModel
import PaymentOffers
import TerminalText

/// What a 402 offers, one line each, for `--dump`'s standard error.
enum PaymentSummary {
    static func lines(for response: HTTPResponse) -> [String] {
        let report = OfferParser.parse(response)
        var lines = report.offers.map { offer in
            var line = "payment offer: " + offer.summary
            if let reason = offer.signer.reason {
                line += " (Penny cannot pay this: \(reason))"
            }
            return line
        }
        if report.droppedOfferCount > 0 {
            lines.append("payment offers: \(report.droppedOfferCount) more were not read")
        }
        lines += report.unusable.map { "unusable offer: " + $0 }
        lines += report.serverErrors.map { "server said: " + $0 }
        if report.offers.isEmpty {
            lines.append("payment required: no machine-readable payment offer")
            if let informal = report.informal {
                if let message = informal.message { lines.append("server message: " + message) }
                if let amount = informal.statedAmount {
                    lines.append("stated price: " + amount + (informal.statedCurrency.map { " " + $0 } ?? ""))
                }
                if let link = informal.paymentLink { lines.append("pay or renew at: " + link) }
                switch informal.retryAfter {
                case .seconds(let seconds)?: lines.append("retry after: \(seconds) s")
                case .date(let date)?: lines.append("retry after: \(date)")
                case .unreadable(let text)?: lines.append("retry after: " + text)
                case nil: break
                }
            }
        }
        return lines.map { TerminalSafe.sanitize($0) }
    }
}
