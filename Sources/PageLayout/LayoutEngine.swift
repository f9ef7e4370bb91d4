import HTMLDocument
import TerminalText

/// What every engine of one layout shares: the document, the prepass and caches.
final class LayoutContext {
    let document: Document
    let prepass: PagePrepass
    let options: LayoutOptions
    /// Intrinsic widths of table cells, computed once however often a table is laid out.
    var intrinsicWidths: [NodeID: (minimum: Int, maximum: Int)] = [:]

    init(document: Document, prepass: PagePrepass, options: LayoutOptions) {
        self.document = document
        self.prepass = prepass
        self.options = options
    }
}

/// The lines a block of content became, with what it needs to be placed elsewhere.
struct CellLayout {
    var lines: [StyledLine]
    /// Anchor names and the line (within `lines`) they stand on.
    var anchors: [(name: String, line: Int)]
    /// The widest unbreakable piece, in cells.
    var minimumWidth: Int
    /// The widest line.
    var maximumWidth: Int
    /// Something in the content (a rule, a table, a textarea, a prefix dropped for depth)
    /// depends on the width it was laid out at, beyond where lines wrap.
    var widthSensitive = false
    /// The furthest any prefix reached, in cells.
    var prefixReach = 0

    /// Whether laying the same content out at `width` would give exactly these lines: true
    /// when nothing wrapped, nothing depends on the width and no prefix would be dropped.
    func isUnchanged(atWidth width: Int) -> Bool {
        !widthSensitive && maximumWidth <= width && prefixReach <= max(width, 1) / 2
    }
}

/// A level of block nesting that prefixes every line inside it: indentation, a quote bar,
/// or a list marker on its first line.
struct PrefixFrame {
    var text: String
    var width: Int
    var attributes: TextAttributes
    /// Shown instead of `text` on the first line inside, then cleared (list markers).
    var firstLine: String?
    var firstLineAttributes: TextAttributes
}

/// Inline state inherited down the tree.
struct InlineStyle {
    var attributes = TextAttributes.plain
    var preformatted = false
    /// Nesting of `q` elements, for alternating quote marks.
    var quoteDepth = 0
    /// Nesting of tables, to stop pathological recursion.
    var tableDepth = 0
}

/// Flows a document (or part of one) into lines of a given width.
///
/// Blocks push prefix frames and ask for blank lines around them; inline text is
/// gathered into words that are committed to the current line at break opportunities.
final class LayoutEngine {
    let context: LayoutContext
    let width: Int
    let document: Document

    private(set) var lines: [StyledLine] = []
    private(set) var anchors: [(name: String, line: Int)] = []
    private(set) var minimumWidth = 0
    private(set) var truncated = false

    private var prefixes: [PrefixFrame] = []
    private var prefixWidth = 0
    private var pendingBlankLines = 0
    /// How many prefix frames the pending blank lines carry: the outermost level that asked.
    private var pendingBlankDepth = 0
    private var hasEmitted = false
    /// The line being filled, with the word being gathered at its end.
    private var line = FlowLine()
    /// Reused for composing each emitted line, to spare an allocation per line.
    private var scratch = LineBuilder()
    /// The spans of the last line emitted, for the next to share when they are the same.
    private var lastSpans: [StyledSpan] = []
    /// Measuring engines (laid out at `unbounded` width) keep widths, not lines, unless
    /// `keepsLines` (a table cell's widest layout, reused when its column is wide enough).
    private let measuring: Bool
    private let keepsLines: Bool
    /// See `CellLayout.widthSensitive` and `prefixReach`.
    private var widthSensitive = false
    private var prefixReach = 0
    private var measuredWidth = 0
    private var emittedLineCount = 0
    private var pendingSpace = false
    private var pendingAnchors: [String] = []
    /// The current word ends with a wide (CJK) character, after which a line may break.
    private var wordEndsWide = false
    var listStack: [ListState] = []

    init(context: LayoutContext, width: Int, keepsLines: Bool = false) {
        self.context = context
        self.width = max(width, 1)
        document = context.document
        measuring = width >= LayoutEngine.unbounded
        self.keepsLines = keepsLines || !measuring
    }

    /// Records that what is being laid out depends on the width (see `CellLayout.isUnchanged`).
    func noteWidthSensitive() {
        widthSensitive = true
    }

