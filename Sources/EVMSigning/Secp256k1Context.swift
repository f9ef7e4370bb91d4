import CSecp256k1

/// The one libsecp256k1 context the module uses, created and blinded once.
///
/// libsecp256k1 0.2.0 wants `SECP256K1_CONTEXT_NONE` (the old SIGN/VERIFY flags mean the
/// same). Its docs: a context may be used from several threads at once by every call that
/// takes a `const` context, and only `secp256k1_context_randomize` (and destroy) needs
/// exclusive access. So the context is randomised here, before it is shared, and never
/// again: signing and recovery need no lock.
final class Secp256k1Context: @unchecked Sendable {
    /// Created on first use (Swift initialises statics once, thread-safely) and never destroyed.
    static let shared = Secp256k1Context()

    let pointer: OpaquePointer

    private init() {
        guard let context = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE)) else {
            fatalError("secp256k1_context_create failed")
        }
        var seed = SecureRandom.bytes(32)
        let blinded = secp256k1_context_randomize(context, &seed)
        for i in seed.indices { seed[i] = 0 }
        precondition(blinded == 1, "secp256k1_context_randomize failed")
        pointer = context
    }
}

/// secp256k1's group order n, big-endian.
let curveOrder: [UInt8] = [
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
    0xBA, 0xAE, 0xDC, 0xE6, 0xAF, 0x48, 0xA0, 0x3B, 0xBF, 0xD2, 0x5E, 0x8C, 0xD0, 0x36, 0x41, 0x41,
]

/// n / 2 (rounded down), big-endian: the largest s a low-s signature may have.
let halfCurveOrder: [UInt8] = [
    0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0x5D, 0x57, 0x6E, 0x73, 0x57, 0xA4, 0x50, 0x1D, 0xDF, 0xE9, 0x2F, 0x46, 0x68, 0x1B, 0x20, 0xA0,
]

/// Compares two equal-length big-endian numbers.
func bigEndianLess(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    precondition(lhs.count == rhs.count)
    for (l, r) in zip(lhs, rhs) where l != r { return l < r }
    return false
}
