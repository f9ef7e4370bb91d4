/// How many colours the terminal can show, so the caller can pick a theme that fits.
public enum ColorSupport: Hashable, Sendable {
    /// No colours: a monochrome terminal, or `NO_COLOR` is set.
    case none
    /// The eight ANSI colours (indexes 8 and up are approximated).
    case colors8
    /// The 256-colour xterm palette.
    case colors256
}