    /// The width left for text after the current prefixes.
    var availableWidth: Int { max(width - prefixWidth, 1) }

    // MARK: Blocks

    /// Ends the current line and asks for at least `blankLines` empty lines before what follows.
    func beginBlock(blankLines: Int) {
        flushLine()
        requestBlankLines(blankLines)
    }

    /// Ends the current line and asks for at least `blankLines` empty lines after the block.
    func endBlock(blankLines: Int) {
        flushLine()
        requestBlankLines(blankLines)
    }

    private func requestBlankLines(_ count: Int) {
        guard count > 0 else { return }
        pendingBlankDepth = pendingBlankLines > 0 ? min(pendingBlankDepth, prefixes.count) : prefixes.count
        pendingBlankLines = max(pendingBlankLines, count)
    }

    /// Starts a prefix for every line until `popPrefix`; too deep a nesting stops indenting.
    func pushPrefix(_ text: String, attributes: TextAttributes = .plain, firstLine: String? = nil,
                    firstLineAttributes: TextAttributes = .plain) {
        flushLine()
        let frameWidth = DisplayWidth.of(text)
        prefixReach = max(prefixReach, prefixWidth + frameWidth)
        if prefixWidth + frameWidth > width / 2 {
            prefixes.append(PrefixFrame(text: "", width: 0, attributes: .plain, firstLine: nil, firstLineAttributes: .plain))
            return
        }
        prefixes.append(PrefixFrame(text: text, width: frameWidth, attributes: attributes, firstLine: firstLine,
                                    firstLineAttributes: firstLineAttributes))
        prefixWidth += frameWidth
    }

    func popPrefix() {
        flushLine()
        if let frame = prefixes.popLast() {
            prefixWidth -= frame.width
        }
        pendingBlankDepth = min(pendingBlankDepth, prefixes.count)
    }

    /// Remembers an anchor for the next line that is emitted.
    func addAnchor(_ name: String) {
        pendingAnchors.append(name)
    }

    /// Emits a finished line (a table row, a rule) at the current indentation.
    /// `unbreakable` lines count toward the narrowest width this content can take.
    func emitPreformatted(_ content: StyledLine, anchors lineAnchors: [String] = [], unbreakable: Bool = true) {
        var builder = LineBuilder()
        builder.append(content)
        emitPreformatted(builder, anchors: lineAnchors, unbreakable: unbreakable)
    }

    /// Emits a line composed in a builder (a table row) at the current indentation.
    func emitPreformatted(_ content: LineBuilder, anchors lineAnchors: [String], unbreakable: Bool) {
        flushLine()
        pendingAnchors.append(contentsOf: lineAnchors)
        emit(content)
        if unbreakable {
            minimumWidth = max(minimumWidth, prefixWidth + content.width)
        }
    }

    /// The width used to measure content's widest layout.
    static let unbounded = 100_000

    /// Whether this engine measures rather than lays out for display.
    var isMeasuring: Bool { measuring }

    /// Shows a list marker that no content line has carried yet (an empty `li`).
    func emitPendingMarker() {
        flushLine()
        if prefixes.last?.firstLine != nil {
            forceLineBreak()
        }
    }

    /// Records a line of `cells` width while measuring, without building it.
    func noteMeasuredWidth(_ cells: Int) {
        flushLine()
        measuredWidth = max(measuredWidth, prefixWidth + cells)
        hasEmitted = true
    }

    /// Records an unbreakable width (a nested table's minimum) for measuring.
    func noteUnbreakableWidth(_ cells: Int) {
        minimumWidth = max(minimumWidth, prefixWidth + cells)
    }

    private func emit(_ content: LineBuilder) {
        emit(content.bytes[...], spans: content.spans, width: content.width)
    }

    /// Emits the committed part of the line being filled.
    private func emitLine() {
        emit(line.committedBytes, spans: line.spans, width: line.width)
    }

