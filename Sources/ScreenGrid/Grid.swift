import TerminalText

/// One cell of the screen: what it shows and how.
public struct Cell: Hashable, Sendable {
    /// The characters drawn here: one grapheme, with its combining marks. Empty in the
    /// right half of a wide character.
    public var text: String
    /// 1, or 2 for the left half of a wide character, 0 for its right half.
    public var width: UInt8
    public var style: Style

    public init(text: String = " ", width: UInt8 = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell()

    /// The right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}

/// A platform-free screen buffer: widgets draw into it, the terminal adapter paints
/// the difference between two of them, tests compare it with text snapshots.
public struct Grid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be, if shown.
    public var cursor: (x: Int, y: Int)? {
        get { cursorPosition.map { ($0 % max(width, 1), $0 / max(width, 1)) } }
        set { cursorPosition = newValue.map { $0.y * width + $0.x } }
    }
    private var cursorPosition: Int?

    public init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Fills a rectangle with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, character: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(text: String(character), width: 1, style: style)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                self[x, y] = cell
            }
        }
        repairWideCharacters(rows: area.y..<area.maxY, at: [area.x, area.maxX])
    }

    /// Changes the style of every cell in a rectangle, keeping what they show.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                self[x, y].style = transform(self[x, y].style)
            }
        }
    }

    /// Draws text from (x, y) to the right, clipped to `clip` (the whole grid by default).
    /// Unsafe characters become visible symbols; a wide character that would straddle the
    /// clip edge becomes a space. Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard y >= area.y, y < area.maxY else { return x }
        var column = x
        var lastCell: Int?
        for scalar in text.unicodeScalars {
            var shown = scalar
            switch TerminalSafe.disposition(of: scalar) {
            case .keep: break
            case .drop: continue
            case .replace(let symbol): shown = symbol
            }
            let scalarWidth = DisplayWidth.of(shown)
            if scalarWidth == 0 {
                // Combining marks join the cell before them.
                if let lastCell, column <= area.maxX {
                    cells[lastCell].text.unicodeScalars.append(shown)
                }
                continue
            }
            if column >= area.maxX { break }
            if column < area.x {
                column += scalarWidth
                lastCell = nil
                continue
            }
            if scalarWidth == 2 && column + 1 >= area.maxX {
                self[column, y] = Cell(text: " ", width: 1, style: style)
                column += 1
                break
            }
            let index = y * width + column
            cells[index] = Cell(text: String(shown), width: UInt8(scalarWidth), style: style)
            if scalarWidth == 2 {
                cells[index + 1] = Cell(text: "", width: 0, style: style)
            }
            lastCell = index
            column += scalarWidth
        }
        repairWideCharacters(rows: y..<(y + 1), at: [max(x, area.x), min(column, area.maxX)])
        return column
    }

    /// After an overwrite, a wide character cut in half at a boundary becomes a space.
    private mutating func repairWideCharacters(rows: Range<Int>, at columns: [Int]) {
        for y in rows {
            for column in columns where column > 0 && column < width {
                let left = self[column - 1, y]
                let right = self[column, y]
                if left.width == 2 && !right.isContinuation {
                    self[column - 1, y] = Cell(text: " ", width: 1, style: left.style)
                }
                if right.isContinuation && left.width != 2 {
                    self[column, y] = Cell(text: " ", width: 1, style: right.style)
                }
            }
            if width > 0 {
                let first = self[0, y]
                if first.isContinuation { self[0, y] = Cell(text: " ", width: 1, style: first.style) }
                let last = self[width - 1, y]
                if last.width == 2 { self[width - 1, y] = Cell(text: " ", width: 1, style: last.style) }
            }
        }
    }

    /// The text of a row, trailing blanks kept.
    public func row(_ y: Int) -> String {
        var line = ""
        for x in 0..<width {
            line += self[x, y].text
        }
        return line
    }

    /// Every row as text with trailing spaces trimmed: the form snapshots are written in.
    public var textRows: [String] {
        (0..<height).map { y in
            var line = Substring(row(y))
            while line.last == " " { line = line.dropLast() }
            return String(line)
        }
    }

    public static func == (lhs: Grid, rhs: Grid) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells && lhs.cursorPosition == rhs.cursorPosition
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        hasher.combine(cells)
    }
}
