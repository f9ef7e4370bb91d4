import BigInt
import PaymentOffers

/// An amount of one asset: exact base units plus what is needed to show them.
///
/// Money in the wallet is always an integer of base units (a `BigUInt`, at most a uint256);
/// `decimals` only matters for display, which goes through `AmountFormatter` and never
/// through floating point.
public struct Amount: Sendable, Hashable, CustomStringConvertible {
    /// The amount in the asset's base units ("10000" for 0.01 USDC).
    public var baseUnits: BigUInt
    /// The asset's decimals, 0...77 (the account's, which Penny checked against its known assets).
    public var decimals: Int
    /// "USDC", "sat", ...
    public var symbol: String

    public init(baseUnits: BigUInt, decimals: Int, symbol: String) {
        self.baseUnits = baseUnits
        self.decimals = decimals
        self.symbol = symbol
    }

    /// "0.01 USDC"; when `decimals` is out of range (it never is for a stored account),
    /// "10000 base units of USDC" rather than a wrong scale.
    public var description: String {
        guard (0...AmountFormatter.maximumDecimals).contains(decimals) else {
            return "\(baseUnits) base units of \(symbol)"
        }
        return AmountFormatter.format(baseUnits, decimals: decimals, unit: symbol)
    }
}

/// The storage form of amounts: canonical decimal text ("0", "10000"; digits only, no
/// leading zeros, at most 78 digits), because SQLite integers stop at 2^63 and a uint256
/// needs 78 digits. The schema's CHECK constraints accept exactly these strings.
enum AmountText {
    /// Canonical text of `value`.
    static func encode(_ value: BigUInt) -> String {
        String(value)
    }

    /// The value of stored text; nil when the text is not canonical or exceeds a uint256
    /// (which the schema and this module never write, so nil means a damaged ledger).
    static func decode(_ text: String) -> BigUInt? {
        guard isCanonical(text) else { return nil }
        // Up to 19 digits fit a 64-bit word (a dollar of USDC is 1000000): far quicker than
        // the general parse, and the ledger reads every amount of an account for its balance.
        if text.utf8.count <= 19, let small = UInt(text) { return BigUInt(words: [small]) }
        guard let value = try? AmountFormatter.parseBaseUnits(text), value <= AmountFormatter.maximumAmount else { return nil }
        return value
    }

    /// Digits only, no leading zero unless the text is "0", 1 to 78 digits.
    static func isCanonical(_ text: String) -> Bool {
        let bytes = text.utf8
        guard (1...78).contains(bytes.count), bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        return text == "0" || bytes.first != 0x30
    }
}
