import BigInt

/// Reads `WWW-Authenticate: L402` challenges (bLIP-26), and the older `LSAT` ones.
enum L402Reader {
    static let noWallet = "Paying Lightning invoices needs a Lightning wallet, which Penny does not have yet"

    static func read(_ challenge: AuthChallenge, source: String, into collector: inout OfferCollector) {
        if let problem = challenge.problem {
            collector.reject(source, problem)
            return
        }
        // Some servers name the macaroon "token".
        guard let macaroon = (challenge.parameter("macaroon") ?? challenge.parameter("token"))?.value,
              !macaroon.isEmpty else {
            collector.reject(source, "the macaroon parameter is missing")
            return
        }
        guard let invoice = challenge.parameter("invoice")?.value, !invoice.isEmpty else {
            collector.reject(source, "the invoice parameter is missing")
            return
        }

        var notes: [String] = []
        var network: String?
        var amount: BigUInt?
        var unit = "sat"
        do {
            let read = try LightningInvoice.read(invoice)
            network = read.network
            if let millisatoshis = read.millisatoshis {
                // Whole satoshis as sat; an invoice for a fraction of one keeps millisatoshis.
                if millisatoshis % 1000 == 0 {
                    amount = millisatoshis / 1000
                } else {
                    amount = millisatoshis
                    unit = "msat"
                }
            }
        } catch {
            notes.append("The invoice cannot be read: \(error.reason)")
        }

        let answer = L402Challenge(schemeName: challenge.scheme, macaroon: macaroon, invoice: invoice,
                                   version: challenge.parameter("version")?.value)
        collector.add(PaymentOffer(
            paymentProtocol: .l402,
            scheme: challenge.scheme.lowercased() == "lsat" ? "lsat" : "l402",
            method: "lightning",
            network: network.map { DisplayText.clean($0, limit: 40) },
            asset: unit,
            amount: amount,
            decimals: 0,
            assetSymbol: unit,
            resource: collector.resource(nil, notes: &notes),
            answer: .l402(answer),
            signer: .unavailable(reason: noWallet),
            notes: notes))
    }
}
