/// Something a key can make the browser do. Raw values are the names config files use.
public enum BrowserAction: String, CaseIterable, Hashable, Sendable {
    case scrollDown = "scroll-down"
    case scrollUp = "scroll-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case top
    case bottom
    case nextLink = "next-link"
    case previousLink = "previous-link"
    case followLink = "follow-link"
    case linkHints = "link-hints"
    case openURL = "open-url"
    case reload
    case back
    case forward
    case searchForward = "search-forward"
    case searchBackward = "search-backward"
    case nextMatch = "next-match"
    case previousMatch = "previous-match"
    case bookmarks
    case addBookmark = "add-bookmark"
    case pageInfo = "page-info"
    case help
    case quit
    case quitNow = "quit-now"
    case cycleTheme = "cycle-theme"
    case cancel
}
