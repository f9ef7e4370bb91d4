import HTMLDocument

/// The insertion modes before the body and after it, and raw text.
extension TreeBuilder {
    func initial(_ token: Token) throws(Unsupported) {
        switch token {
        case .characters(let bytes):
            guard let rest = takeLeadingWhitespace(bytes, inserting: false) else { return }
            quirks = .yes
            mode = .beforeHTML
            try process(.characters(rest))
        case .comment(let text):
            document.appendComment(to: Document.root, text)
        case .doctype(let name, let publicIdentifier, let systemIdentifier):
            document.appendDoctype(name: name, publicIdentifier: publicIdentifier, systemIdentifier: systemIdentifier)
            let html5 = name == "html" && publicIdentifier == nil
                && (systemIdentifier == nil || systemIdentifier == "about:legacy-compat")
            quirks = html5 ? .no : .unknown
            mode = .beforeHTML
        default:
            quirks = .yes
            mode = .beforeHTML
            try process(token)
        }
    }

    func beforeHTML(_ token: Token) throws(Unsupported) {
        switch token {
        case .doctype:
            return
        case .comment(let text):
            document.appendComment(to: Document.root, text)
        case .characters(let bytes):
            guard let rest = takeLeadingWhitespace(bytes, inserting: false) else { return }
            try insert("html", .html)
            mode = .beforeHead
            try process(.characters(rest))
        case .startTag(let tag, .html):
            try insert(tag, .html)
            mode = .beforeHead
        case .endTag(_, let element) where ![.head, .body, .html, .br].contains(element):
            return
        default:
            try insert("html", .html)
            mode = .beforeHead
            try process(token)
        }
    }

    func beforeHead(_ token: Token) throws(Unsupported) {
        switch token {
        case .characters(let bytes):
            guard let rest = takeLeadingWhitespace(bytes, inserting: false) else { return }
            try impliedHead()
            try process(.characters(rest))
        case .comment(let text):
            insertComment(text)
        case .doctype:
            return
        case .startTag(let tag, .html):
            try inBodyHTMLStartTag(tag)
        case .startTag(let tag, .head):
            headElement = try insert(tag, .head)
            mode = .inHead
        case .endTag(_, let element) where ![.head, .body, .html, .br].contains(element):
            return
        default:
            try impliedHead()
            try process(token)
        }
    }

    private func impliedHead() throws(Unsupported) {
        headElement = try insert("head", .head)
        mode = .inHead
    }

    func inHead(_ token: Token) throws(Unsupported) {
        switch token {
        case .characters(let bytes):
            guard let rest = takeLeadingWhitespace(bytes, inserting: true) else { return }
            leaveHead()
            try process(.characters(rest))
        case .comment(let text):
            insertComment(text)
        case .doctype:
            return
        case .startTag(let tag, let element):
            switch element {
            case .html:
                try inBodyHTMLStartTag(tag)
            case .base, .basefont, .bgsound, .link, .meta:
                try insertVoid(tag, element)
            case .title:
                try insertRawText(tag, element, .rcdata)
            case .noscript:
                try insert(tag, element)
                mode = .inHeadNoscript
            case .noframes, .style:
                try insertRawText(tag, element, .rawtext)
            case .script:
                try insertRawText(tag, element, .script)
            case .template:
                throw Unsupported("a template")
            case .head:
                return
            default:
                leaveHead()
                try process(token)
            }
        case .endTag(_, let element):
            switch element {
            case .head:
                leaveHead()
            case .body, .html, .br:
                leaveHead()
                try process(token)
            case .template:
                throw Unsupported("a template")
            default:
                return
            }
        case .endOfFile:
            leaveHead()
            try process(token)
        }
    }

    private func leaveHead() {
        openElements.removeLast()
        mode = .afterHead
    }

    func inHeadNoscript(_ token: Token) throws(Unsupported) {
        switch token {
        case .endTag(_, .noscript):
            openElements.removeLast()
            mode = .inHead
        case .characters(let bytes) where Self.leadingWhitespace(bytes) == bytes.count:
            try inHead(token)
        case .comment:
            try inHead(token)
        case .doctype:
            return
        case .startTag(_, let element) where [.basefont, .bgsound, .link, .meta, .noframes, .style].contains(element):
            try inHead(token)
        default:
            throw Unsupported("content in a noscript in the head")
        }
    }

    func afterHead(_ token: Token) throws(Unsupported) {
        switch token {
        case .characters(let bytes):
            guard let rest = takeLeadingWhitespace(bytes, inserting: true) else { return }
            try impliedBody()
            try process(.characters(rest))
        case .comment(let text):
            insertComment(text)
        case .doctype:
            return
        case .startTag(let tag, let element):
            switch element {
            case .html:
                try inBodyHTMLStartTag(tag)
            case .body:
                try insert(tag, .body)
                mode = .inBody
            case .frameset, .template:
                throw Unsupported("frames and templates")
            case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .title:
                // Back into the head for this one element (a parse error).
                guard let head = headElement else { throw Unsupported("no head") }
                openElements.append(head)
                try inHead(token)
                if let index = openElements.lastIndex(where: { $0.node == head.node }) {
                    openElements.remove(at: index)
                }
            case .head:
                return
            default:
                try impliedBody()
                try process(token)
            }
        case .endTag(_, let element):
            switch element {
            case .body, .html, .br:
                try impliedBody()
                try process(token)
            case .template:
                throw Unsupported("a template")
            default:
                return
            }
        case .endOfFile:
            try impliedBody()
            try process(token)
        }
    }

    private func impliedBody() throws(Unsupported) {
        try insert("body", .body)
        mode = .inBody
    }

    /// Inserts an element whose content the tokenizer reads as text.
    func insertRawText(_ tag: TagToken, _ element: ElementName, _ kind: RawTextElement.Kind) throws(Unsupported) {
        try insert(tag, element)
        rawTextElement = RawTextElement(name: tag.name, kind: kind)
        originalMode = mode
        mode = .text
    }

    func text(_ token: Token) throws(Unsupported) {
        switch token {
        case .characters(let bytes):
            insertText(bytes)
        case .endOfFile:
            openElements.removeLast()
            mode = originalMode
            try process(token)
        default:
            // The tokenizer ends raw text only with its element's end tag.
            openElements.removeLast()
            mode = originalMode
        }
    }

    func afterBody(_ token: Token) throws(Unsupported) {
        switch token {
        case .characters(let bytes) where Self.leadingWhitespace(bytes) == bytes.count:
            try inBody(token)
        case .comment(let text):
            document.appendComment(to: openElements[0].node, text)
        case .doctype:
            return
        case .startTag(_, .html):
            try inBody(token)
        case .endTag(_, .html):
            mode = .afterAfterBody
        case .endOfFile:
            return
        default:
            mode = .inBody
            try process(token)
        }
    }

    func afterAfterBody(_ token: Token) throws(Unsupported) {
        switch token {
        case .comment(let text):
            document.appendComment(to: Document.root, text)
        case .doctype, .startTag(_, .html):
            try inBody(token)
        case .characters(let bytes) where Self.leadingWhitespace(bytes) == bytes.count:
            try inBody(token)
        case .endOfFile:
            return
        default:
            mode = .inBody
            try process(token)
        }
    }
}
