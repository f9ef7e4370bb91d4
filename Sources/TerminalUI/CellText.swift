import CPennyShim
import ScreenGrid
import TerminalText

/// The wide characters curses gets for a cell: never a control character, and a glyph whose
/// width (by the C library, which curses uses) fits the cells the grid gave it.
enum CellText {
    /// A NUL-terminated base character with its combining marks, and whether curses will
    /// draw it one cell wide where the grid reserved two.
    struct Characters: Equatable {
        var text: [wchar_t]
        var padRight: Bool
    }

    static let replacement: wchar_t = 0xFFFD

    /// `width` is the C library's `wcwidth` (which curses uses) unless a test supplies one.
    static func characters(for cell: Cell, width: (wchar_t) -> Int = { Int(penny_wcwidth($0)) }) -> Characters {
        var scalars: [wchar_t] = []
        for scalar in cell.text.unicodeScalars {
            // The grid holds only safe text; still, nothing reaches the terminal as a control.
            switch TerminalSafe.disposition(of: scalar) {
            case .keep: scalars.append(wchar_t(bitPattern: scalar.value))
            case .drop: continue
            case .replace(let symbol): scalars.append(wchar_t(bitPattern: symbol.value))
            }
            // setcchar takes at most CCHARW_MAX (5) characters.
            if scalars.count == 4 { break }
        }
        let wanted = Int(max(cell.width, 1))
        guard let base = scalars.first else {
            return Characters(text: [0x20, 0], padRight: wanted == 2)
        }
        switch (width(base), wanted) {
        case (wanted, _):
            return Characters(text: scalars + [0], padRight: false)
        case (1, 2):
            return Characters(text: scalars + [0], padRight: true)
        default:
            // Unknown to the C library (or wider than the grid allows): a visible stand-in.
            return Characters(text: [replacement, 0], padRight: wanted == 2)
        }
    }
}
