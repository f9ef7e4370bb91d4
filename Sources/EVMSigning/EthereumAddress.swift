/// A 20-byte Ethereum account address. Equal when the bytes are, whatever the letter case.
///
/// `description` is the EIP-55 checksummed form, `0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A`.
public struct EthereumAddress: Sendable, Hashable, CustomStringConvertible, Codable {
    /// The 20 bytes.
    public let rawBytes: [UInt8]

    init(unchecked rawBytes: [UInt8]) { self.rawBytes = rawBytes }

    /// An address from its 20 bytes.
    public init(rawBytes: [UInt8]) throws(EVMSigningError) {
        guard rawBytes.count == 20 else { throw .wrongLength("address", expected: 20, actual: rawBytes.count) }
        self.rawBytes = rawBytes
    }

    /// Parses 40 hex digits, with or without `0x`.
    ///
    /// All lower case or all upper case is accepted as is; mixed case must carry a valid
    /// EIP-55 checksum (as ethers and viem require), since a mismatch means a typo.
    public init(hex: String) throws(EVMSigningError) {
        let bytes = try Hex.decode(hex, count: 20, what: "address")
        self.init(unchecked: bytes)
        let digits = Self.stripPrefix(hex)
        let hasLower = digits.contains { $0.isLowercase }
        let hasUpper = digits.contains { $0.isUppercase }
        if hasLower && hasUpper && digits != Self.checksummedDigits(bytes) { throw .badChecksum }
    }

    /// Whether `text` is an address written with a correct EIP-55 checksum (exact letter case).
    public static func hasValidChecksum(_ text: String) -> Bool {
        guard let bytes = try? Hex.decode(text, count: 20, what: "address") else { return false }
        return stripPrefix(text) == checksummedDigits(bytes)
    }

    /// `0x` and the EIP-55 mixed-case hex.
    public var checksummed: String { "0x" + Self.checksummedDigits(rawBytes) }

    /// `0x` and lower-case hex.
    public var lowercaseHex: String { Hex.encode(rawBytes) }

    public var description: String { checksummed }

    /// EIP-55: upper-case the hex letters whose nibble in keccak256(lower-case hex) is 8 or more.
    private static func checksummedDigits(_ bytes: [UInt8]) -> String {
        let lower = Array(Hex.encode(bytes, prefix: false).utf8)
        let hash = Keccak256.hash(lower)
        var out = lower
        for i in out.indices where out[i] >= 0x61 {
            let nibble = i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0x0f
            if nibble >= 8 { out[i] -= 0x20 }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func stripPrefix(_ text: String) -> Substring {
        text.hasPrefix("0x") || text.hasPrefix("0X") ? text.dropFirst(2) : text[...]
    }

    /// Decodes from a hex string (see `init(hex:)`).
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(hex: text)
    }

    /// Encodes as the checksummed string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(checksummed)
    }
}