    private func emit(_ bytes: ArraySlice<UInt8>, spans: [StyledSpan], width contentWidth: Int) {
        guard !truncated else { return }
        if emittedLineCount >= context.options.maximumLines {
            truncated = true
            return
        }
        if hasEmitted {
            for _ in 0..<pendingBlankLines {
                appendLine(blankLine())
            }
        }
        pendingBlankLines = 0
        hasEmitted = true
        if !keepsLines {
            // Measuring needs widths only: no text is built.
            measuredWidth = max(measuredWidth, prefixWidth + contentWidth)
            for index in prefixes.indices { prefixes[index].firstLine = nil }
            pendingAnchors.removeAll()
            emittedLineCount += 1
            return
        }
        for name in pendingAnchors {
            anchors.append((name, lines.count))
        }
        pendingAnchors.removeAll()
        guard prefixWidth > 0 || prefixes.contains(where: { $0.firstLine != nil }) else {
            // Nothing to put before the content: no second copy of it.
            return appendLine(LineBuilder.line(bytes, spans: spans, width: contentWidth, sharing: &lastSpans))
        }
        scratch.reset()
        for index in prefixes.indices {
            if let first = prefixes[index].firstLine {
                scratch.append(first, width: prefixes[index].width, prefixes[index].firstLineAttributes)
                prefixes[index].firstLine = nil
            } else if prefixes[index].width > 0 {
                scratch.append(prefixes[index].text, width: prefixes[index].width, prefixes[index].attributes)
            }
        }
        scratch.append(bytes, spans: spans, width: contentWidth)
        appendLine(LineBuilder.line(scratch.bytes[...], spans: scratch.spans, width: scratch.width, sharing: &lastSpans))
    }

    private func appendLine(_ line: StyledLine) {
        emittedLineCount += 1
        if measuring {
            measuredWidth = max(measuredWidth, line.width)
        }
        if keepsLines {
            lines.append(line)
        }
    }

    /// An empty line between blocks: the prefixes (quote bars) without markers or trailing spaces.
    private func blankLine() -> StyledLine {
        var builder = LineBuilder()
        for frame in prefixes.prefix(pendingBlankDepth) {
            builder.append(frame.text, width: frame.width, frame.attributes)
        }
        while builder.bytes.last == UInt8(ascii: " ") {
            builder.bytes.removeLast()
            builder.width -= 1
        }
        builder.spans = builder.spans.compactMap { span in
            var span = span
            span.end = min(span.end, Int32(builder.width))
            return span.end > span.start ? span : nil
        }
        return builder.finish()
    }

    // MARK: Inline flow

    /// Ends the current line if it has anything on it.
    func flushLine() {
        commitWord()
        if !line.isEmpty {
            emitLine()
            line.dropCommitted()
        }
        pendingSpace = false
    }

    /// Ends the current line even when empty (`<br>`, a newline in `pre`).
    func forceLineBreak() {
        commitWord()
        emitLine()
        line.dropCommitted()
        pendingSpace = false
    }

    /// A place where a line may break without a space (`<wbr>`, between CJK characters).
    func breakOpportunity() {
        commitWord()
    }

    /// Collapsible white space: a break opportunity that shows as one space mid-line.
    func whiteSpace() {
        commitWord()
        if !line.isEmpty {
            pendingSpace = true
        }
    }

    /// Appends an unbreakable piece of text (a field, a marker) to the current word.
    func appendAtom(_ text: String, _ attributes: TextAttributes) {
        let safe = TerminalSafe.sanitize(text)
        line.append(safe, width: DisplayWidth.of(safe), attributes)
    }

    /// Appends text to the current word, as it is (no white-space processing).
    func appendToWord(_ text: String, width textWidth: Int, _ attributes: TextAttributes) {
        line.append(text, width: textWidth, attributes)
    }

    /// Puts the current word on the line, wrapping first when it does not fit.
    private func commitWord() {
        guard !line.wordIsEmpty else { return }
        let available = availableWidth
        let wordWidth = line.wordWidth
        minimumWidth = max(minimumWidth, prefixWidth + min(wordWidth, LayoutEngine.unbounded))
        var space = pendingSpace && !line.isEmpty
        if !line.isEmpty && line.width + (space ? 1 : 0) + wordWidth > available {
            emitLine()
            line.dropCommitted()
            space = false
        }
        if space {
            // Keep a link's underline continuous across the spaces between its words.
            let before = line.lastAttributes
            let after = line.wordFirstAttributes
            line.insertSpace(before.link >= 0 && before.link == after.link ? before : .plain)
        }
        if line.width + wordWidth > available {
            widthSensitive = true
            let pieces = line.detachWord().split(limit: available)
            for (index, piece) in pieces.enumerated() {
                line.append(committed: piece)
                if index < pieces.count - 1 {
                    emitLine()
                    line.dropCommitted()
                }
            }
        } else {
            line.commitWord()
        }
        wordEndsWide = false
        pendingSpace = false
    }

