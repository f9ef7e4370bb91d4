import HTMLDocument
import TerminalText

extension LayoutEngine {
    /// Lays out every child of a node.
    func layoutChildren(of id: NodeID, _ style: InlineStyle) {
        var child = document[id].firstChild
        while child != Node.none {
            layoutNode(child, style)
            child = document[child].nextSibling
        }
    }

    /// Lays out one node and what is below it.
    func layoutNode(_ id: NodeID, _ style: InlineStyle) {
        let node = document[id]
        switch node.kind {
        case .text:
            document.withTextBytes(of: id) { addText($0, style) }
        case .element:
            layoutElement(id, node, style)
        case .document:
            layoutChildren(of: id, style)
        case .doctype, .comment, .templateContent:
            return
        }
    }

    private func layoutElement(_ id: NodeID, _ node: Node, _ style: InlineStyle) {
        switch node.namespace {
        case .svg: return
        case .mathml: return layoutChildren(of: id, style)
        case .html: break
        }
        if isHidden(id) {
            return
        }
        if let name = document.attribute("id", of: id), !name.isEmpty {
            addAnchor(name)
        }
        var style = style
        switch node.tag {
        case .head, .script, .style, .template, .title, .meta, .link, .base, .datalist, .noembed, .noframes,
             .param, .source, .track, .area, .rp, .embed, .col, .colgroup, .option, .optgroup, .frameset, .map:
            if node.tag == .map || node.tag == .frameset { layoutChildren(of: id, style) }
            return
        case .dialog where !document.hasAttribute("open", of: id):
            return
        case .br:
            forceLineBreak()
        case .wbr:
            breakOpportunity()
        case .hr:
            beginBlock(blankLines: 1)
            noteWidthSensitive()
            // A rule stretches to the line; when measuring a table cell it asks for no width.
            let ruleWidth = isMeasuring ? 1 : availableWidth
            let rule = String(repeating: context.options.asciiBorders ? "-" : "─", count: ruleWidth)
            emitPreformatted(StyledLine(text: rule, spans: [StyledSpan(start: 0, end: Int32(ruleWidth),
                             attributes: TextAttributes(flags: .rule))], width: ruleWidth), unbreakable: false)
            endBlock(blankLines: 1)
        case .img:
            layoutImage(id, style)
        case .input, .select, .textarea, .button:
            layoutField(id, node.tag, style)
        case .a:
            layoutLink(id, style)
        case .iframe, .frame:
            layoutFrame(id, style)
        case .table:
            if style.tableDepth >= 12 {
                block(id, style, blankLines: 0)
            } else {
                TableLayout(engine: self, table: id, style: style).layout()
            }
        case .caption:
            block(id, style, blankLines: 0)
        case .ul, .ol, .menu, .dir:
            layoutList(id, node.tag, style)
        case .li:
            layoutListItem(id, style)
        case .dl:
            block(id, style, blankLines: listStack.isEmpty ? 1 : 0)
        case .dt:
            style.attributes.flags.insert(.bold)
            block(id, style, blankLines: 0)
        case .dd:
            beginBlock(blankLines: 0)
            pushPrefix("    ")
            layoutChildren(of: id, style)
            popPrefix()
            endBlock(blankLines: 0)
        case .blockquote:
            beginBlock(blankLines: 1)
            let bar = context.options.asciiBorders ? "  | " : "  │ "
            pushPrefix(bar, attributes: TextAttributes(flags: .quote))
            layoutChildren(of: id, style)
            popPrefix()
            endBlock(blankLines: 1)
        case .pre, .listing, .xmp, .plaintext:
            style.preformatted = true
            style.attributes.flags.insert(.preformatted)
            block(id, style, blankLines: 1)
        case .h1, .h2, .h3, .h4, .h5, .h6:
            style.attributes.flags.insert(.bold)
            style.attributes.headingLevel = UInt8(node.tag.rawValue - Tag.h1.rawValue + 1)
            block(id, style, blankLines: 1)
        case .p:
            block(id, style, blankLines: 1)
        case .figure:
            beginBlock(blankLines: 1)
            pushPrefix("  ")
            layoutChildren(of: id, style)
            popPrefix()
            endBlock(blankLines: 1)
        case .figcaption, .address:
            style.attributes.flags.insert(.italic)
            block(id, style, blankLines: 0)
        case .details:
            layoutDetails(id, style)
        case .div, .section, .article, .header, .footer, .nav, .main, .aside, .center, .hgroup, .search,
             .form, .fieldset, .legend, .dialog, .summary, .body, .html, .noscript:
            block(id, style, blankLines: 0)
        case .q:
            let open = style.quoteDepth % 2 == 0 ? "“" : "‘"
            let close = style.quoteDepth % 2 == 0 ? "”" : "’"
            style.quoteDepth += 1
            appendToWord(open, width: 1, style.attributes)
            layoutChildren(of: id, style)
            appendToWord(close, width: 1, style.attributes)
        case .rt:
            appendToWord("(", width: 1, style.attributes)
            layoutChildren(of: id, style)
            appendToWord(")", width: 1, style.attributes)
        case .b, .strong:
            style.attributes.flags.insert(.bold)
            layoutChildren(of: id, style)
        case .i, .em, .cite, .dfn, .var:
            style.attributes.flags.insert(.italic)
            layoutChildren(of: id, style)
        case .u, .ins:
            style.attributes.flags.insert(.underline)
            layoutChildren(of: id, style)
        case .s, .strike, .del:
            style.attributes.flags.insert(.strikethrough)
            layoutChildren(of: id, style)
        case .code, .kbd, .samp, .tt:
            style.attributes.flags.insert(.code)
            layoutChildren(of: id, style)
        case .mark:
            style.attributes.flags.insert(.mark)
            layoutChildren(of: id, style)
        default:
            layoutChildren(of: id, style)
        }
    }

