import BigInt

/// Reads `X-Cashu` payment requests (NUT-24 carrying a NUT-18 request).
enum CashuReader {
    static let headerName = "X-Cashu"

    static func read(_ value: String, into collector: inout OfferCollector) {
        let source = "Cashu (\(headerName) header)"
        let text = String(value.trimmingASCIISpaces)
        if text.lowercased().hasPrefix("creqb1") {
            collector.reject(source, "a NUT-26 (creqb) payment request, which Penny recognises but does not decode yet")
            return
        }
        guard text.hasPrefix("creqA") else {
            collector.reject(source, "not a Cashu payment request (it should start with creqA)")
            return
        }
        guard let bytes = Base64.decode(text.dropFirst(5)) else {
            collector.reject(source, "the payment request is not base64url")
            return
        }
        let decoded: CBORValue
        do {
            decoded = try CBORReader.decode(bytes)
        } catch {
            collector.reject(source, "the payment request is not readable CBOR: \(error.reason)")
            return
        }
        do {
            collector.add(try offer(from: decoded, encoded: text, collector: collector))
        } catch {
            collector.reject(source, error.reason)
        }
    }

    private static func offer(from decoded: CBORValue, encoded: String,
                              collector: OfferCollector) throws(FieldProblem) -> PaymentOffer {
        guard case .map = decoded else { throw FieldProblem("the payment request is not a CBOR map") }
        func text(_ key: String) throws(FieldProblem) -> String? {
            guard let field = decoded[key] else { return nil }
            if case .null = field { return nil }
            guard let value = field.text else { throw FieldProblem("field \(key) is not text") }
            return value
        }
        var amount: BigUInt?
        switch decoded["a"] {
        case nil, .null?: break
        case .unsigned(let value)?: amount = BigUInt(value)
        case .negative?: throw FieldProblem("the amount is negative")
        default: throw FieldProblem("the amount is not a whole number")
        }
        let unit = try text("u")
        if amount != nil && unit == nil { throw FieldProblem("the request states an amount without a unit") }
        var mints: [String] = []
        switch decoded["m"] {
        case nil, .null?: break
        case .array(let elements)?:
            for element in elements {
                guard let mint = element.text else { throw FieldProblem("a mint URL is not text") }
                mints.append(mint)
            }
        default: throw FieldProblem("the mint list is not a list")
        }
        var singleUse: Bool?
        if case .bool(let flag)? = decoded["s"] { singleUse = flag }
        let request = CashuPaymentRequest(
            encoded: encoded, decoded: decoded.json, paymentID: try text("i"), amount: amount, unit: unit,
            singleUse: singleUse, mints: mints, description: try text("d"),
            hasLockingCondition: decoded["nut10"] != nil)

        var notes: [String] = []
        if !mints.isEmpty {
            notes.append("Accepted mints: " + DisplayText.clean(mints.joined(separator: ", "), limit: 400))
        }
        if request.hasLockingCondition {
            notes.append("The tokens must be locked to a condition the server sets (NUT-10)")
        }
        return PaymentOffer(
            paymentProtocol: .cashu,
            scheme: "cashu",
            method: "cashu",
            asset: unit.map { DisplayText.clean($0, limit: 20) },
            amount: amount,
            decimals: unit.flatMap(CurrencyUnits.decimals(of:)),
            assetSymbol: unit.flatMap(CurrencyUnits.symbol(of:)),
            resource: collector.resource(nil, notes: &notes),
            description: request.description.map { DisplayText.clean($0, limit: DisplayText.messageLimit) },
            answer: .cashu(request),
            signer: .unavailable(reason: "Paying with Cashu ecash needs a Cashu wallet, which Penny does not have yet"),
            notes: notes)
    }
}
