#if canImport(Glibc)
import Glibc
#endif

extension PseudoTerminalSession {
    /// Types text (UTF-8) as a terminal would send it.
    public func send(text: String) {
        pump()
        writeToProgram(Array(text.utf8))
    }

    /// Sends raw bytes to the program.
    public func send(bytes: [UInt8]) {
        pump()
        writeToProgram(bytes)
    }

    /// Presses a key: xterm's bytes, in the program's current modes (application cursor keys).
    public func press(_ key: KeyName) {
        pump()
        if let bytes = key.fixedBytes {
            writeToProgram(bytes)
        } else if let (code, modifiers) = key.vtermKey {
            screen.press(code, modifiers: modifiers)
            writeToProgram(screen.takeReplies())
        }
    }

    /// Clicks the left button at a cell (0-based), encoded as the program asked (SGR 1006 or
    /// X10). Like a real terminal, sends nothing when the program has not enabled the mouse.
    public func click(x: Int, y: Int) {
        pump()
        screen.click(x: x, y: y, button: 1)
        writeToProgram(screen.takeReplies())
    }

    /// Turns the mouse wheel once at a cell.
    public func scrollWheel(x: Int, y: Int, up: Bool) {
        pump()
        screen.click(x: x, y: y, button: up ? 4 : 5)
        writeToProgram(screen.takeReplies())
    }

    /// Resizes the terminal: the emulator first, then the pseudo-terminal, which sends SIGWINCH.
    public func resize(width: Int, height: Int) {
        pump()
        screen.resize(width: width, height: height)
        recorder.recordResize(width: width, height: height)
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        if master >= 0 {
            _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        }
    }

    /// Sends a signal to the program.
    public func signal(_ number: Int32) {
        pump()
        kill(processID, number)
    }

    /// Closes the terminal's master side, as when a terminal window is closed: the program's
    /// input hangs up (and it gets SIGHUP). The screen keeps what was read before.
    public func hangUp() {
        pump()
        if master >= 0 {
            close(master)
            master = -1
        }
    }
}
