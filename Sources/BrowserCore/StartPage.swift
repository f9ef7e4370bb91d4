import BrowserConfig

/// The page shown without a URL: the main keys and the bookmarks.
public enum StartPage {
    /// The start page: keys, the wallet's summary lines, bookmarks.
    public static func html(bookmarks: BookmarkList, keyMap: KeyMap, wallet: [String] = []) -> String {
        func keys(_ action: BrowserAction) -> String {
            BookmarkList.escape(keyMap.keys(for: action).map(\.displayName).joined(separator: " or "))
        }
        var html = """
        <title>Penny</title>
        <h1>Penny</h1>
        <p>A terminal web browser that understands HTTP 402 Payment Required.</p>
        <table border=1><tr><th>Key</th><th>Does</th></tr>
        """
        let actions: [BrowserAction] = [.openURL, .nextLink, .followLink, .linkHints, .back, .forward, .searchForward,
                                        .bookmarks, .addBookmark, .pageInfo, .cycleTheme, .help, .quit]
        for action in actions where !keyMap.keys(for: action).isEmpty {
            html += "<tr><td>\(keys(action))</td><td>\(BookmarkList.escape(action.summary))</td></tr>"
        }
        html += "</table>"
        if !wallet.isEmpty {
            html += "<h2>Wallet</h2><ul>" + wallet.map { "<li>\(BookmarkList.escape($0))</li>" }.joined() + "</ul>"
        }
        html += "<h2>Bookmarks</h2>"
        if bookmarks.bookmarks.isEmpty {
            html += "<p>No bookmarks yet: \(keys(.addBookmark)) adds the page you are reading.</p>"
        } else {
            html += "<ul>"
            for bookmark in bookmarks.bookmarks {
                html += "<li><a href=\"\(BookmarkList.escape(bookmark.url))\">\(BookmarkList.escape(bookmark.title))</a></li>"
            }
            html += "</ul>"
        }
        return html
    }
}
