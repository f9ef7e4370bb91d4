/// The `application/x-www-form-urlencoded` serializer of the WHATWG URL standard.
public enum FormURLEncoding {
    /// The media type of an encoded form body.
    public static let contentType = "application/x-www-form-urlencoded"

    /// `name=value` pairs joined by `&`, UTF-8 percent-encoded, spaces as `+`.
    public static func encode(_ fields: [(name: String, value: String)]) -> String {
        fields.map { encode(component: $0.name) + "=" + encode(component: $0.value) }.joined(separator: "&")
    }

    /// One name or value: only `*-._`, ASCII letters and digits stay as they are.
    public static func encode(component: String) -> String {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(component.utf8.count)
        for byte in component.utf8 {
            switch byte {
            case UInt8(ascii: " "):
                encoded.append(UInt8(ascii: "+"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                encoded.append(byte)
            default:
                encoded.append(UInt8(ascii: "%"))
                encoded.append(hexDigits[Int(byte >> 4)])
                encoded.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
