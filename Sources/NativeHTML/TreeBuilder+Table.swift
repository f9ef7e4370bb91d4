import HTMLDocument

/// The table insertion modes, without foster parenting (text or elements misplaced in a
/// table are not modelled).
extension TreeBuilder {
    func inTable(_ token: Token) throws(Unsupported) {
        switch token {
        case .characters(let bytes):
            guard [.table, .tbody, .tfoot, .thead, .tr].contains(currentNode.name),
                  Self.leadingWhitespace(bytes) == bytes.count else {
                throw Unsupported("text in a table outside its cells")
            }
            insertText(bytes)
        case .comment(let text):
            insertComment(text)
        case .doctype, .endOfFile:
            return
        case .startTag(let tag, let element):
            switch element {
            case .caption:
                clearStackToTableContext()
                formatting.append(.marker)
                try insert(tag, element)
                mode = .inCaption
            case .colgroup:
                clearStackToTableContext()
                try insert(tag, element)
                mode = .inColumnGroup
            case .col:
                clearStackToTableContext()
                try insert("colgroup", .colgroup)
                mode = .inColumnGroup
                try process(token)
            case .tbody, .tfoot, .thead:
                clearStackToTableContext()
                try insert(tag, element)
                mode = .inTableBody
            case .td, .th, .tr:
                clearStackToTableContext()
                try insert("tbody", .tbody)
                mode = .inTableBody
                try process(token)
            case .style, .script:
                try inHead(token)
            case .input where tag.attributes.contains(where: { $0.name == "type" && $0.value.lowercased() == "hidden" }):
                try insertVoid(tag, element)
            default:
                throw Unsupported("<\(tag.name)> in a table outside its cells")
            }
        case .endTag(_, let element):
            switch element {
            case .table:
                guard hasInScope(.table, .table) else { return }
                popUntil(.table)
                try resetInsertionMode()
            case .body, .caption, .col, .colgroup, .html, .tbody, .td, .tfoot, .th, .thead, .tr:
                return
            default:
                throw Unsupported("an end tag in a table outside its cells")
            }
        }
    }

    private func clearStackToTableContext() {
        while let last = openElements.last, ![.table, .template, .html].contains(last.name) {
            openElements.removeLast()
        }
    }

    private func clearStackToTableBodyContext() {
        while let last = openElements.last, ![.tbody, .tfoot, .thead, .template, .html].contains(last.name) {
            openElements.removeLast()
        }
    }

    private func clearStackToRowContext() {
        while let last = openElements.last, ![.tr, .template, .html].contains(last.name) {
            openElements.removeLast()
        }
    }

    func inCaption(_ token: Token) throws(Unsupported) {
        switch token {
        case .endTag(_, .caption):
            guard hasInScope(.caption, .table) else { return }
            closeCaption()
        case .startTag(_, let element) where [.caption, .col, .colgroup, .tbody, .td, .tfoot, .th, .thead, .tr].contains(element):
            guard hasInScope(.caption, .table) else { return }
            closeCaption()
            try process(token)
        case .endTag(_, .table):
            guard hasInScope(.caption, .table) else { return }
            closeCaption()
            try process(token)
        case .endTag(_, let element) where [.body, .col, .colgroup, .html, .tbody, .td, .tfoot, .th, .thead, .tr].contains(element):
            return
        default:
            try inBody(token)
        }
    }

    private func closeCaption() {
        generateImpliedEndTags()
        popUntil(.caption)
        clearFormattingToLastMarker()
        mode = .inTable
    }

    func inColumnGroup(_ token: Token) throws(Unsupported) {
        switch token {
        case .characters(let bytes):
            guard let rest = takeLeadingWhitespace(bytes, inserting: true) else { return }
            try leaveColumnGroup(.characters(rest))
        case .comment(let text):
            insertComment(text)
        case .doctype:
            return
        case .startTag(let tag, .col):
            try insertVoid(tag, .col)
        case .startTag(_, .html), .startTag(_, .template), .endTag(_, .template):
            throw Unsupported("html or template in a column group")
        case .endTag(_, .colgroup):
            guard currentNode.name == .colgroup else { return }
            openElements.removeLast()
            mode = .inTable
        case .endTag(_, .col):
            return
        case .endOfFile:
            return
        default:
            try leaveColumnGroup(token)
        }
    }

