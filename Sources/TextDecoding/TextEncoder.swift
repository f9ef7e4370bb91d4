import Glibc

/// Encodes text into a page's encoding for form submission, as browsers do: characters the
/// encoding lacks become HTML numeric character references (`&#8364;`).
public enum TextEncoder {
    /// `text` in `encoding`; UTF-8 for encodings that cannot be written (UTF-16, replacement).
    public static func encode(_ text: String, as encoding: TextEncoding) -> [UInt8] {
        let iconvName: String
        switch encoding.decoding {
        case .utf8, .utf16, .replacement, .userDefined:
            return Array(text.utf8)
        case .singleByte(let name, _), .multiByte(let name):
            iconvName = name
        }
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return Array(text.utf8) }
        let converter = iconv_open(iconvName, "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { return Array(text.utf8) }
        defer { iconv_close(converter) }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 2)
        // One character at a time: an unmappable one becomes a reference and the rest goes on.
        var outBuffer = [CChar](repeating: 0, count: 32)
        for scalar in text.unicodeScalars {
            var input = Array(String(scalar).utf8).map { CChar(bitPattern: $0) }
            var converted = false
            input.withUnsafeMutableBufferPointer { inBuffer in
                outBuffer.withUnsafeMutableBufferPointer { out in
                    var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                    var inLeft = inBuffer.count
                    var outPointer: UnsafeMutablePointer<CChar>? = out.baseAddress
                    var outLeft = out.count
                    if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 && inLeft == 0 {
                        output.append(contentsOf: out[0..<(out.count - outLeft)].map { UInt8(bitPattern: $0) })
                        converted = true
                    }
                }
            }
            if !converted {
                iconv(converter, nil, nil, nil, nil)  // reset the shift state after a failure
                output.append(contentsOf: Array("&#\(scalar.value);".utf8))
            }
        }
        return output
    }
}
