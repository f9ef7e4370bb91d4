import HTMLDocument

/// The HTML tokenizer over UTF-8 bytes, for the documents the native parser models: it hands
/// each token to the tree builder as it finds it and throws `Unsupported` at the first
/// construct it does not model exactly (the whole page then goes to the fallback parser).
///
/// The input has had CR and CR LF turned into LF and holds no NUL byte.
struct Tokenizer {
    private let input: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// Text with character references resolved, when a run has any.
    private var decoded: [UInt8] = []

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        decoded.reserveCapacity(256)
    }

    /// Tokenizes the whole input into `builder`.
    mutating func run(into builder: TreeBuilder) throws(Unsupported) {
        let count = input.count
        while position < count {
            let byte = input[position]
            if byte == UInt8(ascii: "<") {
                try tagOpen(builder)
            } else {
                try text(builder)
            }
            if let raw = builder.rawTextElement {
                builder.rawTextElement = nil
                try rawText(raw, builder)
            }
        }
        try builder.endOfFile()
    }

    // MARK: - Text

    /// A run of text up to the next `<`, with character references resolved.
    private mutating func text(_ builder: TreeBuilder) throws(Unsupported) {
        let start = position
        let count = input.count
        var cursor = position
        var hasReference = false
        while cursor < count {
            let byte = input[cursor]
            if byte == UInt8(ascii: "<") { break }
            if byte == UInt8(ascii: "&") { hasReference = true }
            cursor += 1
        }
        position = cursor
        if !hasReference {
            try builder.characters(UnsafeBufferPointer(rebasing: input[start..<cursor]))
            return
        }
        decoded.removeAll(keepingCapacity: true)
        appendDecoding(start..<cursor, inAttribute: false, to: &decoded)
        try decoded.withUnsafeBufferPointer { (buffer) throws(Unsupported) in try builder.characters(buffer) }
    }

    /// Appends `range` of the input with its character references resolved.
    private func appendDecoding(_ range: Range<Int>, inAttribute: Bool, to output: inout [UInt8]) {
        var cursor = range.lowerBound
        var runStart = cursor
        while cursor < range.upperBound {
            guard input[cursor] == UInt8(ascii: "&") else {
                cursor += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<cursor]))
            cursor = CharacterReference.decode(input, at: cursor, end: range.upperBound, inAttribute: inAttribute,
                                               into: &output)
            runStart = cursor
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<range.upperBound]))
    }

    // MARK: - Tags and markup

    private mutating func tagOpen(_ builder: TreeBuilder) throws(Unsupported) {
        let next = position + 1
        guard next < input.count else {
            // A lone `<` at the end is text.
            position = input.count
            try emitLiteral(next - 1..<next, builder)
            return
        }
        let byte = input[next]
        if Self.isASCIIAlpha(byte) {
            position = next
            try tag(isEnd: false, builder)
        } else if byte == UInt8(ascii: "/") {
            let after = next + 1
            guard after < input.count else { throw Unsupported("</ at the end of input") }
            if Self.isASCIIAlpha(input[after]) {
                position = after
                try tag(isEnd: true, builder)
            } else if input[after] == UInt8(ascii: ">") {
                position = after + 1  // `</>` is dropped
            } else {
                throw Unsupported("a bogus comment")
            }
        } else if byte == UInt8(ascii: "!") {
            try markupDeclaration(builder)
        } else if byte == UInt8(ascii: "?") {
            throw Unsupported("a processing instruction")
        } else {
            // `<` not starting a tag is text; the text run goes on from the next byte.
            position = next
            try emitLiteral(next - 1..<next, builder)
        }
    }

    private func emitLiteral(_ range: Range<Int>, _ builder: TreeBuilder) throws(Unsupported) {
        try builder.characters(UnsafeBufferPointer(rebasing: input[range]))
    }

    /// A start or end tag whose name starts at `position`.
    private mutating func tag(isEnd: Bool, _ builder: TreeBuilder) throws(Unsupported) {
        let name = try lowerCaseName(stoppingAtEquals: false)
        var attributes: [Attribute] = []
        var selfClosing = false
        let count = input.count
        attributeLoop: while true {
            skipWhitespace()
            guard position < count else { throw Unsupported("end of input inside a tag") }
            switch input[position] {
            case UInt8(ascii: ">"):
                position += 1
                break attributeLoop
            case UInt8(ascii: "/"):
                position += 1
                if position < count && input[position] == UInt8(ascii: ">") {
                    selfClosing = true
                    position += 1
                    break attributeLoop
                }
            default:
                let attribute = try self.attribute()
                if !attributes.contains(where: { $0.name == attribute.name }) {
                    attributes.append(attribute)
                }
            }
        }
        if isEnd {
            try builder.endTag(name)
        } else {
            try builder.startTag(TagToken(name: name, attributes: attributes, selfClosing: selfClosing))
        }
    }

    /// A tag or attribute name from `position`, ASCII lower-cased.
    private mutating func lowerCaseName(stoppingAtEquals: Bool) throws(Unsupported) -> String {
        let start = position
        let count = input.count
        var hasUpper = false
        // An attribute name may start with `=`; only later ones end it.
        if stoppingAtEquals && position < count { position += 1 }
        while position < count {
            let byte = input[position]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: ">") || (stoppingAtEquals && byte == UInt8(ascii: "=")) {
                break
            }
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { hasUpper = true }
            position += 1
        }
        guard position < count else { throw Unsupported("end of input inside a tag") }
        let bytes = UnsafeBufferPointer(rebasing: input[start..<position])
        if !hasUpper { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private mutating func attribute() throws(Unsupported) -> Attribute {
        let name = try lowerCaseName(stoppingAtEquals: true)
        skipWhitespace()
        let count = input.count
        guard position < count else { throw Unsupported("end of input inside a tag") }
        guard input[position] == UInt8(ascii: "=") else {
            return Attribute(name: name, value: "")
        }
        position += 1
        skipWhitespace()
        guard position < count else { throw Unsupported("end of input inside a tag") }
        let quote = input[position]
        let start: Int
        let end: Int
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            start = position + 1
            var cursor = start
            while cursor < count && input[cursor] != quote { cursor += 1 }
            guard cursor < count else { throw Unsupported("end of input inside an attribute value") }
            end = cursor
            position = cursor + 1
            // After a quoted value anything but white space, `/` or `>` starts the next
            // attribute at once (a parse error), which the caller's loop already does.
        } else if quote == UInt8(ascii: ">") {
            return Attribute(name: name, value: "")
        } else {
            start = position
            var cursor = start
            while cursor < count {
                let byte = input[cursor]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == UInt8(ascii: ">") { break }
                cursor += 1
            }
            guard cursor < count else { throw Unsupported("end of input inside an attribute value") }
            end = cursor
            position = cursor
        }
        let raw = UnsafeBufferPointer(rebasing: input[start..<end])
        guard raw.contains(UInt8(ascii: "&")) else {
            return Attribute(name: name, value: String(decoding: raw, as: UTF8.self))
        }
        var value: [UInt8] = []
        value.reserveCapacity(raw.count)
        appendDecoding(start..<end, inAttribute: true, to: &value)
        return Attribute(name: name, value: String(decoding: value, as: UTF8.self))
    }

    private mutating func skipWhitespace() {
        while position < input.count, Self.isWhitespace(input[position]) { position += 1 }
    }

    /// `<!--…-->` and `<!DOCTYPE …>`; other declarations are not modelled.
    private mutating func markupDeclaration(_ builder: TreeBuilder) throws(Unsupported) {
        let start = position + 2
        if matches("--", at: start, caseInsensitive: false) {
            let body = start + 2
            // `<!-->` and `<!--->` end abruptly: not modelled.
            if matches(">", at: body, caseInsensitive: false) || matches("->", at: body, caseInsensitive: false) {
                throw Unsupported("an abrupt comment")
            }
            guard let close = find("-->", from: body) else { throw Unsupported("an unclosed comment") }
            if find("--!>", from: body, before: close + 4) != nil { throw Unsupported("a comment ended by --!>") }
            let text = String(decoding: UnsafeBufferPointer(rebasing: input[body..<close]), as: UTF8.self)
            position = close + 3
            try builder.comment(text)
        } else if matches("doctype", at: start, caseInsensitive: true) {
            position = start + 7
            try doctype(builder)
        } else {
            throw Unsupported("a markup declaration other than a comment or doctype")
        }
    }

    /// `<!DOCTYPE name>` and `<!DOCTYPE name PUBLIC "…" "…">` / `SYSTEM "…"`, written plainly.
    private mutating func doctype(_ builder: TreeBuilder) throws(Unsupported) {
        guard position < input.count, Self.isWhitespace(input[position]) else { throw Unsupported("a doctype without a space") }
        skipWhitespace()
        let nameStart = position
        while position < input.count, !Self.isWhitespace(input[position]), input[position] != UInt8(ascii: ">") {
            position += 1
        }
        guard position > nameStart, position < input.count else { throw Unsupported("a doctype without a name") }
        let name = String(decoding: UnsafeBufferPointer(rebasing: input[nameStart..<position])
                            .map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        skipWhitespace()
        var publicIdentifier: String?
        var systemIdentifier: String?
        if matches("public", at: position, caseInsensitive: true) {
            position += 6
            publicIdentifier = try quotedIdentifier()
            skipWhitespace()
            if position < input.count && input[position] != UInt8(ascii: ">") {
                systemIdentifier = try quotedIdentifier()
            }
        } else if matches("system", at: position, caseInsensitive: true) {
            position += 6
            systemIdentifier = try quotedIdentifier()
        }
        skipWhitespace()
        guard position < input.count, input[position] == UInt8(ascii: ">") else { throw Unsupported("an unusual doctype") }
        position += 1
        try builder.doctype(name: name, publicIdentifier: publicIdentifier, systemIdentifier: systemIdentifier)
    }

    private mutating func quotedIdentifier() throws(Unsupported) -> String {
        guard position < input.count, Self.isWhitespace(input[position]) else { throw Unsupported("an unusual doctype") }
        skipWhitespace()
        guard position < input.count else { throw Unsupported("an unusual doctype") }
        let quote = input[position]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw Unsupported("an unusual doctype") }
        let start = position + 1
        var cursor = start
        while cursor < input.count && input[cursor] != quote {
            if input[cursor] == UInt8(ascii: ">") { throw Unsupported("an unusual doctype") }
            cursor += 1
        }
        guard cursor < input.count else { throw Unsupported("an unusual doctype") }
        position = cursor + 1
        return String(decoding: UnsafeBufferPointer(rebasing: input[start..<cursor]), as: UTF8.self)
    }

    // MARK: - Raw text

    /// The content of `title`, `textarea` (with references), `style`, `script` and the other
    /// raw text elements, up to their end tag, which is then tokenized as usual.
    private mutating func rawText(_ element: RawTextElement, _ builder: TreeBuilder) throws(Unsupported) {
        let start = position
        let end = findEndTag(element.name, from: start) ?? input.count
        if element.kind == .script, find("<!--", from: start, before: end) != nil {
            throw Unsupported("a comment inside a script")
        }
        position = end
        guard end > start else { return }
        if element.kind == .rcdata, UnsafeBufferPointer(rebasing: input[start..<end]).contains(UInt8(ascii: "&")) {
            decoded.removeAll(keepingCapacity: true)
            appendDecoding(start..<end, inAttribute: false, to: &decoded)
            try decoded.withUnsafeBufferPointer { (buffer) throws(Unsupported) in try builder.characters(buffer) }
        } else {
            try builder.characters(UnsafeBufferPointer(rebasing: input[start..<end]))
        }
    }

    /// The offset of `</name` followed by white space, `/` or `>`, case-insensitively.
    private func findEndTag(_ name: String, from start: Int) -> Int? {
        var cursor = start
        let count = input.count
        let nameBytes = Array(name.utf8)
        while cursor + 2 + nameBytes.count < count {
            guard let open = find("</", from: cursor) else { return nil }
            let after = open + 2 + nameBytes.count
            if after < count, matches(nameBytes, at: open + 2) {
                let byte = input[after]
                if Self.isWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { return open }
            }
            cursor = open + 2
        }
        return nil
    }

    // MARK: - Byte helpers

    /// The first `needle` that starts at or after `start` and ends by `end` (the input's end).
    private func find(_ needle: StaticString, from start: Int, before end: Int? = nil) -> Int? {
        let first = needle.utf8Start[0]
        let length = needle.utf8CodeUnitCount
        var cursor = start
        let last = min(end ?? input.count, input.count) - length
        while cursor <= last {
            if input[cursor] == first {
                var index = 1
                while index < length && input[cursor + index] == needle.utf8Start[index] { index += 1 }
                if index == length { return cursor }
            }
            cursor += 1
        }
        return nil
    }

    private func matches(_ literal: StaticString, at offset: Int, caseInsensitive: Bool) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard offset + length <= input.count else { return false }
        for index in 0..<length {
            var byte = input[offset + index]
            if caseInsensitive && byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != literal.utf8Start[index] { return false }
        }
        return true
    }

    /// Lower-case `bytes` at `offset`, the input compared case-insensitively.
    private func matches(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard offset + bytes.count <= input.count else { return false }
        for index in 0..<bytes.count {
            var byte = input[offset + index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != bytes[index] { return false }
        }
        return true
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C
    }

    static func isASCIIAlpha(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }
}

/// A start tag as the tokenizer read it.
struct TagToken {
    var name: String
    var attributes: [Attribute]
    var selfClosing: Bool
    var element: ElementName { ElementName(name) }
}

/// An element whose content the tokenizer reads as text up to its end tag.
struct RawTextElement {
    enum Kind {
        /// `title`, `textarea`: character references are resolved.
        case rcdata
        /// `style`, `xmp`, `iframe`, `noembed`, `noframes`.
        case rawtext
        case script
    }

    let name: String
    let kind: Kind
}

/// What the native parser does not model; the page goes to the fallback parser.
struct Unsupported: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
