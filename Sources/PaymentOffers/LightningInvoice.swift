import BigInt

/// What Penny reads from a BOLT11 invoice without decoding its signed data: the network
/// and the amount, both in the human-readable part (`lnbc2500u1...`).
struct LightningInvoice {
    /// "bitcoin", "testnet", "signet", "regtest", or the prefix itself when unknown.
    var network: String
    /// The amount in millisatoshis; nil when the invoice leaves it to the payer.
    var millisatoshis: BigUInt?

    /// Why an invoice could not be read.
    struct Problem: Error {
        var reason: String
    }

    /// Reads the invoice, checking its bech32 checksum so a mangled invoice is not
    /// mistaken for a different amount.
    static func read(_ invoice: String) throws(Problem) -> LightningInvoice {
        guard invoice.utf8.count <= 7089 else { throw Problem(reason: "the invoice is too long") }
        let lower = invoice.lowercased()
        guard lower == invoice || invoice.uppercased() == invoice else {
            throw Problem(reason: "the invoice mixes upper and lower case")
        }
        guard let separator = lower.utf8.lastIndex(of: UInt8(ascii: "1")) else {
            throw Problem(reason: "the invoice has no separator")
        }
        let hrp = Array(lower.utf8[..<separator])
        let data = Array(lower.utf8[lower.utf8.index(after: separator)...])
        guard hrp.count >= 3, hrp.starts(with: Array("ln".utf8)) else {
            throw Problem(reason: "the invoice does not start with \"ln\"")
        }
        guard Bech32.verifyChecksum(hrp: hrp, data: data) else {
            throw Problem(reason: "the invoice's checksum is wrong")
        }

        var index = 2
        while index < hrp.count, (0x61...0x7A).contains(hrp[index]) { index += 1 }
        let prefix = String(decoding: hrp[2..<index], as: UTF8.self)
        let digitsStart = index
        while index < hrp.count, (0x30...0x39).contains(hrp[index]) { index += 1 }
        let digits = String(decoding: hrp[digitsStart..<index], as: UTF8.self)
        let multiplier: UInt8? = index < hrp.count ? hrp[index] : nil
        guard index + (multiplier == nil ? 0 : 1) == hrp.count else {
            throw Problem(reason: "the invoice's amount is malformed")
        }

        let network = switch prefix {
        case "bc": "bitcoin"
        case "tb": "testnet"
        case "tbs": "signet"
        case "bcrt": "regtest"
        default: prefix
        }
        guard !digits.isEmpty else {
            guard multiplier == nil else { throw Problem(reason: "the invoice's amount is malformed") }
            return LightningInvoice(network: network, millisatoshis: nil)
        }
        guard digits.utf8.count <= 30, let value = BigUInt(digits) else {
            throw Problem(reason: "the invoice's amount is malformed")
        }
        // One bitcoin is 10^11 millisatoshis; the multipliers divide it (BOLT 11).
        let millisatoshis: BigUInt
        switch multiplier {
        case nil: millisatoshis = value * BigUInt(100_000_000_000)
        case UInt8(ascii: "m"): millisatoshis = value * BigUInt(100_000_000)
        case UInt8(ascii: "u"): millisatoshis = value * BigUInt(100_000)
        case UInt8(ascii: "n"): millisatoshis = value * BigUInt(100)
        case UInt8(ascii: "p"):
            guard value % 10 == 0 else { throw Problem(reason: "the invoice's amount is a fraction of a millisatoshi") }
            millisatoshis = value / 10
        default:
            throw Problem(reason: "the invoice's amount has an unknown multiplier")
        }
        return LightningInvoice(network: network, millisatoshis: millisatoshis)
    }
}

/// The bech32 checksum (BIP 173), which BOLT 11 invoices use without the length limit.
enum Bech32 {
    private static let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)

    static func verifyChecksum(hrp: [UInt8], data: [UInt8]) -> Bool {
        guard data.count >= 6 else { return false }
        var values: [UInt8] = []
        values.reserveCapacity(data.count)
        for byte in data {
            guard let value = charset.firstIndex(of: byte) else { return false }
            values.append(UInt8(value))
        }
        var expanded = hrp.map { $0 >> 5 }
        expanded.append(0)
        expanded += hrp.map { $0 & 31 }
        return polymod(expanded + values) == 1
    }

    private static func polymod(_ values: [UInt8]) -> UInt32 {
        let generator: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        var checksum: UInt32 = 1
        for value in values {
            let top = checksum >> 25
            checksum = (checksum & 0x1ff_ffff) << 5 ^ UInt32(value)
            for bit in 0..<5 where (top >> bit) & 1 == 1 {
                checksum ^= generator[bit]
            }
        }
        return checksum
    }
}
