/// Keccak-256 as Ethereum uses it: the original Keccak padding (0x01), not SHA3-256's (0x06).
///
/// Use `Keccak256.hash(_:)` for whole inputs, or feed pieces with `update` and read the
/// digest with `finalize()`.
public struct Keccak256: Sendable {
    /// Bytes absorbed per permutation: 1600 - 2 × 256 bits.
    static let rate = 136

    private var state = [UInt64](repeating: 0, count: 25)
    private var block = [UInt8](repeating: 0, count: Keccak256.rate)
    private var blockCount = 0
    private let padding: UInt8

    /// A hasher with no input yet.
    public init() { self.init(padding: 0x01) }

    /// A sponge with another domain padding byte: 0x06 gives SHA3-256 (for cross-checks in tests).
    init(padding: UInt8) { self.padding = padding }

    /// The 32-byte Keccak-256 digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = Keccak256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The 32-byte Keccak-256 digest of `text`'s UTF-8 bytes.
    public static func hash(_ text: String) -> [UInt8] { hash(Array(text.utf8)) }

    /// Absorbs more input.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(buffer: $0) }
        if done != nil { return }
        for byte in bytes {
            block[blockCount] = byte
            blockCount += 1
            if blockCount == Self.rate {
                absorbBlock()
                blockCount = 0
            }
        }
    }

    /// Fills the pending block from contiguous input, absorbing each block as it fills.
    private mutating func update(buffer: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < buffer.count {
            let take = min(Self.rate - blockCount, buffer.count - offset)
            let start = blockCount, from = offset
            block.withUnsafeMutableBufferPointer { block in
                for i in 0..<take { block[start + i] = buffer[from + i] }
            }
            blockCount += take
            offset += take
            if blockCount == Self.rate {
                absorbBlock()
                blockCount = 0
            }
        }
    }

    /// Pads, and returns the 32-byte digest. The hasher is left finished: start a new one for more.
    public mutating func finalize() -> [UInt8] {
        for i in blockCount..<Self.rate { block[i] = 0 }
        block[blockCount] ^= padding
        block[Self.rate - 1] ^= 0x80
        absorbBlock()
        blockCount = 0
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for lane in state[0..<4] {
            for shift in stride(from: 0, to: 64, by: 8) {
                digest.append(UInt8(truncatingIfNeeded: lane >> UInt64(shift)))
            }
        }
        return digest
    }

    private mutating func absorbBlock() {
        block.withUnsafeBufferPointer { bytes in
            state.withUnsafeMutableBufferPointer { lanes in
                for i in 0..<(Self.rate / 8) {
                    var lane: UInt64 = 0
                    for j in 0..<8 { lane |= UInt64(bytes[8 * i + j]) << UInt64(8 * j) }
                    lanes[i] ^= lane
                }
                Self.permute(lanes)
            }
        }
    }

    private static let roundConstants: [UInt64] = [
        0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A, 0x8000_0000_8000_8000,
        0x0000_0000_0000_808B, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
        0x0000_0000_0000_008A, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
        0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
        0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800A, 0x8000_0000_8000_000A,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]

    /// Rotation offsets (rho), indexed by x + 5y.
    private static let rotations: [UInt64] = [
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    ]

    @inline(__always)
    private static func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 { n == 0 ? x : (x << n) | (x >> (64 - n)) }

    /// Keccak-f[1600]: 24 rounds of theta, rho, pi, chi and iota over lanes a[x + 5y].
    private static func permute(_ a: UnsafeMutableBufferPointer<UInt64>) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 30) { scratch in
            let b = UnsafeMutableBufferPointer(rebasing: scratch[0..<25])
            let c = UnsafeMutableBufferPointer(rebasing: scratch[25..<30])
            for round in 0..<24 {
                for x in 0..<5 { c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] }
                for x in 0..<5 {
                    let d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1)
                    for y in stride(from: 0, to: 25, by: 5) { a[x + y] ^= d }
                }
                for x in 0..<5 {
                    for y in 0..<5 {
                        b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y], rotations[x + 5 * y])
                    }
                }
                for y in stride(from: 0, to: 25, by: 5) {
                    for x in 0..<5 { a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]) }
                }
                a[0] ^= roundConstants[round]
            }
        }
    }
}
