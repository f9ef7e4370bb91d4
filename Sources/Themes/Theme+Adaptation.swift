import ScreenGrid

extension Theme {
    /// A role that must stay visible against others when colours are reduced, and the
    /// attributes to add, one at a time, until it does.
    private struct Distinction {
        var role: ThemeRole
        var from: [ThemeRole]
        var fallbacks: [CellAttributes]
    }

    private static let distinctions: [Distinction] = [
        Distinction(role: .link, from: [.text], fallbacks: [.underline, .bold]),
        Distinction(role: .visitedLink, from: [.text], fallbacks: [.underline, .bold]),
        Distinction(role: .focusedLink, from: [.link, .visitedLink], fallbacks: [.reverse, .bold]),
        Distinction(role: .formField, from: [.text], fallbacks: [.underline, .reverse]),
        Distinction(role: .focusedField, from: [.formField], fallbacks: [.reverse, .bold]),
        Distinction(role: .searchMatch, from: [.text, .link, .visitedLink], fallbacks: [.reverse, .bold]),
        Distinction(role: .currentSearchMatch, from: [.text, .link, .searchMatch],
                    fallbacks: [.reverse, .bold, .underline]),
        Distinction(role: .hintLabel, from: [.text, .link], fallbacks: [.reverse, .bold]),
        Distinction(role: .mark, from: [.text], fallbacks: [.reverse]),
        Distinction(role: .bold, from: [.text], fallbacks: [.bold]),
        Distinction(role: .italic, from: [.text], fallbacks: [.italic]),
        Distinction(role: .underline, from: [.text], fallbacks: [.underline]),
        Distinction(role: .strikethrough, from: [.text], fallbacks: [.strikethrough]),
        Distinction(role: .topBar, from: [.text], fallbacks: [.reverse]),
        Distinction(role: .statusLine, from: [.text], fallbacks: [.reverse]),
        Distinction(role: .error, from: [.statusMessage], fallbacks: [.bold, .reverse]),
        Distinction(role: .promptTitle, from: [.promptText], fallbacks: [.bold]),
        Distinction(role: .promptWarning, from: [.promptText], fallbacks: [.bold, .underline]),
        Distinction(role: .promptButton, from: [.promptText], fallbacks: [.bold, .underline]),
        Distinction(role: .promptFocusedButton, from: [.promptText, .promptButton], fallbacks: [.reverse, .bold]),
        Distinction(role: .promptDim, from: [.text], fallbacks: [.dim]),
    ] + (1...6).compactMap(ThemeRole.heading).map { Distinction(role: $0, from: [.text], fallbacks: [.bold]) }

    /// Roles that mark something out with a background of their own; without colour, that background becomes reverse.
    private static let highlights: [ThemeRole] = [
        .focusedLink, .focusedField, .searchMatch, .currentSearchMatch, .hintLabel, .mark, .topBar, .statusLine,
        .promptFocusedButton,
    ]

    /// This theme reduced to what the terminal can show.
    ///
    /// - `.colors256`: unchanged.
    /// - `.colors8`: indexes 8–15 become 0–7, and a bright foreground also becomes bold
    ///   (terminals with 8 colours conventionally show bold as bright); others go to the
    ///   nearest ANSI colour by hue, greys by lightness. A foreground that lands on its
    ///   background's colour is swapped for black or white. A grey or bright-black
    ///   foreground on the terminal's own background becomes the default foreground and
    ///   dim, since bold black is invisible on the many terminals that do not brighten bold.
    /// - `.none`: every colour becomes the terminal default; attributes stay. Highlights
    ///   (focus, search matches, hint labels, mark, bars) that had a background of their own
    ///   become reverse.
    ///
    /// With 8 colours or none, links, focus, form fields, search matches, hint labels,
    /// headings, bars and prompt buttons that would look like what surrounds them get
    /// attributes added (underline, reverse, bold…) until they stand out.
    public func adapted(to support: ColorSupport) -> Theme {
        guard support != .colors256 else { return self }
        var theme = self
        for role in ThemeRole.allCases {
            theme[role] = support == .none ? Style(attributes: self[role].attributes) : Self.eightColour(self[role])
        }
        if support == .none {
            for role in Self.highlights where self[role].background != .default
                && self[role].background != self[.text].background {
                theme[role].attributes.insert(.reverse)
            }
        }
        for distinction in Self.distinctions {
            var style = theme[distinction.role]
            var fallbacks = distinction.fallbacks[...]
            while let fallback = fallbacks.first,
                  distinction.from.contains(where: { theme[$0].merged(with: style) == theme[$0] }) {
                style.attributes.formUnion(fallback)
                fallbacks = fallbacks.dropFirst()
            }
            theme[distinction.role] = style
        }
        return theme
    }

    /// A style with its colours reduced to the 8 ANSI ones.
    private static func eightColour(_ style: Style) -> Style {
        var result = style
        var background: UInt8?
        if case .indexed(let index) = style.background {
            background = XtermPalette.basic(ofIndex: index).index
            result.background = .indexed(background ?? 0)
        }
        if case .indexed(let index) = style.foreground {
            var (foreground, bright) = XtermPalette.basic(ofIndex: index)
            if foreground == background {
                foreground = [0, 1, 4, 5].contains(foreground) ? 7 : 0
                bright = false
            }
            if foreground == 0, bright, background == nil {
                result.foreground = .default
                result.attributes.insert(.dim)
            } else {
                result.foreground = .indexed(foreground)
                if bright { result.attributes.insert(.bold) }
            }
        }
        return result
    }
}
