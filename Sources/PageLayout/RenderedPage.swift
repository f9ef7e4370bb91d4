import WebAddress

/// A page laid out at one width: lines of styled text, and maps of its links and fields.
public struct RenderedPage: Sendable {
    public var title: String
    public var lines: [StyledLine]
    public var links: [PageLink]
    public var fields: [FormField]
    public var forms: [Form]
    /// Fragment names (`id`, `<a name>`) and the first line they stand on.
    public var anchors: [String: Int]
    /// `<meta http-equiv=refresh>`: the delay and, when it names one, the target (also in `links`).
    public var refresh: Refresh?
    /// Payment pointers or wallet addresses from `<link rel="monetization">`.
    public var monetization: [String]
    /// The width the page was laid out at.
    public var width: Int
    /// The page's character encoding (a label such as "Shift_JIS"), in which its forms submit.
    public var encoding: String?

    public init(title: String = "", lines: [StyledLine] = [], links: [PageLink] = [], fields: [FormField] = [],
                forms: [Form] = [], anchors: [String: Int] = [:], refresh: Refresh? = nil,
                monetization: [String] = [], width: Int) {
        self.title = title
        self.lines = lines
        self.links = links
        self.fields = fields
        self.forms = forms
        self.anchors = anchors
        self.refresh = refresh
        self.monetization = monetization
        self.width = width
    }
}

/// What a response shows as: a laid-out page, or a notice for content that is not text.
public enum PageContent: Sendable {
    case page(RenderedPage)
    /// Binary content is never put on the terminal; the user may save it.
    case binary(mediaType: String, size: Int)
}

/// A place on the laid-out page: a line and a range of columns.
public struct LinePosition: Hashable, Sendable {
    public var line: Int
    public var start: Int
    public var end: Int

    public init(line: Int, start: Int, end: Int) {
        self.line = line
        self.start = start
        self.end = end
    }
}

/// A link: where it goes and where it is drawn.
public struct PageLink: Sendable, Equatable {
    /// 1-based, in document order; the number shown as `[n]` in dumps.
    public var number: Int
    /// Absolute and terminal-safe, or the raw `href` when it could not be resolved.
    public var url: String
    /// Where the link text stands; empty when the link is not drawn.
    public var positions: [LinePosition]
}

/// `<meta http-equiv=refresh>`.
public struct Refresh: Sendable, Equatable {
    public var seconds: Int
    public var url: String?

    public init(seconds: Int, url: String?) {
        self.seconds = seconds
        self.url = url
    }
}

/// A form: where and how it submits.
public struct Form: Sendable, Equatable {
    public var action: String
    /// "get" or "post", lower case.
    public var method: String
    public var encoding: String
    /// `accept-charset`, when given.
    public var charset: String?

    public init(action: String, method: String, encoding: String, charset: String?) {
        self.action = action
        self.method = method
        self.encoding = encoding
        self.charset = charset
    }
}

/// A form control, with its initial state.
public struct FormField: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case text, password, checkbox, radio, select, textarea, submit, reset, button, image, hidden, file
    }

    /// One `<option>` of a select.
    public struct Option: Sendable, Equatable {
        public var label: String
        public var value: String
        public var selected: Bool
    }

    public var kind: Kind
    public var name: String
    public var value: String
    public var checked: Bool
    public var options: [Option]
    public var multiple: Bool
    /// Index into `RenderedPage.forms`, or nil outside a form.
    public var form: Int?
    /// Display width in cells for text-like fields.
    public var size: Int
    public var rows: Int
    public var disabled: Bool
    public var readOnly: Bool
    public var positions: [LinePosition]
}
