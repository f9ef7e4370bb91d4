import HTMLDocument
import TerminalText

/// Lays out a table: cells measured for their narrowest and widest layouts, columns
/// sized from those as w3m does, cells laid out within their columns and drawn inside
/// box-drawing borders (data tables) or side by side (layout tables).
struct TableLayout {
    let engine: LayoutEngine
    let table: NodeID
    let style: InlineStyle
    var document: Document { engine.document }

    /// The largest grid a table may have; larger ones are laid out as a sequence of blocks.
    static let maximumSlots = 1_000_000

    func layout() {
        // A table sizes its columns to the width it is given.
        engine.noteWidthSensitive()
        let grid = TableGrid(document: document, table: table)
        let bordered = isDataTable(grid)
        engine.beginBlock(blankLines: bordered && style.tableDepth == 0 ? 1 : 0)
        defer { engine.endBlock(blankLines: bordered && style.tableDepth == 0 ? 1 : 0) }

        let columns = grid.columnCount
        let frame = bordered ? 3 * columns + 1 : max(columns - 1, 0)
        let available = engine.availableWidth - frame
        if grid.cells.isEmpty || columns == 0 || grid.rowCount * columns > TableLayout.maximumSlots || available < columns {
            return linearize(grid)
        }
        // Cells measured for display keep their widest layout: a cell whose column is wide
        // enough is then laid out once, not twice.
        var widest: [CellLayout?] = []
        let keepsLines = !engine.isMeasuring
        if keepsLines { widest.reserveCapacity(grid.cells.count) }
        let measures = grid.cells.map { cell in
            intrinsicWidths(of: cell, keepingLines: keepsLines ? { widest.append($0) } : nil)
        }
        let minimums = columnWidths(grid, measures.map(\.minimum), bordered: bordered)
        var maximums = columnWidths(grid, measures.map(\.maximum), bordered: bordered)
        for column in 0..<columns {
            maximums[column] = max(maximums[column], minimums[column])
        }
        guard let widths = TableLayout.distribute(available: available, minimums: minimums, maximums: maximums) else {
            return linearize(grid)
        }
        engine.noteUnbreakableWidth(min(minimums.reduce(0, +), available) + frame)
        if engine.isMeasuring {
            // Measuring wants the table's width only; its cells need not be laid out.
            engine.noteMeasuredWidth(widths.reduce(0, +) + frame)
            return
        }

        let layouts = grid.cells.indices.map { index in
            let cell = grid.cells[index]
            let width = cellWidth(cell, widths, bordered: bordered)
            if let kept = widest[index], kept.isUnchanged(atWidth: width) {
                return kept
            }
            return layoutCell(cell, width: width)
        }
        widest = []
        let drawing = TableDrawing(grid: grid, widths: widths, layouts: layouts, bordered: bordered,
                                   ascii: engine.context.options.asciiBorders)
        let tableWidth = widths.reduce(0, +) + frame
        for caption in grid.captions {
            let captionLayout = layoutBlock(caption, width: tableWidth, header: false)
            for (index, line) in captionLayout.lines.enumerated() {
                engine.emitPreformatted(line, anchors: captionLayout.anchors.filter { $0.line == index }.map(\.name))
            }
        }
        drawing.draw { line, anchors in
            engine.emitPreformatted(line, anchors: anchors, unbreakable: false)
        }
    }

    /// Data tables get borders; layout tables (no border, no header cells) do not.
    private func isDataTable(_ grid: TableGrid) -> Bool {
        if let border = document.attribute("border", of: table) {
            return border.trimmingCharacters(in: [" "]) != "0"
        }
        return grid.hasHeaderCells || !grid.captions.isEmpty
    }

    /// The width of a cell's content: its columns and the borders between them.
    private func cellWidth(_ cell: TableGrid.Cell, _ widths: [Int], bordered: Bool) -> Int {
        let inner = (bordered ? 3 : 1) * (cell.columnSpan - 1)
        return widths[cell.column..<cell.column + cell.columnSpan].reduce(0, +) + inner
    }

