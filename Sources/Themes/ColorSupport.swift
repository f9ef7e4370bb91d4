/// How many colours the terminal can show, which decides how a theme is adapted.
public enum ColorSupport: Hashable, Sendable, CaseIterable {
    /// The xterm 256-colour palette: themes are used as written.
    case colors256
    /// The 8 ANSI colours.
    case colors8
    /// No colour at all (NO_COLOR, or a terminal without colours): attributes only.
    case none

    /// The support to use for a terminal that reports `colorCount` colours: none when
    /// `NO_COLOR` is set to anything but the empty string (https://no-color.org).
    public static func detect(colorCount: Int, environment: [String: String]) -> ColorSupport {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        if colorCount >= 256 { return .colors256 }
        if colorCount >= 8 { return .colors8 }
        return .none
    }
}
