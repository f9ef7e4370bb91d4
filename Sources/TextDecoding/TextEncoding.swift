/// A character encoding from the WHATWG Encoding standard, named as that standard names it.
public struct TextEncoding: Sendable, Hashable, CustomStringConvertible {
    /// The standard's name: "UTF-8", "windows-1252", "Shift_JIS", "EUC-KR", "gb18030", ...
    public let name: String
    let decoding: Decoding

    /// How bytes in this encoding become text.
    enum Decoding: Sendable, Hashable {
        case utf8
        case utf16(bigEndian: Bool)
        /// One byte per character, converted by iconv. `c1Fallback`: bytes 0x80–0x9F iconv
        /// does not know decode to U+0080–U+009F, as the standard's windows-* indexes say.
        case singleByte(iconvName: String, c1Fallback: Bool)
        /// Multi-byte or stateful: converted by iconv as a stream.
        case multiByte(iconvName: String)
        /// Encodings the standard refuses to decode (ISO-2022-KR, HZ, ...): one U+FFFD.
        case replacement
        /// x-user-defined: bytes 0x80–0xFF map to U+F780–U+F7FF.
        case userDefined
    }

    init(name: String, decoding: Decoding) {
        self.name = name
        self.decoding = decoding
    }

    /// The encoding a label such as "latin1", "sjis" or " UTF-8 " stands for; nil when unknown.
    public init?(label: String) {
        guard let encoding = EncodingLabels.encoding(forLabel: label) else { return nil }
        self = encoding
    }

    public var description: String { name }

    public static let utf8 = TextEncoding(name: "UTF-8", decoding: .utf8)
    public static let utf16LE = TextEncoding(name: "UTF-16LE", decoding: .utf16(bigEndian: false))
    public static let utf16BE = TextEncoding(name: "UTF-16BE", decoding: .utf16(bigEndian: true))
    public static let windows1252 = windows(1252)
    public static let shiftJIS = TextEncoding(name: "Shift_JIS", decoding: .multiByte(iconvName: "CP932"))
    public static let eucJP = TextEncoding(name: "EUC-JP", decoding: .multiByte(iconvName: "EUC-JP"))
    public static let iso2022JP = TextEncoding(name: "ISO-2022-JP", decoding: .multiByte(iconvName: "ISO-2022-JP"))
    public static let eucKR = TextEncoding(name: "EUC-KR", decoding: .multiByte(iconvName: "CP949"))
    public static let gb18030 = TextEncoding(name: "gb18030", decoding: .multiByte(iconvName: "GB18030"))
    public static let big5 = TextEncoding(name: "Big5", decoding: .multiByte(iconvName: "BIG5-HKSCS"))
    public static let koi8R = singleByte("KOI8-R")
    public static let replacement = TextEncoding(name: "replacement", decoding: .replacement)
    public static let xUserDefined = TextEncoding(name: "x-user-defined", decoding: .userDefined)

    static func windows(_ codePage: Int) -> TextEncoding {
        TextEncoding(name: "windows-\(codePage)", decoding: .singleByte(iconvName: "CP\(codePage)", c1Fallback: true))
    }

    static func singleByte(_ name: String, iconvName: String? = nil) -> TextEncoding {
        TextEncoding(name: name, decoding: .singleByte(iconvName: iconvName ?? name, c1Fallback: false))
    }

    var isUTF16: Bool {
        if case .utf16 = decoding { return true }
        return false
    }
}
