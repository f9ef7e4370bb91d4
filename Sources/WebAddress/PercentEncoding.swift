/// Percent-encoding of the bytes a URL part cannot carry as they are.
enum PercentEncoding {
    enum Part {
        case authority, path, query, fragment
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// `text` with controls, space, quotes, angle brackets, backticks and non-ASCII
    /// bytes percent-encoded; existing `%XX` escapes are left alone.
    static func encode(_ text: String, keeping part: Part) -> String {
        if text.utf8.allSatisfy({ !needsEncoding($0, part) }) {
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if needsEncoding(byte, part) {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEncoding(_ byte: UInt8, _ part: Part) -> Bool {
        if byte <= 0x20 || byte >= 0x7F {
            return true
        }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"):
            return true
        case UInt8(ascii: "`"):
            return part == .fragment
        case UInt8(ascii: "{"), UInt8(ascii: "}"):
            return part == .path
        default:
            return false
        }
    }
}
