import BigInt
import FoundationEssentials

/// Reads `WWW-Authenticate: Payment` challenges (draft-httpauth-payment, "MPP").
enum PaymentSchemeReader {
    /// The only field the draft lets a challenge's `header` parameter name.
    static let alternateCredentialHeader = "Payment-Authorization"

    static func read(_ challenge: AuthChallenge, source: String, into collector: inout OfferCollector) {
        do {
            collector.add(try offer(from: challenge, collector: collector))
        } catch {
            collector.reject(source, error.reason)
        }
    }

    private static func offer(from challenge: AuthChallenge, collector: OfferCollector) throws(FieldProblem) -> PaymentOffer {
        if let problem = challenge.problem { throw FieldProblem(problem) }
        if challenge.token68 != nil { throw FieldProblem("the challenge has a token68 value instead of parameters") }
        func required(_ name: String) throws(FieldProblem) -> String {
            guard let value = challenge.parameter(name)?.value, !value.isEmpty else {
                throw FieldProblem("the \(name) parameter is missing or empty")
            }
            return value
        }
        _ = try required("id")
        _ = try required("realm")
        let method = try required("method")
        let intent = try required("intent")
        let requestText = try required("request")
        guard method.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else {
            throw FieldProblem("method \(DisplayText.quoted(method)) is not a lowercase name")
        }
        guard intent.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0)
            || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
            throw FieldProblem("intent \(DisplayText.quoted(intent)) is not a valid intent name")
        }

        var credentialHeader = "Authorization"
        if let header = challenge.parameter("header")?.value {
            guard header.lowercased() == alternateCredentialHeader.lowercased() else {
                throw FieldProblem("it asks for the credential in the header \(DisplayText.quoted(header)), which the draft does not allow")
            }
            credentialHeader = header
        }

        guard let requestJSON = Base64.decode(requestText) else { throw FieldProblem("request is not base64url") }
        let request: JSONNode
        do {
            request = try JSONReader.parse(requestJSON)
        } catch {
            throw FieldProblem("request is not JSON (\(error))")
        }
        guard request.isObject else { throw FieldProblem("request is \(request.kindName), not a JSON object") }

        if let opaque = challenge.parameter("opaque")?.value {
            guard let bytes = Base64.decode(opaque), let node = try? JSONReader.parse(bytes), node.isObject else {
                throw FieldProblem("opaque is not base64url of a JSON object")
            }
        }
        var expires: Date?
        if let text = challenge.parameter("expires")?.value {
            guard let date = Timestamps.rfc3339(text) else {
                throw FieldProblem("expires \(DisplayText.quoted(text)) is not an RFC 3339 time")
            }
            expires = date
        }

        // Only a charge must state its price; other intents (sessions, subscriptions) may not.
        let amount: BigUInt? = intent == "charge" || request["amount"] != nil ? try request.amount("amount") : nil
        let currency = intent == "charge" ? try request.requiredString("currency") : try request.optionalString("currency")
        let recipient = try request.optionalString("recipient")
        let details = request["methodDetails"].flatMap { $0.isObject ? $0 : nil }
        var chainID: String?
        if let details {
            chainID = try chainIDText(details)
        }
        let claimedDecimals = try details?.optionalInteger("decimals", maximum: AmountFormatter.maximumDecimals)
        let credentialTypes = details?["credentialTypes"]?.elements?.compactMap(\.string)
        let invoice = try details?.optionalString("invoice")

        var notes: [String] = []
        var network: String?
        switch method {
        case "evm":
            guard let chainID else { throw FieldProblem("an evm challenge must give methodDetails.chainId") }
            network = "eip155:\(chainID)"
            if intent == "charge" {
                guard let currency, Networks.isEVMAddress(currency) else {
                    throw FieldProblem("currency \(DisplayText.quoted(currency ?? "")) is not a token address")
                }
                guard let recipient, Networks.isEVMAddress(recipient) else {
                    throw FieldProblem("recipient \(DisplayText.quoted(recipient ?? "")) is not an address")
                }
            }
        case "lightning":
            if let invoice {
                do {
                    let read = try LightningInvoice.read(invoice)
                    network = read.network
                    if let amount, let millisatoshis = read.millisatoshis, millisatoshis != amount * 1000 {
                        notes.append("The invoice asks for \(millisatoshis) msat, but the challenge says \(amount) sat")
                    }
                } catch {
                    notes.append("The invoice cannot be read: \(error.reason)")
                }
            }
        default:
            network = chainID.map { "eip155:\($0)" }
        }

        let known = network.flatMap { network in currency.flatMap { KnownAsset.find(network: network, address: $0) } }
        // What Penny knows beats what the server claims (see KnownAsset).
        let trustedDecimals = known?.decimals ?? currency.flatMap(CurrencyUnits.decimals(of:))
        if let trustedDecimals, let claimedDecimals, claimedDecimals != trustedDecimals {
            notes.append("The server says the currency has \(claimedDecimals) decimals; Penny knows it has \(trustedDecimals)")
        }

        var tokenDomain: TokenDomain?
        if method == "evm", let known, let chainID = network.flatMap(Networks.evmChainID(of:)), let currency {
            tokenDomain = TokenDomain(name: known.domainName, version: known.domainVersion, chainID: chainID,
                                      verifyingContract: currency)
        }

        let signer = signerSupport(method: method, intent: intent, credentialTypes: credentialTypes,
                                   tokenDomain: tokenDomain, currency: currency, network: network)
        let description = challenge.parameter("description")?.value ?? (try? request.optionalString("description")) ?? nil

        let answer = PaymentChallenge(schemeName: challenge.scheme, parameters: challenge.parameters,
                                      requestJSON: requestJSON, request: request.value,
                                      credentialHeader: credentialHeader)
        return PaymentOffer(
            paymentProtocol: .paymentScheme,
            scheme: DisplayText.clean(intent, limit: 40),
            method: method,
            network: network.map { DisplayText.clean($0, limit: 80) },
            asset: currency.map { DisplayText.clean($0) },
            amount: amount,
            decimals: trustedDecimals ?? claimedDecimals,
            assetSymbol: known?.symbol ?? currency.flatMap(CurrencyUnits.symbol(of:)),
            assetName: nil,
            payee: recipient.map { DisplayText.clean($0) },
            resource: collector.resource(nil, notes: &notes),
            description: description.flatMap { $0.isEmpty ? nil : DisplayText.clean($0, limit: DisplayText.messageLimit) },
            expires: expires,
            tokenDomain: tokenDomain,
            answer: .paymentScheme(answer),
            signer: signer,
            notes: notes)
    }

    /// `methodDetails.chainId` as decimal text: a JSON integer or a digit string.
    private static func chainIDText(_ details: JSONNode) throws(FieldProblem) -> String? {
        guard let field = details["chainId"] else { return nil }
        let text: String
        switch field.content {
        case .number(let literal): text = literal
        case .string(let value): text = value
        default: throw FieldProblem("methodDetails.chainId is \(field.kindName), not a number")
        }
        guard !text.isEmpty, text.utf8.count <= 32, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let value = BigUInt(text), value > 0 else {
            throw FieldProblem("methodDetails.chainId \(DisplayText.quoted(text)) is not a chain id")
        }
        return String(value)
    }

    private static func signerSupport(method: String, intent: String, credentialTypes: [String]?,
                                      tokenDomain: TokenDomain?, currency: String?, network: String?) -> SignerSupport {
        switch method {
        case "evm":
            guard intent == "charge" else {
                return .unavailable(reason: "Penny pays only one-off charges, not the \(DisplayText.quoted(intent, limit: 30)) intent")
            }
            if let credentialTypes, !credentialTypes.contains("authorization") {
                return .unavailable(reason: "The server accepts only \(DisplayText.clean(credentialTypes.joined(separator: ", "), limit: 60)) credentials, and Penny signs transfer authorizations")
            }
            guard tokenDomain != nil else {
                return .unavailable(reason: "Penny does not know the EIP-712 name and version of the token \(DisplayText.quoted(currency ?? "", limit: 42)) on \(DisplayText.clean(network ?? "this chain", limit: 40))")
            }
            return .evmTransferAuthorization
        case "lightning":
            return .unavailable(reason: "Paying Lightning invoices needs a Lightning wallet, which Penny does not have yet")
        case "stripe":
            return .unavailable(reason: "Paying by card through Stripe needs a Stripe account, which Penny does not support")
        case "tempo":
            return .unavailable(reason: "Penny cannot sign Tempo transactions yet")
        default:
            return .unavailable(reason: "Penny has no signer for the \(DisplayText.quoted(method, limit: 30)) payment method")
        }
    }
}