    private func leaveColumnGroup(_ token: Token) throws(Unsupported) {
        guard currentNode.name == .colgroup else { return }
        openElements.removeLast()
        mode = .inTable
        try process(token)
    }

    func inTableBody(_ token: Token) throws(Unsupported) {
        switch token {
        case .startTag(let tag, .tr):
            clearStackToTableBodyContext()
            try insert(tag, .tr)
            mode = .inRow
        case .startTag(_, .th), .startTag(_, .td):
            clearStackToTableBodyContext()
            try insert("tr", .tr)
            mode = .inRow
            try process(token)
        case .endTag(_, let element) where [.tbody, .tfoot, .thead].contains(element):
            guard hasInScope(element, .table) else { return }
            clearStackToTableBodyContext()
            openElements.removeLast()
            mode = .inTable
        case .startTag(_, let element) where [.caption, .col, .colgroup, .tbody, .tfoot, .thead].contains(element):
            try closeTableBody(then: token)
        case .endTag(_, .table):
            try closeTableBody(then: token)
        case .endTag(_, let element) where [.body, .caption, .col, .colgroup, .html, .td, .th, .tr].contains(element):
            return
        default:
            try inTable(token)
        }
    }

    private func closeTableBody(then token: Token) throws(Unsupported) {
        guard hasInScope(where: { [.tbody, .thead, .tfoot].contains($0) }, .table) else { return }
        clearStackToTableBodyContext()
        openElements.removeLast()
        mode = .inTable
        try process(token)
    }

    func inRow(_ token: Token) throws(Unsupported) {
        switch token {
        case .startTag(let tag, let element) where element == .th || element == .td:
            clearStackToRowContext()
            try insert(tag, element)
            mode = .inCell
            formatting.append(.marker)
        case .endTag(_, .tr):
            guard hasInScope(.tr, .table) else { return }
            closeRow()
        case .startTag(_, let element) where [.caption, .col, .colgroup, .tbody, .tfoot, .thead, .tr].contains(element):
            guard hasInScope(.tr, .table) else { return }
            closeRow()
            try process(token)
        case .endTag(_, .table):
            guard hasInScope(.tr, .table) else { return }
            closeRow()
            try process(token)
        case .endTag(_, let element) where [.tbody, .tfoot, .thead].contains(element):
            guard hasInScope(element, .table), hasInScope(.tr, .table) else { return }
            closeRow()
            try process(token)
        case .endTag(_, let element) where [.body, .caption, .col, .colgroup, .html, .td, .th].contains(element):
            return
        default:
            try inTable(token)
        }
    }

    private func closeRow() {
        clearStackToRowContext()
        openElements.removeLast()
        mode = .inTableBody
    }

    func inCell(_ token: Token) throws(Unsupported) {
        switch token {
        case .endTag(_, let element) where element == .td || element == .th:
            guard hasInScope(element, .table) else { return }
            generateImpliedEndTags()
            popUntil(element)
            clearFormattingToLastMarker()
            mode = .inRow
        case .startTag(_, let element) where [.caption, .col, .colgroup, .tbody, .td, .tfoot, .th, .thead, .tr].contains(element):
            guard hasInScope(where: { $0 == .td || $0 == .th }, .table) else { return }
            closeCell()
            try process(token)
        case .endTag(_, let element) where [.body, .caption, .col, .colgroup, .html].contains(element):
            return
        case .endTag(_, let element) where [.table, .tbody, .tfoot, .thead, .tr].contains(element):
            guard hasInScope(element, .table) else { return }
            closeCell()
            try process(token)
        default:
            try inBody(token)
        }
    }

    private func closeCell() {
        generateImpliedEndTags()
        popUntil(where: { $0 == .td || $0 == .th })
        clearFormattingToLastMarker()
        mode = .inRow
    }
}
