import TerminalText

/// A line (or a word) under construction: UTF-8 bytes, styled spans, width in cells.
struct LineBuilder {
    var bytes: [UInt8] = []
    var spans: [StyledSpan] = []
    var width = 0

    var isEmpty: Bool { bytes.isEmpty }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        width = 0
    }

    /// Marks the columns from `start` to the current width with `attributes`.
    mutating func style(from start: Int, _ attributes: TextAttributes) {
        guard !attributes.isPlain, width > start else { return }
        if let last = spans.last, last.attributes == attributes, Int(last.end) == start {
            spans[spans.count - 1].end = Int32(width)
        } else {
            spans.append(StyledSpan(start: Int32(start), end: Int32(width), attributes: attributes))
        }
    }

    mutating func appendASCII(_ byte: UInt8, _ attributes: TextAttributes) {
        bytes.append(byte)
        width += 1
        style(from: width - 1, attributes)
    }

    mutating func append(_ text: String, width textWidth: Int, _ attributes: TextAttributes) {
        bytes.append(contentsOf: text.utf8)
        let start = width
        width += textWidth
        style(from: start, attributes)
    }

    mutating func append(scalar: Unicode.Scalar, width scalarWidth: Int, _ attributes: TextAttributes) {
        let start = width
        UTF8.encode(scalar) { bytes.append($0) }
        width += scalarWidth
        if scalarWidth > 0 {
            style(from: start, attributes)
        }
    }

    mutating func appendSpaces(_ count: Int, _ attributes: TextAttributes = .plain) {
        guard count > 0 else { return }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        let start = width
        width += count
        style(from: start, attributes)
    }

    /// Appends another builder's content after this one's.
    mutating func append(_ other: LineBuilder) {
        let offset = Int32(width)
        bytes.append(contentsOf: other.bytes)
        for span in other.spans {
            let shifted = StyledSpan(start: span.start + offset, end: span.end + offset, attributes: span.attributes)
            if let last = spans.last, last.attributes == shifted.attributes, last.end == shifted.start {
                spans[spans.count - 1].end = shifted.end
            } else {
                spans.append(shifted)
            }
        }
        width += other.width
    }

    /// Appends a finished line.
    mutating func append(_ line: StyledLine) {
        let offset = Int32(width)
        bytes.append(contentsOf: line.text.utf8)
        for span in line.spans {
            spans.append(StyledSpan(start: span.start + offset, end: span.end + offset, attributes: span.attributes))
        }
        width += line.width
    }

    /// The attributes that cover the last column.
    var lastAttributes: TextAttributes {
        if let last = spans.last, Int(last.end) == width { return last.attributes }
        return .plain
    }

    /// The attributes that cover the first column.
    var firstAttributes: TextAttributes {
        if let first = spans.first, first.start == 0 { return first.attributes }
        return .plain
    }

    func finish() -> StyledLine {
        StyledLine(text: String(decoding: bytes, as: UTF8.self), spans: spans, width: width)
    }

    /// Cuts this builder into pieces no wider than `limit` cells (at least one scalar each).
    func split(limit: Int) -> [LineBuilder] {
        var pieces: [LineBuilder] = []
        var piece = LineBuilder()
        var index = 0
        var spanIndex = 0
        var column = 0
        let limit = max(limit, 1)
        while index < bytes.count {
            let length = UTF8Length.ofScalar(startingWith: bytes[index])
            let end = min(index + length, bytes.count)
            let scalarWidth = UTF8Length.width(of: bytes, index, end)
            if piece.width + scalarWidth > limit && piece.width > 0 {
                pieces.append(piece)
                piece = LineBuilder()
            }
            while spanIndex < spans.count && Int(spans[spanIndex].end) <= column { spanIndex += 1 }
            let attributes = spanIndex < spans.count && Int(spans[spanIndex].start) <= column ? spans[spanIndex].attributes : .plain
            let start = piece.width
            piece.bytes.append(contentsOf: bytes[index..<end])
            piece.width += scalarWidth
            if scalarWidth > 0 {
                piece.style(from: start, attributes)
            }
            column += scalarWidth
            index = end
        }
        if !piece.isEmpty {
            pieces.append(piece)
        }
        return pieces
    }
}

/// UTF-8 lengths and widths straight from bytes.
enum UTF8Length {
    static func ofScalar(startingWith byte: UInt8) -> Int {
        switch byte {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0..<0xF8: return 4
        default: return 1
        }
    }

    static func width(of bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        if end - start == 1 {
            return bytes[start] >= 0x20 && bytes[start] < 0x7F ? 1 : 0
        }
        var decoder = UTF8()
        var iterator = bytes[start..<end].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return DisplayWidth.of(scalar)
        }
        return 1
    }
}
