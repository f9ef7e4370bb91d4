// Header names, media types and charset labels compare ASCII case-insensitively:
// Unicode case folding would wrongly match non-ASCII look-alikes.

extension UInt8 {
    /// The byte with A–Z folded to a–z.
    var asciiLowercased: UInt8 { (0x41...0x5A).contains(self) ? self | 0x20 : self }
}

extension String {
    /// The string with A–Z folded to a–z and every other character unchanged.
    var asciiLowercased: String {
        String(decoding: utf8.map(\.asciiLowercased), as: UTF8.self)
    }

    /// Whether the two strings are equal when A–Z and a–z are treated alike.
    func equalsIgnoringASCIICase(_ other: String) -> Bool {
        utf8.count == other.utf8.count
            && zip(utf8, other.utf8).allSatisfy { $0.asciiLowercased == $1.asciiLowercased }
    }
}
