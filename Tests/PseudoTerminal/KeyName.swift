import CVterm

/// A key the harness can press, sent as xterm sends it.
public enum KeyName: Hashable, Sendable {
    case up, down, left, right
    case home, end, pageUp, pageDown, insert, delete
    case tab, backTab, enter, escape, backspace
    /// F1 to F12.
    case function(Int)
    /// Ctrl with a letter (or one of `@[\]^_`): the C0 control code.
    case control(Character)
    /// Alt (Meta) with a character: ESC then the character.
    case alt(Character)

    /// Bytes for keys whose encoding never depends on the terminal's modes.
    var fixedBytes: [UInt8]? {
        switch self {
        case .control(let character):
            guard let ascii = character.uppercased().first?.asciiValue, (0x40...0x5F).contains(ascii) else { return nil }
            return [ascii & 0x1F]
        case .alt(let character):
            return [0x1B] + Array(String(character).utf8)
        default:
            return nil
        }
    }

    /// The libvterm key and modifiers, for keys whose encoding follows the program's modes
    /// (application cursor keys after `smkx`, for example).
    var vtermKey: (key: VTermKey, modifiers: VTermModifier)? {
        switch self {
        case .up: (VTERM_KEY_UP, VTERM_MOD_NONE)
        case .down: (VTERM_KEY_DOWN, VTERM_MOD_NONE)
        case .left: (VTERM_KEY_LEFT, VTERM_MOD_NONE)
        case .right: (VTERM_KEY_RIGHT, VTERM_MOD_NONE)
        case .home: (VTERM_KEY_HOME, VTERM_MOD_NONE)
        case .end: (VTERM_KEY_END, VTERM_MOD_NONE)
        case .pageUp: (VTERM_KEY_PAGEUP, VTERM_MOD_NONE)
        case .pageDown: (VTERM_KEY_PAGEDOWN, VTERM_MOD_NONE)
        case .insert: (VTERM_KEY_INS, VTERM_MOD_NONE)
        case .delete: (VTERM_KEY_DEL, VTERM_MOD_NONE)
        case .tab: (VTERM_KEY_TAB, VTERM_MOD_NONE)
        case .backTab: (VTERM_KEY_TAB, VTERM_MOD_SHIFT)
        case .enter: (VTERM_KEY_ENTER, VTERM_MOD_NONE)
        case .escape: (VTERM_KEY_ESCAPE, VTERM_MOD_NONE)
        case .backspace: (VTERM_KEY_BACKSPACE, VTERM_MOD_NONE)
        case .function(let number) where (1...12).contains(number):
            (VTermKey(rawValue: VTERM_KEY_FUNCTION_0.rawValue + UInt32(number)), VTERM_MOD_NONE)
        default: nil
        }
    }
}
