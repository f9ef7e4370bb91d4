/// The index of a node inside its `Document`.
public typealias NodeID = Int32

/// What a node is.
public enum NodeKind: UInt8, Sendable {
    case document
    case doctype
    case element
    case text
    case comment
    /// The content fragment of a `template` element (the html5lib `content` node).
    case templateContent
}

/// The namespace of an element.
public enum Namespace: UInt8, Sendable {
    case html
    case svg
    case mathml
}

/// The namespace of an attribute (foreign content only).
public enum AttributeNamespace: UInt8, Sendable {
    case none
    case xlink
    case xml
    case xmlns
}

/// One attribute, with its name as the parser adjusted it.
public struct Attribute: Sendable, Equatable {
    public var namespace: AttributeNamespace
    public var name: String
    public var value: String

    public init(namespace: AttributeNamespace = .none, name: String, value: String) {
        self.namespace = namespace
        self.name = name
        self.value = value
    }
}

/// One node of the flat tree: links to its relatives and where its data lives.
public struct Node: Sendable {
    public var kind: NodeKind
    public var namespace: Namespace
    /// The element's tag; `.unknown` for non-elements and for names Penny does not know.
    public var tag: Tag
    public var parent: NodeID
    public var firstChild: NodeID
    public var lastChild: NodeID
    public var nextSibling: NodeID
    /// Element: index into `Document.names`. Text, comment, doctype: start offset in `Document.textBytes`.
    public var payload: Int32
    /// Text, comment, doctype name: byte length in `Document.textBytes`.
    public var length: Int32
    /// Element: first attribute in `Document.attributes`; doctype: index of its public/system ids.
    public var attributeStart: Int32
    public var attributeCount: Int32

    public static let none: NodeID = -1
}
