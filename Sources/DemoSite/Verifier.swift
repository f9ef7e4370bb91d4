import BigInt
import EVMSigning
import FoundationEssentials

/// A strict merchant's checks of one credential for one article, before settlement.
///
/// Everything received is untrusted: sizes are bounded before decoding, base64 and JSON
/// are decoded strictly, and every field is compared with what the site itself offers,
/// never with what the credential claims was offered.
struct Verifier {
    let site: SiteCore
    let article: Article
    let price: Price
    /// `127.0.0.1:PORT`.
    let realm: String
    let now: Int64

    /// An x402 v2 `PAYMENT-SIGNATURE` value.
    func x402V2(_ header: String) throws(Refusal) -> TransferAuthorization {
        let bytes = try decodeHeader(header, alphabet: .standard, name: "PAYMENT-SIGNATURE")
        guard let payload = CredentialJSON.decode(CredentialJSON.X402V2Payload.self, from: bytes) else {
            if let probe = CredentialJSON.decode(CredentialJSON.VersionProbe.self, from: bytes), probe.x402Version != 2 {
                throw Refusal(.unsupportedVersion, "x402Version \(probe.x402Version) in PAYMENT-SIGNATURE; this page speaks version 2")
            }
            throw Refusal(.malformed, "PAYMENT-SIGNATURE is not an x402 v2 payment payload with an exact EVM authorization")
        }
        guard payload.x402Version == 2 else {
            throw Refusal(.unsupportedVersion, "x402Version \(payload.x402Version) in PAYMENT-SIGNATURE; this page speaks version 2")
        }
        let accepted = payload.accepted
        guard accepted.scheme == "exact" else {
            throw Refusal(.wrongScheme, "scheme \(quoted(accepted.scheme)) is not offered; this page takes \"exact\"")
        }
        guard accepted.network == price.token.network else {
            throw Refusal(.wrongNetwork, "network \(quoted(accepted.network)) is not offered; this page takes \(price.token.network)")
        }
        guard accepted.asset.lowercased() == price.token.address.lowercased() else {
            throw Refusal(.requirementsMismatch, "asset \(quoted(accepted.asset)) is not the token this page is priced in")
        }
        let fields = try readAuthorization(payload.payload)
        let authorization = try AuthorizationCheck.check(fields, price: price, payee: site.payee, now: now)
        try checkAcceptedMatchesOffer(accepted, payer: fields.from)
        return authorization
    }

    /// An x402 v1 `X-PAYMENT` value.
    func x402V1(_ header: String) throws(Refusal) -> TransferAuthorization {
        let bytes = try decodeHeader(header, alphabet: .standard, name: "X-PAYMENT")
        guard let payload = CredentialJSON.decode(CredentialJSON.X402V1Payload.self, from: bytes) else {
            if let probe = CredentialJSON.decode(CredentialJSON.VersionProbe.self, from: bytes), probe.x402Version != 1 {
                throw Refusal(.unsupportedVersion, "x402Version \(probe.x402Version) in X-PAYMENT; this page speaks version 1")
            }
            throw Refusal(.malformed, "X-PAYMENT is not an x402 v1 payment payload with an exact EVM authorization")
        }
        guard payload.x402Version == 1 else {
            throw Refusal(.unsupportedVersion, "x402Version \(payload.x402Version) in X-PAYMENT; this page speaks version 1")
        }
        guard payload.scheme == "exact" else {
            throw Refusal(.wrongScheme, "scheme \(quoted(payload.scheme)) is not offered; this page takes \"exact\"")
        }
        guard payload.network == price.token.network else {
            throw Refusal(.wrongNetwork, "network \(quoted(payload.network)) is not offered; this page takes \(price.token.network)")
        }
        let fields = try readAuthorization(payload.payload)
        return try AuthorizationCheck.check(fields, price: price, payee: site.payee, now: now)
    }

