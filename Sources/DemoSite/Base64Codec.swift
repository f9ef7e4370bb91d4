/// Base64 as the payment headers carry it: standard with padding for x402, URL-safe
/// without padding for the Payment scheme.
///
/// Decoding is strict, because everything a client sends is untrusted: one alphabet
/// only, no whitespace, padding optional but exact when present, and the unused low bits
/// of the last character must be zero (so every byte string has one encoding).
enum Base64Codec {
    enum Alphabet {
        case standard, url

        fileprivate var characters: [UInt8] {
            switch self {
            case .standard: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
            case .url: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
            }
        }
    }

    private static let standardCharacters = Alphabet.standard.characters
    private static let urlCharacters = Alphabet.url.characters

    static func encode(_ bytes: some Collection<UInt8>, alphabet: Alphabet = .standard, padding: Bool = true) -> String {
        let table = alphabet == .standard ? standardCharacters : urlCharacters
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index < input.count {
            let count = min(3, input.count - index)
            var value = UInt32(input[index]) << 16
            if count > 1 { value |= UInt32(input[index + 1]) << 8 }
            if count > 2 { value |= UInt32(input[index + 2]) }
            for position in 0..<4 {
                if position <= count {
                    output.append(table[Int((value >> (18 - 6 * UInt32(position))) & 63)])
                } else if padding {
                    output.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of `text`, or nil when it is not canonical base64 in `alphabet`.
    static func decode(_ text: some StringProtocol, alphabet: Alphabet) -> [UInt8]? {
        var sextets: [UInt8] = []
        sextets.reserveCapacity(text.utf8.count)
        var padding = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard padding == 0, let value = sextet(byte, alphabet) else { return nil }
            sextets.append(value)
        }
        let remainder = sextets.count % 4
        guard remainder != 1 else { return nil }
        if padding > 0 {
            guard remainder != 0, padding == 4 - remainder else { return nil }
        }
        var output: [UInt8] = []
        output.reserveCapacity(sextets.count * 3 / 4)
        var index = 0
        while index + 4 <= sextets.count {
            let a = sextets[index], b = sextets[index + 1], c = sextets[index + 2], d = sextets[index + 3]
            output += [a << 2 | b >> 4, b << 4 | c >> 2, c << 6 | d]
            index += 4
        }
        switch remainder {
        case 2:
            guard sextets[index + 1] & 0x0F == 0 else { return nil }
            output.append(sextets[index] << 2 | sextets[index + 1] >> 4)
        case 3:
            guard sextets[index + 2] & 0x03 == 0 else { return nil }
            output.append(sextets[index] << 2 | sextets[index + 1] >> 4)
            output.append(sextets[index + 1] << 4 | sextets[index + 2] >> 2)
        default:
            break
        }
        return output
    }

    private static func sextet(_ byte: UInt8, _ alphabet: Alphabet) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+") where alphabet == .standard: 62
        case UInt8(ascii: "/") where alphabet == .standard: 63
        case UInt8(ascii: "-") where alphabet == .url: 62
        case UInt8(ascii: "_") where alphabet == .url: 63
        default: nil
        }
    }
}
