import CNcursesw
import ScreenGrid

/// Turns what `get_wch` returns into keys: pure, so it is tested without a terminal.
enum KeyTranslation {
    /// The key for a curses key code (`get_wch` returned `KEY_CODE_YES`); nil for codes Penny ignores.
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_IC: .insert
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case KEY_BACKSPACE: .backspace
        case KEY_ENTER: .enter
        case (KEY_F0 + 1)...(KEY_F0 + 12): .function(Int(code - KEY_F0))
        default: nil
        }
    }

    /// The key for a character `get_wch` returned; nil for codes with no meaning (NUL, C1 controls).
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 9: .tab
        case 10, 13: .enter
        case 8, 127: .backspace
        case 27: .escape
        case 1...26: .control(Character(Unicode.Scalar(value + 0x60)!))
        // Ctrl-\ Ctrl-] Ctrl-^ Ctrl-_ send 28 to 31.
        case 28...31: .control(Character(Unicode.Scalar(value + 0x40)!))
        case 0..<0x20, 0x80..<0xA0: nil
        default: Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    /// The key for Escape followed at once by `next` (Alt sends ESC as a prefix);
    /// nil when the pair is not an Alt combination.
    static func alt(_ next: Key) -> Key? {
        if case .character(let character) = next { return .alt(character) }
        return nil
    }
}
