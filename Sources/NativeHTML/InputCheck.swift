/// What in the input the native parser leaves to the fallback: invalid UTF-8, NUL, and the
/// control characters and noncharacters that gumbo turns into U+FFFD (a page must read the
/// same whichever parser built it).
enum InputCheck {
    /// Why the input is not for the native parser, or nil when it is.
    static func problem(in input: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte < 0x80 {
                if byte < 0x20 {
                    // Tab, LF, FF and CR are the only C0 controls a page may hold as they are.
                    if byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D { return "a control character" }
                } else if byte == 0x7F {
                    return "a control character"
                }
                index += 1
                continue
            }
            let length: Int
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; scalar = UInt32(byte & 0x07)
            default: return "invalid UTF-8"
            }
            guard index + length <= count else { return "invalid UTF-8" }
            for offset in 1..<length {
                let continuation = input[index + offset]
                guard continuation & 0xC0 == 0x80 else { return "invalid UTF-8" }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            // Overlong forms, surrogates and values past U+10FFFF.
            if (length == 3 && scalar < 0x800) || (length == 4 && (scalar < 0x10000 || scalar > 0x10FFFF))
                || (0xD800...0xDFFF).contains(scalar) {
                return "invalid UTF-8"
            }
            if scalar <= 0x9F || (0xFDD0...0xFDEF).contains(scalar) || scalar & 0xFFFE == 0xFFFE {
                return "a control character or noncharacter"
            }
            index += length
        }
        return nil
    }
}
