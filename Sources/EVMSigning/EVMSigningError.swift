/// Why a key, address, signature, hex string or EIP-712 value was refused.
///
/// Two errors are equal when they are the same kind of problem (`EVMSigningError.highS`,
/// `.invalidHex`, ...); `message` carries the details for a person to read.
public struct EVMSigningError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case invalidHex, wrongLength, invalidPrivateKey, invalidPublicKey, invalidSignature
        case invalidRecoveryID, highS, badChecksum, valueTooLarge
    }

    private let kind: Kind
    /// What is wrong, for a person to read. Never contains secret material.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    public static func == (lhs: EVMSigningError, rhs: EVMSigningError) -> Bool { lhs.kind == rhs.kind }
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }

    /// Text that is not hexadecimal, or has an odd number of digits.
    public static let invalidHex = EVMSigningError(.invalidHex, "not valid hexadecimal")
    /// A byte string of the wrong size (a 19-byte address, a 31-byte nonce, ...).
    public static let wrongLength = EVMSigningError(.wrongLength, "wrong length")
    /// 32 bytes that are not a secp256k1 secret key (zero, or not below the group order).
    public static let invalidPrivateKey = EVMSigningError(.invalidPrivateKey, "not a valid secp256k1 private key")
    /// Bytes that are not a point on secp256k1.
    public static let invalidPublicKey = EVMSigningError(.invalidPublicKey, "not a valid secp256k1 public key")
    /// r or s is zero or not below the group order.
    public static let invalidSignature = EVMSigningError(.invalidSignature, "not a valid secp256k1 signature")
    /// v is not 0, 1, 27 or 28.
    public static let invalidRecoveryID = EVMSigningError(.invalidRecoveryID, "v must be 27 or 28 (or 0 or 1)")
    /// s is above half the group order (malleable; EIP-2 and token contracts refuse it).
    public static let highS = EVMSigningError(.highS, "signature s is in the upper half of the curve order")
    /// A mixed-case address whose EIP-55 checksum does not match: probably mistyped.
    public static let badChecksum = EVMSigningError(.badChecksum, "address checksum (EIP-55) does not match")
    /// An integer above 2^256 - 1 where a uint256 is needed.
    public static let valueTooLarge = EVMSigningError(.valueTooLarge, "value does not fit in uint256")

    static func invalidHex(_ detail: String) -> EVMSigningError {
        EVMSigningError(.invalidHex, "not valid hexadecimal: \(detail)")
    }

    static func wrongLength(_ what: String, expected: Int, actual: Int) -> EVMSigningError {
        EVMSigningError(.wrongLength, "\(what) must be \(expected) bytes, not \(actual)")
    }

    static func valueTooLarge(_ what: String) -> EVMSigningError {
        EVMSigningError(.valueTooLarge, "\(what) does not fit in uint256")
    }
}
