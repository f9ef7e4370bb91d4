extension PseudoTerminalSession {
    /// The terminal's size in cells.
    public var width: Int { screen.width }
    public var height: Int { screen.height }

    /// Every row as text: wide characters once, trailing spaces trimmed.
    public var screenRows: [String] {
        pump()
        return (0..<screen.height).map(screen.row)
    }

    /// The rows joined by newlines.
    public var screenText: String { screenRows.joined(separator: "\n") }

    /// One cell with its attributes and colours.
    public func cell(x: Int, y: Int) -> ScreenCell {
        pump()
        return screen.cell(x: x, y: y)
    }

    public var cursor: CursorState {
        pump()
        return screen.cursor
    }

    /// Whether the program is on the alternate screen (smcup), as libvterm reports it.
    public var isAlternateScreen: Bool {
        pump()
        return screen.isAlternateScreen
    }

    /// Whether the program turned on mouse reporting; clicks send nothing otherwise.
    public var reportsMouse: Bool {
        pump()
        return screen.reportsMouse
    }
}
