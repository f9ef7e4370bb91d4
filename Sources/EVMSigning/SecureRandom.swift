/// Bytes from the operating system's cryptographically secure random source.
///
/// Uses the standard library's `SystemRandomNumberGenerator`, which reads `getrandom(2)`
/// (or `/dev/urandom` where that is missing) on Linux and `arc4random_buf` on Apple
/// platforms, and stops the program rather than return weak bytes.
public enum SecureRandom {
    /// `count` random bytes, for keys, EIP-3009 nonces and context blinding.
    public static func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0, "negative byte count")
        var generator = SystemRandomNumberGenerator()
        var result: [UInt8] = []
        result.reserveCapacity(count + 7)
        while result.count < count {
            var word = generator.next()
            for _ in 0..<8 {
                result.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        result.removeLast(result.count - count)
        return result
    }
}
