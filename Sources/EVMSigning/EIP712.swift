import BigInt

/// One member value of an EIP-712 struct, with its Solidity type.
public enum EIP712Value: Sendable, Hashable {
    /// Encoded as 32 bytes big-endian; more than 2^256 - 1 is refused.
    case uint256(BigUInt)
    /// Left-padded with zeros to 32 bytes.
    case address(EthereumAddress)
    /// Exactly 32 bytes, as is.
    case bytes32([UInt8])
    /// Encoded as keccak256 of the UTF-8 bytes.
    case string(String)
    /// Encoded as keccak256 of the bytes.
    case bytes([UInt8])
    /// Encoded as the uint256 0 or 1.
    case bool(Bool)
}

/// The parts of EIP-712 typed-data hashing that EIP-3009 needs.
public enum EIP712 {
    /// The largest uint256.
    public static let maxUInt256: BigUInt = (BigUInt(1) << 256) - 1

    /// keccak256 of a type's encoding, such as `"Mail(address from,address to,string contents)"`.
    public static func typeHash(_ encodedType: String) -> [UInt8] { Keccak256.hash(encodedType) }

    /// The 32-byte `encodeData` word of one member value.
    public static func encode(_ value: EIP712Value) throws(EVMSigningError) -> [UInt8] {
        switch value {
        case .uint256(let number): return try word(number, what: "uint256")
        case .address(let address): return [UInt8](repeating: 0, count: 12) + address.rawBytes
        case .bytes32(let bytes):
            guard bytes.count == 32 else { throw .wrongLength("bytes32", expected: 32, actual: bytes.count) }
            return bytes
        case .string(let text): return Keccak256.hash(text)
        case .bytes(let bytes): return Keccak256.hash(bytes)
        case .bool(let flag): return [UInt8](repeating: 0, count: 31) + [flag ? 1 : 0]
        }
    }

    /// `hashStruct`: keccak256(typeHash ‖ encodeData(values in declaration order)).
    public static func hashStruct(typeHash: [UInt8], values: [EIP712Value]) throws(EVMSigningError) -> [UInt8] {
        var hasher = Keccak256()
        hasher.update(typeHash)
        for value in values { hasher.update(try encode(value)) }
        return hasher.finalize()
    }

    /// The digest to sign: keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ structHash).
    public static func digest(domainSeparator: [UInt8], structHash: [UInt8]) -> [UInt8] {
        var hasher = Keccak256()
        hasher.update([0x19, 0x01])
        hasher.update(domainSeparator)
        hasher.update(structHash)
        return hasher.finalize()
    }

    /// `number` as 32 bytes big-endian, or `valueTooLarge` above 2^256 - 1.
    static func word(_ number: BigUInt, what: String) throws(EVMSigningError) -> [UInt8] {
        guard number.bitWidth <= 256 else { throw .valueTooLarge(what) }
        var bytes = [UInt8](repeating: 0, count: 32)
        var index = 31
        for var word in number.words {
            for _ in 0..<(UInt.bitWidth / 8) where index >= 0 {
                bytes[index] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                index -= 1
            }
        }
        return bytes
    }
}

/// The EIP-712 domain `EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)`,
/// the one EIP-3009 tokens such as USDC sign in.
public struct EIP712Domain: Sendable, Hashable {
    /// The token's domain name, such as "USDC" (Base Sepolia) or "USD Coin" (Base).
    public let name: String
    /// The token's domain version, such as "2".
    public let version: String
    /// The chain, N from CAIP-2 `eip155:N`.
    public let chainId: BigUInt
    /// The token contract.
    public let verifyingContract: EthereumAddress

    /// keccak256 of `EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)`.
    public static let typeHash = EIP712.typeHash(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")

    /// Throws `valueTooLarge` when `chainId` does not fit in uint256.
    public init(
        name: String, version: String, chainId: BigUInt, verifyingContract: EthereumAddress
    ) throws(EVMSigningError) {
        guard chainId.bitWidth <= 256 else { throw .valueTooLarge("chainId") }
        self.name = name
        self.version = version
        self.chainId = chainId
        self.verifyingContract = verifyingContract
    }

    /// hashStruct(domain).
    public var separator: [UInt8] {
        // Cannot throw: chainId was range-checked by init.
        try! EIP712.hashStruct(typeHash: Self.typeHash, values: [
            .string(name), .string(version), .uint256(chainId), .address(verifyingContract),
        ])
    }
}
