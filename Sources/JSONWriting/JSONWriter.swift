/// Compact JSON text written by hand, so member order and bytes are exactly what the writer
/// means to send (the Payment scheme's `request` must be JCS, RFC 8785; credentials and
/// `--json` output are compared byte for byte).
public enum JSONWriter {
    /// A JSON string literal, escaped as JCS requires: `"` and `\` backslashed, \b \f \n \r \t
    /// short, other C0 controls as \u00xx, everything else as UTF-8. With
    /// `escapingTerminalControls`, DEL and the C1 controls (U+0080 to U+009F) are written as
    /// \u00xx too, so the text is safe to show on a terminal (still the same JSON value).
    public static func string(_ text: String, escapingTerminalControls: Bool = false) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        bytes.append(UInt8(ascii: "\""))
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
            case 0..<0x20: appendUnicodeEscape(byte, to: &bytes)
            case 0x7F where escapingTerminalControls: appendUnicodeEscape(byte, to: &bytes)
            case 0x80...0x9F where escapingTerminalControls && previous == 0xC2:
                // The second byte of U+0080...U+009F: 0xC2 (only ever a lead byte) is already written.
                bytes.removeLast()
                appendUnicodeEscape(byte, to: &bytes)
            default: bytes.append(byte)
            }
            previous = byte
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendUnicodeEscape(_ value: UInt8, to bytes: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
        digits.withUTF8Buffer { hex in
            bytes.append(hex[Int(value >> 4)])
            bytes.append(hex[Int(value & 0xF)])
        }
    }

    /// An object from members whose values are already JSON text, in the given order.
    public static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// An array of values that are already JSON text.
    public static func array(_ values: [String]) -> String {
        "[" + values.joined(separator: ",") + "]"
    }

    /// An object whose members are sorted by key as JCS sorts them (UTF-16 code units).
    public static func canonicalObject(_ members: [(String, String)]) -> String {
        object(members.sorted { Array($0.0.utf16).lexicographicallyPrecedes(Array($1.0.utf16)) })
    }
}
