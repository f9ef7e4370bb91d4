import ScreenGrid

/// Each role's style by name: `theme.link` is `theme[.link]`.
extension Theme {
    public var text: Style { get { self[.text] } set { self[.text] = newValue } }
    public var link: Style { get { self[.link] } set { self[.link] = newValue } }
    public var visitedLink: Style { get { self[.visitedLink] } set { self[.visitedLink] = newValue } }
    public var focusedLink: Style { get { self[.focusedLink] } set { self[.focusedLink] = newValue } }
    public var linkNumber: Style { get { self[.linkNumber] } set { self[.linkNumber] = newValue } }
    public var heading1: Style { get { self[.heading1] } set { self[.heading1] = newValue } }
    public var heading2: Style { get { self[.heading2] } set { self[.heading2] = newValue } }
    public var heading3: Style { get { self[.heading3] } set { self[.heading3] = newValue } }
    public var heading4: Style { get { self[.heading4] } set { self[.heading4] = newValue } }
    public var heading5: Style { get { self[.heading5] } set { self[.heading5] = newValue } }
    public var heading6: Style { get { self[.heading6] } set { self[.heading6] = newValue } }
    public var bold: Style { get { self[.bold] } set { self[.bold] = newValue } }
    public var italic: Style { get { self[.italic] } set { self[.italic] = newValue } }
    public var underline: Style { get { self[.underline] } set { self[.underline] = newValue } }
    public var strikethrough: Style { get { self[.strikethrough] } set { self[.strikethrough] = newValue } }
    public var code: Style { get { self[.code] } set { self[.code] = newValue } }
    public var preformatted: Style { get { self[.preformatted] } set { self[.preformatted] = newValue } }
    public var mark: Style { get { self[.mark] } set { self[.mark] = newValue } }
    public var quote: Style { get { self[.quote] } set { self[.quote] = newValue } }
    public var tableBorder: Style { get { self[.tableBorder] } set { self[.tableBorder] = newValue } }
    public var listMarker: Style { get { self[.listMarker] } set { self[.listMarker] = newValue } }
    public var formField: Style { get { self[.formField] } set { self[.formField] = newValue } }
    public var focusedField: Style { get { self[.focusedField] } set { self[.focusedField] = newValue } }
    public var image: Style { get { self[.image] } set { self[.image] = newValue } }
    public var rule: Style { get { self[.rule] } set { self[.rule] = newValue } }
    public var notice: Style { get { self[.notice] } set { self[.notice] = newValue } }
    public var topBar: Style { get { self[.topBar] } set { self[.topBar] = newValue } }
    public var statusLine: Style { get { self[.statusLine] } set { self[.statusLine] = newValue } }
    public var statusMessage: Style { get { self[.statusMessage] } set { self[.statusMessage] = newValue } }
    public var error: Style { get { self[.error] } set { self[.error] = newValue } }
    public var searchMatch: Style { get { self[.searchMatch] } set { self[.searchMatch] = newValue } }
    public var currentSearchMatch: Style {
        get { self[.currentSearchMatch] }
        set { self[.currentSearchMatch] = newValue }
    }
    public var hintLabel: Style { get { self[.hintLabel] } set { self[.hintLabel] = newValue } }
    public var promptText: Style { get { self[.promptText] } set { self[.promptText] = newValue } }
    public var promptFrame: Style { get { self[.promptFrame] } set { self[.promptFrame] = newValue } }
    public var promptTitle: Style { get { self[.promptTitle] } set { self[.promptTitle] = newValue } }
    public var promptPrice: Style { get { self[.promptPrice] } set { self[.promptPrice] = newValue } }
    public var promptPayee: Style { get { self[.promptPayee] } set { self[.promptPayee] = newValue } }
    public var promptWarning: Style { get { self[.promptWarning] } set { self[.promptWarning] = newValue } }
    public var promptButton: Style { get { self[.promptButton] } set { self[.promptButton] = newValue } }
    public var promptFocusedButton: Style {
        get { self[.promptFocusedButton] }
        set { self[.promptFocusedButton] = newValue }
    }
    public var promptDim: Style { get { self[.promptDim] } set { self[.promptDim] = newValue } }
}
