/// A run of changed cells on one row: what the terminal must repaint.
public struct GridChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]
}

extension Grid {
    /// The runs of cells that differ from `old`; everything when the sizes differ.
    /// A run never starts on the right half of a wide character.
    public func changes(since old: Grid?) -> [GridChange] {
        guard let old, old.width == width, old.height == height else {
            return (0..<height).map { y in GridChange(x: 0, y: y, cells: Array(cells[y * width..<(y + 1) * width])) }
        }
        var changes: [GridChange] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                guard self[x, y] != old[x, y] else {
                    x += 1
                    continue
                }
                var start = x
                if self[start, y].isContinuation && start > 0 { start -= 1 }
                var end = x + 1
                while end < width && (self[end, y] != old[end, y] || self[end, y].isContinuation) {
                    end += 1
                }
                changes.append(GridChange(x: start, y: y, cells: Array(cells[(y * width + start)..<(y * width + end)])))
                x = end
            }
        }
        return changes
    }

    /// Applies changes (as a terminal would) — used to check that a diff reproduces a grid.
    public mutating func apply(_ changes: [GridChange]) {
        for change in changes {
            for (offset, cell) in change.cells.enumerated() where change.x + offset < width {
                self[change.x + offset, change.y] = cell
            }
        }
    }
}
