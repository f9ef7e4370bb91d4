/// A cursor over bytes for the small parsers of this module.
struct ByteScanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skip(while predicate: (UInt8) -> Bool) {
        while let byte = peek, predicate(byte) { position += 1 }
    }

    mutating func take(until stop: (UInt8) -> Bool) -> [UInt8] {
        let start = position
        while let byte = peek, !stop(byte) { position += 1 }
        return Array(bytes[start..<position])
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    /// Reads `"..."` with backslash escapes; an unterminated string runs to the end.
    mutating func takeQuotedString() -> [UInt8] {
        var value: [UInt8] = []
        _ = consume(UInt8(ascii: "\""))
        while let byte = peek {
            position += 1
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\"), let escaped = peek {
                position += 1
                value.append(escaped)
            } else {
                value.append(byte)
            }
        }
        return value
    }
}
