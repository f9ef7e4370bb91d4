/// A token Penny knows for certain: its symbol, decimals and EIP-712 signing domain.
///
/// Decimals from this table beat whatever a server claims, because a wrong decimals
/// value is how a price gets shown a million times too small.
public struct KnownAsset: Sendable, Hashable {
    /// CAIP-2 chain, e.g. "eip155:84532".
    public let network: String
    /// The token contract, checksummed.
    public let address: String
    public let symbol: String
    public let decimals: Int
    /// The `name` of the token's EIP-712 domain (what EIP-3009 signatures commit to).
    public let domainName: String
    /// The `version` of the token's EIP-712 domain.
    public let domainVersion: String

    public init(network: String, address: String, symbol: String, decimals: Int, domainName: String, domainVersion: String) {
        self.network = network
        self.address = address
        self.symbol = symbol
        self.decimals = decimals
        self.domainName = domainName
        self.domainVersion = domainVersion
    }
}

extension KnownAsset {
    /// USDC on Base.
    public static let usdcBase = KnownAsset(
        network: "eip155:8453", address: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
        symbol: "USDC", decimals: 6, domainName: "USD Coin", domainVersion: "2")
    /// USDC on Base Sepolia (testnet).
    public static let usdcBaseSepolia = KnownAsset(
        network: "eip155:84532", address: "0x036CbD53842c5426634e7929541eC2318f3dCF7e",
        symbol: "USDC", decimals: 6, domainName: "USDC", domainVersion: "2")
    /// USDC on Ethereum.
    public static let usdcEthereum = KnownAsset(
        network: "eip155:1", address: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
        symbol: "USDC", decimals: 6, domainName: "USD Coin", domainVersion: "2")
    /// USDC on Sepolia (testnet).
    public static let usdcSepolia = KnownAsset(
        network: "eip155:11155111", address: "0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238",
        symbol: "USDC", decimals: 6, domainName: "USDC", domainVersion: "2")

    /// The stand-in USDC of Penny's demo chain (chain id 31337, a local development chain).
    ///
    /// The address is the first contract a fresh Hardhat or Anvil node deploys from its
    /// first default account, so a demo that deploys its token first gets exactly this
    /// address. It exists on no public chain. The demo site must use these same values.
    public static let demoUSDC = KnownAsset(
        network: "eip155:31337", address: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        symbol: "USDC", decimals: 6, domainName: "USD Coin (demo)", domainVersion: "1")

    /// Every token Penny knows.
    public static let all: [KnownAsset] = [usdcBase, usdcBaseSepolia, usdcEthereum, usdcSepolia, demoUSDC]

    /// The known token at `address` on `network` (addresses compare ignoring case).
    public static func find(network: String, address: String) -> KnownAsset? {
        all.first { $0.network == network && $0.address.lowercased() == address.lowercased() }
    }
}

/// Minor units of the fiat and Bitcoin units that appear as an `asset` or `currency`.
enum CurrencyUnits {
    /// ISO 4217 minor units for the currencies a paywall is likely to name. Codes not
    /// listed get no decimals at all rather than a guess.
    private static let iso4217: [String: Int] = [
        "usd": 2, "eur": 2, "gbp": 2, "chf": 2, "cad": 2, "aud": 2, "nzd": 2, "sgd": 2, "hkd": 2,
        "sek": 2, "nok": 2, "dkk": 2, "pln": 2, "czk": 2, "mxn": 2, "brl": 2, "inr": 2, "cny": 2,
        "zar": 2, "try": 2, "ils": 2, "thb": 2, "php": 2, "myr": 2, "idr": 2,
        "jpy": 0, "krw": 0, "isk": 0, "vnd": 0, "clp": 0,
        "bhd": 3, "kwd": 3, "jod": 3, "omr": 3, "tnd": 3,
    ]

    /// Decimals of a currency code or Bitcoin unit ("usd" → 2, "sat" → 0), any case.
    static func decimals(of code: String) -> Int? {
        let lower = code.lowercased()
        if lower == "sat" || lower == "sats" || lower == "msat" { return 0 }
        return iso4217[lower]
    }

    /// The symbol shown after an amount: "USD" for "usd", "sat" for sats.
    static func symbol(of code: String) -> String? {
        let lower = code.lowercased()
        if lower == "sat" || lower == "sats" { return "sat" }
        if lower == "msat" { return "msat" }
        return iso4217[lower] == nil ? nil : code.uppercased()
    }
}
