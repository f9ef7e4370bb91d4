import CSecp256k1

/// A secp256k1 public key (a curve point), kept in its 65-byte uncompressed form.
public struct PublicKey: Sendable, Hashable, CustomStringConvertible {
    /// `0x04 ‖ X ‖ Y`, 65 bytes.
    public let uncompressed: [UInt8]

    init(_ pubkey: secp256k1_pubkey) {
        var pubkey = pubkey
        var output = [UInt8](repeating: 0, count: 65)
        var length = 65
        _ = secp256k1_ec_pubkey_serialize(
            Secp256k1Context.shared.pointer, &output, &length, &pubkey, UInt32(SECP256K1_EC_UNCOMPRESSED))
        uncompressed = output
    }

    /// Parses a 33-byte compressed or 65-byte uncompressed key; throws if it is not on the curve.
    public init(bytes: [UInt8]) throws(EVMSigningError) {
        guard bytes.count == 33 || bytes.count == 65 else {
            throw .wrongLength("public key", expected: 65, actual: bytes.count)
        }
        var pubkey = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_parse(Secp256k1Context.shared.pointer, &pubkey, bytes, bytes.count) == 1 else {
            throw .invalidPublicKey
        }
        self.init(pubkey)
    }

    /// Parses a hex compressed or uncompressed key.
    public init(hex: String) throws(EVMSigningError) {
        try self.init(bytes: Hex.decode(hex))
    }

    /// The public key that signed `digest`, or nil when the signature fits no key.
    public static func recover(digest: [UInt8], signature: Signature) -> PublicKey? {
        guard digest.count == 32 else { return nil }
        let context = Secp256k1Context.shared.pointer
        var recoverable = secp256k1_ecdsa_recoverable_signature()
        guard secp256k1_ecdsa_recoverable_signature_parse_compact(
            context, &recoverable, signature.r + signature.s, Int32(signature.recoveryID)) == 1
        else { return nil }
        var pubkey = secp256k1_pubkey()
        guard secp256k1_ecdsa_recover(context, &pubkey, &recoverable, digest) == 1 else { return nil }
        return PublicKey(pubkey)
    }

    /// `0x02`/`0x03` ‖ X, 33 bytes.
    public var compressed: [UInt8] {
        [0x02 | (uncompressed[64] & 1)] + uncompressed[1...32]
    }

    /// The Ethereum account: the last 20 bytes of keccak256(X ‖ Y).
    public var address: EthereumAddress {
        EthereumAddress(unchecked: Array(Keccak256.hash(uncompressed[1...]).suffix(20)))
    }

    /// The uncompressed key in hex.
    public var description: String { Hex.encode(uncompressed) }
}

/// The address that signed `digest` with `signature`, or nil when no key could have.
///
/// A wrong digest or a tampered signature usually recovers some other address: compare the
/// result with the expected signer.
public func recoverAddress(digest: [UInt8], signature: Signature) -> EthereumAddress? {
    PublicKey.recover(digest: digest, signature: signature)?.address
}
