import CVterm

/// What libvterm reports through callbacks: the replies it wants sent to the program and the
/// terminal properties the program set. Reached from C through an unretained pointer.
private final class TerminalEvents {
    var replies: [UInt8] = []
    var cursorVisible = true
    var alternateScreen = false
    var mouseMode: Int32 = 0
}

/// A terminal emulator in memory (libvterm): fed the program's output, read back cell by cell,
/// and the encoder of keys and mouse actions in whatever modes the program turned on.
final class VirtualScreen {
    private let terminal: OpaquePointer
    private let screen: OpaquePointer
    private let events = TerminalEvents()
    // libvterm keeps the pointer, not a copy: it must live as long as the terminal.
    private let callbacks: UnsafeMutablePointer<VTermScreenCallbacks>
    private var splitter = DECModeSplitter()
    private(set) var width: Int
    private(set) var height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        terminal = vterm_new(Int32(height), Int32(width))
        vterm_set_utf8(terminal, 1)
        let user = Unmanaged.passUnretained(events).toOpaque()
        vterm_output_set_callback(terminal, { bytes, count, user in
            guard let bytes, let user else { return }
            let events = Unmanaged<TerminalEvents>.fromOpaque(user).takeUnretainedValue()
            events.replies += UnsafeRawBufferPointer(start: bytes, count: count)
        }, user)
        screen = vterm_obtain_screen(terminal)
        callbacks = .allocate(capacity: 1)
        callbacks.initialize(to: VTermScreenCallbacks())
        callbacks.pointee.settermprop = { property, value, user in
            guard let value, let user else { return 1 }
            let events = Unmanaged<TerminalEvents>.fromOpaque(user).takeUnretainedValue()
            switch property {
            case VTERM_PROP_CURSORVISIBLE: events.cursorVisible = value.pointee.boolean != 0
            case VTERM_PROP_ALTSCREEN: events.alternateScreen = value.pointee.boolean != 0
            case VTERM_PROP_MOUSE: events.mouseMode = value.pointee.number
            default: break
            }
            // 1: accepted, so libvterm applies the property.
            return 1
        }
        vterm_screen_set_callbacks(screen, callbacks, user)
        vterm_screen_enable_altscreen(screen, 1)
        vterm_screen_reset(screen, 1)
    }

    deinit {
        vterm_free(terminal)
        callbacks.deallocate()
    }

    /// Interprets bytes the program wrote.
    private var heldBytes: [UInt8] = []

    func feed(_ bytes: UnsafeRawBufferPointer) {
        // A read can end inside a UTF-8 sequence; hold its first bytes back until the rest
        // arrives, so no character is split between two writes to libvterm.
        var chunk = heldBytes + Array(bytes)
        heldBytes = []
        let incomplete = VirtualScreen.incompleteUTF8Suffix(chunk)
        if incomplete > 0 {
            heldBytes = Array(chunk.suffix(incomplete))
            chunk.removeLast(incomplete)
        }
        let rewritten = chunk.withUnsafeBytes { splitter.process($0) }
        guard !rewritten.isEmpty else { return }
        rewritten.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                _ = vterm_input_write(terminal, $0.baseAddress, $0.count)
            }
        }
    }

    /// How many bytes at the end of `bytes` start a UTF-8 sequence that is not complete yet.
    static func incompleteUTF8Suffix(_ bytes: [UInt8]) -> Int {
        var index = bytes.count - 1
        var continuation = 0
        while index >= 0 && continuation < 3 && bytes[index] & 0xC0 == 0x80 {
            continuation += 1
            index -= 1
        }
        guard index >= 0 else { return 0 }
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF8: length = 4
        default: return 0
        }
        return continuation + 1 < length ? continuation + 1 : 0
    }

    /// Bytes the terminal sends back (query answers, encoded keys and mouse), emptied.
    func takeReplies() -> [UInt8] {
        defer { events.replies.removeAll() }
        return events.replies
    }

    func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        vterm_set_size(terminal, Int32(height), Int32(width))
    }

    var isAlternateScreen: Bool { events.alternateScreen }
    /// Whether the program asked for mouse reports (any mode).
    var reportsMouse: Bool { events.mouseMode != 0 }

    var cursor: CursorState {
        var position = VTermPos()
        vterm_state_get_cursorpos(vterm_obtain_state(terminal), &position)
        return CursorState(x: Int(position.col), y: Int(position.row), isVisible: events.cursorVisible)
    }

    func cell(x: Int, y: Int) -> ScreenCell {
        var cell = VTermScreenCell()
        _ = vterm_screen_get_cell(screen, VTermPos(row: Int32(y), col: Int32(x)), &cell)
        let scalars = withUnsafeBytes(of: cell.chars) { raw in
            raw.bindMemory(to: UInt32.self).prefix { $0 != 0 }.compactMap(Unicode.Scalar.init)
        }
        var text = String(String.UnicodeScalarView(scalars))
        if text.isEmpty { text = " " }
        return ScreenCell(text: text, width: max(Int(cell.width), 1),
                          isBold: cell.attrs.bold != 0, isUnderlined: cell.attrs.underline != 0,
                          isItalic: cell.attrs.italic != 0, isReversed: cell.attrs.reverse != 0,
                          isStruckThrough: cell.attrs.strike != 0,
                          foreground: Self.color(cell.fg), background: Self.color(cell.bg))
    }

    /// Row `y` as text: a wide character once, trailing spaces trimmed.
    func row(_ y: Int) -> String {
        var line = ""
        var x = 0
        while x < width {
            let cell = cell(x: x, y: y)
            line += cell.text
            x += cell.width
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    private static func color(_ color: VTermColor) -> TerminalColor {
        let type = UInt32(color.type)
        if type & (VTERM_COLOR_DEFAULT_FG.rawValue | VTERM_COLOR_DEFAULT_BG.rawValue) != 0 { return .default }
        if type & VTERM_COLOR_TYPE_MASK.rawValue == VTERM_COLOR_INDEXED.rawValue { return .indexed(color.indexed.idx) }
        return .rgb(red: color.rgb.red, green: color.rgb.green, blue: color.rgb.blue)
    }

    /// Encodes a key as the terminal would in the program's current modes.
    func press(_ key: VTermKey, modifiers: VTermModifier = VTERM_MOD_NONE) {
        vterm_keyboard_key(terminal, key, modifiers)
    }

    /// Encodes a mouse button press and release at a cell (nothing if the program did not
    /// ask for mouse reports, as a real terminal).
    func click(x: Int, y: Int, button: Int32) {
        // libvterm 0.1.4 encodes mouse actions even when the program asked for none.
        guard reportsMouse else { return }
        vterm_mouse_move(terminal, Int32(y), Int32(x), VTERM_MOD_NONE)
        vterm_mouse_button(terminal, button, true, VTERM_MOD_NONE)
        // Wheel "buttons" have no release.
        if button <= 3 {
            vterm_mouse_button(terminal, button, false, VTERM_MOD_NONE)
        }
    }
}
