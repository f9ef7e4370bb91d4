import Foundation

/// Text forms of raw terminal bytes: escaped for failure messages, JSON strings for casts.
enum Escaping {
    /// Bytes as readable text: `\e` for ESC, `\r`, `\n`, `\xNN` for other controls and for
    /// bytes that are not UTF-8.
    static func readable(_ bytes: [UInt8]) -> String {
        var result = ""
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            if length > 1, index + length <= bytes.count,
               let text = String(bytes: bytes[index..<(index + length)], encoding: .utf8),
               let scalar = text.unicodeScalars.first, scalar.value >= 0xA0 {
                result += text
                index += length
                continue
            }
            switch byte {
            case 0x1B: result += "\\e"
            case 0x0D: result += "\\r"
            case 0x0A: result += "\\n"
            case 0x09: result += "\\t"
            case 0x20..<0x7F: result.unicodeScalars.append(Unicode.Scalar(byte))
            default: result += hex(byte)
            }
            index += 1
        }
        return result
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return "\\x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
    }

    /// How many bytes at the end start a UTF-8 sequence that is not complete yet, so a
    /// character split across two reads is decoded whole.
    static func incompleteSuffixLength(_ bytes: [UInt8]) -> Int {
        guard !bytes.isEmpty else { return 0 }
        for back in 1...min(3, bytes.count) {
            let byte = bytes[bytes.count - back]
            if byte & 0xC0 == 0x80 { continue }
            // 0xF8 and up never start a sequence: nothing to wait for.
            let length = byte >= 0xF8 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return length > back ? back : 0
        }
        return 0
    }
}
