/// Turns a response body into text the way browsers do.
///
/// The encoding is chosen by, in order: a byte order mark; the `charset` the caller passes
/// (from Content-Type); for HTML, a `<meta charset>` in the first bytes; else UTF-8.
/// Labels are read as the WHATWG Encoding standard says. Bytes that are invalid in the
/// chosen encoding become U+FFFD and decoding carries on: nothing after them is lost.
public enum TextDecoder {
    /// Decodes `bytes`, choosing the encoding as described above.
    ///
    /// - Parameters:
    ///   - charset: the Content-Type `charset` label, if any; an unknown label is ignored.
    ///   - sniffHTML: whether to look for `<meta charset>` (for `text/html` bodies).
    public static func decode(_ bytes: [UInt8], charset: String? = nil, sniffHTML: Bool = false) -> DecodedText {
        if let (encoding, markLength) = byteOrderMark(of: bytes) {
            return DecodedText(text: decode(Array(bytes.dropFirst(markLength)), as: encoding),
                               encoding: encoding, source: .byteOrderMark)
        }
        if let charset, let encoding = TextEncoding(label: charset) {
            return decoded(bytes, as: encoding, source: .contentType)
        }
        if sniffHTML, let encoding = MetaCharsetPrescan.encoding(in: bytes) {
            return decoded(bytes, as: encoding, source: .metaPrescan)
        }
        return DecodedText(text: decode(bytes, as: .utf8), encoding: .utf8, source: .defaultUTF8)
    }

    /// Decodes `bytes` in exactly this encoding: no byte order mark or label is looked at.
    ///
    /// Should the system's iconv lack the encoding, the bytes are read as UTF-8.
    public static func decode(_ bytes: [UInt8], as encoding: TextEncoding) -> String {
        decodeIfAvailable(bytes, as: encoding) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The encoding a byte order mark announces, and the mark's length.
    public static func byteOrderMark(of bytes: [UInt8]) -> (encoding: TextEncoding, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        return nil
    }

    /// Decodes, reporting UTF-8 rather than `encoding` when the system cannot convert from it.
    private static func decoded(_ bytes: [UInt8], as encoding: TextEncoding, source: DecodedText.Source) -> DecodedText {
        if let text = decodeIfAvailable(bytes, as: encoding) {
            return DecodedText(text: text, encoding: encoding, source: source)
        }
        return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8, source: .defaultUTF8)
    }

    private static func decodeIfAvailable(_ bytes: [UInt8], as encoding: TextEncoding) -> String? {
        switch encoding.decoding {
        case .utf8:
            // The standard library replaces each maximal invalid subsequence with U+FFFD, as WHATWG does.
            return String(decoding: bytes, as: UTF8.self)
        case .utf16(let bigEndian):
            return decodeUTF16(bytes, bigEndian: bigEndian)
        case .singleByte(let iconvName, let c1Fallback):
            let converted = IconvConversion.convert(bytes, from: iconvName) { byte in
                c1Fallback && (0x80..<0xA0).contains(byte)
                    ? [0xC2, byte]  // U+0080–U+009F in UTF-8
                    : IconvConversion.replacementCharacter
            }
            return converted.map { String(decoding: $0, as: UTF8.self) }
        case .multiByte(let iconvName):
            return IconvConversion.convert(bytes, from: iconvName).map { String(decoding: $0, as: UTF8.self) }
        case .replacement:
            return bytes.isEmpty ? "" : "\u{FFFD}"
        case .userDefined:
            return String(String.UnicodeScalarView(bytes.map { byte in
                byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(0xF780 + UInt32(byte) - 0x80)!
            }))
        }
    }

    /// UTF-16 in either byte order; lone surrogates and an odd last byte become U+FFFD.
    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var text = String(decoding: units, as: UTF16.self)
        if bytes.count % 2 == 1 { text.append("\u{FFFD}") }
        return text
    }
}
