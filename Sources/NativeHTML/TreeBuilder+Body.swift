import HTMLDocument

/// The "in body" insertion mode and "in select".
extension TreeBuilder {
    func inBody(_ token: Token) throws(Unsupported) {
        switch token {
        case .characters(let bytes):
            try reconstructFormatting()
            insertText(bytes)
        case .comment(let text):
            insertComment(text)
        case .doctype:
            return
        case .startTag(let tag, let element):
            try inBodyStartTag(tag, element)
        case .endTag(let name, let element):
            try inBodyEndTag(name, element)
        case .endOfFile:
            return
        }
    }

    /// A second `<html>` or `<body>` adds its attributes to the first: not modelled.
    func inBodyHTMLStartTag(_ tag: TagToken) throws(Unsupported) {
        guard tag.attributes.isEmpty else { throw Unsupported("attributes on a second html or body tag") }
    }

    private func inBodyStartTag(_ tag: TagToken, _ element: ElementName) throws(Unsupported) {
        switch element {
        case .html, .body:
            try inBodyHTMLStartTag(tag)
        case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .title:
            try inHead(.startTag(tag, element))
        case .template, .frameset, .plaintext, .image, .math, .svg, .rb, .rp, .rt, .rtc:
            throw Unsupported("<\(tag.name)>")
        case .h1, .h2, .h3, .h4, .h5, .h6:
            closeParagraphInButtonScope()
            if currentNode.name.isHeading { openElements.removeLast() }
            try insert(tag, element)
        case .pre, .listing:
            closeParagraphInButtonScope()
            try insert(tag, element)
            skipNewline = true
        case .form:
            guard formElement == nil else { return }
            closeParagraphInButtonScope()
            formElement = try insert(tag, element).node
        case .li:
            closeListItem(stoppingAt: [.li])
            closeParagraphInButtonScope()
            try insert(tag, element)
        case .dd, .dt:
            closeListItem(stoppingAt: [.dd, .dt])
            closeParagraphInButtonScope()
            try insert(tag, element)
        case .button:
            if hasInScope(.button) {
                generateImpliedEndTags()
                popUntil(.button)
            }
            try reconstructFormatting()
            try insert(tag, element)
        case .a:
            if formattingEntry(.a) != nil { throw Unsupported("an a inside an a") }
            try reconstructFormatting()
            pushFormatting(try insert(tag, element), tag.attributes)
        case .b, .big, .code, .em, .font, .i, .s, .small, .strike, .strong, .tt, .u:
            try reconstructFormatting()
            pushFormatting(try insert(tag, element), tag.attributes)
        case .nobr:
            try reconstructFormatting()
            if hasInScope(.nobr) { throw Unsupported("a nobr inside a nobr") }
            pushFormatting(try insert(tag, element), tag.attributes)
        case .applet, .marquee, .object:
            try reconstructFormatting()
            try insert(tag, element)
            formatting.append(.marker)
        case .table:
            if hasInScope(.p, .button) {
                switch quirks {
                case .no: closeParagraph()
                case .yes: break
                case .unknown: throw Unsupported("a table in a paragraph in an older doctype")
                }
            }
            try insert(tag, element)
            mode = .inTable
        case .area, .br, .embed, .img, .keygen, .wbr, .input:
            try reconstructFormatting()
            try insertVoid(tag, element)
        case .param, .source, .track:
            try insertVoid(tag, element)
        case .hr:
            closeParagraphInButtonScope()
            try insertVoid(tag, element)
        case .textarea:
            try insertRawText(tag, element, .rcdata)
            skipNewline = true
        case .xmp:
            closeParagraphInButtonScope()
            try reconstructFormatting()
            try insertRawText(tag, element, .rawtext)
        case .iframe, .noembed:
            try insertRawText(tag, element, .rawtext)
        case .select:
            try reconstructFormatting()
            try insert(tag, element)
            switch mode {
            case .inTable, .inCaption, .inTableBody, .inRow, .inCell: throw Unsupported("a select in a table")
            default: mode = .inSelect
            }
        case .optgroup, .option:
            if currentNode.name == .option { openElements.removeLast() }
            try reconstructFormatting()
            try insert(tag, element)
        case .caption, .col, .colgroup, .frame, .head, .tbody, .td, .tfoot, .th, .thead, .tr:
            return
        default:
            if element.closesParagraph {
                closeParagraphInButtonScope()
            } else {
                try reconstructFormatting()
            }
            try insert(tag, element)
        }
    }

    /// Before a new `li` (or `dd`/`dt`): closes the open one unless a block stands between.
    private func closeListItem(stoppingAt names: [ElementName]) {
        for open in openElements.reversed() {
            if names.contains(open.name) {
                generateImpliedEndTags(except: open.name)
                popUntil(open.name)
                return
            }
            if open.name.isSpecial && open.name != .address && open.name != .div && open.name != .p { return }
        }
    }

