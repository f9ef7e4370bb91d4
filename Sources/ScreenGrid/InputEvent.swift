/// A key press as the terminal reports it.
public enum Key: Hashable, Sendable {
    /// A printable character (any script), without modifiers.
    case character(Character)
    /// Ctrl with a letter: `.control("a")` for Ctrl-A.
    case control(Character)
    /// Alt (Meta) with a character.
    case alt(Character)
    case enter, tab, backTab, escape, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1 to F12.
    case function(Int)
}

/// A mouse action at a cell.
public enum MouseEvent: Hashable, Sendable {
    case press(x: Int, y: Int)
    case wheelUp(x: Int, y: Int)
    case wheelDown(x: Int, y: Int)
}

/// Everything the terminal can tell the program.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// Standard input reached its end: the program should quit rather than spin.
    case endOfInput
}
