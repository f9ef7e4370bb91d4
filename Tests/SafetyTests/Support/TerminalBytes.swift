/// What may reach the terminal from Penny, checked byte by byte.
///
/// Penny's own output to a screen uses CSI sequences (ESC [ … final byte), the charset and
/// keypad selections curses sends (ESC ( B, ESC ) 0, ESC =, ESC >, ESC 7, ESC 8, ESC M) and
/// printable UTF-8. Never: an OSC (window title, OSC 8 hyperlinks, OSC 52 clipboard), a DCS,
/// APC, PM or SOS (ESC ] P _ ^ X), a C1 control (U+0080–U+009F, or a raw byte 0x80–0x9F
/// outside a UTF-8 sequence, such as 0x9B, the one-byte CSI), or a bidi control.
enum TerminalBytes {
    /// Bidi marks, embeddings, overrides and isolates, and the other invisible format
    /// characters `TerminalSafe` drops.
    static let bidi: Set<UInt32> = [0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                    0x2066, 0x2067, 0x2068, 0x2069, 0xFFF9, 0xFFFA, 0xFFFB, 0xE0001]

    /// Problems in what a full-screen Penny wrote.
    static func screenViolations(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x1B {
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                switch next {
                case UInt8(ascii: "["):
                    // CSI: parameters and intermediates, then one final byte 0x40–0x7E.
                    var end = index + 2
                    while end < bytes.count, (0x20...0x3F).contains(bytes[end]) { end += 1 }
                    if end < bytes.count, !(0x40...0x7E).contains(bytes[end]) {
                        problems.append("a malformed CSI at byte \(index): \(excerpt(bytes, index))")
                    }
                    index = end + 1
                    continue
                case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X"):
                    problems.append("ESC \(Character(Unicode.Scalar(next))) (\(name(next))) at byte \(index): \(excerpt(bytes, index))")
                case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                    index += 3
                    continue
                case UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "7"), UInt8(ascii: "8"), UInt8(ascii: "M"),
                     UInt8(ascii: "D"), UInt8(ascii: "E"):
                    index += 2
                    continue
                default:
                    problems.append("an unexpected ESC \(next) at byte \(index): \(excerpt(bytes, index))")
                }
                index += 2
                continue
            }
            problems += textViolation(bytes, &index, allowC0: [0x07, 0x08, 0x09, 0x0A, 0x0D, 0x0E, 0x0F])
        }
        return problems
    }

    /// Problems in what `penny --dump` wrote: plain UTF-8 text and newlines, not one escape.
    static func dumpViolations(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x1B {
                problems.append("an ESC at byte \(index): \(excerpt(bytes, index))")
                index += 1
                continue
            }
            problems += textViolation(bytes, &index, allowC0: [0x0A])
        }
        return problems
    }

    /// Checks the character at `index` (one UTF-8 sequence or one byte) and moves past it.
    private static func textViolation(_ bytes: [UInt8], _ index: inout Int, allowC0: Set<UInt8>) -> [String] {
        let start = index
        let byte = bytes[index]
        if byte < 0x80 {
            index += 1
            if byte < 0x20 && !allowC0.contains(byte) || byte == 0x7F {
                return ["the control byte 0x\(String(byte, radix: 16)) at byte \(start): \(excerpt(bytes, start))"]
            }
            return []
        }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
        guard length > 0, start + length <= bytes.count,
              bytes[(start + 1)..<(start + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) else {
            index += 1
            let kind = (0x80...0x9F).contains(byte) ? "a raw C1 byte" : "a byte outside UTF-8"
            return ["\(kind) 0x\(String(byte, radix: 16)) at byte \(start): \(excerpt(bytes, start))"]
        }
        index += length
        let scalar = String(decoding: bytes[start..<(start + length)], as: UTF8.self).unicodeScalars.first!.value
        if (0x80...0x9F).contains(scalar) {
            return ["the C1 control U+00\(String(scalar, radix: 16, uppercase: true)) at byte \(start): \(excerpt(bytes, start))"]
        }
        if bidi.contains(scalar) {
            return ["the bidi control U+\(String(scalar, radix: 16, uppercase: true)) at byte \(start): \(excerpt(bytes, start))"]
        }
        return []
    }

    static func name(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "]"): "OSC"
        case UInt8(ascii: "P"): "DCS"
        case UInt8(ascii: "_"): "APC"
        case UInt8(ascii: "^"): "PM"
        case UInt8(ascii: "X"): "SOS"
        default: "?"
        }
    }

    /// The bytes around `index`, escaped, for a failure message.
    static func excerpt(_ bytes: [UInt8], _ index: Int) -> String {
        let slice = bytes[max(0, index - 24)..<min(bytes.count, index + 40)]
        return "\"" + slice.map { byte -> String in
            switch byte {
            case 0x1B: "\\e"
            case 0x0A: "\\n"
            case 0x0D: "\\r"
            case 0x20..<0x7F: String(Character(Unicode.Scalar(byte)))
            default: "\\x" + String(byte, radix: 16)
            }
        }.joined() + "\""
    }
}
