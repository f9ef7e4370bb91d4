import HTMLDocument
import TerminalText
import WebAddress

/// What layout needs to know before it starts: links, forms and fields numbered in
/// document order (so that the measuring passes of tables cannot renumber them), the
/// title, the base URL, refresh and monetization.
struct PagePrepass {
    var links: [PageLink] = []
    var fields: [FormField] = []
    var forms: [Form] = []
    var title = ""
    var refresh: Refresh?
    var refreshLink: Int32 = -1
    var monetization: [String] = []
    /// The index in `links` of each linking element. Kept by node rather than in an array
    /// over every node: few nodes are links, and a large page has millions of nodes.
    private var linkIndex: [NodeID: Int32] = [:]
    /// The index in `fields` of each form control.
    private var fieldIndex: [NodeID: Int32] = [:]

    /// The element's index in `links`, or -1.
    func link(of id: NodeID) -> Int32 { linkIndex[id] ?? -1 }

    /// The control's index in `fields`, or -1.
    func field(of id: NodeID) -> Int32 { fieldIndex[id] ?? -1 }

    init(document: Document, url: AbsoluteURL?) {
        var base = url
        if let baseElement = document.firstElement(.base), let href = document.attribute("href", of: baseElement),
           let resolved = url?.resolve(href) ?? AbsoluteURL(href) {
            base = resolved
        }
        let resolver = LinkResolver(base: base)
        var formIndex: [NodeID: Int] = [:]
        var formByID: [String: Int] = [:]
        var lastForm: (node: NodeID, index: Int)?
        var titleFound = false

        document.forEachDescendant(of: Document.root) { id in
            let node = document[id]
            guard node.kind == .element else { return node.kind != .templateContent }
            guard node.namespace == .html else { return node.tag == .svg ? false : true }
            switch node.tag {
            case .a, .area:
                if let href = document.attribute("href", of: id) {
                    linkIndex[id] = Int32(links.count)
                    links.append(PageLink(number: links.count + 1, url: resolver.resolve(href), positions: []))
                }
            case .iframe, .frame:
                if let source = document.attribute("src", of: id) {
                    linkIndex[id] = Int32(links.count)
                    links.append(PageLink(number: links.count + 1, url: resolver.resolve(source), positions: []))
                }
            case .title where !titleFound:
                titleFound = true
                title = Whitespace.collapse(TerminalSafe.sanitize(document.textContent(of: id)))
            case .meta:
                if let equiv = document.attribute("http-equiv", of: id), equiv.lowercased() == "refresh",
                   refresh == nil, let content = document.attribute("content", of: id),
                   var parsed = Refresh(parsing: content) {
                    if let target = parsed.url {
                        parsed.url = resolver.resolve(target)
                        refreshLink = Int32(links.count)
                        links.append(PageLink(number: links.count + 1, url: parsed.url!, positions: []))
                    }
                    refresh = parsed
                }
            case .link:
                let rel = document.attribute("rel", of: id)?.lowercased() ?? ""
                if rel.split(separator: " ").contains("monetization"), let href = document.attribute("href", of: id) {
                    monetization.append(resolver.resolve(href))
                }
            case .form:
                let index = forms.count
                forms.append(Form(
                    action: resolver.resolve(document.attribute("action", of: id) ?? ""),
                    method: document.attribute("method", of: id)?.lowercased() == "post" ? "post" : "get",
                    encoding: document.attribute("enctype", of: id)?.lowercased() ?? "application/x-www-form-urlencoded",
                    charset: document.attribute("accept-charset", of: id)))
                formIndex[id] = index
                if let name = document.attribute("id", of: id), formByID[name] == nil {
                    formByID[name] = index
                }
                lastForm = (id, index)
            case .input, .select, .textarea, .button:
                var field = FormFieldReader.read(document, id)
                if let owner = document.attribute("form", of: id), let index = formByID[owner] {
                    field.form = index
                } else if let ancestor = PagePrepass.ancestorForm(of: id, in: document) {
                    field.form = formIndex[ancestor]
                } else if let lastForm, document[lastForm.node].firstChild == Node.none {
                    // A form the parser closed early (inside a table): controls after it still belong to it.
                    field.form = lastForm.index
                }
                fieldIndex[id] = Int32(fields.count)
                fields.append(field)
                return node.tag == .button
            default:
                break
            }
            return true
        }
    }

    private static func ancestorForm(of id: NodeID, in document: Document) -> NodeID? {
        var current = document[id].parent
        while current != Node.none {
            let node = document[current]
            if node.kind == .element && node.tag == .form && node.namespace == .html {
                return current
            }
            current = node.parent
        }
        return nil
    }
}

