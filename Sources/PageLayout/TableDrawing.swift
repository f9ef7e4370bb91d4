/// Draws laid-out cells into the lines of a table, with borders whose junctions follow
/// the spans (`┬` where a column starts, nothing across a spanning cell).
struct TableDrawing {
    let grid: TableGrid
    let widths: [Int]
    let layouts: [CellLayout]
    let bordered: Bool
    let ascii: Bool

    private let border = TextAttributes(flags: .tableBorder)

    /// Draws the lines of the table one by one into a reused builder, each given to `emit`
    /// with the anchors that stand on it.
    func draw(_ emit: (LineBuilder, [String]) -> Void) {
        let rows = grid.rowCount
        let separated = separators()
        var heights = Array(repeating: 1, count: rows)
        for (index, cell) in grid.cells.enumerated() where cell.rowSpan == 1 {
            heights[cell.row] = max(heights[cell.row], layouts[index].lines.count)
        }
        for (index, cell) in grid.cells.enumerated() where cell.rowSpan > 1 {
            let last = cell.row + cell.rowSpan - 1
            let inner = (cell.row..<last).filter { separated[$0] }.count
            let room = heights[cell.row...last].reduce(0, +) + inner
            if layouts[index].lines.count > room {
                heights[last] += layouts[index].lines.count - room
            }
        }
        // The first line of each row, counting borders and separators.
        var tops: [Int] = []
        var y = bordered ? 1 : 0
        for row in 0..<rows {
            tops.append(y)
            y += heights[row] + (row < rows - 1 && separated[row] ? 1 : 0)
        }
        var anchorsByLine: [Int: [String]] = [:]
        for (index, cell) in grid.cells.enumerated() {
            for anchor in layouts[index].anchors {
                anchorsByLine[tops[cell.row] + anchor.line, default: []].append(anchor.name)
            }
        }
        var builder = LineBuilder()
        var lineY = 0
        func emitLine() {
            trim(&builder)
            emit(builder, anchorsByLine.isEmpty ? [] : anchorsByLine[lineY] ?? [])
            builder.reset()
            lineY += 1
        }
        if bordered {
            separatorLine(&builder, after: -1, tops: tops)
            emitLine()
        }
        for row in 0..<rows {
            for offset in 0..<heights[row] {
                contentLine(&builder, row: row, y: tops[row] + offset, tops: tops)
                emitLine()
            }
            if bordered && (row == rows - 1 || separated[row]) {
                separatorLine(&builder, after: row, tops: tops)
                emitLine()
            }
        }
    }

    /// Which rows get a separator under them: all, when any cell wraps or spans rows; else
    /// only the header rows.
    private func separators() -> [Bool] {
        let rows = grid.rowCount
        guard bordered, rows > 1 else { return Array(repeating: false, count: rows) }
        let busy = layouts.contains { $0.lines.count > 1 } || grid.cells.contains { $0.rowSpan > 1 }
        return (0..<rows).map { row in busy || row == grid.headerRowCount - 1 }
    }

    private func owner(_ row: Int, _ column: Int) -> Int32 {
        guard row >= 0, row < grid.rowCount, column >= 0, column < grid.columnCount else { return -1 }
        return grid.owners[row][column]
    }

    /// Whether a vertical border runs at the left of `column` in `row`.
    private func vertical(_ row: Int, _ column: Int) -> Bool {
        guard row >= 0, row < grid.rowCount else { return false }
        if column == 0 || column == grid.columnCount { return true }
        let left = owner(row, column - 1)
        return left < 0 || left != owner(row, column)
    }

    /// Whether a horizontal border runs under `column` of `row` (row -1 is the top edge).
    private func horizontal(after row: Int, _ column: Int) -> Bool {
        if row < 0 || row >= grid.rowCount - 1 { return true }
        let above = owner(row, column)
        return above < 0 || above != owner(row + 1, column)
    }

    private func cellWidth(_ cell: TableGrid.Cell) -> Int {
        widths[cell.column..<cell.column + cell.columnSpan].reduce(0, +) + (bordered ? 3 : 1) * (cell.columnSpan - 1)
    }

