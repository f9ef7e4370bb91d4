import BrowserConfig
import Testing

struct DefaultKeyTests {
    /// The default bindings as the design lists them.
    static let expected: [String: BrowserAction] = [
        "Down": .scrollDown, "j": .scrollDown, "Up": .scrollUp, "k": .scrollUp,
        "Space": .pageDown, "PageDown": .pageDown, "b": .pageUp, "PageUp": .pageUp,
        "d": .halfPageDown, "u": .halfPageUp, "g": .top, "Home": .top, "G": .bottom, "End": .bottom,
        "Tab": .nextLink, "S-Tab": .previousLink, "Enter": .followLink, "f": .linkHints,
        "o": .openURL, ":": .openURL, "r": .reload, "H": .back, "Left": .back, "Backspace": .back,
        "L": .forward, "Right": .forward, "/": .searchForward, "?": .searchBackward,
        "n": .nextMatch, "N": .previousMatch, "B": .bookmarks, "a": .addBookmark, "=": .pageInfo,
        "F1": .help, "q": .quit, "Q": .quitNow, "t": .cycleTheme, "Esc": .cancel, "C-c": .cancel,
    ]

    @Test func defaultsMatchTheList() {
        #expect(KeyBindings.defaults == Self.expected)
    }

    @Test func defaultsUseCanonicalNames() throws {
        for name in KeyBindings.defaults.keys {
            #expect(try #require(KeyName(name)).description == name)
        }
    }

    @Test func questionMarkSearchesBackwardHelpIsF1AndHIsFree() {
        #expect(KeyBindings.defaults["?"] == .searchBackward)
        #expect(KeyBindings.defaults["F1"] == .help)
        #expect(KeyBindings.defaults["h"] == nil)
    }

    @Test func everyActionHasADefaultKey() {
        let bound = Set(KeyBindings.defaults.values)
        for action in BrowserAction.allCases {
            #expect(bound.contains(action), "\(action.rawValue) has no key")
        }
    }

    @Test func actionNamesAreKebabCase() {
        #expect(BrowserAction.allCases.count == 28)
        #expect(BrowserAction(rawValue: "half-page-down") == .halfPageDown)
        #expect(BrowserAction(rawValue: "open-url") == .openURL)
        #expect(BrowserAction(rawValue: "quit-now") == .quitNow)
        for action in BrowserAction.allCases {
            #expect(action.rawValue.allSatisfy { $0.isLowercase || $0 == "-" }, "\(action.rawValue)")
        }
    }
}
