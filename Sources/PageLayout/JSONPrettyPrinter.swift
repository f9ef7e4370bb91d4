/// Re-indents JSON text without parsing numbers or reordering keys.
enum JSONPrettyPrinter {
    /// The JSON indented by two spaces per level, or nil when `text` is not JSON.
    static func format(_ text: String) -> String? {
        var scanner = Scanner(bytes: Array(text.utf8))
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 2)
        scanner.skipSpace()
        guard scanner.value(into: &output, depth: 0) else { return nil }
        scanner.skipSpace()
        guard scanner.atEnd else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index >= bytes.count }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value(into output: inout [UInt8], depth: Int) -> Bool {
            guard depth < 512, index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "{"): return container(into: &output, depth: depth, close: UInt8(ascii: "}"), keyed: true)
            case UInt8(ascii: "["): return container(into: &output, depth: depth, close: UInt8(ascii: "]"), keyed: false)
            case UInt8(ascii: "\""): return string(into: &output)
            default: return scalar(into: &output)
            }
        }

        private mutating func container(into output: inout [UInt8], depth: Int, close: UInt8, keyed: Bool) -> Bool {
            output.append(bytes[index])
            index += 1
            skipSpace()
            if index < bytes.count && bytes[index] == close {
                output.append(close)
                index += 1
                return true
            }
            while true {
                newline(&output, depth + 1)
                skipSpace()
                if keyed {
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), string(into: &output) else { return false }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
                    index += 1
                    output.append(contentsOf: ": ".utf8)
                    skipSpace()
                }
                guard value(into: &output, depth: depth + 1) else { return false }
                skipSpace()
                guard index < bytes.count else { return false }
                if bytes[index] == UInt8(ascii: ",") {
                    output.append(UInt8(ascii: ","))
                    index += 1
                    continue
                }
                guard bytes[index] == close else { return false }
                index += 1
                newline(&output, depth)
                output.append(close)
                return true
            }
        }

        private mutating func string(into output: inout [UInt8]) -> Bool {
            output.append(bytes[index])
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                output.append(byte)
                index += 1
                if byte == UInt8(ascii: "\\") {
                    guard index < bytes.count else { return false }
                    output.append(bytes[index])
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    return true
                } else if byte < 0x20 {
                    return false
                }
            }
            return false
        }

        private mutating func scalar(into output: inout [UInt8]) -> Bool {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                let isScalarByte = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) ||
                    (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) ||
                    byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "E")
                guard isScalarByte else { break }
                index += 1
            }
            let token = bytes[start..<index]
            guard !token.isEmpty else { return false }
            let literal = String(decoding: token, as: UTF8.self)
            guard literal == "true" || literal == "false" || literal == "null" || JSONPrettyPrinter.isNumber(literal) else {
                return false
            }
            output.append(contentsOf: token)
            return true
        }

        private func newline(_ output: inout [UInt8], _ depth: Int) {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
        }
    }

    /// JSON's number grammar.
    static func isNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let digits = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let integer = bytes.prefix(while: digits)
        guard !integer.isEmpty, integer.count == 1 || integer.first != UInt8(ascii: "0") else { return false }
        bytes = bytes.dropFirst(integer.count)
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            let fraction = bytes.prefix(while: digits)
            guard !fraction.isEmpty else { return false }
            bytes = bytes.dropFirst(fraction.count)
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let exponent = bytes.prefix(while: digits)
            guard !exponent.isEmpty else { return false }
            bytes = bytes.dropFirst(exponent.count)
        }
        return bytes.isEmpty
    }
}