    /// Flows text from the document, collapsing white space unless preformatted.
    func addText(_ bytes: UnsafeBufferPointer<UInt8>, _ style: InlineStyle) {
        let attributes = style.attributes
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x21 && byte < 0x7F {
                // A run of visible ASCII goes into the word at once.
                var end = index + 1
                while end < count && bytes[end] >= 0x21 && bytes[end] < 0x7F { end += 1 }
                if wordEndsWide { commitWord() }
                line.appendASCII(UnsafeBufferPointer(rebasing: bytes[index..<end]), attributes)
                index = end
                continue
            }
            if byte < 0x80 {
                index += 1
                if byte == 0x20 {
                    if style.preformatted { line.appendASCII(byte, attributes) } else { whiteSpace() }
                } else if byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C {
                    if !style.preformatted {
                        whiteSpace()
                    } else if byte == 0x0A {
                        forceLineBreak()
                    } else if byte == 0x0D {
                        if index < count && bytes[index] == 0x0A { index += 1 }
                        forceLineBreak()
                    } else if byte == 0x09 {
                        let column = line.width + line.wordWidth
                        line.appendSpaces(8 - column % 8, attributes)
                    }
                } else {
                    appendUnsafe(Unicode.Scalar(byte), attributes)
                }
                continue
            }
            let length = UTF8Length.ofScalar(startingWith: byte)
            var decoder = UTF8()
            var iterator = UnsafeBufferPointer(rebasing: bytes[index..<min(index + length, count)]).makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
                line.append(scalar: "\u{FFFD}", width: 1, attributes)
                index += 1
                continue
            }
            index += length
            addScalar(scalar, attributes, preformatted: style.preformatted)
        }
    }

    private func addScalar(_ scalar: Unicode.Scalar, _ attributes: TextAttributes, preformatted: Bool) {
        switch scalar.value {
        case 0xA0:
            line.appendASCII(UInt8(ascii: " "), attributes)  // no-break space: a space that does not break
        case 0xAD:
            return  // soft hyphen: invisible unless hyphenating
        case 0x200B:
            if !preformatted { breakOpportunity() }
        case 0x2028, 0x2029:
            if preformatted { forceLineBreak() } else { whiteSpace() }
        default:
            guard TerminalSafe.isSafe(scalar) else {
                appendUnsafe(scalar, attributes)
                return
            }
            let scalarWidth = DisplayWidth.of(scalar)
            if !preformatted && scalarWidth > 0 {
                // CJK text breaks between characters, but never inside an emoji sequence
                // (asked only where a break could be: Unicode properties are slow to read).
                if (scalarWidth == 2 || wordEndsWide)
                    && !(scalar.properties.isEmojiModifier || line.wordSuffix(3).elementsEqual([0xE2, 0x80, 0x8D])) {
                    commitWord()
                }
                wordEndsWide = scalarWidth == 2
            }
            line.append(scalar: scalar, width: scalarWidth, attributes)
        }
    }

    private func appendUnsafe(_ scalar: Unicode.Scalar, _ attributes: TextAttributes) {
        if case .replace(let symbol) = TerminalSafe.disposition(of: scalar) {
            line.append(scalar: symbol, width: DisplayWidth.of(symbol), attributes)
        }
    }

    /// Finishes the flow: the last line, and anchors that no line followed.
    func finish() -> CellLayout {
        flushLine()
        for name in pendingAnchors {
            anchors.append((name, max(lines.count - 1, 0)))
        }
        pendingAnchors.removeAll()
        let widest = measuring ? measuredWidth : lines.reduce(0) { max($0, $1.width) }
        return CellLayout(lines: lines, anchors: anchors, minimumWidth: minimumWidth, maximumWidth: widest,
                          widthSensitive: widthSensitive, prefixReach: prefixReach)
    }
}
