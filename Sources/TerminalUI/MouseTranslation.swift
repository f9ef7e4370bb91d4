import CNcursesw
import ScreenGrid

/// Curses mouse masks (the `BUTTONn_PRESSED` macros do not import) and their meaning.
enum MouseTranslation {
    // NCURSES_MOUSE_MASK(b, m) is m << ((b - 1) * 5) with mouse version 2; "pressed" is 002.
    static let button1Pressed: mmask_t = 0o2
    static let button4Pressed: mmask_t = 0o2 << 15
    static let button5Pressed: mmask_t = 0o2 << 20

    /// What Penny asks curses to report: clicks and the wheel (buttons 4 and 5).
    static let wanted = button1Pressed | button4Pressed | button5Pressed

    /// The event for a curses mouse state at a cell; nil for anything else (releases, other buttons).
    static func event(state: mmask_t, x: Int, y: Int) -> MouseEvent? {
        if state & button1Pressed != 0 { return .press(x: x, y: y) }
        if state & button4Pressed != 0 { return .wheelUp(x: x, y: y) }
        if state & button5Pressed != 0 { return .wheelDown(x: x, y: y) }
        return nil
    }
}
