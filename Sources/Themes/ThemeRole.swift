/// Something on screen a theme gives a style: a kind of page text, a part of the
/// browser's own chrome, or a part of the payment prompt.
///
/// Raw values are the table names in theme files. Cases are ordered so that every
/// role comes after its `parent`.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    case text
    case link
    case visitedLink = "visited-link"
    case focusedLink = "focused-link"
    case linkNumber = "link-number"
    case heading1, heading2, heading3, heading4, heading5, heading6
    case bold, italic, underline, strikethrough
    case code, preformatted, mark, quote
    case tableBorder = "table-border"
    case listMarker = "list-marker"
    case formField = "form-field"
    case focusedField = "focused-field"
    case image, rule, notice
    case topBar = "top-bar"
    case statusLine = "status-line"
    case statusMessage = "status-message"
    case error
    case searchMatch = "search-match"
    case currentSearchMatch = "current-search-match"
    case hintLabel = "hint-label"
    case promptText = "prompt-text"
    case promptFrame = "prompt-frame"
    case promptTitle = "prompt-title"
    case promptPrice = "prompt-price"
    case promptPayee = "prompt-payee"
    case promptWarning = "prompt-warning"
    case promptButton = "prompt-button"
    case promptFocusedButton = "prompt-focused-button"
    case promptDim = "prompt-dim"

    /// The role whose colours this one inherits when a theme leaves them out;
    /// nil for `text` and for overlays.
    public var parent: ThemeRole? {
        switch self {
        case .text, .focusedLink, .focusedField, .searchMatch, .currentSearchMatch, .promptDim: nil
        case .visitedLink, .linkNumber: .link
        case .heading2: .heading1
        case .heading3: .heading2
        case .heading4: .heading3
        case .heading5: .heading4
        case .heading6: .heading5
        case .statusLine: .topBar
        case .statusMessage: .statusLine
        case .error: .statusMessage
        case .promptFrame, .promptTitle, .promptPrice, .promptPayee, .promptWarning, .promptButton: .promptText
        case .promptFocusedButton: .promptButton
        default: .text
        }
    }

    /// Whether the role is drawn over another style rather than on its own: its colours
    /// replace the ones underneath only where set, and its attributes add to theirs.
    public var isOverlay: Bool { self != .text && parent == nil }

    /// The heading role for a level from 1 to 6.
    public static func heading(_ level: Int) -> ThemeRole? {
        switch level {
        case 1: .heading1
        case 2: .heading2
        case 3: .heading3
        case 4: .heading4
        case 5: .heading5
        case 6: .heading6
        default: nil
        }
    }
}
