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
        StyledSpan.mark(&spans, from: start, to: width, attributes)
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
        for _ in 0..<count { bytes.append(UInt8(ascii: " ")) }
        let start = width
        width += count
        style(from: start, attributes)
    }

    /// Appends `count` copies of a one-cell character (a border).
    mutating func append(repeating character: Unicode.Scalar, count: Int, _ attributes: TextAttributes) {
        guard count > 0 else { return }
        let encoded = UTF8.encode(character)!
        for _ in 0..<count {
            for byte in encoded { bytes.append(byte) }
        }
        let start = width
        width += count
        style(from: start, attributes)
    }

    /// Appends another builder's content after this one's.
    mutating func append(_ other: LineBuilder) {
        append(other.bytes[...], spans: other.spans, width: other.width)
    }

    /// Appends content given as its parts.
    mutating func append(_ otherBytes: ArraySlice<UInt8>, spans otherSpans: [StyledSpan], width otherWidth: Int) {
        bytes.append(contentsOf: otherBytes)
        StyledSpan.appendShifted(otherSpans, by: width, to: &spans)
        width += otherWidth
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

    /// The finished line. Its spans are a copy of exactly the right size, so that the
    /// builder keeps its own buffer for the next line.
    func finish() -> StyledLine {
        LineBuilder.line(bytes[...], spans: spans, width: width)
    }

    /// A finished line from its parts.
    static func line(_ bytes: ArraySlice<UInt8>, spans: [StyledSpan], width: Int) -> StyledLine {
        var unshared: [StyledSpan] = []
        return line(bytes, spans: spans, width: width, sharing: &unshared)
    }

    /// A finished line from its parts, whose spans share storage with `previous` (the last
    /// line's) when they are the same: the lines of a table mostly differ in text only.
    static func line(_ bytes: ArraySlice<UInt8>, spans: [StyledSpan], width: Int,
                     sharing previous: inout [StyledSpan]) -> StyledLine {
        if spans != previous {
            previous = spans.isEmpty ? [] : spans.withUnsafeBufferPointer { Array($0) }
        }
        return StyledLine(text: String(decoding: bytes, as: UTF8.self), spans: previous, width: width)
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
