import HTMLDocument

/// The HTML tree-construction stage for the pages the native parser models: the insertion
/// modes of a document without templates, frames, foreign content or misnested tables, and
/// the simple cases of misnested formatting. Anything else throws `Unsupported`.
final class TreeBuilder {
    enum Mode {
        case initial, beforeHTML, beforeHead, inHead, inHeadNoscript, afterHead, inBody, text
        case inTable, inCaption, inColumnGroup, inTableBody, inRow, inCell, inSelect
        case afterBody, afterAfterBody
    }

    /// Whether `<p><table>` keeps the table inside the paragraph: only in quirks mode.
    enum Quirks { case yes, no, unknown }

    struct OpenElement {
        let node: NodeID
        let name: ElementName
        /// The tag name, for elements that are `.other`.
        let localName: String
    }

    enum FormattingEntry {
        case marker
        case element(OpenElement, [Attribute])
    }

    var document = DocumentBuilder()
    var mode = Mode.initial
    /// The mode to return to after a raw text element's end tag.
    var originalMode = Mode.inBody
    var quirks = Quirks.unknown
    var openElements: [OpenElement] = []
    var formatting: [FormattingEntry] = []
    var headElement: OpenElement?
    var formElement: NodeID?
    /// Set by a start tag whose content the tokenizer must read as text.
    var rawTextElement: RawTextElement?
    /// After `<pre>`, `<listing>` and `<textarea>`: a newline right after the tag is dropped.
    var skipNewline = false

    /// Deeper than this the fallback parser (and the document's depth cap) take over.
    static let maximumDepth = 480

    init() {
        openElements.reserveCapacity(64)
    }

    var currentNode: OpenElement { openElements[openElements.count - 1] }

