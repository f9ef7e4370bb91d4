/// A colour as the emulated terminal holds it.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's default foreground or background.
    case `default`
    case indexed(UInt8)
    case rgb(red: UInt8, green: UInt8, blue: UInt8)
}

/// One cell of the emulated screen: what it shows and how.
public struct ScreenCell: Hashable, Sendable {
    /// The character with its combining marks; " " for a blank cell.
    public var text: String
    /// 1, or 2 for a wide character (this is its left half).
    public var width: Int
    public var isBold: Bool
    public var isUnderlined: Bool
    public var isItalic: Bool
    public var isReversed: Bool
    public var isStruckThrough: Bool
    public var foreground: TerminalColor
    public var background: TerminalColor
}

/// Where the emulated terminal's cursor is, and whether the program shows it.
public struct CursorState: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var isVisible: Bool

    public init(x: Int, y: Int, isVisible: Bool) {
        self.x = x
        self.y = y
        self.isVisible = isVisible
    }
}
