import BigInt

/// A CBOR data item (RFC 8949), the subset Cashu payment requests use.
indirect enum CBORValue {
    case unsigned(UInt64)
    /// The negative integer -1 - n.
    case negative(UInt64)
    case bytes([UInt8])
    case text(String)
    case array([CBORValue])
    case map([(key: CBORValue, value: CBORValue)])
    case bool(Bool)
    case null

    /// The value of the first entry whose key is the text `key`, when this is a map.
    subscript(key: String) -> CBORValue? {
        guard case .map(let entries) = self else { return nil }
        return entries.first {
            if case .text(let text) = $0.key { return text == key }
            return false
        }?.value
    }

    var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The same data as JSON, for showing and comparing: byte strings become hex, and
    /// non-text map keys their JSON text.
    var json: JSONValue {
        switch self {
        case .unsigned(let value): .number(String(value))
        case .negative(let value): .number("-" + String(BigUInt(value) + 1))
        case .bytes(let bytes): .string(bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined())
        case .text(let text): .string(text)
        case .array(let elements): .array(elements.map(\.json))
        case .map(let entries):
            .object(entries.map { entry in
                JSONMember(key: entry.key.text ?? entry.key.json.jsonText, value: entry.value.json)
            })
        case .bool(let flag): .bool(flag)
        case .null: .null
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

/// Why CBOR could not be read.
struct CBORReadError: Error {
    var reason: String
}

/// A minimal, bounds-checked CBOR decoder: definite-length integers, byte and text
/// strings, arrays, maps, tags (skipped), booleans and null. Floats and indefinite
/// lengths are refused: no payment request needs them. Every length is checked against
/// the bytes left before anything is allocated, so a forged length cannot exhaust memory.
struct CBORReader {
    static let maximumDepth = 16

    private let bytes: [UInt8]
    private var position = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Decodes one data item that must fill the input.
    static func decode(_ bytes: [UInt8]) throws(CBORReadError) -> CBORValue {
        var reader = CBORReader(bytes)
        let value = try reader.readItem(depth: 0)
        guard reader.position == bytes.count else { throw CBORReadError(reason: "extra bytes after the CBOR item") }
        return value
    }

    private var remaining: Int { bytes.count - position }

    private mutating func readByte() throws(CBORReadError) -> UInt8 {
        guard position < bytes.count else { throw CBORReadError(reason: "CBOR ends in the middle of an item") }
        defer { position += 1 }
        return bytes[position]
    }

    /// The argument that follows an initial byte's additional information.
    private mutating func readArgument(_ info: UInt8) throws(CBORReadError) -> UInt64 {
        switch info {
        case 0..<24:
            return UInt64(info)
        case 24, 25, 26, 27:
            let count = 1 << Int(info - 24)
            var value: UInt64 = 0
            for _ in 0..<count {
                value = value << 8 | UInt64(try readByte())
            }
            return value
        case 31:
            throw CBORReadError(reason: "indefinite-length CBOR items are not supported")
        default:
            throw CBORReadError(reason: "reserved CBOR additional information \(info)")
        }
    }

    /// A length that fits in what is left of the input, given each element needs at least
    /// `minimumBytes` bytes.
    private mutating func readLength(_ info: UInt8, minimumBytes: Int) throws(CBORReadError) -> Int {
        let length = try readArgument(info)
        guard length <= UInt64(remaining / max(1, minimumBytes)) else {
            throw CBORReadError(reason: "a CBOR length runs past the end of the data")
        }
        return Int(length)
    }

    private mutating func readItem(depth: Int) throws(CBORReadError) -> CBORValue {
        guard depth <= Self.maximumDepth else { throw CBORReadError(reason: "CBOR nested too deeply") }
        let initial = try readByte()
        let major = initial >> 5
        let info = initial & 0x1F
        switch major {
        case 0:
            return .unsigned(try readArgument(info))
        case 1:
            return .negative(try readArgument(info))
        case 2:
            let length = try readLength(info, minimumBytes: 1)
            defer { position += length }
            return .bytes(Array(bytes[position..<position + length]))
        case 3:
            let length = try readLength(info, minimumBytes: 1)
            guard let text = String(validating: bytes[position..<position + length], as: UTF8.self) else {
                throw CBORReadError(reason: "a CBOR text string is not valid UTF-8")
            }
            position += length
            return .text(text)
        case 4:
            let count = try readLength(info, minimumBytes: 1)
            var elements: [CBORValue] = []
            elements.reserveCapacity(count)
            for _ in 0..<count {
                elements.append(try readItem(depth: depth + 1))
            }
            return .array(elements)
        case 5:
            let count = try readLength(info, minimumBytes: 2)
            var entries: [(key: CBORValue, value: CBORValue)] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let key = try readItem(depth: depth + 1)
                let value = try readItem(depth: depth + 1)
                entries.append((key, value))
            }
            return .map(entries)
        case 6:
            _ = try readArgument(info)
            return try readItem(depth: depth + 1)
        default:
            switch info {
            case 20: return .bool(false)
            case 21: return .bool(true)
            case 22, 23: return .null
            case 25, 26, 27: throw CBORReadError(reason: "floating-point numbers are not expected here")
            default: throw CBORReadError(reason: "unsupported CBOR simple value \(info)")
            }
        }
    }
}
