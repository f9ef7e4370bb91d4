/// Conversion between bytes and hexadecimal text as Ethereum writes it (`0x` + lower case).
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hex of `bytes`, with a `0x` prefix unless `prefix` is false.
    public static func encode(_ bytes: some Sequence<UInt8>, prefix: Bool = true) -> String {
        var utf8: [UInt8] = prefix ? [0x30, 0x78] : []
        utf8.reserveCapacity(utf8.count + bytes.underestimatedCount * 2)
        for byte in bytes {
            utf8.append(digits[Int(byte >> 4)])
            utf8.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The bytes of hex text, with or without a `0x`/`0X` prefix, in either case.
    ///
    /// Throws `EVMSigningError.invalidHex` for any other character or an odd number of digits.
    public static func decode(_ text: some StringProtocol) throws(EVMSigningError) -> [UInt8] {
        var utf8 = Substring(text).utf8[...]
        if utf8.count >= 2, utf8.first == 0x30, let x = utf8.dropFirst().first, x == 0x78 || x == 0x58 {
            utf8 = utf8.dropFirst(2)
        }
        guard utf8.count % 2 == 0 else { throw .invalidHex("odd number of digits") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var high: UInt8? = nil
        for unit in utf8 {
            guard let nibble = nibble(unit) else { throw .invalidHex("unexpected character") }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    /// Like `decode`, but requires exactly `count` bytes.
    static func decode(_ text: some StringProtocol, count: Int, what: String) throws(EVMSigningError) -> [UInt8] {
        let bytes = try decode(text)
        guard bytes.count == count else { throw .wrongLength(what, expected: count, actual: bytes.count) }
        return bytes
    }

    static func nibble(_ unit: UInt8) -> UInt8? {
        switch unit {
        case 0x30...0x39: unit - 0x30
        case 0x61...0x66: unit - 0x61 + 10
        case 0x41...0x46: unit - 0x41 + 10
        default: nil
        }
    }
}