    // MARK: - Tokens

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws(Unsupported) {
        var bytes = bytes
        if skipNewline {
            skipNewline = false
            if bytes.first == 0x0A { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst()) }
        }
        guard !bytes.isEmpty else { return }
        try process(.characters(bytes))
    }

    func startTag(_ tag: TagToken) throws(Unsupported) {
        skipNewline = false
        try process(.startTag(tag, tag.element))
    }

    func endTag(_ name: String) throws(Unsupported) {
        skipNewline = false
        try process(.endTag(name, ElementName(name)))
    }

    func comment(_ text: String) throws(Unsupported) {
        skipNewline = false
        try process(.comment(text))
    }

    func doctype(name: String, publicIdentifier: String?, systemIdentifier: String?) throws(Unsupported) {
        skipNewline = false
        try process(.doctype(name: name, publicIdentifier: publicIdentifier, systemIdentifier: systemIdentifier))
    }

    func endOfFile() throws(Unsupported) {
        try process(.endOfFile)
    }

    enum Token {
        case characters(UnsafeBufferPointer<UInt8>)
        case startTag(TagToken, ElementName)
        case endTag(String, ElementName)
        case comment(String)
        case doctype(name: String, publicIdentifier: String?, systemIdentifier: String?)
        case endOfFile
    }

    /// Hands a token to the current insertion mode.
    func process(_ token: Token) throws(Unsupported) {
        switch mode {
        case .initial: try initial(token)
        case .beforeHTML: try beforeHTML(token)
        case .beforeHead: try beforeHead(token)
        case .inHead: try inHead(token)
        case .inHeadNoscript: try inHeadNoscript(token)
        case .afterHead: try afterHead(token)
        case .inBody: try inBody(token)
        case .text: try text(token)
        case .inTable: try inTable(token)
        case .inCaption: try inCaption(token)
        case .inColumnGroup: try inColumnGroup(token)
        case .inTableBody: try inTableBody(token)
        case .inRow: try inRow(token)
        case .inCell: try inCell(token)
        case .inSelect: try inSelect(token)
        case .afterBody: try afterBody(token)
        case .afterAfterBody: try afterAfterBody(token)
        }
    }

    // MARK: - The tree

    /// Inserts an element for `tag` at the current node and pushes it.
    @discardableResult
    func insert(_ name: String, _ element: ElementName, attributes: [Attribute] = []) throws(Unsupported) -> OpenElement {
        guard openElements.count < Self.maximumDepth else { throw Unsupported("nesting deeper than \(Self.maximumDepth)") }
        let parent = openElements.isEmpty ? Document.root : currentNode.node
        let node = document.appendElement(to: parent, name: name, attributes: attributes)
        let open = OpenElement(node: node, name: element, localName: element == .other ? name : "")
        openElements.append(open)
        return open
    }

    @discardableResult
    func insert(_ tag: TagToken, _ element: ElementName) throws(Unsupported) -> OpenElement {
        try insert(tag.name, element, attributes: tag.attributes)
    }

    /// Inserts an element that has no content (`br`, `img`, `meta`…).
    func insertVoid(_ tag: TagToken, _ element: ElementName) throws(Unsupported) {
        try insert(tag, element)
        openElements.removeLast()
    }

    func insertText(_ bytes: UnsafeBufferPointer<UInt8>) {
        document.appendText(to: currentNode.node, utf8: bytes)
    }

    func insertComment(_ text: String) {
        document.appendComment(to: currentNode.node, text)
    }

    /// Whether an open element is `element` (and, for `.other`, named `name`).
    func matches(_ open: OpenElement, _ element: ElementName, _ name: String) -> Bool {
        open.name == element && (element != .other || open.localName == name)
    }

    // MARK: - Scopes

    enum Scope { case normal, listItem, button, table, select }

    func isBoundary(_ element: ElementName, of scope: Scope) -> Bool {
        switch scope {
        case .normal: element.isScopeBoundary
        case .listItem: element.isScopeBoundary || element == .ol || element == .ul
        case .button: element.isScopeBoundary || element == .button
        case .table: element == .html || element == .table || element == .template
        case .select: element != .optgroup && element != .option
        }
    }

    func hasInScope(_ element: ElementName, _ scope: Scope = .normal) -> Bool {
        for open in openElements.reversed() {
            if open.name == element { return true }
            if isBoundary(open.name, of: scope) { return false }
        }
        return false
    }

    func hasInScope(where predicate: (ElementName) -> Bool, _ scope: Scope = .normal) -> Bool {
        for open in openElements.reversed() {
            if predicate(open.name) { return true }
            if isBoundary(open.name, of: scope) { return false }
        }
        return false
    }

    /// Pops elements up to and including the nearest `element`.
    func popUntil(_ element: ElementName) {
        while let last = openElements.popLast(), last.name != element {}
    }

    func popUntil(where predicate: (ElementName) -> Bool) {
        while let last = openElements.popLast(), !predicate(last.name) {}
    }

    func generateImpliedEndTags(except: ElementName? = nil) {
        while let last = openElements.last, last.name.hasImpliedEndTag, last.name != except {
            openElements.removeLast()
        }
    }

    /// "Close a p element".
    func closeParagraph() {
        generateImpliedEndTags(except: .p)
        popUntil(.p)
    }

    func closeParagraphInButtonScope() {
        if hasInScope(.p, .button) { closeParagraph() }
    }

    // MARK: - Active formatting elements

    /// Nothing to reconstruct is the only case modelled: the last entry is a marker or open.
    func reconstructFormatting() throws(Unsupported) {
        guard case .element(let last, _)? = formatting.last else { return }
        guard isOpen(last.node) else { throw Unsupported("formatting to reconstruct") }
    }

    func isOpen(_ node: NodeID) -> Bool {
        openElements.reversed().contains { $0.node == node }
    }

    /// Pushes a formatting element, keeping at most three equal ones after the last marker.
    func pushFormatting(_ open: OpenElement, _ attributes: [Attribute]) {
        var equal = 0
        var earliest: Int?
        for index in formatting.indices.reversed() {
            guard case .element(let entry, let entryAttributes) = formatting[index] else { break }
            if entry.name == open.name && entry.localName == open.localName && sameAttributes(entryAttributes, attributes) {
                equal += 1
                earliest = index
            }
        }
        if equal >= 3, let earliest { formatting.remove(at: earliest) }
        formatting.append(.element(open, attributes))
    }

    private func sameAttributes(_ left: [Attribute], _ right: [Attribute]) -> Bool {
        guard left.count == right.count else { return false }
        return left.allSatisfy { attribute in right.contains(attribute) }
    }

    func clearFormattingToLastMarker() {
        while let last = formatting.popLast() {
            if case .marker = last { return }
        }
    }

    /// The last formatting entry named `element` after the last marker, with its index.
    func formattingEntry(_ element: ElementName) -> (index: Int, open: OpenElement)? {
        for index in formatting.indices.reversed() {
            guard case .element(let entry, _) = formatting[index] else { return nil }
            if entry.name == element { return (index, entry) }
        }
        return nil
    }

    // MARK: - Insertion modes shared by several others

    /// "Reset the insertion mode appropriately", for the modes modelled.
    func resetInsertionMode() throws(Unsupported) {
        for index in openElements.indices.reversed() {
            let last = index == 0
            switch openElements[index].name {
            case .select:
                if openElements[..<index].contains(where: { $0.name == .table }) { throw Unsupported("a select in a table") }
                mode = .inSelect
            case .td where !last, .th where !last: mode = .inCell
            case .tr: mode = .inRow
            case .tbody, .thead, .tfoot: mode = .inTableBody
            case .caption: mode = .inCaption
            case .colgroup: mode = .inColumnGroup
            case .table: mode = .inTable
            case .template, .frameset: throw Unsupported("templates and frames")
            case .head where !last: mode = .inHead
            case .body: mode = .inBody
            case .html: mode = headElement == nil ? .beforeHead : .afterHead
            default:
                if last { mode = .inBody } else { continue }
            }
            return
        }
        mode = .inBody
    }

    /// For the modes that treat leading white space apart: inserts it (or drops it) and
    /// returns the rest of the text, or nil when nothing else is left.
    func takeLeadingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, inserting: Bool) -> UnsafeBufferPointer<UInt8>? {
        let whitespace = Self.leadingWhitespace(bytes)
        if inserting && whitespace > 0 { insertText(UnsafeBufferPointer(rebasing: bytes[..<whitespace])) }
        guard whitespace < bytes.count else { return nil }
        return UnsafeBufferPointer(rebasing: bytes[whitespace...])
    }

    /// The number of white-space bytes `bytes` starts with.
    static func leadingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        while count < bytes.count, Tokenizer.isWhitespace(bytes[count]) { count += 1 }
        return count
    }
}