    private func inBodyEndTag(_ name: String, _ element: ElementName) throws(Unsupported) {
        switch element {
        case .template, .br:
            throw Unsupported("</\(name)>")
        case .body:
            if hasInScope(.body) { mode = .afterBody }
        case .html:
            guard hasInScope(.body) else { return }
            mode = .afterBody
            try process(.endTag(name, element))
        case .address, .article, .aside, .blockquote, .button, .center, .details, .dialog, .dir, .div,
             .dl, .fieldset, .figcaption, .figure, .footer, .header, .hgroup, .listing, .main, .menu,
             .nav, .ol, .pre, .search, .section, .summary, .ul:
            guard hasInScope(element) else { return }
            generateImpliedEndTags()
            popUntil(element)
        case .form:
            let node = formElement
            formElement = nil
            guard let node, let index = openElements.lastIndex(where: { $0.node == node }),
                  isInScope(index: index) else { return }
            generateImpliedEndTags()
            openElements.remove(at: index)
        case .p:
            if !hasInScope(.p, .button) {
                try insert("p", .p)
            }
            closeParagraph()
        case .li:
            guard hasInScope(.li, .listItem) else { return }
            generateImpliedEndTags(except: .li)
            popUntil(.li)
        case .dd, .dt:
            guard hasInScope(element) else { return }
            generateImpliedEndTags(except: element)
            popUntil(element)
        case .h1, .h2, .h3, .h4, .h5, .h6:
            guard hasInScope(where: \.isHeading) else { return }
            generateImpliedEndTags()
            popUntil(where: \.isHeading)
        case .a, .b, .big, .code, .em, .font, .i, .nobr, .s, .small, .strike, .strong, .tt, .u:
            try formattingEndTag(name, element)
        case .applet, .marquee, .object:
            guard hasInScope(element) else { return }
            generateImpliedEndTags()
            popUntil(element)
            clearFormattingToLastMarker()
        default:
            anyOtherEndTag(name, element)
        }
    }

    /// Whether the open element at `index` is in (default) scope.
    private func isInScope(index: Int) -> Bool {
        for position in openElements.indices.reversed() {
            if position == index { return true }
            if isBoundary(openElements[position].name, of: .normal) { return false }
        }
        return false
    }

    /// The adoption agency algorithm when it has no furthest block; otherwise unsupported.
    private func formattingEndTag(_ name: String, _ element: ElementName) throws(Unsupported) {
        let current = currentNode
        if current.name == element, !formatting.contains(where: { entry in
            if case .element(let open, _) = entry { return open.node == current.node }
            return false
        }) {
            openElements.removeLast()
            return
        }
        guard let (entryIndex, entry) = formattingEntry(element) else {
            anyOtherEndTag(name, element)
            return
        }
        guard let stackIndex = openElements.lastIndex(where: { $0.node == entry.node }) else {
            formatting.remove(at: entryIndex)
            return
        }
        guard isInScope(index: stackIndex) else { return }
        if openElements[(stackIndex + 1)...].contains(where: { $0.name.isSpecial }) {
            throw Unsupported("misnested formatting around a block")
        }
        openElements.removeSubrange(stackIndex...)
        formatting.remove(at: entryIndex)
    }

    func anyOtherEndTag(_ name: String, _ element: ElementName) {
        for index in openElements.indices.reversed() {
            let open = openElements[index]
            if matches(open, element, name) {
                generateImpliedEndTags(except: element == .other ? nil : element)
                // Implied end tags of `.other` cannot pop it: it has none.
                openElements.removeSubrange(index...)
                return
            }
            if open.name.isSpecial { return }
        }
    }

    func inSelect(_ token: Token) throws(Unsupported) {
        switch token {
        case .characters(let bytes):
            insertText(bytes)
        case .comment(let text):
            insertComment(text)
        case .doctype, .endOfFile:
            return
        case .startTag(let tag, let element):
            switch element {
            case .option:
                if currentNode.name == .option { openElements.removeLast() }
                try insert(tag, element)
            case .optgroup:
                if currentNode.name == .option { openElements.removeLast() }
                if currentNode.name == .optgroup { openElements.removeLast() }
                try insert(tag, element)
            case .script:
                try inHead(token)
            default:
                throw Unsupported("<\(tag.name)> in a select")
            }
        case .endTag(_, let element):
            switch element {
            case .optgroup:
                if currentNode.name == .option, openElements.count >= 2,
                   openElements[openElements.count - 2].name == .optgroup {
                    openElements.removeLast()
                }
                if currentNode.name == .optgroup { openElements.removeLast() }
            case .option:
                if currentNode.name == .option { openElements.removeLast() }
            case .select:
                guard hasInScope(.select, .select) else { return }
                popUntil(.select)
                try resetInsertionMode()
            default:
                throw Unsupported("an end tag in a select")
            }
        }
    }
}
