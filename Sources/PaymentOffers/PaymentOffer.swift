import BigInt
import FoundationEssentials

/// One way a 402 response offers to be paid.
///
/// The descriptive fields are for people: sanitized and length-limited. What is needed
/// to actually answer the offer sits, exact and unsanitized, in `answer`.
public struct PaymentOffer: Sendable, Hashable {
    /// Which protocol carried the offer.
    public var paymentProtocol: PaymentProtocol
    /// The x402 scheme ("exact") or Payment intent ("charge"); "l402", "cashu",
    /// "crawler-price" or "stated-price" for the others.
    public var scheme: String
    /// How value moves: "evm", "svm", "lightning", "cashu", "stripe", ...
    public var method: String
    /// The chain, CAIP-2 where known ("eip155:84532"); a Lightning network name
    /// ("bitcoin", "testnet", "regtest", "signet"); nil when the offer names none.
    public var network: String?
    /// The token contract or currency code, as given.
    public var asset: String?
    /// The price in the asset's base units; nil when the offer does not state it.
    public var amount: BigUInt?
    /// How many decimals the asset has, when known for certain; never guessed.
    public var decimals: Int?
    /// "USDC", "USD", "sat", when known.
    public var assetSymbol: String?
    /// A longer name of the asset when the server gives one (x402's `extra.name`).
    public var assetName: String?
    /// Who gets paid: an address, account or node, as given.
    public var payee: String?
    /// The URL the payment is for.
    public var resource: String?
    /// What the server says the payment is for.
    public var description: String?
    /// When the offer expires (the Payment scheme's `expires`).
    public var expires: Date?
    /// How long a signed answer stays valid (x402's `maxTimeoutSeconds`).
    public var maxTimeoutSeconds: Int?
    /// The EIP-712 domain to sign in, for EVM token offers when known.
    public var tokenDomain: TokenDomain?
    /// The exact data needed to answer the offer.
    public var answer: PaymentAnswer
    /// Whether Penny can sign an answer at all.
    public var signer: SignerSupport
    /// Warnings about the offer, e.g. a server's decimals that Penny overrode.
    public var notes: [String]

    public init(paymentProtocol: PaymentProtocol, scheme: String, method: String, network: String? = nil,
                asset: String? = nil, amount: BigUInt? = nil, decimals: Int? = nil, assetSymbol: String? = nil,
                assetName: String? = nil, payee: String? = nil, resource: String? = nil, description: String? = nil,
                expires: Date? = nil, maxTimeoutSeconds: Int? = nil, tokenDomain: TokenDomain? = nil,
                answer: PaymentAnswer = .displayOnly, signer: SignerSupport, notes: [String] = []) {
        self.paymentProtocol = paymentProtocol
        self.scheme = scheme
        self.method = method
        self.network = network
        self.asset = asset
        self.amount = amount
        self.decimals = decimals
        self.assetSymbol = assetSymbol
        self.assetName = assetName
        self.payee = payee
        self.resource = resource
        self.description = description
        self.expires = expires
        self.maxTimeoutSeconds = maxTimeoutSeconds
        self.tokenDomain = tokenDomain
        self.answer = answer
        self.signer = signer
        self.notes = notes
    }

    /// The unit to print after an amount: symbol, else name, else the asset itself.
    public var unitName: String {
        assetSymbol ?? assetName ?? asset ?? "units"
    }

    /// The price for people: "0.01 USDC"; "10000 base units of 0xABC… (decimals unknown)";
    /// nil when the offer states no amount.
    public var formattedAmount: String? {
        guard let amount else { return nil }
        guard let decimals, (0...AmountFormatter.maximumDecimals).contains(decimals) else {
            return "\(amount) base units of \(unitName) (decimals unknown)"
        }
        return AmountFormatter.format(amount, decimals: decimals, unit: unitName)
    }

    /// One line for listings: "x402 v2 exact on Base Sepolia: 0.01 USDC to 0x2096…".
    public var summary: String {
        var line = "\(paymentProtocol) \(scheme)"
        if let network {
            line += " on " + (Networks.displayName(of: network).map { "\($0) (\(network))" } ?? network)
        }
        line += ": " + (formattedAmount ?? "amount not stated")
        if let payee {
            line += " to \(payee)"
        }
        return line
    }
}
