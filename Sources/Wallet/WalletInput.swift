import BigInt
import PaymentOffers

/// Checks and normal forms of what callers pass in, before it reaches SQL.
enum WalletInput {
    /// Lower-cases ASCII letters only, exactly as SQLite's `lower()` does, so that the
    /// schema's `x = lower(x)` checks agree with Swift.
    static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// Printable ASCII without spaces, `1...limit` bytes.
    private static func isToken(_ text: String, limit: Int) -> Bool {
        (1...limit).contains(text.utf8.count) && text.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    static func network(_ text: String) throws(WalletError) -> String {
        guard isToken(text, limit: 100) else {
            throw .invalidInput("a network is 1 to 100 printable ASCII characters, without spaces")
        }
        return text
    }

    /// The asset's stored form: lower-cased.
    static func asset(_ text: String) throws(WalletError) -> String {
        guard isToken(text, limit: 200) else {
            throw .invalidInput("an asset is 1 to 200 printable ASCII characters, without spaces")
        }
        return asciiLowercased(text)
    }

    /// The origin's stored form: lower-cased (an origin's scheme and host ignore case).
    static func origin(_ text: String) throws(WalletError) -> String {
        guard isToken(text, limit: 2000) else {
            throw .invalidInput("an origin is 1 to 2000 printable ASCII characters, without spaces")
        }
        return asciiLowercased(text)
    }

    /// The payee as given (checked); compare `asciiLowercased` forms.
    static func payee(_ text: String) throws(WalletError) -> String {
        guard isToken(text, limit: 200) else {
            throw .invalidInput("a payee is 1 to 200 printable ASCII characters, without spaces")
        }
        return text
    }

    /// The nonce's stored form: 0x-hex lower-cased, so "0xAB…" and "0xab…" are one nonce.
    static func nonce(_ text: String) throws(WalletError) -> String {
        guard isToken(text, limit: 200) else {
            throw .invalidInput("a nonce is 1 to 200 printable ASCII characters, without spaces")
        }
        let lower = asciiLowercased(text)
        let isHex = lower.hasPrefix("0x") && lower.utf8.dropFirst(2).allSatisfy {
            (0x30...0x39).contains($0) || (0x61...0x66).contains($0)
        }
        return isHex ? lower : text
    }

    static func symbol(_ text: String) throws(WalletError) -> String {
        guard (1...32).contains(text.count), !text.unicodeScalars.contains(where: {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
        }) else {
            throw .invalidInput("a symbol is 1 to 32 characters, without control characters")
        }
        return text
    }

    static func decimals(_ value: Int) throws(WalletError) -> Int {
        guard (0...AmountFormatter.maximumDecimals).contains(value) else {
            throw .invalidInput("an asset has 0 to \(AmountFormatter.maximumDecimals) decimals, not \(value)")
        }
        return value
    }

    /// Free text (a reason, a receipt, a protocol name): non-empty, without NUL, bounded.
    static func text(_ text: String, what: String, limit: Int) throws(WalletError) -> String {
        guard !text.isEmpty, text.utf8.count <= limit, !text.utf8.contains(0) else {
            throw .invalidInput("\(what) must be 1 to \(limit) bytes")
        }
        return text
    }

    static func positiveAmount(_ value: BigUInt, what: String) throws(WalletError) -> BigUInt {
        guard value > 0 else { throw .invalidAmount("\(what) must be more than zero") }
        guard value <= AmountFormatter.maximumAmount else { throw .invalidAmount("\(what) is larger than a uint256") }
        return value
    }
}
