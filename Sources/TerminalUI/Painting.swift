import CNcursesw
import CPennyShim
import ScreenGrid

extension NcursesTerminal {
    /// Draws what changed since the last frame (everything after a resize or resume), places
    /// or hides the cursor, and refreshes once.
    public func paint(_ grid: Grid) {
        guard isRunning else { return }
        if SignalRestore.suspended != 0 {
            // Stopped by Ctrl-Z: the shell owns the screen; draw everything on resume.
            lastPainted = nil
            return
        }
        let (width, height) = size
        var previous = lastPainted
        if pairsOverflowed {
            pairsOverflowed = false
            pairs.removeAll()
            previous = nil
        }
        if previous == nil || previous?.width != grid.width || previous?.height != grid.height {
            previous = nil
            erase()
        }
        for change in grid.changes(since: previous) where change.y < height {
            for (offset, cell) in change.cells.enumerated() where !cell.isContinuation {
                let x = change.x + offset
                guard x < width else { break }
                draw(cell, x: x, y: change.y, rightEdge: width)
            }
        }
        // curs_set writes at once: hide before the frame, show only once the cursor is in place.
        if let cursor = grid.cursor, cursor.x < width, cursor.y < height {
            move(Int32(cursor.y), Int32(cursor.x))
            refresh()
            curs_set(1)
        } else {
            curs_set(0)
            refresh()
        }
        lastPainted = grid
        needsFullRepaint = false
    }

    /// Writes one cell (the left half of a wide character covers both).
    private func draw(_ cell: Cell, x: Int, y: Int, rightEdge: Int) {
        var characters = CellText.characters(for: cell)
        let cellWidth = Int(max(cell.width, 1))
        if x + cellWidth > rightEdge {
            characters = CellText.characters(for: Cell(text: " ", width: 1, style: cell.style))
        }
        let attributes = attributes(for: cell.style.attributes)
        let pair = pairNumber(for: cell.style)
        var glyph = cchar_t()
        characters.text.withUnsafeBufferPointer { text in
            _ = setcchar(&glyph, text.baseAddress, attributes, pair, nil)
        }
        mvadd_wch(Int32(y), Int32(x), &glyph)
        if characters.padRight && x + 1 < rightEdge {
            // Curses drew a one-cell glyph where the grid reserved two: blank the other half.
            var blank = cchar_t()
            let space: [wchar_t] = [0x20, 0]
            space.withUnsafeBufferPointer { _ = setcchar(&blank, $0.baseAddress, attributes, pair, nil) }
            mvadd_wch(Int32(y), Int32(x + 1), &blank)
        }
    }

    private func attributes(for attributes: CellAttributes) -> attr_t {
        var result = penny_attr_normal()
        if attributes.contains(.bold) { result |= penny_attr_bold() }
        if attributes.contains(.dim) { result |= penny_attr_dim() }
        if attributes.contains(.italic) { result |= penny_attr_italic() }
        if attributes.contains(.underline) { result |= penny_attr_underline() }
        if attributes.contains(.reverse) { result |= penny_attr_reverse() }
        // Curses has no strikethrough attribute: such text shows plain.
        return result
    }

    /// The colour pair for a style, allocated on first use; when pairs run out the frame falls
    /// back to the nearest pair it has and the next frame starts the table afresh.
    private func pairNumber(for style: Style) -> Int16 {
        guard colorSupport != .none else { return 0 }
        let colors = ColorPairTable.Colors(foreground: colorNumber(style.foreground, isForeground: true),
                                           background: colorNumber(style.background, isForeground: false))
        if let (pair, isNew) = pairs.pair(for: colors) {
            if isNew { init_pair(pair, colors.foreground, colors.background) }
            return pair
        }
        pairsOverflowed = true
        return pairs.existing(.init(foreground: -1, background: colors.background)) ?? 0
    }

    private func colorNumber(_ color: Color, isForeground: Bool) -> Int16 {
        switch color {
        case .default:
            if hasDefaultColors { return -1 }
            return isForeground ? Int16(COLOR_WHITE) : Int16(COLOR_BLACK)
        case .indexed(let index):
            return ColorApproximation.color(for: index, available: colorCount)
        }
    }
}
