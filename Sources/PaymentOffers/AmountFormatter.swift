import BigInt

/// Why an amount was refused.
public struct AmountError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A sentence fit to show, e.g. "more than 6 decimal places".
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

/// Exact conversions between base units (the integers on the wire) and the decimal
/// amounts people read and type. Nothing here goes through floating point.
public enum AmountFormatter {
    /// The largest amount any supported rail can carry: a uint256.
    public static let maximumAmount: BigUInt = (BigUInt(1) << 256) - 1
    /// The most decimals an asset may have: a uint256 has 78 digits.
    public static let maximumDecimals = 77

    /// "10000" with 6 decimals → "0.01"; 1 with 18 → "0.000000000000000001".
    ///
    /// Exact, never rounded. Fraction digits beyond the second are trimmed when they are
    /// zeros, so stablecoin prices read like money ("1.50") and every digit that counts
    /// stays. No grouping separators, so `parse` reads the result back.
    ///
    /// - Precondition: `decimals` is in `0...maximumDecimals`, as every decimals value
    ///   this module produces is.
    public static func format(_ amount: BigUInt, decimals: Int) -> String {
        precondition((0...maximumDecimals).contains(decimals), "decimals out of range: \(decimals)")
        let digits = String(amount)
        guard decimals > 0 else { return digits }
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let whole = padded.dropLast(decimals)
        var fraction = Substring(padded.suffix(decimals))
        let keep = min(2, decimals)
        while fraction.count > keep, fraction.last == "0" {
            fraction = fraction.dropLast()
        }
        return whole + "." + fraction
    }

    /// The amount followed by the unit, e.g. "0.01 USDC".
    public static func format(_ amount: BigUInt, decimals: Int, unit: String) -> String {
        format(amount, decimals: decimals) + " " + unit
    }

    /// Reads an amount a person typed ("0.05", "5", "1.000001") into base units.
    ///
    /// Accepts ASCII digits with at most one decimal point and no more fraction digits
    /// than the asset has decimals; refuses signs, exponents, grouping and anything else,
    /// since a misread amount is money spent.
    public static func parse(_ text: String, decimals: Int) throws(AmountError) -> BigUInt {
        guard (0...maximumDecimals).contains(decimals) else {
            throw AmountError("an asset cannot have \(decimals) decimals")
        }
        let trimmed = text.trimmingASCIISpaces
        guard !trimmed.isEmpty else { throw AmountError("no amount given") }
        if trimmed.hasPrefix("-") { throw AmountError("negative amounts are not allowed") }
        let parts = trimmed.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw AmountError("more than one decimal point") }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !whole.isEmpty else { throw AmountError("write a digit before the decimal point") }
        guard whole.utf8.allSatisfy(isASCIIDigit), fraction.utf8.allSatisfy(isASCIIDigit) else {
            throw AmountError("not a decimal number: \(DisplayText.quoted(trimmed))")
        }
        if parts.count == 2 && fraction.isEmpty { throw AmountError("write a digit after the decimal point") }
        guard fraction.count <= decimals else {
            throw AmountError(decimals == 0 ? "this asset has no fractional units"
                                            : "more than \(decimals) decimal places")
        }
        let digits = String(whole) + String(fraction) + String(repeating: "0", count: decimals - fraction.count)
        return try parseDigits(digits)
    }

    /// Reads a base-unit amount as servers send it: a string of ASCII digits, at most a
    /// uint256. Signs, spaces, fractions and exponents are refused.
    public static func parseBaseUnits<S: StringProtocol>(_ text: S) throws(AmountError) -> BigUInt {
        guard !text.isEmpty else { throw AmountError("the amount is empty") }
        if text.hasPrefix("-") { throw AmountError("the amount is negative") }
        guard text.utf8.allSatisfy(isASCIIDigit) else {
            throw AmountError("the amount \(DisplayText.quoted(text)) is not a whole number of base units")
        }
        return try parseDigits(text)
    }

    private static func parseDigits<S: StringProtocol>(_ digits: S) throws(AmountError) -> BigUInt {
        let significant = digits.drop { $0 == "0" }
        // 2^256 has 78 digits: anything longer is too large before any arithmetic.
        guard significant.utf8.count <= 78 else {
            throw AmountError("the amount has \(significant.utf8.count) digits, more than a uint256 holds")
        }
        guard let value = BigUInt(significant.isEmpty ? "0" : String(significant)), value <= maximumAmount else {
            throw AmountError("the amount is larger than a uint256 holds")
        }
        return value
    }

    private static func isASCIIDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}

extension StringProtocol {
    /// Without leading and trailing ASCII spaces and tabs.
    var trimmingASCIISpaces: Substring {
        let scalars = Substring(self)
        let start = scalars.firstIndex { $0 != " " && $0 != "\t" } ?? scalars.endIndex
        let end = scalars.lastIndex { $0 != " " && $0 != "\t" }.map { scalars.index(after: $0) } ?? start
        return scalars[start..<end]
    }
}
