/// What a piece of laid-out text is, for the theme to style: emphasis, a heading,
/// a link, a form field. Layout never picks colours.
public struct TextAttributes: Hashable, Sendable {
    /// Independent styles that can combine.
    public struct Flags: OptionSet, Hashable, Sendable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }

        public static let bold = Flags(rawValue: 1 << 0)
        public static let italic = Flags(rawValue: 1 << 1)
        public static let underline = Flags(rawValue: 1 << 2)
        public static let strikethrough = Flags(rawValue: 1 << 3)
        public static let code = Flags(rawValue: 1 << 4)
        public static let preformatted = Flags(rawValue: 1 << 5)
        public static let mark = Flags(rawValue: 1 << 6)
        public static let quote = Flags(rawValue: 1 << 7)
        public static let tableBorder = Flags(rawValue: 1 << 8)
        public static let listMarker = Flags(rawValue: 1 << 9)
        public static let formField = Flags(rawValue: 1 << 10)
        public static let image = Flags(rawValue: 1 << 11)
        public static let linkNumber = Flags(rawValue: 1 << 12)
        public static let rule = Flags(rawValue: 1 << 13)
        public static let notice = Flags(rawValue: 1 << 14)
    }

    public var flags: Flags
    /// 1 to 6 inside a heading, else 0.
    public var headingLevel: UInt8
    /// Index into `RenderedPage.links`, or -1.
    public var link: Int32
    /// Index into `RenderedPage.fields`, or -1.
    public var field: Int32

    public init(flags: Flags = [], headingLevel: UInt8 = 0, link: Int32 = -1, field: Int32 = -1) {
        self.flags = flags
        self.headingLevel = headingLevel
        self.link = link
        self.field = field
    }

    /// Unstyled text.
    public static let plain = TextAttributes()

    public var isPlain: Bool { self == .plain }

    func adding(_ more: Flags) -> TextAttributes {
        var copy = self
        copy.flags.formUnion(more)
        return copy
    }
}

/// A run of columns on one line that share attributes.
public struct StyledSpan: Hashable, Sendable {
    /// First column (0-based), in cells.
    public var start: Int32
    /// One past the last column.
    public var end: Int32
    public var attributes: TextAttributes
}

/// One line of laid-out text: its characters and the styled spans over them.
/// Columns not covered by a span are plain.
public struct StyledLine: Hashable, Sendable {
    public var text: String
    /// Sorted, non-overlapping.
    public var spans: [StyledSpan]
    /// Width of `text` in cells.
    public var width: Int

    public init(text: String, spans: [StyledSpan] = [], width: Int) {
        self.text = text
        self.spans = spans
        self.width = width
    }

    public static let empty = StyledLine(text: "", width: 0)

    /// The attributes at a column.
    public func attributes(atColumn column: Int) -> TextAttributes {
        for span in spans where Int(span.start) <= column && column < Int(span.end) {
            return span.attributes
        }
        return .plain
    }
}
