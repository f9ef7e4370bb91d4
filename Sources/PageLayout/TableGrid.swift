import HTMLDocument

/// The cells of a table placed on a grid of rows and columns, spans resolved.
struct TableGrid {
    struct Cell {
        var node: NodeID
        var row: Int
        var column: Int
        var rowSpan: Int
        var columnSpan: Int
        var isHeader: Bool
        var alignment: Alignment
    }

    enum Alignment {
        case left, center, right
    }

    private(set) var cells: [Cell] = []
    private(set) var captions: [NodeID] = []
    private(set) var rowCount = 0
    private(set) var columnCount = 0
    /// For each row, the index in `cells` of the cell over each column, or -1.
    private(set) var owners: [[Int32]] = []
    private(set) var hasHeaderCells = false
    /// Rows that belong to `thead`, or the first row when it holds only header cells.
    private(set) var headerRowCount = 0

    init(document: Document, table: NodeID) {
        var head: [[NodeID]] = []
        var bodies: [[NodeID]] = []
        var foot: [[NodeID]] = []
        var looseRows: [NodeID] = []
        for child in document.children(of: table) where document[child].kind == .element && document[child].namespace == .html {
            switch document[child].tag {
            case .caption:
                captions.append(child)
            case .thead, .tbody, .tfoot:
                if !looseRows.isEmpty {
                    bodies.append(looseRows)
                    looseRows = []
                }
                let rows = document.children(of: child).filter { document[$0].kind == .element && document[$0].tag == .tr }
                switch document[child].tag {
                case .thead where head.isEmpty: head.append(rows)
                case .tfoot where foot.isEmpty: foot.append(rows)
                default: bodies.append(rows)
                }
            case .tr:
                looseRows.append(child)
            default:
                break
            }
        }
        if !looseRows.isEmpty {
            bodies.append(looseRows)
        }
        let groups = head + bodies + foot
        let totalRows = groups.reduce(0) { $0 + $1.count }
        guard totalRows > 0 else { return }
        owners = []
        var row = 0
        for group in groups {
            let groupEnd = row + group.count
            for tr in group {
                place(row: tr, at: row, groupEnd: groupEnd, document: document)
                row += 1
            }
        }
        rowCount = row
        while owners.count < rowCount { owners.append([]) }
        columnCount = owners.reduce(0) { max($0, $1.count) }
        for index in owners.indices where owners[index].count < columnCount {
            owners[index].append(contentsOf: repeatElement(-1, count: columnCount - owners[index].count))
        }
        headerRowCount = head.first?.count ?? 0
        if headerRowCount == 0, rowCount > 1, !cells.isEmpty,
           cells.filter({ $0.row == 0 }).allSatisfy(\.isHeader) {
            headerRowCount = 1
        }
    }

    private mutating func place(row tr: NodeID, at row: Int, groupEnd: Int, document: Document) {
        while owners.count <= row { owners.append([]) }
        let rowAlignment = TableGrid.alignment(document.attribute("align", of: tr))
        var column = 0
        for child in document.children(of: tr) where document[child].kind == .element {
            let tag = document[child].tag
            guard tag == .td || tag == .th else { continue }
            while column < owners[row].count && owners[row][column] >= 0 { column += 1 }
            let columnSpan = min(max(TableGrid.integer(document.attribute("colspan", of: child)) ?? 1, 1), 1000)
            var rowSpan = TableGrid.integer(document.attribute("rowspan", of: child)) ?? 1
            if rowSpan == 0 { rowSpan = groupEnd - row }
            rowSpan = min(max(rowSpan, 1), groupEnd - row)
            guard (owners[row].count + columnSpan) * max(row + rowSpan, 1) <= TableLayout.maximumSlots else { return }
            let index = Int32(cells.count)
            for spannedRow in row..<row + rowSpan {
                while owners.count <= spannedRow { owners.append([]) }
                if owners[spannedRow].count < column + columnSpan {
                    owners[spannedRow].append(contentsOf: repeatElement(-1, count: column + columnSpan - owners[spannedRow].count))
                }
                for spannedColumn in column..<column + columnSpan where owners[spannedRow][spannedColumn] < 0 {
                    owners[spannedRow][spannedColumn] = index
                }
            }
            let isHeader = tag == .th
            hasHeaderCells = hasHeaderCells || isHeader
            let alignment = document.attribute("align", of: child).map { TableGrid.alignment($0) }
                ?? (isHeader ? .center : rowAlignment)
            cells.append(Cell(node: child, row: row, column: column, rowSpan: rowSpan, columnSpan: columnSpan,
                              isHeader: isHeader, alignment: alignment))
            column += columnSpan
        }
    }

    private static func integer(_ text: String?) -> Int? {
        guard let text else { return nil }
        let digits = text.drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(digits.prefix(6))
    }

    private static func alignment(_ text: String?) -> Alignment {
        switch text?.lowercased() {
        case "center", "middle": return .center
        case "right": return .right
        default: return .left
        }
    }
}
