import BrowserConfig
import PageLayout
import ScreenGrid
import TerminalText

extension Browser {
    static func handleOverlayKey(_ state: inout BrowserState, _ overlay: BrowserState.Overlay, _ key: Key) -> [BrowserEffect] {
        var overlay = overlay
        let limit = max(overlay.lines.count - state.pageHeight, 0)
        switch state.keyMap[key] {
        case .scrollDown?: overlay.scroll += 1
        case .scrollUp?: overlay.scroll -= 1
        case .pageDown?, .halfPageDown?: overlay.scroll += max(state.pageHeight - 2, 1)
        case .pageUp?, .halfPageUp?: overlay.scroll -= max(state.pageHeight - 2, 1)
        case .top?: overlay.scroll = 0
        case .bottom?: overlay.scroll = limit
        case .quitNow?:
            state.quitting = true
            return [.quit]
        default:
            // Any other key (q, Esc, F1, =) closes the overlay.
            state.mode = .browsing
            return []
        }
        overlay.scroll = min(max(overlay.scroll, 0), limit)
        state.mode = .overlay(overlay)
        return []
    }

    static func overlayLines(_ state: inout BrowserState, _ kind: BrowserState.Overlay.Kind) -> [StyledLine] {
        let text: String
        switch kind {
        case .help: text = helpText(state)
        case .pageInfo: text = pageInfoText(state)
        }
        return PageLayout.render(plainText: text, options: LayoutOptions(width: state.width)).lines
    }

    /// Every action with the keys bound to it.
    static func helpText(_ state: BrowserState) -> String {
        var lines = ["Penny keys (any other key closes this)", ""]
        for action in BrowserAction.allCases {
            let keys = state.keyMap.keys(for: action).map(\.displayName)
            guard !keys.isEmpty else { continue }
            let names = keys.joined(separator: ", ")
            lines.append(names.padding(to: 24) + action.summary)
        }
        lines.append("")
        lines.append("A link number then Enter follows that link. In prompts: Ctrl-A/E start/end,")
        lines.append("Ctrl-U/K delete to start/end, Ctrl-W delete a word, Up/Down typed history.")
        return lines.joined(separator: "\n")
    }

    /// Status, URLs and every response header of the page on screen.
    static func pageInfoText(_ state: BrowserState) -> String {
        guard let current = state.current else { return "No page." }
        let response = current.response
        var lines = ["Page information (any key closes this)", ""]
        lines.append("Title:    " + current.title)
        lines.append("URL:      " + current.url)
        if response.requestedURL != response.finalURL {
            lines.append("Asked:    " + response.requestedURL)
        }
        let version = response.httpVersion.isEmpty ? "" : response.httpVersion + " "
        lines.append("Status:   " + version + "\(response.status) " + response.reason)
        lines.append("Method:   " + current.request.method.rawValue.uppercased())
        if response.finalURL.hasPrefix("https:") {
            lines.append("TLS:      certificate verified by libcurl")
        } else if response.finalURL.hasPrefix("http:") {
            lines.append("TLS:      none (plain http)")
        }
        lines.append("Size:     \(response.body.count) bytes")
        if let paid = current.paid {
            lines.append("Paid:     " + paid)
        }
        if let receipt = current.receipt {
            lines.append("Receipt:  " + receipt)
        }
        if let page = current.page {
            lines.append("Layout:   \(page.lines.count) lines at width \(page.width), \(page.links.count) links, \(page.fields.count) form fields")
            for wallet in page.monetization {
                lines.append("Web Monetization wallet: " + wallet)
            }
        }
        lines.append("")
        lines.append("Response headers:")
        for header in response.headers {
            lines.append("  " + header.name + ": " + header.value)
        }
        return lines.map { TerminalSafe.sanitize($0) }.joined(separator: "\n")
    }
}

extension BrowserAction {
    /// What the action does, for the help screen.
    var summary: String {
        switch self {
        case .scrollDown: return "scroll down a line"
        case .scrollUp: return "scroll up a line"
        case .pageDown: return "next page"
        case .pageUp: return "previous page"
        case .halfPageDown: return "half a page down"
        case .halfPageUp: return "half a page up"
        case .top: return "top of the page"
        case .bottom: return "end of the page"
        case .nextLink: return "next link or field"
        case .previousLink: return "previous link or field"
        case .followLink: return "follow the selected link"
        case .linkHints: return "label the links on screen; type a label to follow it"
        case .openURL: return "open a URL"
        case .reload: return "reload"
        case .back: return "back"
        case .forward: return "forward"
        case .searchForward: return "search forward"
        case .searchBackward: return "search backward"
        case .nextMatch: return "next match"
        case .previousMatch: return "previous match"
        case .bookmarks: return "bookmarks"
        case .addBookmark: return "bookmark this page"
        case .pageInfo: return "page information and headers"
        case .help: return "this help"
        case .quit: return "quit"
        case .quitNow: return "quit at once"
        case .cycleTheme: return "next theme"
        case .cancel: return "stop loading, close a prompt"
        }
    }
}

extension String {
    func padding(to width: Int) -> String {
        let current = DisplayWidth.of(self)
        return current >= width ? self + " " : self + String(repeating: " ", count: width - current)
    }
}
