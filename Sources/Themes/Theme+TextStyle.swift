import PageLayout
import ScreenGrid

extension Theme {
    /// Page regions that colour everything inside them, applied in this order.
    private static let regionRoles: [(TextAttributes.Flags, ThemeRole)] = [
        (.preformatted, .preformatted), (.quote, .quote), (.code, .code), (.listMarker, .listMarker),
        (.tableBorder, .tableBorder), (.rule, .rule), (.image, .image), (.notice, .notice), (.mark, .mark),
    ]

    /// Inline emphasis, applied after regions and headings.
    private static let emphasisRoles: [(TextAttributes.Flags, ThemeRole)] = [
        (.bold, .bold), (.italic, .italic), (.underline, .underline), (.strikethrough, .strikethrough),
    ]

    /// The style of a span of page text.
    ///
    /// Starts from `text`, adds regions (pre, quote, code, …), the heading level and
    /// emphasis, each with `Style.merged`. A link then takes its own foreground (and
    /// background, where set) over all of those while keeping their attributes; a
    /// focused link adds `focused-link` on top. Form fields add `form-field`, and
    /// `focused-field` when focused. Link numbers take `link-number` instead of the link style.
    public func style(for attributes: TextAttributes, visited: Bool, focused: Bool) -> Style {
        let flags = attributes.flags
        var style = self[.text]
        for (flag, role) in Self.regionRoles where flags.contains(flag) {
            style = style.merged(with: self[role])
        }
        if let heading = ThemeRole.heading(Int(attributes.headingLevel)) {
            style = style.merged(with: self[heading])
        }
        for (flag, role) in Self.emphasisRoles where flags.contains(flag) {
            style = style.merged(with: self[role])
        }
        if attributes.field >= 0 || flags.contains(.formField) {
            style = style.merged(with: self[.formField])
            if focused { style = style.merged(with: self[.focusedField]) }
        } else if flags.contains(.linkNumber) {
            style = style.recoloured(by: self[.linkNumber])
        } else if attributes.link >= 0 {
            style = style.recoloured(by: self[visited ? .visitedLink : .link])
            if focused { style = style.merged(with: self[.focusedLink]) }
        }
        return style
    }
}

extension Style {
    /// This style with `other`'s foreground, `other`'s background where set, and both attribute sets.
    func recoloured(by other: Style) -> Style {
        Style(foreground: other.foreground,
              background: other.background == .default ? background : other.background,
              attributes: attributes.union(other.attributes))
    }
}
