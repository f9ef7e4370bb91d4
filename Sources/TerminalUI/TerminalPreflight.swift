import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks made before curses takes over, so a terminal that cannot work is refused with a
/// clear message instead of a garbled screen.
enum TerminalPreflight {
    /// The terminal type, once standard input and output are terminals and the type can
    /// address the cursor; also returns the bytes that restore this terminal.
    static func check() throws -> (term: String, restoreBytes: [UInt8]) {
        guard isatty(STDIN_FILENO) == 1 else { throw TerminalUnavailable("standard input is not a terminal") }
        guard isatty(STDOUT_FILENO) == 1 else { throw TerminalUnavailable("standard output is not a terminal") }
        guard let value = getenv("TERM"), value.pointee != 0 else {
            throw TerminalUnavailable("TERM is not set")
        }
        let term = String(cString: value)
        guard term != "dumb" else { throw TerminalUnavailable("TERM is \"dumb\"") }

        // `newterm` succeeds with a useless screen on terminals like "dumb": look first.
        var status: Int32 = 0
        guard setupterm(term, STDOUT_FILENO, &status) == OK, status == 1 else {
            throw TerminalUnavailable("the terminal type \"\(term)\" is unknown")
        }
        defer { del_curterm(CursesGlobals.terminfo) }
        guard capability("cup") != nil else {
            throw TerminalUnavailable("the terminal type \"\(term)\" cannot move the cursor")
        }
        var bytes: [UInt8] = []
        for name in ["sgr0", "rmkx", "cnorm", "rmcup"] {
            bytes += capability(name) ?? []
        }
        if capability("kmous") != nil {
            // curses reports the mouse through xterm's protocol when kmous is defined.
            bytes += Array("\u{1B}[?1006l\u{1B}[?1000l".utf8)
        }
        return (term, bytes)
    }

    /// A string capability of the current terminfo entry, nil when absent or cancelled.
    static func capability(_ name: String) -> [UInt8]? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return Array(String(cString: value).utf8)
    }

    /// Wide characters need a UTF-8 LC_CTYPE; without one (CI, `env -i`) they print as
    /// garbage, so fall back to C.UTF-8.
    static func ensureUTF8Locale() {
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) == "UTF-8" { return }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
}
