/// Character references (`&amp;`, `&#233;`, `&#x20AC;`, legacy `&copy`) as the HTML
/// tokenizer resolves them.
enum CharacterReference {
    /// Resolves the reference whose `&` is at `start` into `output` and returns the offset
    /// after it; when there is none, appends the `&` alone and returns `start + 1`.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, inAttribute: Bool,
                       into output: inout [UInt8]) -> Int {
        let next = start + 1
        guard next < end else {
            output.append(UInt8(ascii: "&"))
            return next
        }
        if input[next] == UInt8(ascii: "#") {
            return numeric(input, at: start, end: end, into: &output)
        }
        return named(input, at: start, end: end, inAttribute: inAttribute, into: &output)
    }

    private static func named(_ input: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, inAttribute: Bool,
                              into output: inout [UInt8]) -> Int {
        let nameStart = start + 1
        var cursor = nameStart
        while cursor < end, cursor - nameStart <= NamedCharacterReferences.longestName, isASCIIAlphanumeric(input[cursor]) {
            cursor += 1
        }
        let runLength = cursor - nameStart
        guard runLength > 0 else {
            output.append(UInt8(ascii: "&"))
            return nameStart
        }
        // The whole run followed by `;`: a name of the table with its semicolon.
        if cursor < end, input[cursor] == UInt8(ascii: ";"),
           let value = NamedCharacterReferences.withSemicolon[string(input, nameStart..<cursor)] {
            output.append(contentsOf: value.utf8)
            return cursor + 1
        }
        // Else the longest legacy name that starts the run, without a semicolon.
        var length = min(runLength, NamedCharacterReferences.longestLegacyName)
        while length >= 2 {
            if let value = NamedCharacterReferences.withoutSemicolon[string(input, nameStart..<nameStart + length)] {
                let after = nameStart + length
                // In an attribute `&copy=…` and `&copyx` stay as written (URLs' query strings).
                if inAttribute && after < end
                    && (input[after] == UInt8(ascii: "=") || isASCIIAlphanumeric(input[after])) {
                    break
                }
                output.append(contentsOf: value.utf8)
                return after
            }
            length -= 1
        }
        output.append(UInt8(ascii: "&"))
        return nameStart
    }

    private static func numeric(_ input: UnsafeBufferPointer<UInt8>, at start: Int, end: Int,
                                into output: inout [UInt8]) -> Int {
        var cursor = start + 2
        var hexadecimal = false
        if cursor < end, input[cursor] | 0x20 == UInt8(ascii: "x") {
            hexadecimal = true
            cursor += 1
        }
        let digitsStart = cursor
        var value: UInt32 = 0
        while cursor < end {
            let byte = input[cursor]
            let digit: UInt32
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digit = UInt32(byte - UInt8(ascii: "0"))
            } else if hexadecimal && (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f") {
                digit = UInt32((byte | 0x20) - UInt8(ascii: "a") + 10)
            } else {
                break
            }
            // Past U+10FFFF the value only matters as "too large"; stop it from overflowing.
            value = min(value &* (hexadecimal ? 16 : 10) &+ digit, 0x110000)
            cursor += 1
        }
        guard cursor > digitsStart else {
            // `&#` or `&#x` with no digits is text, as written.
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<digitsStart]))
            return digitsStart
        }
        if cursor < end, input[cursor] == UInt8(ascii: ";") { cursor += 1 }
        appendUTF8(of: replacement(for: value), to: &output)
        return cursor
    }

    /// The code point a numeric reference stands for, after the standard's replacements.
    static func replacement(for value: UInt32) -> UInt32 {
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return 0xFFFD }
        if (0x80...0x9F).contains(value) { return windows1252[Int(value - 0x80)] }
        return value
    }

    /// What 0x80–0x9F mean in references: Windows-1252, as browsers read them.
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    private static func appendUTF8(of scalar: UInt32, to output: inout [UInt8]) {
        let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        output.append(contentsOf: String(Character(value)).utf8)
    }

    private static func string(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
    }
}