    /// Column widths implied by per-cell widths, spanning cells spread over their columns.
    private func columnWidths(_ grid: TableGrid, _ cellWidths: [Int], bordered: Bool) -> [Int] {
        var widths = Array(repeating: 0, count: grid.columnCount)
        for (index, cell) in grid.cells.enumerated() where cell.columnSpan == 1 {
            widths[cell.column] = max(widths[cell.column], cellWidths[index])
        }
        let spanning = grid.cells.indices.filter { grid.cells[$0].columnSpan > 1 }
            .sorted { grid.cells[$0].columnSpan < grid.cells[$1].columnSpan }
        for index in spanning {
            let cell = grid.cells[index]
            let range = cell.column..<cell.column + cell.columnSpan
            let inner = (bordered ? 3 : 1) * (cell.columnSpan - 1)
            let missing = cellWidths[index] - inner - widths[range].reduce(0, +)
            guard missing > 0 else { continue }
            let share = missing / cell.columnSpan
            var remainder = missing % cell.columnSpan
            for column in range {
                widths[column] += share + (remainder > 0 ? 1 : 0)
                remainder -= 1
            }
        }
        return widths
    }

    /// Chooses column widths that fit `available`: the widest layouts when they fit, else
    /// the narrowest plus a share of the rest in proportion to what each column would use,
    /// else the narrowest scaled down (never below two cells where a wide character needs
    /// them); nil when even that does not fit.
    static func distribute(available: Int, minimums: [Int], maximums: [Int]) -> [Int]? {
        let count = minimums.count
        let maximums = maximums.map { max($0, 1) }
        let minimums = minimums.map { max($0, 1) }
        let totalMaximum = maximums.reduce(0, +)
        if totalMaximum <= available {
            return maximums
        }
        let totalMinimum = minimums.reduce(0, +)
        if totalMinimum <= available {
            let extra = available - totalMinimum
            let weight = totalMaximum - totalMinimum
            var widths = minimums
            var remainders: [(Int, Int)] = []
            var given = 0
            for column in 0..<count {
                let want = max(maximums[column] - minimums[column], 0)
                let share = extra * want / max(weight, 1)
                widths[column] += share
                given += share
                remainders.append((extra * want % max(weight, 1), column))
            }
            for (_, column) in remainders.sorted(by: { $0.0 > $1.0 }) where given < extra {
                if widths[column] < maximums[column] {
                    widths[column] += 1
                    given += 1
                }
            }
            return widths
        }
        let floors = minimums.map { min($0, 2) }
        guard floors.reduce(0, +) <= available else { return nil }
        var widths = minimums.indices.map { max(floors[$0], minimums[$0] * available / max(totalMinimum, 1)) }
        var total = widths.reduce(0, +)
        while total > available {
            guard let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) else {
                return nil
            }
            widths[widest] -= 1
            total -= 1
        }
        return widths
    }

    /// A cell's narrowest and widest layouts. Only tables inside other tables are laid out
    /// more than once (measured, then drawn), so only their cells' widths are remembered.
    /// `keep` receives the widest layout's lines, or nil when they were not built.
    private func intrinsicWidths(of cell: TableGrid.Cell,
                                 keepingLines keep: ((CellLayout?) -> Void)?) -> (minimum: Int, maximum: Int) {
        let nested = style.tableDepth > 0
        if nested, let known = engine.context.intrinsicWidths[cell.node] {
            keep?(nil)
            return known
        }
        let measured = layoutBlock(cell.node, width: LayoutEngine.unbounded, header: cell.isHeader,
                                   keepsLines: keep != nil)
        let result = (measured.minimumWidth, min(measured.maximumWidth, LayoutEngine.unbounded))
        if nested {
            engine.context.intrinsicWidths[cell.node] = result
        }
        keep?(measured)
        return result
    }

    private func layoutCell(_ cell: TableGrid.Cell, width: Int) -> CellLayout {
        layoutBlock(cell.node, width: width, header: cell.isHeader)
    }

    /// Lays out an element's content on its own at `width`.
    private func layoutBlock(_ node: NodeID, width: Int, header: Bool, keepsLines: Bool = false) -> CellLayout {
        let sub = LayoutEngine(context: engine.context, width: width, keepsLines: keepsLines)
        var inner = style
        inner.tableDepth += 1
        if header {
            inner.attributes.flags.insert(.bold)
        }
        sub.layoutChildren(of: node, inner)
        return sub.finish()
    }

    /// A table too wide to draw: each cell as a block of its own, row after row.
    private func linearize(_ grid: TableGrid) {
        var inner = style
        inner.tableDepth += 1
        for caption in grid.captions {
            engine.block(caption, inner, blankLines: 0)
        }
        for cell in grid.cells {
            var cellStyle = inner
            if cell.isHeader { cellStyle.attributes.flags.insert(.bold) }
            engine.block(cell.node, cellStyle, blankLines: 0)
        }
    }
}
