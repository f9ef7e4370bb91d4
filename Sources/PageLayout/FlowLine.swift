/// The line being filled by inline flow: the words committed to it, then the word being
/// gathered. The word's bytes already follow the committed ones, so committing a word
/// that fits copies nothing; only its spans (usually none) move over.
///
/// Every `append` adds to the word; `commitWord` puts it on the line.
struct FlowLine {
    /// The committed content, then the word's bytes from `wordStart`.
    private(set) var bytes: [UInt8] = []
    /// Spans of the committed content.
    private(set) var spans: [StyledSpan] = []
    /// Width of the committed content, in cells.
    private(set) var width = 0
    private(set) var wordStart = 0
    /// Spans of the word, in columns from its start.
    private var wordSpans: [StyledSpan] = []
    private(set) var wordWidth = 0

    /// Whether nothing is committed (the word may hold something).
    var isEmpty: Bool { wordStart == 0 }

    var wordIsEmpty: Bool { bytes.count == wordStart }

    /// The word's last bytes, at most `count` of them.
    func wordSuffix(_ count: Int) -> ArraySlice<UInt8> {
        bytes[max(wordStart, bytes.count - count)...]
    }

    /// The attributes that cover the last committed column.
    var lastAttributes: TextAttributes {
        if let last = spans.last, Int(last.end) == width { return last.attributes }
        return .plain
    }

    /// The attributes that cover the word's first column.
    var wordFirstAttributes: TextAttributes {
        if let first = wordSpans.first, first.start == 0 { return first.attributes }
        return .plain
    }

    // MARK: The word

    mutating func appendASCII(_ byte: UInt8, _ attributes: TextAttributes) {
        bytes.append(byte)
        wordWidth += 1
        StyledSpan.mark(&wordSpans, from: wordWidth - 1, to: wordWidth, attributes)
    }

    /// Appends printable ASCII, one cell a byte.
    mutating func appendASCII(_ run: UnsafeBufferPointer<UInt8>, _ attributes: TextAttributes) {
        bytes.append(contentsOf: run)
        let start = wordWidth
        wordWidth += run.count
        StyledSpan.mark(&wordSpans, from: start, to: wordWidth, attributes)
    }

    mutating func append(_ text: String, width textWidth: Int, _ attributes: TextAttributes) {
        bytes.append(contentsOf: text.utf8)
        let start = wordWidth
        wordWidth += textWidth
        StyledSpan.mark(&wordSpans, from: start, to: wordWidth, attributes)
    }

    mutating func append(scalar: Unicode.Scalar, width scalarWidth: Int, _ attributes: TextAttributes) {
        UTF8.encode(scalar) { bytes.append($0) }
        let start = wordWidth
        wordWidth += scalarWidth
        if scalarWidth > 0 {
            StyledSpan.mark(&wordSpans, from: start, to: wordWidth, attributes)
        }
    }

    mutating func appendSpaces(_ count: Int, _ attributes: TextAttributes) {
        guard count > 0 else { return }
        for _ in 0..<count { bytes.append(UInt8(ascii: " ")) }
        let start = wordWidth
        wordWidth += count
        StyledSpan.mark(&wordSpans, from: start, to: wordWidth, attributes)
    }

    // MARK: The line

    /// Puts a space between the committed content and the word.
    mutating func insertSpace(_ attributes: TextAttributes) {
        // The word moves one byte right (what `insert` does, without its generic overhead).
        bytes.append(0)
        let start = wordStart
        bytes.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            (base + start + 1).update(from: base + start, count: buffer.count - start - 1)
            base[start] = UInt8(ascii: " ")
        }
        wordStart += 1
        width += 1
        StyledSpan.mark(&spans, from: width - 1, to: width, attributes)
    }

    /// Commits the word: its bytes are in place already; its spans join the line's.
    mutating func commitWord() {
        StyledSpan.appendShifted(wordSpans, by: width, to: &spans)
        width += wordWidth
        wordStart = bytes.count
        wordWidth = 0
        if !wordSpans.isEmpty { wordSpans.removeAll(keepingCapacity: true) }
    }

    /// Takes the word off the line, as a builder of its own.
    mutating func detachWord() -> LineBuilder {
        var word = LineBuilder()
        word.bytes.append(contentsOf: bytes[wordStart...])
        word.spans = wordSpans
        word.width = wordWidth
        bytes.removeSubrange(wordStart...)
        wordSpans = []
        wordWidth = 0
        return word
    }

    /// Appends a committed piece (part of a word too long for any line).
    mutating func append(committed piece: LineBuilder) {
        precondition(wordIsEmpty)
        bytes.append(contentsOf: piece.bytes)
        StyledSpan.appendShifted(piece.spans, by: width, to: &spans)
        width += piece.width
        wordStart = bytes.count
    }

    /// Clears the committed content; the word, if any, moves to the start.
    mutating func dropCommitted() {
        if wordStart > 0 {
            bytes.removeSubrange(..<wordStart)
            wordStart = 0
        }
        if !spans.isEmpty { spans.removeAll(keepingCapacity: true) }
        width = 0
    }

    /// The committed bytes.
    var committedBytes: ArraySlice<UInt8> { bytes[..<wordStart] }
}

extension StyledSpan {
    /// Marks columns `start..<end` with `attributes`, extending the last span when it
    /// ends at `start` with the same attributes. Plain text needs no span.
    static func mark(_ spans: inout [StyledSpan], from start: Int, to end: Int, _ attributes: TextAttributes) {
        guard !attributes.isPlain, end > start else { return }
        if let last = spans.last, last.attributes == attributes, Int(last.end) == start {
            spans[spans.count - 1].end = Int32(end)
        } else {
            spans.append(StyledSpan(start: Int32(start), end: Int32(end), attributes: attributes))
        }
    }

    /// Appends `more`, moved right by `offset` columns, joining the first to the last of
    /// `spans` when they meet with the same attributes.
    static func appendShifted(_ more: [StyledSpan], by offset: Int, to spans: inout [StyledSpan]) {
        let offset = Int32(offset)
        for span in more {
            let shifted = StyledSpan(start: span.start + offset, end: span.end + offset, attributes: span.attributes)
            if let last = spans.last, last.attributes == shifted.attributes, last.end == shifted.start {
                spans[spans.count - 1].end = shifted.end
            } else {
                spans.append(shifted)
            }
        }
    }
}
