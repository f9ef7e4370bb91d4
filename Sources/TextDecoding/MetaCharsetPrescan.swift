/// The HTML standard's "prescan a byte stream to determine its encoding": finds
/// `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">`
/// in the first bytes of a page, skipping comments and other tags' attributes.
enum MetaCharsetPrescan {
    /// How far into the page to look. The standard suggests 1024 bytes; pages with a long
    /// head before their `<meta>` are common enough to look a little further.
    static let byteLimit = 4096

    /// The encoding the page declares, or nil when it declares none Penny knows.
    static func encoding(in bytes: [UInt8]) -> TextEncoding? {
        var scanner = PrescanScanner(bytes: Array(bytes.prefix(byteLimit)))
        return scanner.run()
    }

    /// "extract a character encoding from a meta element": the charset in a `content` value.
    static func charset(inContent content: [UInt8]) -> String? {
        var position = 0
        let charset = Array("charset".utf8)
        while true {
            // Find "charset", case-insensitively.
            guard let found = (position..<max(position, content.count - charset.count + 1)).first(where: { start in
                zip(content[start..<(start + charset.count)], charset).allSatisfy { $0.asciiLowercased == $1 }
            }) else { return nil }
            position = found + charset.count
            while position < content.count, content[position].isHTMLWhitespace { position += 1 }
            if position < content.count, content[position] == UInt8(ascii: "=") {
                position += 1
                break
            }
            // "charset" not followed by "=": look for the next one from here.
        }
        while position < content.count, content[position].isHTMLWhitespace { position += 1 }
        guard position < content.count else { return nil }
        let first = content[position]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard let close = content[(position + 1)...].firstIndex(of: first) else { return nil }
            return String(decoding: content[(position + 1)..<close], as: UTF8.self)
        }
        let end = content[position...].firstIndex { $0.isHTMLWhitespace || $0 == UInt8(ascii: ";") } ?? content.count
        return String(decoding: content[position..<end], as: UTF8.self)
    }
}

/// The prescan's cursor and its steps, each named as in the standard.
private struct PrescanScanner {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func run() -> TextEncoding? {
        while position < bytes.count {
            if matches("<!--") {
                // To the ">" of the first "-->" after "<!" ("<!-->" is a whole comment).
                guard let end = find(Array("-->".utf8), from: position + 2) else { return nil }
                position = end + 2
            } else if matchesIgnoringCase("<meta"), let next = byte(at: position + 5),
                      next.isHTMLWhitespace || next == UInt8(ascii: "/") {
                position += 6
                if let encoding = metaElement() { return encoding }
            } else if byte(at: position) == UInt8(ascii: "<"), let next = byte(at: position + 1),
                      next.isASCIILetter || (next == UInt8(ascii: "/") && byte(at: position + 2)?.isASCIILetter == true) {
                // Another tag: skip its name and attributes, so a ">" inside a value does not end it.
                while let current = byte(at: position), !current.isHTMLWhitespace, current != UInt8(ascii: ">") {
                    position += 1
                }
                while attribute() != nil {}
            } else if matches("<!") || matches("</") || matches("<?") {
                guard let end = bytes[position...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                position = end
            }
            position += 1
        }
        return nil
    }

    /// The attributes of a `<meta`, and whether together they declare an encoding.
    private mutating func metaElement() -> TextEncoding? {
        var seen: Set<String> = []
        var gotPragma = false
        var needPragma: Bool?
        var charset: TextEncoding?
        var charsetFailed = false

        while let (name, value) = attribute() {
            guard seen.insert(name).inserted else { continue }
            switch name {
            case "http-equiv":
                if String(decoding: value, as: UTF8.self) == "content-type" { gotPragma = true }
            case "content":
                if charset == nil, !charsetFailed, let label = MetaCharsetPrescan.charset(inContent: value) {
                    charset = TextEncoding(label: label)
                    charsetFailed = charset == nil
                    needPragma = true
                }
            case "charset":
                charset = TextEncoding(label: String(decoding: value, as: UTF8.self))
                charsetFailed = charset == nil
                needPragma = false
            default:
                break
            }
        }
        guard let needPragma, !needPragma || gotPragma, let charset else { return nil }
        // A page cannot be UTF-16 if ASCII `<meta` could be read in it.
        if charset.isUTF16 { return .utf8 }
        if charset == .xUserDefined { return .windows1252 }
        return charset
    }

    /// "get an attribute": the next name and value (both lower-cased), or nil at ">" or the end.
    private mutating func attribute() -> (name: String, value: [UInt8])? {
        while let current = byte(at: position), current.isHTMLWhitespace || current == UInt8(ascii: "/") {
            position += 1
        }
        guard let first = byte(at: position), first != UInt8(ascii: ">") else { return nil }

        var name: [UInt8] = []
        var value: [UInt8] = []
        // The name: an "=" can only end it after its first byte.
        while true {
            guard let current = byte(at: position) else { return nil }
            if current == UInt8(ascii: "="), !name.isEmpty {
                position += 1
                return valueAfterEquals(name: name, value: &value)
            }
            if current.isHTMLWhitespace { break }
            if current == UInt8(ascii: "/") || current == UInt8(ascii: ">") {
                return (String(decoding: name, as: UTF8.self), [])
            }
            name.append(current.asciiLowercased)
            position += 1
        }
        // White space after the name: the value only follows an "=".
        while let current = byte(at: position), current.isHTMLWhitespace { position += 1 }
        guard let current = byte(at: position) else { return nil }
        guard current == UInt8(ascii: "=") else { return (String(decoding: name, as: UTF8.self), []) }
        position += 1
        return valueAfterEquals(name: name, value: &value)
    }

    private mutating func valueAfterEquals(name: [UInt8], value: inout [UInt8]) -> (name: String, value: [UInt8])? {
        let name = String(decoding: name, as: UTF8.self)
        while let current = byte(at: position), current.isHTMLWhitespace { position += 1 }
        guard let first = byte(at: position) else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            position += 1
            while let current = byte(at: position) {
                position += 1
                if current == first { return (name, value) }
                value.append(current.asciiLowercased)
            }
            return nil
        }
        if first == UInt8(ascii: ">") { return (name, []) }
        while let current = byte(at: position) {
            if current.isHTMLWhitespace || current == UInt8(ascii: ">") { return (name, value) }
            value.append(current.asciiLowercased)
            position += 1
        }
        return nil
    }

    private func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    // Plain loops: the generic zip/starts(with:) versions cost more in one-time runtime type
    // lookups than the whole prescan of a small page.
    private func matches(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        for offset in 0..<count where bytes[position + offset] != text.utf8Start[offset] { return false }
        return true
    }

    private func matchesIgnoringCase(_ lowercased: StaticString) -> Bool {
        let count = lowercased.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        for offset in 0..<count where bytes[position + offset].asciiLowercased != lowercased.utf8Start[offset] {
            return false
        }
        return true
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard start <= bytes.count - needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

extension UInt8 {
    /// TAB, LF, FF, CR or SPACE.
    var isHTMLWhitespace: Bool {
        self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D || self == 0x20
    }

    var isASCIILetter: Bool {
        (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }

    var asciiLowercased: UInt8 {
        (0x41...0x5A).contains(self) ? self | 0x20 : self
    }
}
