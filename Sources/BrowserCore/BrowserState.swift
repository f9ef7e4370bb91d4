import FoundationEssentials
import HTTPModel
import PageLayout
import ScreenGrid
import WebAddress

/// Everything the browser is: history, the page on screen, what the user is typing.
/// Changed only by `Browser.reduce`.
public struct BrowserState: Sendable {
    /// Screen size in cells.
    public var width: Int
    public var height: Int
    public var history = History()
    public var loading: Loading?
    public var mode: Mode = .browsing
    public var status: StatusMessage?
    public var search: Search?
    /// Digits typed before Enter, to follow a link by number.
    public var typedNumber = ""
    /// URLs typed into the open prompt, oldest first.
    public var typedURLs: [String] = []
    /// URLs visited, to style visited links.
    public var visited: Set<String> = []
    public var keyMap: KeyMap
    public var themeNames: [String]
    public var themeName: String
    /// Where bookmarks live, opened by the bookmarks key.
    public var bookmarksURL: String?
    /// The next request id.
    var nextRequestID = 1
    /// Set once quitting: the runtime stops.
    public var quitting = false
    /// The 402 being answered, if any.
    public var payment: PaymentSession?
    var nextPaymentID = 1
    /// The time of the last tick.
    public var now = Date(timeIntervalSince1970: 0)

    public init(width: Int, height: Int, keyMap: KeyMap = .defaults, themeNames: [String] = ["default"],
                themeName: String = "default", bookmarksURL: String? = nil) {
        self.width = width
        self.height = height
        self.keyMap = keyMap
        self.themeNames = themeNames
        self.themeName = themeName
        self.bookmarksURL = bookmarksURL
    }

    /// Rows available for the page: all but the top bar and the status line.
    public var pageHeight: Int { max(height - 2, 1) }

    /// The entry on screen, if any.
    public var current: HistoryEntry? { history.current }

    /// What the user is doing.
    public enum Mode: Equatable, Sendable {
        case browsing
        /// Typing a URL or a search.
        case prompt(Prompt)
        /// Link hints shown; `typed` is what has been typed of a label.
        case hints(typed: String)
        /// A generated page over the current one (help, page info), scrolled to `scroll`.
        case overlay(Overlay)
        /// A yes/no question.
        case confirm(Confirmation)
        /// The option list of a select field.
        case choosing(Choice)
    }

    /// An open option list: which field, which option is highlighted, which are chosen.
    public struct Choice: Equatable, Sendable {
        public var field: Int
        public var highlighted: Int
        public var chosen: [Int]
        public var multiple: Bool
    }

    /// A line prompt at the bottom of the screen.
    public struct Prompt: Equatable, Sendable {
        public enum Purpose: Equatable, Sendable {
            case openURL
            case search(forward: Bool)
            /// Editing a text field; in a textarea Enter starts a new line and Ctrl-D finishes.
            case editField(index: Int, multiline: Bool)
        }

        public var purpose: Purpose
        public var editor: LineEditor

        public var label: String {
            switch purpose {
            case .openURL: return "Open: "
            case .search(let forward): return forward ? "/" : "?"
            case .editField(_, let multiline): return multiline ? "Text (Ctrl-D done): " : "Field: "
            }
        }
    }

    /// A page drawn over the current one.
    public struct Overlay: Equatable, Sendable {
        public enum Kind: Equatable, Sendable { case help, pageInfo }
        public var kind: Kind
        public var lines: [StyledLine]
        public var scroll: Int
    }

    /// A question the user answers with y or n.
    public struct Confirmation: Equatable, Sendable {
        public enum Action: Equatable, Sendable {
            case resendPost
            case quitWithUnsentEdits
            case reloadPaidPage
        }

        public var question: String
        public var action: Action
    }
}

/// A message on the status line.
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case info, error }
    public var text: String
    public var kind: Kind

    public static func info(_ text: String) -> StatusMessage { StatusMessage(text: text, kind: .info) }
    public static func error(_ text: String) -> StatusMessage { StatusMessage(text: text, kind: .error) }
}

/// A load in progress.
public struct Loading: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        /// A new page: pushed on the history.
        case navigate
        /// The current entry loaded again.
        case reload
        /// The request that got a 402, sent again with a payment credential.
        case paidRetry(session: Int)
    }

    public var id: Int
    public var request: HTTPRequest
    public var purpose: Purpose
    public var received: Int = 0
    public var expected: Int?
    /// The fragment to scroll to once loaded.
    public var fragment: String?
}

/// A search of the page text.
public struct Search: Equatable, Sendable {
    public var query: String
    public var forward: Bool
    public var matches: [LinePosition]
    /// Index into `matches` of the one selected.
    public var current: Int?
}

/// One page in the history, with its layout and where the reader was.
public struct HistoryEntry: Sendable {
    public var url: String
    public var request: HTTPRequest
    public var response: HTTPResponse
    public var content: PageContent
    /// The width `content` was laid out at.
    public var layoutWidth: Int
    public var scroll: Int = 0
    /// Index of the focused item in `focusables`, if any.
    public var focus: Int?
    /// The receipt when this page was paid for, and what was paid.
    public var receipt: String?
    public var paid: String?
    /// Field values the user changed, by field index.
    public var formValues: [Int: FieldValue] = [:]
    /// Whether there are form edits not sent yet.
    public var hasUnsentEdits: Bool { !formValues.isEmpty }

    /// The laid-out page, or nil for binary content.
    public var page: RenderedPage? {
        if case .page(let page) = content { return page }
        return nil
    }

    public var title: String {
        guard let page, !page.title.isEmpty else { return url }
        return page.title
    }
}

/// Back and forward history: entries and the index of the one shown.
public struct History: Sendable {
    public private(set) var entries: [HistoryEntry] = []
    public private(set) var index = -1

    public var current: HistoryEntry? { entries.indices.contains(index) ? entries[index] : nil }
    public var canGoBack: Bool { index > 0 }
    public var canGoForward: Bool { index + 1 < entries.count }

    /// Adds a page after the current one, dropping the forward entries.
    mutating func push(_ entry: HistoryEntry) {
        if index + 1 < entries.count {
            entries.removeSubrange((index + 1)...)
        }
        entries.append(entry)
        index = entries.count - 1
    }

    mutating func replaceCurrent(_ entry: HistoryEntry) {
        guard entries.indices.contains(index) else { return push(entry) }
        entries[index] = entry
    }

    mutating func updateCurrent(_ change: (inout HistoryEntry) -> Void) {
        guard entries.indices.contains(index) else { return }
        change(&entries[index])
    }

    mutating func move(by offset: Int) -> Bool {
        let target = index + offset
        guard entries.indices.contains(target) else { return false }
        index = target
        return true
    }
}
