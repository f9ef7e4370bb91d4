/// A parsed HTML document: a flat tree of nodes with text kept in one UTF-8 buffer.
///
/// Node 0 is the document node. Relatives are indices (`Node.none` when absent), so
/// walking the tree allocates nothing and deep documents need no recursion.
public struct Document: Sendable {
    public internal(set) var nodes: [Node]
    /// UTF-8 of every text, comment and doctype name, one after another.
    public internal(set) var textBytes: [UInt8]
    public internal(set) var attributes: [Attribute]
    /// Element names as the parser spelled them (lower case for HTML, adjusted case for SVG).
    public internal(set) var names: [String]
    public internal(set) var doctypeIdentifiers: [DoctypeIdentifiers]

    /// The document node.
    public static let root: NodeID = 0

    init() {
        nodes = [Node(kind: .document, namespace: .html, tag: .unknown, parent: Node.none,
                      firstChild: Node.none, lastChild: Node.none, nextSibling: Node.none,
                      payload: 0, length: 0, attributeStart: 0, attributeCount: 0)]
        textBytes = []
        attributes = []
        names = []
        doctypeIdentifiers = []
    }

    public subscript(id: NodeID) -> Node { nodes[Int(id)] }

    public var nodeCount: Int { nodes.count }

    /// The children of a node, in order.
    public func children(of id: NodeID) -> Children { Children(document: self, first: self[id].firstChild) }

    /// The name of an element as the parser spelled it.
    public func name(of id: NodeID) -> String {
        let node = self[id]
        return node.kind == .element ? names[Int(node.payload)] : ""
    }

    /// The attributes of an element.
    public func attributes(of id: NodeID) -> ArraySlice<Attribute> {
        let node = self[id]
        guard node.kind == .element, node.attributeCount > 0 else { return [] }
        let start = Int(node.attributeStart)
        return attributes[start..<start + Int(node.attributeCount)]
    }

    /// The value of the un-namespaced attribute `name` (lower case), if the element has it.
    public func attribute(_ name: String, of id: NodeID) -> String? {
        for attribute in attributes(of: id) where attribute.namespace == .none && attribute.name == name {
            return attribute.value
        }
        return nil
    }

    /// Whether the element has the attribute `name`.
    public func hasAttribute(_ name: String, of id: NodeID) -> Bool { attribute(name, of: id) != nil }

    /// The raw UTF-8 of a text, comment or doctype-name node.
    public func withTextBytes<R>(of id: NodeID, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let node = self[id]
        return try textBytes.withUnsafeBufferPointer { buffer in
            let start = Int(node.payload)
            return try body(UnsafeBufferPointer(rebasing: buffer[start..<start + Int(node.length)]))
        }
    }

    /// The text of a text, comment or doctype-name node.
    public func text(of id: NodeID) -> String {
        withTextBytes(of: id) { String(decoding: $0, as: UTF8.self) }
    }

    /// The public and system identifiers of a doctype node.
    public func doctypeIdentifiers(of id: NodeID) -> DoctypeIdentifiers? {
        let node = self[id]
        guard node.kind == .doctype else { return nil }
        return doctypeIdentifiers[Int(node.attributeStart)]
    }

    /// The concatenated text of every text node below `id`, in document order.
    public func textContent(of id: NodeID) -> String {
        var bytes: [UInt8] = []
        forEachDescendant(of: id) { descendant in
            if self[descendant].kind == .text {
                withTextBytes(of: descendant) { bytes.append(contentsOf: $0) }
            }
            return true
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Visits every node below `id` in document order, without recursion.
    /// `visit` returns false to skip that node's children.
    public func forEachDescendant(of id: NodeID, _ visit: (NodeID) -> Bool) {
        var current = self[id].firstChild
        while current != Node.none {
            let descend = visit(current)
            let node = self[current]
            if descend && node.firstChild != Node.none {
                current = node.firstChild
                continue
            }
            // Climb until a node has a next sibling, stopping at `id`.
            var climb = current
            while climb != id {
                let sibling = self[climb].nextSibling
                if sibling != Node.none {
                    break
                }
                climb = self[climb].parent
            }
            current = climb == id ? Node.none : self[climb].nextSibling
        }
    }

    /// The first element with `tag` in document order, if any.
    public func firstElement(_ tag: Tag, below id: NodeID = Document.root) -> NodeID? {
        var found: NodeID?
        forEachDescendant(of: id) { node in
            if found != nil { return false }
            if self[node].kind == .element && self[node].tag == tag && self[node].namespace == .html {
                found = node
                return false
            }
            return true
        }
        return found
    }

    /// The depth of a node: 0 for the document node.
    public func depth(of id: NodeID) -> Int {
        var depth = 0
        var current = self[id].parent
        while current != Node.none {
            depth += 1
            current = self[current].parent
        }
        return depth
    }
}

/// The public and system identifiers of a doctype; nil when the doctype has none.
public struct DoctypeIdentifiers: Sendable, Equatable {
    public var publicIdentifier: String?
    public var systemIdentifier: String?

    public init(publicIdentifier: String?, systemIdentifier: String?) {
        self.publicIdentifier = publicIdentifier
        self.systemIdentifier = systemIdentifier
    }
}

/// The children of a node, as a sequence.
public struct Children: Sequence, Sendable {
    let document: Document
    let first: NodeID

    public func makeIterator() -> Iterator { Iterator(document: document, cursor: first) }

    public struct Iterator: IteratorProtocol {
        let document: Document
        var cursor: NodeID

        public mutating func next() -> NodeID? {
            guard cursor != Node.none else { return nil }
            let current = cursor
            cursor = document[current].nextSibling
            return current
        }
    }
}
