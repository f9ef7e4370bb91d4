import ScreenGrid

/// A named set of styles, one for every `ThemeRole`.
public struct Theme: Hashable, Sendable {
    /// The name `--theme` and the config file use (the file name without `.toml`).
    public var name: String
    private var styles: [ThemeRole: Style]

    /// A theme from explicit styles; a role left out takes its parent's style
    /// (overlays take `Style.plain`).
    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        var resolved: [ThemeRole: Style] = [:]
        for role in ThemeRole.allCases {
            resolved[role] = styles[role] ?? role.parent.flatMap { resolved[$0] } ?? .plain
        }
        self.styles = resolved
    }

    /// The style of one role.
    public subscript(role: ThemeRole) -> Style {
        get { styles[role] ?? .plain }
        set { styles[role] = newValue }
    }

    /// The built-in default theme, which follows the terminal's own colours.
    public static let `default`: Theme = {
        do {
            return try ThemeParser.parse(BuiltinThemes.sources[defaultName] ?? "", name: defaultName,
                                         file: ThemeLoader.builtinFileLabel(defaultName), base: nil)
        } catch {
            fatalError("the built-in default theme is broken: \(error)")
        }
    }()

    /// The name of the default theme.
    public static let defaultName = "default"
}
