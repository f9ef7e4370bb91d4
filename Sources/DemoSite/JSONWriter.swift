/// Compact JSON text written by hand, so member order and bytes are exactly what the
/// site means to send (the Payment scheme's `request` must be JCS, RFC 8785).
enum JSONWriter {
    /// A JSON string literal, escaped as JCS requires: `"` and `\` backslashed,
    /// \b \f \n \r \t short, other controls as \u00xx, everything else as UTF-8.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// An object from members whose values are already JSON text, in the given order.
    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// An array of values that are already JSON text.
    static func array(_ values: [String]) -> String {
        "[" + values.joined(separator: ",") + "]"
    }

    /// An object whose members are sorted by key as JCS sorts them (UTF-16 code units).
    static func canonicalObject(_ members: [(String, String)]) -> String {
        object(members.sorted { Array($0.0.utf16).lexicographicallyPrecedes(Array($1.0.utf16)) })
    }
}
