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
    /// Per node: its index in `links`, or -1.
    var linkIndex: [Int32]
    /// Per node: its index in `fields`, or -1.
    var fieldIndex: [Int32]

    init(document: Document, url: AbsoluteURL?) {
        linkIndex = Array(repeating: -1, count: document.nodeCount)
        fieldIndex = Array(repeating: -1, count: document.nodeCount)
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
                    linkIndex[Int(id)] = Int32(links.count)
                    links.append(PageLink(number: links.count + 1, url: resolver.resolve(href), positions: []))
                }
            case .iframe, .frame:
                if let source = document.attribute("src", of: id) {
                    linkIndex[Int(id)] = Int32(links.count)
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
                fieldIndex[Int(id)] = Int32(fields.count)
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
        if LinkResolver.isPlain(href) {
            if href.hasPrefix("#"), let baseWithoutFragment {
                return baseWithoutFragment + href
            }
            if let baseOrigin, href.hasPrefix("/"), !href.hasPrefix("//"), !href.contains("/."), !href.contains("/%2") {
                return baseOrigin + href
            }
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
    /// ASCII with nothing to trim, encode or normalise (no spaces, quotes, backslashes, controls).
    static func isPlain(_ href: String) -> Bool {
        !href.isEmpty && href.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "<") &&
                byte != UInt8(ascii: ">") && byte != UInt8(ascii: "`") && byte != UInt8(ascii: "\\") &&
                byte != UInt8(ascii: "{") && byte != UInt8(ascii: "}")
        }
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
