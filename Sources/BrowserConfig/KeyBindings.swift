/// Key bindings as the config file gives them: canonical key names (`KeyName.description`)
/// mapped to actions. The terminal side turns the names into its own key type.
public enum KeyBindings {
    /// Penny's bindings before the config file changes any. `?` searches backward, so help
    /// is on F1; `h` is left unbound.
    public static let defaults: [String: BrowserAction] = Dictionary(
        uniqueKeysWithValues: defaultKeys.map { ($0.0.description, $0.1) })

    private static let defaultKeys: [(KeyName, BrowserAction)] = [
        (.down, .scrollDown), (.character("j"), .scrollDown),
        (.up, .scrollUp), (.character("k"), .scrollUp),
        (.character(" "), .pageDown), (.pageDown, .pageDown),
        (.character("b"), .pageUp), (.pageUp, .pageUp),
        (.character("d"), .halfPageDown),
        (.character("u"), .halfPageUp),
        (.character("g"), .top), (.home, .top),
        (.character("G"), .bottom), (.end, .bottom),
        (.tab, .nextLink),
        (.backTab, .previousLink),
        (.enter, .followLink),
        (.character("f"), .linkHints),
        (.character("o"), .openURL), (.character(":"), .openURL),
        (.character("r"), .reload),
        (.character("H"), .back), (.left, .back), (.backspace, .back),
        (.character("L"), .forward), (.right, .forward),
        (.character("/"), .searchForward),
        (.character("?"), .searchBackward),
        (.character("n"), .nextMatch),
        (.character("N"), .previousMatch),
        (.character("B"), .bookmarks),
        (.character("a"), .addBookmark),
        (.character("="), .pageInfo),
        (.function(1), .help),
        (.character("q"), .quit),
        (.character("Q"), .quitNow),
        (.character("t"), .cycleTheme),
        (.escape, .cancel), (.control("c"), .cancel),
    ]

}
