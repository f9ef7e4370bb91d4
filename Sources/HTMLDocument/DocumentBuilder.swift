/// Builds a `Document` node by node; parsers append in document order.
///
/// Elements nested deeper than `maximumDepth` are not created: their content goes to the
/// deepest allowed ancestor, so hostile nesting cannot exhaust the stack of later passes.
public struct DocumentBuilder {
    /// The deepest an element may sit (WebKit's parser uses the same limit).
    public static let maximumDepth = 512

    public private(set) var document = Document()
    private var depths: [UInt16] = [0]
    private var nameIndex: [String: Int32] = [:]
    /// The HTML tag of each name in `document.names`.
    private var htmlTags: [Tag] = []

    public init() {}

    /// The finished document.
    public func finish() -> Document { document }

    /// Appends an element under `parent` and returns it, or returns `parent` when too deep.
    @discardableResult
    public mutating func appendElement(to parent: NodeID, namespace: Namespace = .html, name: String,
                                       attributes: [Attribute] = []) -> NodeID {
        if Int(depths[Int(parent)]) >= DocumentBuilder.maximumDepth {
            return parent
        }
        let index: Int32
        if let known = nameIndex[name] {
            index = known
        } else {
            index = Int32(document.names.count)
            document.names.append(name)
            nameIndex[name] = index
            // Looked up once per distinct name, not per element.
            htmlTags.append(Tag(name: name))
        }
        let tag = namespace == .html ? htmlTags[Int(index)] : (name == "svg" ? .svg : (name == "math" ? .math : .unknown))
        let start = Int32(document.attributes.count)
        document.attributes.append(contentsOf: attributes)
        return append(Node(kind: .element, namespace: namespace, tag: tag, parent: parent,
                           firstChild: Node.none, lastChild: Node.none, nextSibling: Node.none,
                           payload: index, length: 0, attributeStart: start,
                           attributeCount: Int32(attributes.count)))
    }

    /// Appends text under `parent`, merging with a text node that ends the parent already.
    public mutating func appendText<Bytes: Collection>(to parent: NodeID, utf8 bytes: Bytes) where Bytes.Element == UInt8 {
        guard !bytes.isEmpty else { return }
        let last = document.nodes[Int(parent)].lastChild
        if last != Node.none, document.nodes[Int(last)].kind == .text,
           Int(document.nodes[Int(last)].payload + document.nodes[Int(last)].length) == document.textBytes.count {
            document.textBytes.append(contentsOf: bytes)
            document.nodes[Int(last)].length += Int32(bytes.count)
            return
        }
        let start = Int32(document.textBytes.count)
        document.textBytes.append(contentsOf: bytes)
        append(Node(kind: .text, namespace: .html, tag: .unknown, parent: parent,
                    firstChild: Node.none, lastChild: Node.none, nextSibling: Node.none,
                    payload: start, length: Int32(bytes.count), attributeStart: 0, attributeCount: 0))
    }

    /// Appends text under `parent`.
    public mutating func appendText(to parent: NodeID, _ text: String) {
        appendText(to: parent, utf8: Array(text.utf8))
    }

    /// Appends a comment under `parent`.
    public mutating func appendComment(to parent: NodeID, _ text: String) {
        let start = Int32(document.textBytes.count)
        document.textBytes.append(contentsOf: text.utf8)
        append(Node(kind: .comment, namespace: .html, tag: .unknown, parent: parent,
                    firstChild: Node.none, lastChild: Node.none, nextSibling: Node.none,
                    payload: start, length: Int32(text.utf8.count), attributeStart: 0, attributeCount: 0))
    }

    /// Appends a doctype under the document node.
    public mutating func appendDoctype(name: String, publicIdentifier: String?, systemIdentifier: String?) {
        let start = Int32(document.textBytes.count)
        document.textBytes.append(contentsOf: name.utf8)
        let identifiers = Int32(document.doctypeIdentifiers.count)
        document.doctypeIdentifiers.append(DoctypeIdentifiers(publicIdentifier: publicIdentifier,
                                                              systemIdentifier: systemIdentifier))
        append(Node(kind: .doctype, namespace: .html, tag: .unknown, parent: Document.root,
                    firstChild: Node.none, lastChild: Node.none, nextSibling: Node.none,
                    payload: start, length: Int32(name.utf8.count), attributeStart: identifiers,
                    attributeCount: 0))
    }

    /// Appends the content fragment of a `template` element and returns it.
    public mutating func appendTemplateContent(to template: NodeID) -> NodeID {
        append(Node(kind: .templateContent, namespace: .html, tag: .unknown, parent: template,
                    firstChild: Node.none, lastChild: Node.none, nextSibling: Node.none,
                    payload: 0, length: 0, attributeStart: 0, attributeCount: 0))
    }

    @discardableResult
    private mutating func append(_ node: Node) -> NodeID {
        let id = NodeID(document.nodes.count)
        let parent = Int(node.parent)
        document.nodes.append(node)
        depths.append(depths[parent] &+ 1)
        let previous = document.nodes[parent].lastChild
        if previous == Node.none {
            document.nodes[parent].firstChild = id
        } else {
            document.nodes[Int(previous)].nextSibling = id
        }
        document.nodes[parent].lastChild = id
        return id
    }
}

/// Turns HTML bytes into a `Document`; the gumbo adapter is one, a faster parser may be another.
public protocol HTMLParser: Sendable {
    /// Parses UTF-8 HTML. Never fails: malformed input still yields a document.
    func parse(utf8 bytes: UnsafeRawBufferPointer) -> Document
}

extension HTMLParser {
    /// Parses a UTF-8 string.
    public func parse(_ html: String) -> Document {
        var html = html
        return html.withUTF8 { parse(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Parses UTF-8 bytes.
    public func parse(_ bytes: [UInt8]) -> Document {
        bytes.withUnsafeBytes { parse(utf8: $0) }
    }
}
