/// A parsed JSON value together with where its text sits in the input.
///
/// The byte ranges let Penny copy the `accepted` requirements of an x402 offer back to
/// the server exactly as they came, which re-serializing could not promise.
struct JSONNode {
    indirect enum Content {
        case object([(key: String, node: JSONNode)])
        case array([JSONNode])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    var content: Content
    /// The bytes of this value's text in the input, from its first to its last character.
    var range: Range<Int>

    /// The node of the first member named `key`, when this is an object.
    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = content else { return nil }
        return members.first { $0.key == key }?.node
    }

    var elements: [JSONNode]? {
        if case .array(let elements) = content { return elements }
        return nil
    }

    var isObject: Bool {
        if case .object = content { return true }
        return false
    }

    var string: String? {
        if case .string(let text) = content { return text }
        return nil
    }

    /// The plain value, without positions.
    var value: JSONValue {
        switch content {
        case .object(let members): .object(members.map { JSONMember(key: $0.key, value: $0.node.value) })
        case .array(let elements): .array(elements.map(\.value))
        case .string(let text): .string(text)
        case .number(let literal): .number(literal)
        case .bool(let flag): .bool(flag)
        case .null: .null
        }
    }

    /// A word for the kind of value, for messages such as "amount is an object".
    var kindName: String {
        switch content {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// Why a JSON text could not be read.
struct JSONReadError: Error, CustomStringConvertible {
    var message: String
    /// The byte offset where reading stopped.
    var offset: Int

    var description: String { "\(message) at byte \(offset)" }
}

/// A strict RFC 8259 reader with the limits hostile input needs: bounded nesting, no
/// duplicate member names (two parsers could disagree about which one counts), and
/// numbers kept as text.
struct JSONReader {
    /// Deeper nesting than any payment document needs; it bounds the recursion.
    static let maximumDepth = 32

    private let bytes: [UInt8]
    private var position = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads one JSON text that must fill the whole input (surrounding whitespace allowed).
    static func parse(_ bytes: [UInt8]) throws(JSONReadError) -> JSONNode {
        var reader = JSONReader(bytes)
        reader.skipWhitespace()
        let root = try reader.readValue(depth: 0)
        reader.skipWhitespace()
        guard reader.position == bytes.count else {
            throw reader.error("unexpected text after the JSON value")
        }
        return root
    }

    private func error(_ message: String) -> JSONReadError {
        JSONReadError(message: message, offset: position)
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            position += 1
        }
    }

    private mutating func readValue(depth: Int) throws(JSONReadError) -> JSONNode {
        guard depth <= Self.maximumDepth else { throw error("nested more than \(Self.maximumDepth) levels deep") }
        guard let byte = peek else { throw error("unexpected end of JSON") }
        let start = position
        switch byte {
        case UInt8(ascii: "{"):
            return try readObject(depth: depth)
        case UInt8(ascii: "["):
            return try readArray(depth: depth)
        case UInt8(ascii: "\""):
            let text = try readString()
            return JSONNode(content: .string(text), range: start..<position)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let literal = try readNumber()
            return JSONNode(content: .number(literal), range: start..<position)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONNode(content: .bool(true), range: start..<position)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONNode(content: .bool(false), range: start..<position)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return JSONNode(content: .null, range: start..<position)
        default:
            throw error("unexpected character")
        }
    }

    private mutating func expectLiteral(_ literal: String) throws(JSONReadError) {
        let expected = literal.utf8
        guard position + expected.count <= bytes.count,
              bytes[position..<position + expected.count].elementsEqual(expected) else {
            throw error("unexpected word")
        }
        position += expected.count
    }

    private mutating func readObject(depth: Int) throws(JSONReadError) -> JSONNode {
        let start = position
        position += 1
        var members: [(key: String, node: JSONNode)] = []
        var seen = Set<String>()
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            position += 1
            return JSONNode(content: .object(members), range: start..<position)
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let key = try readString()
            guard seen.insert(key).inserted else { throw error("member \"\(key.prefix(40))\" appears twice") }
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw error("expected ':'") }
            position += 1
            skipWhitespace()
            let node = try readValue(depth: depth + 1)
            members.append((key, node))
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "}"):
                position += 1
                return JSONNode(content: .object(members), range: start..<position)
            default:
                throw error("expected ',' or '}'")
            }
        }
    }

    private mutating func readArray(depth: Int) throws(JSONReadError) -> JSONNode {
        let start = position
        position += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            position += 1
            return JSONNode(content: .array(elements), range: start..<position)
        }
        while true {
            skipWhitespace()
            elements.append(try readValue(depth: depth + 1))
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "]"):
                position += 1
                return JSONNode(content: .array(elements), range: start..<position)
            default:
                throw error("expected ',' or ']'")
            }
        }
    }

    private mutating func readNumber() throws(JSONReadError) -> String {
        let start = position
        if peek == UInt8(ascii: "-") { position += 1 }
        guard let first = peek, isDigit(first) else { throw error("malformed number") }
        position += 1
        if first != UInt8(ascii: "0") {
            skipDigits()
        }
        if peek == UInt8(ascii: ".") {
            position += 1
            guard let next = peek, isDigit(next) else { throw error("malformed number") }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
            guard let next = peek, isDigit(next) else { throw error("malformed number") }
            skipDigits()
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private mutating func skipDigits() {
        while let byte = peek, isDigit(byte) { position += 1 }
    }

    private mutating func readString() throws(JSONReadError) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var run = position
        // Plain runs are decoded in one go; escapes are handled one by one.
        func flush(_ end: Int) {
            if run < end {
                scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
            }
        }
        while true {
            guard let byte = peek else { throw error("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                flush(position)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush(position)
                position += 1
                scalars.append(try readEscape())
                run = position
            case 0x00..<0x20:
                throw error("control character inside a string")
            default:
                position += 1
            }
        }
    }

    private mutating func readEscape() throws(JSONReadError) -> Unicode.Scalar {
        guard let byte = peek else { throw error("unterminated escape") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try readHex4()
            if (0xD800..<0xDC00).contains(unit), peek == UInt8(ascii: "\\"),
               position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") {
                let save = position
                position += 2
                let low = try readHex4()
                if (0xDC00..<0xE000).contains(low) {
                    let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    return Unicode.Scalar(value) ?? "\u{FFFD}"
                }
                position = save
            }
            // A lone surrogate is not a character; keep a visible stand-in.
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        default:
            throw error("unknown escape")
        }
    }

    private mutating func readHex4() throws(JSONReadError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("bad hex digit in \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
