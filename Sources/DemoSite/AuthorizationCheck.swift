import BigInt
import EVMSigning

/// The checks every credential goes through, whatever protocol carried it: the EIP-3009
/// authorization must pay this site exactly the price, be valid now and not for long,
/// and be signed by its `from` in the token's EIP-712 domain.
enum AuthorizationCheck {
    /// How far ahead a `validBefore` may be: an hour.
    static let longestValidity: Int64 = 3600

    /// The authorization's fields, read strictly from their wire text.
    struct Fields {
        let from: EthereumAddress
        let to: EthereumAddress
        let value: BigUInt
        let validAfter: BigUInt
        let validBefore: BigUInt
        let nonce: [UInt8]
        let signature: Signature
    }

    static func read(from: String, to: String, value: String, validAfter: String, validBefore: String, nonce: String,
                     signature: String) throws(Refusal) -> Fields {
        func address(_ text: String, _ name: String) throws(Refusal) -> EthereumAddress {
            guard text.utf8.count == 42, text.hasPrefix("0x"), let address = try? EthereumAddress(hex: text) else {
                throw Refusal(.malformed, "\(name) is not an address (0x and 40 hex digits, with a valid checksum if mixed case)")
            }
            return address
        }
        let fromAddress = try address(from, "from")
        let toAddress = try address(to, "to")
        let valueNumber = try uint256(value, "value")
        let after = try uint256(validAfter, "validAfter")
        let before = try uint256(validBefore, "validBefore")
        guard nonce.utf8.count == 66, nonce.hasPrefix("0x"), let nonceBytes = try? Hex.decode(nonce), nonceBytes.count == 32
        else {
            throw Refusal(.malformed, "nonce is not 32 bytes of 0x-hex", payer: fromAddress)
        }
        guard signature.utf8.count == 132, signature.hasPrefix("0x") else {
            throw Refusal(.malformed, "signature is not 65 bytes of 0x-hex", payer: fromAddress)
        }
        let parsedSignature: Signature
        do {
            parsedSignature = try Signature(hex: signature)
        } catch {
            throw Refusal(.malformed, "signature cannot be used: \(error.message)", payer: fromAddress)
        }
        return Fields(from: fromAddress, to: toAddress, value: valueNumber, validAfter: after, validBefore: before,
                      nonce: nonceBytes, signature: parsedSignature)
    }

    /// A uint256 written as a decimal string without sign or leading zeros.
    static func uint256(_ text: String, _ name: String) throws(Refusal) -> BigUInt {
        let digits = text.utf8
        guard (1...78).contains(digits.count), digits.allSatisfy({ (0x30...0x39).contains($0) }),
              digits.count == 1 || digits.first != UInt8(ascii: "0"), let number = BigUInt(text),
              number.bitWidth <= 256
        else {
            throw Refusal(.malformed, "\(name) is not a decimal uint256")
        }
        return number
    }

    /// Checks `fields` against what the site asks for; returns the signed authorization.
    ///
    /// `latestValidBefore` is a further limit (the Payment challenge's expiry).
    static func check(_ fields: Fields, price: Price, payee: EthereumAddress, now: Int64,
                      latestValidBefore: Int64? = nil) throws(Refusal) -> TransferAuthorization {
        let payer = fields.from
        guard fields.to == payee else {
            throw Refusal(.recipientMismatch, "the authorization pays \(fields.to), not this site (\(payee))", payer: payer)
        }
        guard fields.value == price.amount else {
            let tooLow = fields.value < price.amount
            throw Refusal(.valueMismatch(tooLow: tooLow),
                          "the authorization is for \(fields.value) base units; this page costs exactly \(price.amount)",
                          payer: payer)
        }
        guard fields.validAfter <= BigUInt(max(now, 0)) else {
            throw Refusal(.notYetValid, "the authorization is not valid before \(fields.validAfter)", payer: payer)
        }
        guard fields.validBefore > BigUInt(max(now, 0)) else {
            throw Refusal(.authorizationExpired, "the authorization expired at \(fields.validBefore)", payer: payer)
        }
        var latest = now + longestValidity
        if let latestValidBefore { latest = min(latest, latestValidBefore) }
        guard fields.validBefore <= BigUInt(max(latest, 0)) else {
            throw Refusal(.validityTooLong,
                          "validBefore \(fields.validBefore) is later than this site allows (\(latest))", payer: payer)
        }
        let authorization: TransferAuthorization
        do {
            authorization = try TransferAuthorization(from: fields.from, to: fields.to, value: fields.value,
                                                      validAfter: fields.validAfter, validBefore: fields.validBefore,
                                                      nonce: fields.nonce)
        } catch {
            throw Refusal(.malformed, "the authorization cannot be encoded: \(error.message)", payer: payer)
        }
        guard authorization.recoverSigner(signature: fields.signature, domain: price.token.domain) == fields.from else {
            throw Refusal(.badSignature,
                          "the signature was not made by \(fields.from) over this authorization for \(price.token.domainName) on chain \(price.token.chainID)",
                          payer: payer)
        }
        return authorization
    }
}
