/// Base64 decoding as the payment headers use it.
///
/// x402 sends standard base64 with padding and the Payment scheme base64url without;
/// servers mix them up in practice, and the two alphabets never disagree about a
/// character, so both are accepted everywhere. Padding is optional but must be right
/// when present; anything else (spaces, stray characters) is an error.
enum Base64 {
    static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? {
        var sextets: [UInt8] = []
        sextets.reserveCapacity(text.utf8.count)
        var padding = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            // Data after padding is malformed.
            guard padding == 0, let value = sextet(byte) else { return nil }
            sextets.append(value)
        }
        if padding > 0 {
            guard padding <= 2, (sextets.count + padding) % 4 == 0 else { return nil }
        }
        guard sextets.count % 4 != 1 else { return nil }

        var out: [UInt8] = []
        out.reserveCapacity(sextets.count * 3 / 4)
        var index = 0
        while index + 4 <= sextets.count {
            let a = sextets[index], b = sextets[index + 1], c = sextets[index + 2], d = sextets[index + 3]
            out.append(a << 2 | b >> 4)
            out.append(b << 4 | c >> 2)
            out.append(c << 6 | d)
            index += 4
        }
        let rest = sextets.count - index
        if rest >= 2 {
            out.append(sextets[index] << 2 | sextets[index + 1] >> 4)
        }
        if rest == 3 {
            out.append(sextets[index + 1] << 4 | sextets[index + 2] >> 2)
        }
        return out
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
