#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the signal handlers need, prepared before they are installed, so that a handler only
/// reads memory, writes bytes and calls async-signal-safe functions (`write`, `tcsetattr`,
/// `signal`, `sigprocmask`, `raise`), never curses.
enum SignalRestore {
    /// The bytes that put the terminal back: leave the alternate screen, show the cursor,
    /// reset attributes, keypad and mouse reporting off.
    nonisolated(unsafe) static var restoreBytes = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
    /// The terminal modes from before curses started.
    nonisolated(unsafe) static var shellModes: UnsafeMutablePointer<termios>?
    /// Set by SIGTSTP once the terminal is restored; cleared by the event loop on resume.
    nonisolated(unsafe) static var suspended: sig_atomic_t = 0
    /// Set by SIGCONT.
    nonisolated(unsafe) static var resumed: sig_atomic_t = 0

    /// Handlers replaced by `install`, put back by `uninstall` (used only outside handlers).
    nonisolated(unsafe) private static var previous: [Int32: sighandler_t?] = [:]

    /// Signals that end the program: restore the terminal, then die of the same signal.
    static let fatalSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Prepares the restore bytes and modes, then installs the handlers. Signals the
    /// caller ignores (such as SIGHUP under `nohup`) stay ignored.
    static func install(restoring bytes: [UInt8], shellModes modes: termios) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        let saved = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        saved.initialize(to: modes)
        suspended = 0
        resumed = 0
        restoreBytes = buffer
        shellModes = saved
        for number in fatalSignals {
            replace(number, with: fatalSignalHandler)
        }
        replace(SIGTSTP, with: suspendSignalHandler)
        replace(SIGCONT, with: continueSignalHandler)
    }

    /// Puts the previous handlers back and frees the prepared state.
    static func uninstall() {
        for (number, handler) in previous {
            signal(number, handler)
        }
        previous.removeAll()
        let buffer = restoreBytes
        restoreBytes = UnsafeMutableBufferPointer(start: nil, count: 0)
        buffer.deallocate()
        if let modes = shellModes {
            shellModes = nil
            modes.deallocate()
        }
    }

    private static func replace(_ number: Int32, with handler: @convention(c) (Int32) -> Void) {
        let old = signal(number, handler)
        if isIgnore(old) {
            signal(number, old)
            return
        }
        previous[number] = old
    }

    private static func isIgnore(_ handler: sighandler_t?) -> Bool {
        guard let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Writes the restore bytes and the saved modes: async-signal-safe.
    static func restoreTerminal() {
        if let base = restoreBytes.baseAddress {
            var offset = 0
            while offset < restoreBytes.count {
                let written = write(STDOUT_FILENO, base + offset, restoreBytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
        }
        if let modes = shellModes {
            // TCSANOW: a handler must not wait for output that may never drain (SIGHUP).
            tcsetattr(STDIN_FILENO, TCSANOW, modes)
        }
    }

    /// Lets a pending or raised signal through while inside its own handler.
    static func unblock(_ number: Int32) {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }
}

/// SIGINT, SIGTERM, SIGHUP, SIGQUIT: restore, then end with the default action of the same
/// signal so the parent sees how the program died.
private func fatalSignalHandler(_ number: Int32) {
    SignalRestore.restoreTerminal()
    signal(number, SIG_DFL)
    SignalRestore.unblock(number)
    raise(number)
    _exit(128 + number)
}

/// SIGTSTP (Ctrl-Z): restore, stop with the default action, and on return leave a flag
/// for the event loop, which re-enters curses mode once SIGCONT has arrived.
private func suspendSignalHandler(_ number: Int32) {
    let savedErrno = errno
    SignalRestore.restoreTerminal()
    SignalRestore.suspended = 1
    signal(SIGTSTP, SIG_DFL)
    SignalRestore.unblock(SIGTSTP)
    // Stops here until SIGCONT. In an orphaned process group (no job-control shell above
    // it) the kernel discards the stop; the loop then waits for SIGCONT all the same.
    raise(SIGTSTP)
    signal(SIGTSTP, suspendSignalHandler)
    errno = savedErrno
}

/// SIGCONT: note it; the event loop does the work.
private func continueSignalHandler(_ number: Int32) {
    SignalRestore.resumed = 1
}