    /// One line of a cell, aligned and padded to the cell's width.
    private func appendCellLine(_ builder: inout LineBuilder, cell index: Int, y: Int, tops: [Int]) {
        let cell = grid.cells[index]
        let width = cellWidth(cell)
        let lineIndex = y - tops[cell.row]
        let lines = layouts[index].lines
        guard lineIndex >= 0, lineIndex < lines.count else {
            builder.appendSpaces(width)
            return
        }
        let line = lines[lineIndex]
        let free = max(width - line.width, 0)
        let before: Int
        switch cell.alignment {
        case .left: before = 0
        case .center: before = free / 2
        case .right: before = free
        }
        builder.appendSpaces(before)
        builder.append(line)
        builder.appendSpaces(free - before)
    }

    private func contentLine(_ builder: inout LineBuilder, row: Int, y: Int, tops: [Int]) {
        var column = 0
        let bar: Unicode.Scalar = ascii ? "|" : "│"
        while column < grid.columnCount {
            let index = owner(row, column)
            if bordered {
                builder.append(scalar: vertical(row, column) ? bar : " ", width: 1, border)
                builder.appendSpaces(1)
            } else if column > 0 {
                builder.appendSpaces(1)
            }
            if index >= 0 {
                appendCellLine(&builder, cell: Int(index), y: y, tops: tops)
                column += grid.cells[Int(index)].columnSpan
            } else {
                builder.appendSpaces(widths[column])
                column += 1
            }
            if bordered {
                builder.appendSpaces(1)
            }
        }
        if bordered {
            builder.append(scalar: bar, width: 1, border)
        }
    }

    private func separatorLine(_ builder: inout LineBuilder, after row: Int, tops: [Int]) {
        var column = 0
        let y = row < 0 ? 0 : (row < grid.rowCount - 1 ? tops[row + 1] - 1 : tops[row] + 1)
        while column <= grid.columnCount {
            let up = row >= 0 && vertical(row, column)
            let down = row + 1 < grid.rowCount && vertical(row + 1, column)
            let left = column > 0 && horizontal(after: row, column - 1)
            let right = column < grid.columnCount && horizontal(after: row, column)
            builder.append(scalar: junction(up: up, down: down, left: left, right: right), width: 1, border)
            guard column < grid.columnCount else { break }
            if right {
                builder.append(repeating: ascii ? "-" : "─", count: widths[column] + 2, border)
                column += 1
            } else {
                // A cell spanning rows continues through the separator.
                let index = Int(owner(row, column))
                builder.appendSpaces(1)
                appendCellLine(&builder, cell: index, y: y, tops: tops)
                builder.appendSpaces(1)
                column += grid.cells[index].columnSpan
            }
        }
    }

    private func junction(up: Bool, down: Bool, left: Bool, right: Bool) -> Unicode.Scalar {
        if ascii {
            switch (up || down, left || right) {
            case (true, true): return "+"
            case (true, false): return "|"
            case (false, true): return "-"
            case (false, false): return " "
            }
        }
        switch (up, down, left, right) {
        case (true, true, true, true): return "┼"
        case (true, true, false, true): return "├"
        case (true, true, true, false): return "┤"
        case (false, true, true, true): return "┬"
        case (true, false, true, true): return "┴"
        case (false, true, false, true): return "┌"
        case (false, true, true, false): return "┐"
        case (true, false, false, true): return "└"
        case (true, false, true, false): return "┘"
        case (true, true, false, false), (true, false, false, false), (false, true, false, false): return "│"
        case (false, false, true, true), (false, false, true, false), (false, false, false, true): return "─"
        case (false, false, false, false): return " "
        }
    }

    /// Trailing spaces dropped, so dumps end cleanly.
    private func trim(_ builder: inout LineBuilder) {
        while builder.bytes.last == UInt8(ascii: " ") && (builder.spans.last.map { Int($0.end) < builder.width } ?? true) {
            builder.bytes.removeLast()
            builder.width -= 1
        }
    }
}
