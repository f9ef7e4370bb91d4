import BigInt

/// Reads Cloudflare's pay-per-crawl `crawler-price: USD 0.01`, which only a registered,
/// signed crawler can pay: Penny shows it and nothing more.
enum CrawlerPriceReader {
    static let headerName = "crawler-price"

    static func read(_ value: String, into collector: inout OfferCollector) {
        let source = "Cloudflare pay-per-crawl (\(headerName) header)"
        let parts = value.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, parts[0].utf8.count == 3, parts[0].utf8.allSatisfy({ (0x41...0x5A).contains($0 & ~0x20) }) else {
            collector.reject(source, "\(DisplayText.quoted(value)) is not a currency and an amount")
            return
        }
        let currency = String(parts[0])
        let fractionDigits = parts[1].split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        // Keep every digit the server wrote, even past the currency's minor unit.
        let decimals = max(CurrencyUnits.decimals(of: currency) ?? fractionDigits, fractionDigits)
        let amount: BigUInt
        do {
            amount = try AmountFormatter.parse(String(parts[1]), decimals: decimals)
        } catch {
            collector.reject(source, "the price \(DisplayText.quoted(parts[1])): \(error.reason)")
            return
        }
        var notes: [String] = []
        collector.add(PaymentOffer(
            paymentProtocol: .cloudflareCrawl,
            scheme: "crawler-price",
            method: "pay-per-crawl",
            asset: currency.uppercased(),
            amount: amount,
            decimals: decimals,
            assetSymbol: currency.uppercased(),
            resource: collector.resource(nil, notes: &notes),
            signer: .unavailable(reason: "Pay-per-crawl charges registered crawlers through Cloudflare; a browser can only show the price"),
            notes: notes))
    }
}
