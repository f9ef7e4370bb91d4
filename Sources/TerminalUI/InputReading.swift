import CNcursesw
import ScreenGrid
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One result of `get_wch`: a curses key code or a character.
enum RawInput: Equatable {
    case keyCode(Int32)
    case character(UInt32)
}

extension NcursesTerminal {
    /// Everything standard input holds now, translated; never blocks. Reports `.resize` after
    /// a terminal resize or a resume from Ctrl-Z (paint a full frame then), and `.endOfInput`
    /// once when the terminal hangs up.
    public func readEvents() -> [InputEvent] {
        guard isRunning else { return [] }
        var events: [InputEvent] = []
        if SignalRestore.suspended != 0 && SignalRestore.resumed != 0 {
            resumeAfterSuspend()
            events.append(.resize(width: size.width, height: size.height))
        } else if SignalRestore.suspended == 0 {
            SignalRestore.resumed = 0
        }
        // A bound, so a flood of input cannot keep the caller from painting.
        for _ in 0..<4096 {
            guard let input = nextInput() else { break }
            if let event = translate(input) {
                events.append(event)
            }
        }
        if events.isEmpty && !reportedEndOfInput && inputHasEnded() {
            reportedEndOfInput = true
            events.append(.endOfInput)
        }
        return events
    }

    private func translate(_ input: RawInput) -> InputEvent? {
        switch input {
        case .keyCode(KEY_RESIZE):
            // Curses has already resized its screens; the whole frame must be painted anew.
            // Output written at the old size may have landed after the terminal resized and
            // wrapped where curses cannot know: clear the real screen on the next refresh.
            clearok(CursesGlobals.currentScreen, true)
            lastPainted = nil
            needsFullRepaint = true
            return .resize(width: size.width, height: size.height)
        case .keyCode(KEY_MOUSE):
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            return MouseTranslation.event(state: event.bstate, x: Int(event.x), y: Int(event.y)).map(InputEvent.mouse)
        case .keyCode(let code):
            return KeyTranslation.key(forKeyCode: code).map(InputEvent.key)
        case .character(27):
            // Alt-x arrives as ESC and x together; curses has already waited ESCDELAY for it.
            guard let next = nextInput() else { return .key(.escape) }
            if case .character(let value) = next, let key = KeyTranslation.key(forCharacter: value),
               let alt = KeyTranslation.alt(key) {
                return .key(alt)
            }
            pendingInput = next
            return .key(.escape)
        case .character(let value):
            return KeyTranslation.key(forCharacter: value).map(InputEvent.key)
        }
    }

    private func nextInput() -> RawInput? {
        if let pending = pendingInput {
            pendingInput = nil
            return pending
        }
        var value: wint_t = 0
        switch get_wch(&value) {
        case KEY_CODE_YES: return .keyCode(Int32(bitPattern: UInt32(value)))
        case OK: return .character(UInt32(value))
        default: return nil
        }
    }

    /// Whether standard input has hung up: curses returns "no input" forever then, and the
    /// caller must quit rather than spin.
    private func inputHasEnded() -> Bool {
        var descriptor = pollfd(fd: inputFileDescriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        if descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        // Readable with nothing to read is end of file.
        var available: Int32 = 0
        return ioctl(inputFileDescriptor, UInt(FIONREAD), &available) != 0 || available == 0
    }

    /// After SIGCONT: curses still believes it owns the screen, so leave and re-enter through
    /// curses itself, which re-sends the alternate screen, modes and every cell.
    private func resumeAfterSuspend() {
        SignalRestore.suspended = 0
        SignalRestore.resumed = 0
        endwin()
        clearok(CursesGlobals.currentScreen, true)
        refresh()
        lastPainted = nil
        needsFullRepaint = true
    }
}
