import BigInt

/// Whether Penny has any way to sign an answer to an offer, before wallet or policy.
public enum SignerSupport: Sendable, Hashable {
    /// An EIP-3009 `TransferWithAuthorization` signed with Penny's EVM key (x402 "exact"
    /// on eip155 chains, and the Payment scheme's `evm` charge).
    case evmTransferAuthorization
    /// Penny cannot answer this kind of offer; the reason is a sentence to show.
    case unavailable(reason: String)

    public var isAvailable: Bool {
        if case .evmTransferAuthorization = self { return true }
        return false
    }

    /// Why Penny cannot pay, or nil when it can.
    public var reason: String? {
        if case .unavailable(let reason) = self { return reason }
        return nil
    }
}

/// The EIP-712 domain an EVM token's transfer authorizations are signed in.
///
/// These are wire values for signing, not sanitized for display.
public struct TokenDomain: Sendable, Hashable {
    public var name: String
    public var version: String
    /// From the network's `eip155:N`.
    public var chainID: BigUInt
    /// The token contract.
    public var verifyingContract: String

    public init(name: String, version: String, chainID: BigUInt, verifyingContract: String) {
        self.name = name
        self.version = version
        self.chainID = chainID
        self.verifyingContract = verifyingContract
    }
}
