@testable import EVMSigning

/// SplitMix64: a small seeded generator, so property tests are reproducible.
/// (Production keys come from `SecureRandom`; this only drives the tests.)
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &self) } }
}

/// Hex text to bytes, for literals in tests.
func bytes(_ hex: String) -> [UInt8] { try! Hex.decode(hex) }

/// The spec's test key, 32 bytes of 0x11.
let testKey = try! PrivateKey(rawBytes: [UInt8](repeating: 0x11, count: 32))
