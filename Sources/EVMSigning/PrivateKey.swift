import CSecp256k1
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A secp256k1 private key: 32 secret bytes. Never printed; `description` is redacted.
///
/// Make one with `PrivateKey.generate()` (secure random), or restore one the wallet stored
/// with `PrivateKey(rawBytes:)`.
public struct PrivateKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let secret: SecretBytes
    /// The matching public key, derived once.
    public let publicKey: PublicKey

    /// Restores a key from its 32 bytes; throws if they are zero or not below the curve order.
    public init(rawBytes: [UInt8]) throws(EVMSigningError) {
        guard rawBytes.count == 32 else { throw .wrongLength("private key", expected: 32, actual: rawBytes.count) }
        let context = Secp256k1Context.shared.pointer
        guard secp256k1_ec_seckey_verify(context, rawBytes) == 1 else { throw .invalidPrivateKey }
        var pubkey = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_create(context, &pubkey, rawBytes) == 1 else { throw .invalidPrivateKey }
        secret = SecretBytes(rawBytes)
        publicKey = PublicKey(pubkey)
    }

    /// Restores a key from 64 hex digits (with or without `0x`).
    public init(hex: String) throws(EVMSigningError) {
        var bytes = try Hex.decode(hex, count: 32, what: "private key")
        defer { for i in bytes.indices { bytes[i] = 0 } }
        try self.init(rawBytes: bytes)
    }

    /// A new key from the system's secure random source.
    public static func generate() -> PrivateKey {
        while true {
            var candidate = SecureRandom.bytes(32)
            defer { for i in candidate.indices { candidate[i] = 0 } }
            // A random 32-byte string is out of range with probability about 2^-128.
            if let key = try? PrivateKey(rawBytes: candidate) { return key }
        }
    }

    /// The 32 secret bytes, for the wallet to store. Handle with care.
    public var rawBytes: [UInt8] { secret.bytes }

    /// The account this key controls.
    public var address: EthereumAddress { publicKey.address }

    /// Signs a 32-byte digest: RFC 6979 deterministic nonce, low s, `v` = 27 + recovery id.
    ///
    /// `digest` must be exactly 32 bytes (a Keccak-256 hash); anything else is a programming error.
    public func sign(digest: [UInt8]) -> Signature {
        precondition(digest.count == 32, "a signing digest must be 32 bytes")
        let context = Secp256k1Context.shared.pointer
        var signature = secp256k1_ecdsa_recoverable_signature()
        let signed = secret.withBytes { secp256k1_ecdsa_sign_recoverable(context, &signature, digest, $0, nil, nil) }
        // Only fails for an invalid key, which init already refused.
        precondition(signed == 1, "secp256k1_ecdsa_sign_recoverable failed")
        var compact = [UInt8](repeating: 0, count: 64)
        var recoveryID: Int32 = 0
        _ = secp256k1_ecdsa_recoverable_signature_serialize_compact(context, &compact, &recoveryID, &signature)
        // Ids 2 and 3 mean the nonce point's x was at least n (probability about 2^-127);
        // Ethereum's v cannot express them.
        precondition(recoveryID == 0 || recoveryID == 1, "unexpected recovery id \(recoveryID)")
        return Signature(unchecked: compact, recoveryID: UInt8(recoveryID))
    }

    /// Constant-time comparison of the secret bytes.
    public static func == (lhs: PrivateKey, rhs: PrivateKey) -> Bool {
        lhs.secret.withBytes { l in
            rhs.secret.withBytes { r in
                var difference: UInt8 = 0
                for i in 0..<32 { difference |= l[i] ^ r[i] }
                return difference == 0
            }
        }
    }

    public var description: String { "PrivateKey(redacted, address: \(address))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["address": address]) }
}

/// Secret bytes in memory of their own, zeroed when the last copy of the key goes away.
private final class SecretBytes: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<UInt8>

    init(_ bytes: [UInt8]) {
        storage = .allocate(capacity: bytes.count)
        _ = storage.initialize(from: bytes)
    }

    deinit {
        // A wipe the optimiser may not drop as a dead store.
        #if canImport(Glibc)
        explicit_bzero(storage.baseAddress!, storage.count)
        #elseif canImport(Darwin)
        _ = memset_s(storage.baseAddress!, storage.count, 0, storage.count)
        #else
        for i in storage.indices { storage[i] = 0 }
        #endif
        storage.deallocate()
    }

    var bytes: [UInt8] { Array(storage) }

    func withBytes<Result>(_ body: (UnsafePointer<UInt8>) -> Result) -> Result {
        body(UnsafePointer(storage.baseAddress!))
    }
}
