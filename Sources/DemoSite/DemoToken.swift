import BigInt
import EVMSigning
import PaymentOffers

/// A token the site prices articles in, with the EIP-712 domain its authorizations are signed in.
struct DemoToken: Sendable {
    /// CAIP-2 chain, "eip155:31337".
    let network: String
    let chainID: BigUInt
    /// The contract as the offers write it.
    let address: String
    let contract: EthereumAddress
    let symbol: String
    let decimals: Int
    let domainName: String
    let domainVersion: String
    /// Whether x402 offers carry `extra: {name, version}`. Without it a client can only
    /// sign if it already knows the token.
    let advertisesDomain: Bool

    init(network: String, chainID: BigUInt, address: String, symbol: String, decimals: Int, domainName: String,
         domainVersion: String, advertisesDomain: Bool) {
        self.network = network
        self.chainID = chainID
        self.address = address
        // The two tokens below are constants; a typo is a programming error.
        self.contract = try! EthereumAddress(hex: address)
        self.symbol = symbol
        self.decimals = decimals
        self.domainName = domainName
        self.domainVersion = domainVersion
        self.advertisesDomain = advertisesDomain
    }

    var domain: EIP712Domain {
        // Cannot throw: chain id 31337 fits in uint256.
        try! EIP712Domain(name: domainName, version: domainVersion, chainId: chainID, verifyingContract: contract)
    }

    /// The demo chain's stand-in USDC, exactly as Penny's token table has it.
    static let demoUSDC = DemoToken(
        network: KnownAsset.demoUSDC.network, chainID: 31337, address: KnownAsset.demoUSDC.address,
        symbol: KnownAsset.demoUSDC.symbol, decimals: KnownAsset.demoUSDC.decimals,
        domainName: KnownAsset.demoUSDC.domainName, domainVersion: KnownAsset.demoUSDC.domainVersion,
        advertisesDomain: true)

    /// A made-up token on the same chain that no wallet knows: 18 decimals, and offers
    /// that do not say its EIP-712 name and version. The site knows them; clients cannot.
    static let gadgetCredits = DemoToken(
        network: "eip155:31337", chainID: 31337, address: "0x7a1e5c0ffee0000000000000000000000000d00d",
        symbol: "GDGT", decimals: 18, domainName: "Gadget Credits", domainVersion: "1", advertisesDomain: false)

    /// `amount` base units for people: "0.01 USDC".
    func format(_ amount: BigUInt) -> String {
        let digits = String(amount)
        guard decimals > 0 else { return digits + " " + symbol }
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let whole = padded.dropLast(decimals)
        var fraction = String(padded.suffix(decimals))
        while fraction.count > 2, fraction.hasSuffix("0") { fraction.removeLast() }
        return whole + "." + fraction + " " + symbol
    }
}
