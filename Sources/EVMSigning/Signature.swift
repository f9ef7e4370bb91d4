/// A 65-byte Ethereum signature, `r ‖ s ‖ v`, with low s and v = 27 or 28.
public struct Signature: Sendable, Hashable, CustomStringConvertible {
    /// 32 bytes, big-endian.
    public let r: [UInt8]
    /// 32 bytes, big-endian, at most half the curve order.
    public let s: [UInt8]
    /// 0 or 1: which of the two candidate points signed.
    public let recoveryID: UInt8

    /// `r ‖ s` from libsecp256k1, already low-s.
    init(unchecked compact: [UInt8], recoveryID: UInt8) {
        r = Array(compact[0..<32])
        s = Array(compact[32..<64])
        self.recoveryID = recoveryID
    }

    /// A signature from its parts; `v` may be 27/28 or 0/1.
    ///
    /// Throws for r or s out of range, a high s (malleable: EIP-2, and USDC's EIP-3009
    /// contract, refuse it), and any other v (such as EIP-155's `chainId * 2 + 35`).
    public init(r: [UInt8], s: [UInt8], v: UInt8) throws(EVMSigningError) {
        guard r.count == 32 else { throw .wrongLength("signature r", expected: 32, actual: r.count) }
        guard s.count == 32 else { throw .wrongLength("signature s", expected: 32, actual: s.count) }
        let zero = [UInt8](repeating: 0, count: 32)
        guard r != zero, s != zero, bigEndianLess(r, curveOrder), bigEndianLess(s, curveOrder) else {
            throw .invalidSignature
        }
        guard !bigEndianLess(halfCurveOrder, s) else { throw .highS }
        switch v {
        case 0, 1: recoveryID = v
        case 27, 28: recoveryID = v - 27
        default: throw .invalidRecoveryID
        }
        self.r = r
        self.s = s
    }

    /// Parses the 65 bytes `r ‖ s ‖ v` (see `init(r:s:v:)`).
    public init(rawBytes: [UInt8]) throws(EVMSigningError) {
        guard rawBytes.count == 65 else { throw .wrongLength("signature", expected: 65, actual: rawBytes.count) }
        try self.init(r: Array(rawBytes[0..<32]), s: Array(rawBytes[32..<64]), v: rawBytes[64])
    }

    /// Parses 130 hex digits, with or without `0x`.
    public init(hex: String) throws(EVMSigningError) {
        try self.init(rawBytes: Hex.decode(hex, count: 65, what: "signature"))
    }

    /// 27 or 28.
    public var v: UInt8 { 27 + recoveryID }

    /// `r ‖ s ‖ v`, 65 bytes.
    public var rawBytes: [UInt8] { r + s + [v] }

    /// `0x` and 130 lower-case hex digits, as x402 and the Payment scheme send it.
    public var description: String { Hex.encode(rawBytes) }
}
