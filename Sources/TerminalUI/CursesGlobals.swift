// Swift 6 rejects reading mutable C globals unless their module is imported @preconcurrency.
// curses.h is included by both CNcursesw and CPennyShim, and which of the two owns a global
// such as `stdscr` depends on load order, so both are imported that way here, in the one file
// that reads them.
@preconcurrency import CNcursesw
@preconcurrency import CPennyShim
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// The C globals the adapter reads: curses' windows and colour counts, the C streams.
enum CursesGlobals {
    static var standardScreen: UnsafeMutablePointer<WINDOW>! { stdscr }
    /// What curses believes the terminal shows.
    static var currentScreen: UnsafeMutablePointer<WINDOW>! { curscr }
    static var colors: Int { Int(COLORS) }
    static var colorPairs: Int { Int(COLOR_PAIRS) }
    static var terminfo: UnsafeMutablePointer<TERMINAL>! { cur_term }
    static var standardInput: UnsafeMutablePointer<FILE>! { stdin }
    static var standardOutput: UnsafeMutablePointer<FILE>! { stdout }
}
