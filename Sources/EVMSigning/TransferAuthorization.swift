import BigInt

/// An EIP-3009 `TransferWithAuthorization`: what x402's "exact" EVM scheme and the Payment
/// scheme's `evm` charge have the payer sign.
public struct TransferAuthorization: Sendable, Hashable {
    /// The payer, who signs.
    public let from: EthereumAddress
    /// The payee.
    public let to: EthereumAddress
    /// Atomic units of the token.
    public let value: BigUInt
    /// Unix time the authorization becomes valid after (clients send 0).
    public let validAfter: BigUInt
    /// Unix time the authorization expires at.
    public let validBefore: BigUInt
    /// 32 bytes: random for x402, bound to the challenge for the Payment scheme.
    public let nonce: [UInt8]

    /// `TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)`.
    public static let encodedType =
        "TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"
    /// keccak256 of `encodedType`.
    public static let typeHash = EIP712.typeHash(encodedType)

    /// Throws `valueTooLarge` for a number above 2^256 - 1 and `wrongLength` for a nonce not 32 bytes.
    public init(
        from: EthereumAddress, to: EthereumAddress, value: BigUInt, validAfter: BigUInt, validBefore: BigUInt,
        nonce: [UInt8]
    ) throws(EVMSigningError) {
        guard value.bitWidth <= 256 else { throw .valueTooLarge("value") }
        guard validAfter.bitWidth <= 256 else { throw .valueTooLarge("validAfter") }
        guard validBefore.bitWidth <= 256 else { throw .valueTooLarge("validBefore") }
        guard nonce.count == 32 else { throw .wrongLength("nonce", expected: 32, actual: nonce.count) }
        self.from = from
        self.to = to
        self.value = value
        self.validAfter = validAfter
        self.validBefore = validBefore
        self.nonce = nonce
    }

    /// 32 bytes from the secure random source, for an x402 authorization's nonce.
    public static func randomNonce() -> [UInt8] { SecureRandom.bytes(32) }

    /// hashStruct(TransferWithAuthorization).
    public var structHash: [UInt8] {
        // Cannot throw: init range-checked every member.
        try! EIP712.hashStruct(typeHash: Self.typeHash, values: [
            .address(from), .address(to), .uint256(value), .uint256(validAfter), .uint256(validBefore),
            .bytes32(nonce),
        ])
    }

    /// The EIP-712 digest to sign in `domain`.
    public func digest(domain: EIP712Domain) -> [UInt8] {
        EIP712.digest(domainSeparator: domain.separator, structHash: structHash)
    }

    /// Signs with `key`. The caller makes sure `key` is the one for `from`.
    public func sign(with key: PrivateKey, domain: EIP712Domain) -> Signature {
        key.sign(digest: digest(domain: domain))
    }

    /// The address that signed this authorization, or nil when none could have.
    public func recoverSigner(signature: Signature, domain: EIP712Domain) -> EthereumAddress? {
        recoverAddress(digest: digest(domain: domain), signature: signature)
    }

    /// Whether `signature` was made by `from` over this authorization in `domain`.
    public func isSignedByPayer(_ signature: Signature, domain: EIP712Domain) -> Bool {
        recoverSigner(signature: signature, domain: domain) == from
    }
}
