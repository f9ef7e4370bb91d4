import BigInt
import HTTPModel
import WebAddress

/// Reads what a 402 says for people: hand-rolled JSON, plain text, `Retry-After`,
/// `Location` and the ad-hoc `Payment-Type` / `Amount` / `Currency` headers.
enum InformalReader {
    /// JSON members that carry the explanation, most specific first.
    private static let messageKeys = ["message", "detail", "error_description", "description", "title"]
    /// JSON members that carry a link to pay, top up or renew.
    private static let linkKeys = ["top_up_url", "topup_url", "topUpUrl", "topupUrl", "payment_url", "paymentUrl",
                                   "pay_url", "payUrl", "checkout_url", "checkoutUrl", "renew_url", "renewUrl",
                                   "upgrade_url", "upgradeUrl", "billing_url", "billingUrl", "url", "link", "href"]
    private static let amountKeys = ["price", "amount", "cost"]

    /// `body` is nil when the body was already read as x402 (its words are not informal).
    static func read(_ response: HTTPResponse, body: JSONNode?, bodyIsX402: Bool,
                     collector: OfferCollector) -> InformalPaymentInfo? {
        var info = InformalPaymentInfo()
        let headers = response.headers

        if let retry = headers["Retry-After"] {
            info.retryAfter = retryAfter(retry)
        }
        info.paymentType = headers["Payment-Type"].map { DisplayText.clean($0, limit: 80) }
        info.statedAmount = headers["Amount"].map { DisplayText.clean($0, limit: 80) }
        info.statedCurrency = headers["Currency"].map { DisplayText.clean($0, limit: 20) }
        if let location = headers["Location"] {
            info.paymentLink = link(location, collector: collector)
        }
        let reason = response.reason.trimmingASCIISpaces
        if !reason.isEmpty, reason.lowercased() != "payment required" {
            info.reasonPhrase = DisplayText.clean(reason, limit: 80)
        }

        if let body, !bodyIsX402, body.isObject {
            readJSON(body, into: &info, collector: collector)
        } else if body == nil, isPlainText(response) {
            let text = String(decoding: response.body.prefix(4096), as: UTF8.self)
            // Character.isWhitespace, because "\r\n" is a single Character.
            let words = text.split(whereSeparator: \.isWhitespace)
            if !words.isEmpty {
                info.message = DisplayText.clean(words.joined(separator: " "), limit: DisplayText.messageLimit)
            }
        }
        return info.isEmpty ? nil : info
    }

    private static func readJSON(_ body: JSONNode, into info: inout InformalPaymentInfo, collector: OfferCollector) {
        let error = body["error"]
        info.message = messageKeys.lazy.compactMap { body[$0]?.string }.first { !$0.isEmpty }
            ?? error?["message"]?.string
        if let code = error?.string ?? error?["code"]?.string ?? error?["type"]?.string {
            info.errorCode = code
        } else if let type = body["type"]?.string, type.hasPrefix("https://paymentauth.org/problems/") {
            info.errorCode = String(type.dropFirst("https://paymentauth.org/problems/".count))
        }
        if info.message == nil, let code = error?.string, code.contains(" ") {
            // A sentence in `error` is the message itself.
            info.message = code
            info.errorCode = nil
        }
        info.message = info.message.map { DisplayText.clean($0, limit: DisplayText.messageLimit) }
        info.errorCode = info.errorCode.map { DisplayText.clean($0, limit: 80) }
        if let url = linkKeys.lazy.compactMap({ body[$0]?.string }).first {
            info.paymentLink = link(url, collector: collector) ?? info.paymentLink
        }
        if info.statedAmount == nil, let price = amountKeys.lazy.compactMap({ body[$0] }).first {
            switch price.content {
            case .string(let text), .number(let text): info.statedAmount = DisplayText.clean(text, limit: 80)
            default: break
            }
        }
        if info.statedCurrency == nil, let currency = body["currency"]?.string {
            info.statedCurrency = DisplayText.clean(currency, limit: 20)
        }
    }

    /// A link resolved against the response URL; only http and https are kept.
    private static func link(_ text: String, collector: OfferCollector) -> String? {
        let trimmed = String(text.trimmingASCIISpaces)
        guard trimmed.utf8.count <= 4096,
              let url = collector.baseURL?.resolve(trimmed) ?? AbsoluteURL(trimmed),
              url.scheme == "http" || url.scheme == "https", url.host.map({ !$0.isEmpty }) == true else { return nil }
        return DisplayText.clean(url.description, limit: 2000)
    }

    private static func retryAfter(_ text: String) -> RetryAfter {
        let trimmed = String(text.trimmingASCIISpaces)
        if !trimmed.isEmpty, trimmed.utf8.count <= 9, trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
           let seconds = Int(trimmed) {
            return .seconds(seconds)
        }
        if let date = Timestamps.httpDate(trimmed) {
            return .date(date)
        }
        return .unreadable(DisplayText.clean(trimmed, limit: 80))
    }

    private static func isPlainText(_ response: HTTPResponse) -> Bool {
        guard !response.body.isEmpty else { return false }
        if let type = response.mediaType {
            return type.essence == "text/plain"
        }
        // No Content-Type: text that is not markup.
        let first = response.body.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        return first != UInt8(ascii: "<") && first != UInt8(ascii: "{") && first != UInt8(ascii: "[")
    }

    /// An offer for a price the server states without a way to pay by machine.
    static func statedPriceOffer(_ info: InformalPaymentInfo, collector: OfferCollector) -> PaymentOffer? {
        guard let stated = info.statedAmount else { return nil }
        var notes: [String] = []
        var amount: BigUInt?
        var decimals: Int?
        let currency = info.statedCurrency
        if let currency, let minor = CurrencyUnits.decimals(of: currency) {
            let fraction = stated.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
            let scale = max(minor, fraction)
            if let parsed = try? AmountFormatter.parse(stated, decimals: scale) {
                amount = parsed
                decimals = scale
            }
        }
        if amount == nil {
            notes.append("The server states the price as \(DisplayText.quoted(stated)) \(currency ?? "")")
        }
        var reason = "The server states a price but gives no machine-readable way to pay"
        if let link = info.paymentLink {
            reason += "; it points to \(link)"
        }
        return PaymentOffer(
            paymentProtocol: .informal,
            scheme: "stated-price",
            method: info.paymentType ?? "informal",
            asset: currency,
            amount: amount,
            decimals: decimals,
            assetSymbol: currency.flatMap(CurrencyUnits.symbol(of:)) ?? currency,
            resource: collector.resource(nil, notes: &notes),
            description: info.message,
            signer: .unavailable(reason: reason),
            notes: notes)
    }
}