    /// A block with blank lines around it and nothing else special.
    func block(_ id: NodeID, _ style: InlineStyle, blankLines: Int) {
        beginBlock(blankLines: blankLines)
        layoutChildren(of: id, style)
        endBlock(blankLines: blankLines)
    }

    /// `hidden`, or an inline style that says `display: none`.
    private func isHidden(_ id: NodeID) -> Bool {
        for attribute in document.attributes(of: id) where attribute.namespace == .none {
            if attribute.name == "hidden" {
                return true
            }
            if attribute.name == "style" && attribute.value.utf8.count >= 12 {
                let compact = attribute.value.lowercased().filter { !$0.isWhitespace }
                if compact.contains("display:none") {
                    return true
                }
            }
        }
        return false
    }

    private func layoutLink(_ id: NodeID, _ style: InlineStyle) {
        if let name = document.attribute("name", of: id), !name.isEmpty {
            addAnchor(name)
        }
        let index = context.prepass.link(of: id)
        guard index >= 0 else {
            return layoutChildren(of: id, style)
        }
        var style = style
        style.attributes.link = index
        if context.options.numberLinks {
            appendToLinkNumber(index, style.attributes)
        }
        if hasVisibleContent(id) {
            layoutChildren(of: id, style)
        } else {
            appendAtom("[" + fallbackLinkLabel(context.prepass.links[Int(index)].url) + "]", style.attributes)
        }
    }

    private func appendToLinkNumber(_ index: Int32, _ attributes: TextAttributes) {
        let number = "[\(context.prepass.links[Int(index)].number)]"
        appendToWord(number, width: number.utf8.count, attributes.adding(.linkNumber))
    }

    /// Whether a link shows anything: text that is not blank, or an image with alt text.
    private func hasVisibleContent(_ id: NodeID) -> Bool {
        var visible = false
        document.forEachDescendant(of: id) { descendant in
            if visible { return false }
            let node = document[descendant]
            switch node.kind {
            case .text:
                visible = document.withTextBytes(of: descendant) { $0.contains { !Whitespace.isSpace($0) } }
            case .element:
                if node.tag == .img {
                    let alt = document.attribute("alt", of: descendant)
                    visible = alt.map { !Whitespace.collapse($0).isEmpty } ?? true
                } else if node.tag == .input || node.tag == .select || node.tag == .textarea || node.tag == .button {
                    visible = true
                }
            default:
                break
            }
            return !visible
        }
        return visible
    }

    /// The last path segment of a URL, or "link".
    private func fallbackLinkLabel(_ url: String) -> String {
        let path = url.split(separator: "?").first.map(String.init) ?? url
        let segment = path.split(separator: "/").last.map(String.init) ?? ""
        return segment.isEmpty || segment.contains(":") ? "link" : String(segment.prefix(40))
    }

    private func layoutImage(_ id: NodeID, _ style: InlineStyle) {
        let attributes = style.attributes.adding(.image)
        guard let alt = document.attribute("alt", of: id) else {
            appendAtom("[image]", attributes)
            return
        }
        let text = Whitespace.collapse(alt)
        guard !text.isEmpty else { return }
        var bytes = Array("[\(text)]".utf8)
        var inner = style
        inner.attributes = attributes
        inner.preformatted = false
        bytes.withUnsafeMutableBufferPointer { addText(UnsafeBufferPointer($0), inner) }
    }