    /// An `Authorization: Payment …` value.
    func paymentScheme(_ header: String) throws(Refusal) -> TransferAuthorization {
        guard header.utf8.count <= CredentialJSON.maximumHeaderBytes else {
            throw Refusal(.malformed, "the credential is larger than \(CredentialJSON.maximumHeaderBytes) bytes")
        }
        var token = Substring(header).drop { $0 != " " }
        while token.first == " " { token.removeFirst() }
        while token.last == " " { token.removeLast() }
        guard !token.isEmpty, let bytes = Base64Codec.decode(token, alphabet: .url) else {
            throw Refusal(.malformed, "the Payment credential is not base64url")
        }
        guard let credential = CredentialJSON.decode(CredentialJSON.PaymentCredential.self, from: bytes) else {
            throw Refusal(.malformed, "the Payment credential is not JSON with a challenge, an authorization payload and strings where strings belong")
        }
        let challenge = credential.challenge
        guard site.challenges.isGenuine(challenge, path: article.path) else {
            throw Refusal(.invalidChallenge, "the challenge was not issued by this site for this page, or one of its parameters was changed")
        }
        guard challenge.realm == realm else {
            throw Refusal(.invalidChallenge, "the challenge is for the realm \(quoted(challenge.realm)), not \(realm)")
        }
        guard challenge.method == PaymentChallenges.method, challenge.intent == PaymentChallenges.intent else {
            throw Refusal(.methodUnsupported, "only the evm method's charge intent is accepted here")
        }
        guard challenge.request == site.challenges.request(price) else {
            throw Refusal(.invalidChallenge, "the challenge's request is not this page's current price")
        }
        guard let expiresText = challenge.expires, let expires = RFC3339.parse(expiresText) else {
            throw Refusal(.invalidChallenge, "the challenge has no expiry this site wrote")
        }
        guard now < expires else {
            throw Refusal(.challengeExpired, "the challenge expired at \(expiresText); ask for a new one")
        }
        let payload = credential.payload
        guard payload.type == "authorization" else {
            throw Refusal(.methodUnsupported, "credential type \(quoted(payload.type)) is not accepted; send an \"authorization\"")
        }
        let fields = try AuthorizationCheck.read(
            from: payload.from, to: payload.to, value: payload.value, validAfter: payload.validAfter,
            validBefore: payload.validBefore, nonce: payload.nonce, signature: payload.signature)
        guard fields.nonce == EVMCharge.nonce(challengeID: challenge.id, realm: challenge.realm) else {
            throw Refusal(.nonceNotBound, "the authorization's nonce is not keccak256 of [\"<id>\",\"<realm>\"] for this challenge",
                          payer: fields.from)
        }
        let authorization = try AuthorizationCheck.check(fields, price: price, payee: site.payee, now: now,
                                                         latestValidBefore: expires)
        let expectedSource = EVMCharge.didPKH(chainId: price.token.chainID, address: fields.from)
        guard let source = credential.source, sourceMatches(source, expected: expectedSource, payer: fields.from) else {
            throw Refusal(.sourceMismatch, "source must be \(expectedSource), the did:pkh of the payer", payer: fields.from)
        }
        return authorization
    }

    // MARK: - Pieces

    private func decodeHeader(_ header: String, alphabet: Base64Codec.Alphabet, name: String) throws(Refusal) -> [UInt8] {
        guard header.utf8.count <= CredentialJSON.maximumHeaderBytes else {
            throw Refusal(.malformed, "\(name) is larger than \(CredentialJSON.maximumHeaderBytes) bytes")
        }
        guard let bytes = Base64Codec.decode(header, alphabet: alphabet) else {
            throw Refusal(.malformed, "\(name) is not base64")
        }
        return bytes
    }

    private func readAuthorization(_ payload: CredentialJSON.ExactPayload) throws(Refusal) -> AuthorizationCheck.Fields {
        let a = payload.authorization
        return try AuthorizationCheck.read(from: a.from, to: a.to, value: a.value, validAfter: a.validAfter,
                                           validBefore: a.validBefore, nonce: a.nonce, signature: payload.signature)
    }

    /// The rest of x402 v2's `accepted`: the requirements this site offers for this page, as it offers them.
    private func checkAcceptedMatchesOffer(_ accepted: CredentialJSON.Requirements, payer: EthereumAddress) throws(Refusal) {
        var mismatches: [String] = []
        if accepted.amount != String(price.amount) { mismatches.append("amount") }
        if (try? EthereumAddress(hex: accepted.payTo)) != site.payee { mismatches.append("payTo") }
        if accepted.maxTimeoutSeconds != X402Offers.maxTimeoutSeconds { mismatches.append("maxTimeoutSeconds") }
        let extra = accepted.extra ?? [:]
        if price.token.advertisesDomain {
            if extra["name"]?.string != price.token.domainName { mismatches.append("extra.name") }
            if extra["version"]?.string != price.token.domainVersion { mismatches.append("extra.version") }
        }
        if let method = extra["assetTransferMethod"], method != .string("eip3009") {
            mismatches.append("extra.assetTransferMethod")
        }
        guard mismatches.isEmpty else {
            throw Refusal(.requirementsMismatch,
                          "accepted does not match what this page offers (\(mismatches.joined(separator: ", ")))",
                          payer: payer)
        }
    }

    private func sourceMatches(_ source: String, expected: String, payer: EthereumAddress) -> Bool {
        if source == expected { return true }
        // The same DID with the address in another letter case names the same payer.
        let prefix = "did:pkh:eip155:\(price.token.chainID):"
        guard source.hasPrefix(prefix), let address = try? EthereumAddress(hex: String(source.dropFirst(prefix.count)))
        else { return false }
        return address == payer
    }

    private func quoted(_ text: String) -> String {
        let clean = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }.prefix(60).map(Character.init))
        return "\"" + clean + "\""
    }
}
