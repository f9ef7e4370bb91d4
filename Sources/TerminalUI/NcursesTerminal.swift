import CNcursesw
import ScreenGrid
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The full-screen terminal through ncurses: paints `Grid`s, reads `InputEvent`s, and always
/// gives the terminal back as it found it. Only one can run at a time.
public final class NcursesTerminal {
    /// How many colours the terminal shows (`.none` under `NO_COLOR`).
    public let colorSupport: ColorSupport
    /// Standard input: poll it (with other descriptors) and call `readEvents` when it is ready.
    public let inputFileDescriptor: Int32 = STDIN_FILENO
    /// True after a resume from Ctrl-Z or a resize, until the next `paint`: the caller should
    /// paint a whole frame.
    public internal(set) var needsFullRepaint = false

    let screen: OpaquePointer
    /// The number of colours curses may use (0 without colour).
    let colorCount: Int
    /// Whether -1 means the terminal's own colours (`use_default_colors` worked).
    let hasDefaultColors: Bool
    var pairs: ColorPairTable
    /// A frame asked for more colour pairs than exist: start the table afresh next time.
    var pairsOverflowed = false
    var lastPainted: Grid?
    var pendingInput: RawInput?
    var reportedEndOfInput = false
    /// False after `stop()`: painting and reading do nothing then.
    private(set) var isRunning = true

    nonisolated(unsafe) private static var isActive = false
    nonisolated(unsafe) private static var exitHookRegistered = false

    private init(screen: OpaquePointer, colorSupport: ColorSupport, colorCount: Int, hasDefaultColors: Bool, pairCapacity: Int) {
        self.screen = screen
        self.colorSupport = colorSupport
        self.colorCount = colorCount
        self.hasDefaultColors = hasDefaultColors
        pairs = ColorPairTable(capacity: pairCapacity)
    }

    /// Takes over the terminal (alternate screen, raw keys, mouse), or throws
    /// `TerminalUnavailable` when standard input or output is not a terminal, TERM is unset
    /// or "dumb", or the terminal cannot address the cursor. The caller has set the locale.
    /// `interruptKeyIsInput`: Ctrl-C arrives as a key (`.control("c")`) instead of raising
    /// SIGINT, for programs where it cancels rather than quits; SIGINT sent by other means
    /// still restores the terminal.
    public static func start(interruptKeyIsInput: Bool = false) throws -> NcursesTerminal {
        guard !isActive else { throw TerminalUnavailable("the terminal is already in use") }
        let (term, restoreBytes) = try TerminalPreflight.check()
        TerminalPreflight.ensureUTF8Locale()

        var shellModes = termios()
        tcgetattr(STDIN_FILENO, &shellModes)
        // Before newterm: curses installs its own SIGINT/SIGTSTP handlers only where none is set.
        SignalRestore.install(restoring: restoreBytes, shellModes: shellModes)
        guard let screen = newterm(term, CursesGlobals.standardOutput, CursesGlobals.standardInput) else {
            SignalRestore.uninstall()
            throw TerminalUnavailable("curses could not start on \"\(term)\"")
        }
        isActive = true
        if !exitHookRegistered {
            exitHookRegistered = true
            atexit(restoreAtExit)
        }
        configureInput(interruptKeyIsInput: interruptKeyIsInput)

        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        var support = ColorSupport.none
        var colorCount = 0
        var hasDefaultColors = false
        if !noColor && has_colors() && start_color() == OK {
            hasDefaultColors = use_default_colors() == OK
            colorCount = CursesGlobals.colors
            support = colorCount >= 256 ? .colors256 : colorCount >= 8 ? .colors8 : .none
        }
        // setcchar takes the pair as a short.
        let pairCapacity = support == .none ? 0 : min(CursesGlobals.colorPairs, Int(Int16.max)) - 1
        let terminal = NcursesTerminal(screen: screen, colorSupport: support, colorCount: colorCount,
                                       hasDefaultColors: hasDefaultColors, pairCapacity: pairCapacity)
        terminal.needsFullRepaint = true
        return terminal
    }

    /// Raw keys without echo, keypad and mouse decoding, short Escape delay, hidden cursor.
    private static func configureInput(interruptKeyIsInput: Bool) {
        // raw() frees Ctrl-S/Ctrl-Q from flow control; signals stay on so Ctrl-C, Ctrl-Z and
        // Ctrl-\ go through the restoring handlers.
        raw()
        var modes = termios()
        if tcgetattr(STDIN_FILENO, &modes) == 0 {
            modes.c_lflag |= tcflag_t(ISIG)
            if interruptKeyIsInput {
                // Only the interrupt character is disabled: Ctrl-Z and Ctrl-\ stay signals.
                withUnsafeMutableBytes(of: &modes.c_cc) { $0[Int(VINTR)] = 0 }
            }
            tcsetattr(STDIN_FILENO, TCSANOW, &modes)
        }
        noecho()
        nonl()
        keypad(CursesGlobals.standardScreen, true)
        nodelay(CursesGlobals.standardScreen, true)
        set_escdelay(25)
        // Without this curses abandons a refresh half-way when input is waiting, and a frame
        // may stay half-painted until the next one.
        typeahead(-1)
        // Curses restores these modes whenever it resumes (after endwin, Ctrl-Z).
        def_prog_mode()
        curs_set(0)
        mousemask(MouseTranslation.wanted, nil)
        // Report presses at once instead of waiting to see whether they become clicks.
        mouseinterval(0)
    }

    /// The terminal's size in cells (0 x 0 after `stop()`).
    public var size: (width: Int, height: Int) {
        guard isRunning else { return (0, 0) }
        return (Int(getmaxx(CursesGlobals.standardScreen)), Int(getmaxy(CursesGlobals.standardScreen)))
    }

    /// Gives the terminal back: primary screen, visible cursor, the shell's modes, the
    /// previous signal handlers. Safe to call twice.
    public func stop() {
        guard isRunning else { return }
        isRunning = false
        endwin()
        delscreen(screen)
        SignalRestore.uninstall()
        Self.isActive = false
    }

    deinit {
        stop()
    }

    static var cursesIsActive: Bool { isActive }
}

/// Runs at exit: a program that exits without `stop()` still leaves the terminal usable.
private func restoreAtExit() {
    if NcursesTerminal.cursesIsActive && !isendwin() {
        endwin()
    }
}
