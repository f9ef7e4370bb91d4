import BigInt
import PaymentOffers
import Testing

struct AmountFormatterTests {
    @Test(arguments: [
        ("10000", 6, "0.01"),
        ("1", 6, "0.000001"),
        ("1000000", 6, "1.00"),
        ("1500000", 6, "1.50"),
        ("1234567", 6, "1.234567"),
        ("0", 6, "0.00"),
        ("5", 2, "0.05"),
        ("100", 2, "1.00"),
        ("1", 18, "0.000000000000000001"),
        ("1000000000000000000", 18, "1.00"),
        ("123456789012345678901234567890", 18, "123456789012.34567890123456789"),
        ("250000", 0, "250000"),
        ("15", 1, "1.5"),
        ("10", 1, "1.0"),
    ])
    func formatVectors(amount: String, decimals: Int, expected: String) throws {
        let value = try #require(BigUInt(amount))
        #expect(AmountFormatter.format(value, decimals: decimals) == expected)
    }

    @Test func formatWithUnitAndLargest() {
        #expect(AmountFormatter.format(BigUInt(10000), decimals: 6, unit: "USDC") == "0.01 USDC")
        let max = AmountFormatter.maximumAmount
        #expect(AmountFormatter.format(max, decimals: 18)
            == "115792089237316195423570985008687907853269984665640564039457.584007913129639935")
    }

    @Test(arguments: [
        ("0.05", 6, "50000"),
        ("5", 6, "5000000"),
        ("1.000001", 6, "1000001"),
        (" 0.01 ", 6, "10000"),
        ("0", 2, "0"),
        ("007.5", 2, "750"),
        ("0.000000000000000001", 18, "1"),
        ("250000", 0, "250000"),
    ])
    func parseVectors(text: String, decimals: Int, expected: String) throws {
        #expect(try AmountFormatter.parse(text, decimals: decimals) == BigUInt(expected))
    }

    @Test(arguments: [
        ("1.0000001", 6, "more than 6 decimal places"),
        ("0.5", 0, "this asset has no fractional units"),
        ("-1", 6, "negative amounts are not allowed"),
        ("1e6", 6, #"not a decimal number: "1e6""#),
        ("1,000", 6, #"not a decimal number: "1,000""#),
        ("+5", 6, #"not a decimal number: "+5""#),
        ("0x10", 6, #"not a decimal number: "0x10""#),
        ("١٢", 6, #"not a decimal number: "١٢""#),
        ("1.2.3", 6, "more than one decimal point"),
        (".5", 6, "write a digit before the decimal point"),
        ("5.", 6, "write a digit after the decimal point"),
        ("", 6, "no amount given"),
        ("   ", 6, "no amount given"),
        ("1", 78, "an asset cannot have 78 decimals"),
        ("1", -1, "an asset cannot have -1 decimals"),
    ])
    func parseRejections(text: String, decimals: Int, reason: String) {
        #expect(throws: AmountError(reason)) {
            try AmountFormatter.parse(text, decimals: decimals)
        }
    }

    @Test func parseRejectsMoreThanAUint256() throws {
        let eighty = String(repeating: "9", count: 80)
        #expect(throws: AmountError("the amount has 80 digits, more than a uint256 holds")) {
            try AmountFormatter.parse(eighty, decimals: 0)
        }
        #expect(throws: AmountError("the amount has 80 digits, more than a uint256 holds")) {
            try AmountFormatter.parseBaseUnits(eighty)
        }
        // 78 digits but above 2^256 - 1.
        #expect(throws: AmountError("the amount is larger than a uint256 holds")) {
            try AmountFormatter.parse("2" + String(repeating: "0", count: 77), decimals: 0)
        }
        #expect(throws: AmountError("the amount is larger than a uint256 holds")) {
            try AmountFormatter.parseBaseUnits(String(AmountFormatter.maximumAmount + 1))
        }
        #expect(try AmountFormatter.parseBaseUnits(String(AmountFormatter.maximumAmount)) == AmountFormatter.maximumAmount)
        // Leading zeros do not count against the limit.
        #expect(try AmountFormatter.parseBaseUnits(String(repeating: "0", count: 100) + "7") == 7)
    }

    /// A random amount below 2^bits, with small amounts and zero well represented.
    private func randomAmount(using generator: inout SplitMix64) -> BigUInt {
        let bits = Int.random(in: 0...256, using: &generator)
        var value = BigUInt.randomInteger(withMaximumWidth: bits, using: &generator)
        if Int.random(in: 0..<8, using: &generator) == 0 {
            value = BigUInt(Int.random(in: 0...1000, using: &generator))
        }
        return value
    }

    @Test func formatThenParseIsTheIdentity() throws {
        var generator = SplitMix64(seed: 0x402)
        for _ in 0..<2000 {
            let amount = randomAmount(using: &generator)
            let decimals = [0, 2, 6, 8, 18, Int.random(in: 0...AmountFormatter.maximumDecimals, using: &generator)]
                .randomElement(using: &generator)!
            let text = AmountFormatter.format(amount, decimals: decimals)
            #expect(try AmountFormatter.parse(text, decimals: decimals) == amount, "\(amount) with \(decimals) decimals → \(text)")
        }
    }

    @Test func formattedFractionsFollowTheRules() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let amount = randomAmount(using: &generator)
            let decimals = Int.random(in: 0...30, using: &generator)
            let text = AmountFormatter.format(amount, decimals: decimals)
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            #expect(text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") })
            if decimals == 0 {
                #expect(parts.count == 1)
                #expect(text == String(amount))
                continue
            }
            let fraction = try #require(parts.count == 2 ? parts[1] : nil)
            // At least min(2, decimals) digits, never more than decimals, and beyond the
            // second only when significant.
            #expect(fraction.count >= min(2, decimals) && fraction.count <= decimals)
            if fraction.count > 2 {
                #expect(fraction.last != "0")
            }
            // The whole part has no leading zeros.
            #expect(parts[0] == "0" || parts[0].first != "0")
        }
    }

    @Test func parseThenFormatKeepsTheValue() throws {
        var generator = SplitMix64(seed: 99)
        for _ in 0..<1000 {
            let decimals = Int.random(in: 0...18, using: &generator)
            let whole = String(UInt64.random(in: 0...UInt64.max, using: &generator))
            let fractionLength = Int.random(in: 0...decimals, using: &generator)
            let fraction = String((0..<fractionLength).map { _ in "0123456789".randomElement(using: &generator)! })
            let text = fractionLength == 0 ? whole : whole + "." + fraction
            let units = try AmountFormatter.parse(text, decimals: decimals)
            let again = try AmountFormatter.parse(AmountFormatter.format(units, decimals: decimals), decimals: decimals)
            #expect(again == units)
            #expect(units / BigUInt(10).power(decimals) == BigUInt(whole)!)
        }
    }
}
