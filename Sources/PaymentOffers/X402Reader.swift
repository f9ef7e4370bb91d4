import BigInt

/// Reads x402 offers: version 2 from the `PAYMENT-REQUIRED` header, version 1 from the body.
enum X402Reader {
    static let headerName = "PAYMENT-REQUIRED"

    /// Reads one `PAYMENT-REQUIRED` header value (base64 of a `PaymentRequired` JSON object).
    static func readHeader(_ value: String, into collector: inout OfferCollector) {
        let source = "x402 v2 (\(headerName) header)"
        guard let bytes = Base64.decode(value.trimmingASCIISpaces) else {
            collector.reject(source, "the header is not valid base64")
            return
        }
        let root: JSONNode
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            collector.reject(source, "the decoded header is not JSON (\(error))")
            return
        }
        guard root.isObject else {
            collector.reject(source, "the decoded header is \(root.kindName), not a JSON object")
            return
        }
        guard let version = root["x402Version"]?.value.smallInteger else {
            collector.reject(source, "x402Version is missing or not a number")
            return
        }
        guard version == 2 else {
            collector.reject(source, "x402Version is \(version); this header carries version 2")
            return
        }
        readPaymentRequired(root, bytes: bytes, version: 2, source: "x402 v2 offer", into: &collector)
    }

    /// The settlement receipt headers; on a 402 they explain why a payment failed.
    static let settlementHeaderNames = ["payment-response", "x-payment-response"]

    /// Reads a `PAYMENT-RESPONSE` (or v1 `X-PAYMENT-RESPONSE`) value and reports a failed
    /// settlement ("nonce_already_used", "insufficient_funds") as a server error.
    static func readSettlement(_ value: String, into collector: inout OfferCollector) {
        guard let bytes = Base64.decode(value.trimmingASCIISpaces), let root = try? JSONReader.parse(bytes),
              root.isObject else {
            collector.serverError("x402: the settlement response cannot be read")
            return
        }
        if case .bool(false)? = root["success"]?.content {
            collector.serverError("x402 settlement failed: " + (root["errorReason"]?.string ?? "no reason given"))
        }
    }

    /// Whether a JSON body is an x402 `PaymentRequired` document, and of which version.
    static func bodyVersion(_ root: JSONNode) -> Int? {
        guard root.isObject, root["accepts"]?.elements != nil else { return nil }
        return root["x402Version"]?.value.smallInteger
    }

    /// Reads a `PaymentRequired` object's `accepts` list into offers.
    static func readPaymentRequired(_ root: JSONNode, bytes: [UInt8], version: Int, source: String,
                                    into collector: inout OfferCollector) {
        if let error = root["error"]?.string {
            collector.serverError("x402: " + error)
        }
        guard let accepts = root["accepts"] else {
            collector.reject(source, "accepts is missing")
            return
        }
        guard let requirements = accepts.elements else {
            collector.reject(source, "accepts is \(accepts.kindName), not a list")
            return
        }
        guard !requirements.isEmpty else {
            collector.reject(source, "accepts is empty: the server offers no way to pay")
            return
        }
        let resource = root["resource"]
        let extensions = root["extensions"]
        if let resource, !resource.isObject, version == 2 {
            collector.reject(source, "resource is \(resource.kindName), not an object")
            return
        }
        for (index, requirement) in requirements.enumerated() {
            guard !collector.isFull else {
                collector.drop(requirements.count - index)
                break
            }
            let label = "\(source) \(index + 1)"
            guard requirement.isObject else {
                collector.reject(label, "the offer is \(requirement.kindName), not an object")
                continue
            }
            do {
                let answer: PaymentAnswer = version == 2
                    ? .x402v2(X402V2Answer(
                        acceptedJSON: Array(bytes[requirement.range]), accepted: requirement.value,
                        resourceJSON: resource.map { Array(bytes[$0.range]) },
                        extensionsJSON: extensions.flatMap { $0.isObject ? Array(bytes[$0.range]) : nil }))
                    : .x402v1(X402V1Answer(
                        requirementsJSON: Array(bytes[requirement.range]), requirements: requirement.value,
                        scheme: requirement["scheme"]?.string ?? "", network: requirement["network"]?.string ?? ""))
                collector.add(try offer(from: requirement, version: version, resource: resource, answer: answer,
                                        collector: collector))
            } catch {
                collector.reject(label, error.reason)
            }
        }
    }

    private static func offer(from requirement: JSONNode, version: Int, resource: JSONNode?, answer: PaymentAnswer,
                              collector: OfferCollector) throws(FieldProblem) -> PaymentOffer {
        var notes: [String] = []
        let scheme = try requirement.requiredString("scheme")
        let writtenNetwork = try requirement.requiredString("network")
        let (network, knownNetwork) = try caip2(writtenNetwork, version: version)
        let amount = try requirement.amount(version == 2 ? "amount" : "maxAmountRequired")
        let asset = try requirement.requiredString("asset")
        let payTo = try requirement.requiredString("payTo")
        let maxTimeout = try requirement.optionalInteger("maxTimeoutSeconds", maximum: 366 * 86400)
        let extra = requirement["extra"].flatMap { $0.isObject ? $0 : nil }
        let isEVM = network.hasPrefix("eip155:")
        if isEVM {
            guard Networks.isEVMAddress(asset) else {
                throw FieldProblem("asset \(DisplayText.quoted(asset)) is not a token address")
            }
            guard Networks.isEVMAddress(payTo) else {
                throw FieldProblem("payTo \(DisplayText.quoted(payTo)) is not an address")
            }
        }

        // Decimals: what Penny knows for certain (its token table, currency codes) beats
        // the server's claim, which is used only when Penny knows nothing.
        let known = KnownAsset.find(network: network, address: asset)
        let claimedDecimals = try extra?.optionalInteger("decimals", maximum: AmountFormatter.maximumDecimals)
        let trustedDecimals = known?.decimals ?? (isEVM ? nil : CurrencyUnits.decimals(of: asset))
        if let trustedDecimals, let claimedDecimals, claimedDecimals != trustedDecimals {
            notes.append("The server says the asset has \(claimedDecimals) decimals; Penny knows it has \(trustedDecimals)")
        }

        let domainName = (try? extra?.optionalString("name")) ?? nil
        let domainVersion = (try? extra?.optionalString("version")) ?? nil
        var tokenDomain: TokenDomain?
        if isEVM, let chainID = Networks.evmChainID(of: network),
           let name = domainName ?? known?.domainName, let domainVersionValue = domainVersion ?? known?.domainVersion {
            tokenDomain = TokenDomain(name: name, version: domainVersionValue, chainID: chainID, verifyingContract: asset)
        }

        let transferMethod = (try? extra?.optionalString("assetTransferMethod")) ?? nil
        let signer: SignerSupport
        if scheme != "exact" {
            signer = .unavailable(reason: "Penny pays only the \"exact\" scheme, not \(DisplayText.quoted(scheme))")
        } else if !knownNetwork {
            signer = .unavailable(reason: "Penny does not know the network \(DisplayText.quoted(writtenNetwork))")
        } else if network.hasPrefix("solana:") {
            signer = .unavailable(reason: "Paying on Solana needs a Solana wallet, which Penny does not have")
        } else if !isEVM {
            signer = .unavailable(reason: "Penny has no signer for the network \(DisplayText.quoted(network))")
        } else if let transferMethod, transferMethod != "eip3009" {
            signer = .unavailable(reason: "Penny signs only EIP-3009 transfer authorizations, and this offer asks for \(DisplayText.quoted(transferMethod))")
        } else if tokenDomain == nil {
            signer = .unavailable(reason: "The offer does not give the token's EIP-712 name and version, and Penny does not know them")
        } else {
            signer = .evmTransferAuthorization
        }

        let statedResource = version == 2 ? resource?["url"]?.string : try requirement.optionalString("resource")
        let description = try requirement.optionalString("description") ?? resource?["description"]?.string
        let symbol = known?.symbol ?? (isEVM ? nil : CurrencyUnits.symbol(of: asset))
        return PaymentOffer(
            paymentProtocol: version == 2 ? .x402v2 : .x402v1,
            scheme: DisplayText.clean(scheme, limit: 40),
            method: Networks.method(of: network),
            network: DisplayText.clean(network, limit: 80),
            asset: DisplayText.clean(asset),
            amount: amount,
            decimals: trustedDecimals ?? claimedDecimals,
            assetSymbol: symbol,
            assetName: (domainName ?? known?.domainName).map { DisplayText.clean($0, limit: 60) },
            payee: DisplayText.clean(payTo),
            resource: collector.resource(statedResource, notes: &notes),
            description: description.flatMap { $0.isEmpty ? nil : DisplayText.clean($0, limit: DisplayText.messageLimit) },
            maxTimeoutSeconds: maxTimeout,
            tokenDomain: tokenDomain,
            answer: answer,
            signer: signer,
            notes: notes)
    }

    /// The CAIP-2 form of a network as written, and whether Penny recognises it.
    private static func caip2(_ written: String, version: Int) throws(FieldProblem) -> (String, Bool) {
        if Networks.isCAIP2(written) {
            return (written, true)
        }
        if let mapped = Networks.x402V1Names[written] {
            return (mapped, true)
        }
        // Version 1 names are open-ended: keep an unknown one as given, unpayable.
        if version == 1, Networks.isPlainName(written) {
            return (written, false)
        }
        throw FieldProblem("network \(DisplayText.quoted(written)) is not a known network or CAIP-2 chain id")
    }
}