    private func layoutFrame(_ id: NodeID, _ style: InlineStyle) {
        let label = document.attribute("title", of: id).map(Whitespace.collapse).flatMap { $0.isEmpty ? nil : $0 } ?? "iframe"
        var attributes = style.attributes
        let index = context.prepass.link(of: id)
        if index >= 0 {
            attributes.link = index
            if context.options.numberLinks {
                appendToLinkNumber(index, attributes)
            }
        }
        appendAtom("[\(label)]", attributes)
    }

    private func layoutDetails(_ id: NodeID, _ style: InlineStyle) {
        beginBlock(blankLines: 1)
        let open = document.hasAttribute("open", of: id)
        let summary = document.children(of: id).first { document[$0].kind == .element && document[$0].tag == .summary }
        var summaryStyle = style
        summaryStyle.attributes.flags.insert(.bold)
        appendAtom(open ? "▾" : "▸", summaryStyle.attributes)
        whiteSpace()
        if let summary {
            layoutChildren(of: summary, summaryStyle)
        } else {
            appendAtom("Details", summaryStyle.attributes)
        }
        flushLine()
        pushPrefix("  ")
        var child = document[id].firstChild
        while child != Node.none {
            if child != summary {
                layoutNode(child, style)
            }
            child = document[child].nextSibling
        }
        popPrefix()
        endBlock(blankLines: 1)
    }

    private func layoutList(_ id: NodeID, _ tag: Tag, _ style: InlineStyle) {
        let nested = !listStack.isEmpty
        beginBlock(blankLines: nested ? 0 : 1)
        var items: [NodeID] = []
        for child in document.children(of: id) where document[child].kind == .element && document[child].tag == .li {
            items.append(child)
        }
        var state: ListState
        if tag == .ol {
            let reversed = document.hasAttribute("reversed", of: id)
            let step = reversed ? -1 : 1
            let start = document.attribute("start", of: id).flatMap { Int($0.trimmingCharacters(in: [" "])) }
                ?? (reversed ? items.count : 1)
            state = ListState(style: ListState.orderedStyle(type: document.attribute("type", of: id)),
                              next: start, step: step, markerWidth: 1)
            var value = start
            var widest = 1
            for item in items {
                if let explicit = document.attribute("value", of: item).flatMap({ Int($0.trimmingCharacters(in: [" "])) }) {
                    value = explicit
                }
                widest = max(widest, DisplayWidth.of(state.marker(for: value)))
                value &+= step
            }
            state.markerWidth = min(widest, 12)
        } else {
            let depth = listStack.reduce(0) { count, list in
                if case .bullet = list.style { return count + 1 }
                return count
            }
            let bullet = ListState.bullet(depth: depth, type: document.attribute("type", of: id))
            state = ListState(style: .bullet(bullet), next: 1, step: 1, markerWidth: DisplayWidth.of(bullet))
        }
        pushPrefix("  ")
        listStack.append(state)
        layoutChildren(of: id, style)
        listStack.removeLast()
        popPrefix()
        endBlock(blankLines: nested ? 0 : 1)
    }

    private func layoutListItem(_ id: NodeID, _ style: InlineStyle) {
        let orphan = listStack.isEmpty
        if orphan {
            listStack.append(ListState(style: .bullet("•"), next: 1, step: 1, markerWidth: 1))
        }
        let last = listStack.count - 1
        if let explicit = document.attribute("value", of: id).flatMap({ Int($0.trimmingCharacters(in: [" "])) }) {
            listStack[last].next = explicit
        }
        let state = listStack[last]
        let marker = String(state.marker(for: state.next).prefix(12))
        listStack[last].next &+= state.step
        // Items the list did not count (inside other elements) may have wider markers: the
        // column grows for them rather than pushing the line past the page.
        let columnWidth = max(state.markerWidth, DisplayWidth.of(marker))
        let padding = columnWidth - DisplayWidth.of(marker)
        beginBlock(blankLines: 0)
        pushPrefix(String(repeating: " ", count: columnWidth + 1),
                   firstLine: String(repeating: " ", count: padding) + marker + " ",
                   firstLineAttributes: TextAttributes(flags: .listMarker))
        layoutChildren(of: id, style)
        emitPendingMarker()
        popPrefix()
        endBlock(blankLines: 0)
        if orphan {
            listStack.removeLast()
        }
    }
}
