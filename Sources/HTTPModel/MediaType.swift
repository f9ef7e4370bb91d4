/// A parsed `Content-Type` value such as `text/html; charset=Shift_JIS`.
///
/// Parsed as the WHATWG MIME Sniffing standard says: type and subtype must be
/// HTTP tokens and are lower-cased, parameter names are lower-cased, the first
/// occurrence of a parameter wins, and malformed parameters are skipped.
public struct MediaType: Sendable, Hashable, CustomStringConvertible {
    /// The top-level type, lower-cased: "text" in "text/html".
    public var type: String
    /// The subtype, lower-cased: "html" in "text/html".
    public var subtype: String
    /// Parameters by lower-cased name; values keep their case.
    public var parameters: [String: String]

    public init(type: String, subtype: String, parameters: [String: String] = [:]) {
        self.type = type.asciiLowercased
        self.subtype = subtype.asciiLowercased
        self.parameters = Dictionary(parameters.map { ($0.key.asciiLowercased, $0.value) }) { first, _ in first }
    }

    /// Parses a header value; nil when there is no valid `type/subtype`.
    public init?(_ headerValue: String) {
        var scanner = ByteScanner(Array(headerValue.utf8))
        scanner.skip(while: Self.isHTTPWhitespace)
        let type = scanner.take(until: { $0 == UInt8(ascii: "/") })
        guard !type.isEmpty, type.allSatisfy(Self.isTokenByte), scanner.consume(UInt8(ascii: "/")) else {
            return nil
        }
        var subtype = scanner.take(until: { $0 == UInt8(ascii: ";") })
        while let last = subtype.last, Self.isHTTPWhitespace(last) { subtype.removeLast() }
        guard !subtype.isEmpty, subtype.allSatisfy(Self.isTokenByte) else { return nil }

        var parameters: [String: String] = [:]
        while scanner.consume(UInt8(ascii: ";")) {
            scanner.skip(while: Self.isHTTPWhitespace)
            let name = scanner.take(until: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "=") }).map(\.asciiLowercased)
            guard scanner.consume(UInt8(ascii: "=")) else { continue }
            var value: [UInt8]
            if scanner.peek == UInt8(ascii: "\"") {
                value = scanner.takeQuotedString()
                _ = scanner.take(until: { $0 == UInt8(ascii: ";") })
            } else {
                value = scanner.take(until: { $0 == UInt8(ascii: ";") })
                while let last = value.last, Self.isHTTPWhitespace(last) { value.removeLast() }
                if value.isEmpty { continue }
            }
            guard !name.isEmpty, name.allSatisfy(Self.isTokenByte),
                  value.allSatisfy(Self.isQuotedStringByte) else { continue }
            let key = String(decoding: name, as: UTF8.self)
            if parameters[key] == nil {
                parameters[key] = String(decoding: value, as: UTF8.self)
            }
        }
        self.type = String(decoding: type.map(\.asciiLowercased), as: UTF8.self)
        self.subtype = String(decoding: subtype.map(\.asciiLowercased), as: UTF8.self)
        self.parameters = parameters
    }

    /// "type/subtype" without parameters.
    public var essence: String { "\(type)/\(subtype)" }

    /// The `charset` parameter as given (a label, not yet resolved to an encoding).
    public var charset: String? { parameters["charset"] }

    /// Whether the body is HTML (`text/html`).
    public var isHTML: Bool { essence == "text/html" }

    public var description: String {
        ([essence] + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: "; ")
    }

    private static func isHTTPWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    private static func isQuotedStringByte(_ byte: UInt8) -> Bool {
        byte == 0x09 || (0x20...0x7E).contains(byte) || byte >= 0x80
    }
}
