import BigInt

/// Chain identifiers: CAIP-2 names, the plain names of x402 version 1, and EVM chain ids.
public enum Networks {
    /// x402 v1 network names and their CAIP-2 equivalents (from the x402 v1 SDKs).
    public static let x402V1Names: [String: String] = [
        "base": "eip155:8453",
        "base-sepolia": "eip155:84532",
        "ethereum": "eip155:1",
        "sepolia": "eip155:11155111",
        "avalanche": "eip155:43114",
        "avalanche-fuji": "eip155:43113",
        "polygon": "eip155:137",
        "polygon-amoy": "eip155:80002",
        "iotex": "eip155:4689",
        "sei": "eip155:1329",
        "sei-testnet": "eip155:1328",
        "solana": "solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp",
        "solana-devnet": "solana:EtWTRABZaYq6iMfeYKouRu166VU2xqa1",
    ]

    private static let displayNames: [String: String] = [
        "eip155:1": "Ethereum",
        "eip155:8453": "Base",
        "eip155:84532": "Base Sepolia",
        "eip155:11155111": "Sepolia",
        "eip155:31337": "local development chain",
        "eip155:137": "Polygon",
        "eip155:10": "Optimism",
        "eip155:42161": "Arbitrum",
        "solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp": "Solana",
        "solana:EtWTRABZaYq6iMfeYKouRu166VU2xqa1": "Solana Devnet",
    ]

    /// A readable name for a CAIP-2 chain ("Base Sepolia"), when Penny knows one.
    public static func displayName(of network: String) -> String? {
        displayNames[network]
    }

    /// Whether `text` is a CAIP-2 chain id: `namespace:reference` with the CAIP-2 alphabet.
    public static func isCAIP2(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let namespace = parts[0].utf8, reference = parts[1].utf8
        return (3...8).contains(namespace.count)
            && namespace.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
            && (1...32).contains(reference.count)
            && reference.allSatisfy { isLowerAlnum($0) || (0x41...0x5A).contains($0)
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// Whether `text` could be an x402 v1 plain network name (`base-sepolia`).
    static func isPlainName(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// The EVM chain id of an `eip155:N` network.
    public static func evmChainID(of network: String) -> BigUInt? {
        guard network.hasPrefix("eip155:") else { return nil }
        let digits = network.dropFirst("eip155:".count)
        guard !digits.isEmpty, digits.utf8.count <= 32, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        return BigUInt(String(digits))
    }

    /// Penny's family name for a chain's signing method: "evm" for eip155, "svm" for Solana.
    static func method(of network: String) -> String {
        let namespace = network.split(separator: ":", maxSplits: 1).first.map(String.init) ?? network
        switch namespace {
        case "eip155": return "evm"
        case "solana": return "svm"
        default: return namespace
        }
    }

    /// Whether `text` is an EVM address: `0x` and 40 hex digits.
    static func isEVMAddress(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == 42, text.hasPrefix("0x") || text.hasPrefix("0X") else { return false }
        return utf8.dropFirst(2).allSatisfy { (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) }
    }

    private static func isLowerAlnum(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