/// Resolves link targets against the page's base URL into terminal-safe strings.
struct LinkResolver {
    let base: AbsoluteURL?
    let baseWithoutFragment: String?
    /// `scheme://authority` of the base, for links that start with one slash.
    let baseOrigin: String?

    init(base: AbsoluteURL?) {
        self.base = base
        baseWithoutFragment = base?.withoutFragment.description
        if let base, let authority = base.authority, AbsoluteURL.isHierarchical(base.scheme) {
            baseOrigin = AbsoluteURL("\(base.scheme)://\(authority)/")?.description.dropLast().description
        } else {
            baseOrigin = nil
        }
    }

    func resolve(_ href: String) -> String {
        // Fast paths for the common shapes whose result needs no normalising: most links of
        // a large page are `#fragment` or `/absolute/path` in plain ASCII.
        switch LinkResolver.shape(of: href) {
        case .fragment:
            if let baseWithoutFragment { return LinkResolver.joined(baseWithoutFragment, href) }
        case .rootPath:
            if let baseOrigin { return LinkResolver.joined(baseOrigin, href) }
        case .other:
            break
        }
        if let base, let resolved = base.resolve(href) {
            return resolved.description
        }
        if let absolute = AbsoluteURL(href) {
            return absolute.description
        }
        return TerminalSafe.sanitize(href)
    }
}

extension LinkResolver {
    /// The shapes of link that resolve by joining strings.
    enum Shape {
        /// `#name`, plain.
        case fragment
        /// `/path`, plain, without `//` at the start or a dot or `%2` segment to normalise.
        case rootPath
        case other
    }

    /// Which shape `href` has, in one pass over its bytes. Plain means ASCII with nothing to
    /// trim, encode or normalise (no spaces, quotes, backslashes, controls).
    static func shape(of href: String) -> Shape {
        href.utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, first == UInt8(ascii: "#") || first == UInt8(ascii: "/") else { return .other }
            var previous: UInt8 = 0
            for (index, byte) in bytes.enumerated() {
                guard isPlain(byte) else { return .other }
                if first == UInt8(ascii: "/") && previous == UInt8(ascii: "/") {
                    // `/.` may be a dot segment, `/%2` an encoded one, `//` an authority.
                    if byte == UInt8(ascii: ".") || index == 1 && byte == UInt8(ascii: "/") { return .other }
                    if byte == UInt8(ascii: "%") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "2") {
                        return .other
                    }
                }
                previous = byte
            }
            return first == UInt8(ascii: "#") ? .fragment : .rootPath
        } ?? .other
    }

    /// `first + second` in storage of exactly their size: a page keeps every link's URL, and
    /// `+` leaves room to grow.
    static func joined(_ first: String, _ second: String) -> String {
        var result = ""
        result.reserveCapacity(first.utf8.count + second.utf8.count)
        result += first
        result += second
        return result
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "<") &&
            byte != UInt8(ascii: ">") && byte != UInt8(ascii: "`") && byte != UInt8(ascii: "\\") &&
            byte != UInt8(ascii: "{") && byte != UInt8(ascii: "}")
    }
}

extension Refresh {
    /// Reads `5; url=/next` (the URL part optional, quotes allowed).
    init?(parsing content: String) {
        let text = content.drop { $0 == " " || $0 == "\t" }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        var rest = text.dropFirst(digits.count).drop { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard !digits.isEmpty || rest.first == ";" || rest.first == "," else { return nil }
        seconds = Int(digits.prefix(9)) ?? 0
        rest = rest.drop { $0 == " " || $0 == ";" || $0 == "," }
        if rest.lowercased().hasPrefix("url") {
            rest = rest.dropFirst(3).drop { $0 == " " }
            if rest.first == "=" {
                rest = rest.dropFirst().drop { $0 == " " }
            }
        }
        if let quote = rest.first, quote == "'" || quote == "\"" {
            rest = rest.dropFirst()
            if let end = rest.firstIndex(of: quote) {
                rest = rest[..<end]
            }
        }
        let target = String(rest).trimmingCharacters(in: [" ", "\t"])
        url = target.isEmpty ? nil : target
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}

/// Whitespace collapsing as HTML does it for normal text.
enum Whitespace {
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// Runs of spaces, tabs and line breaks become one space; the ends are trimmed.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" || $0 == "\r\n" })
            .joined(separator: " ")
    }
}
