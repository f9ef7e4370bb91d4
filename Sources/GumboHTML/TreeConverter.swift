import CGumbo
import HTMLDocument
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies gumbo's tree into a `DocumentBuilder`, iteratively: hostile pages nest 10,000+ levels.
struct TreeConverter {
    /// A gumbo child list being copied, and where its nodes go.
    private struct Frame {
        let children: GumboVector
        var next: Int
        let parent: NodeID
        /// The depth of `parent` in the document (the document node is 0).
        let depth: Int
    }

    private var builder = DocumentBuilder()
    private let names = ElementNames.shared
    /// The start of the parsed input, to place the doctype among leading comments.
    private let source: UnsafeRawPointer

    init(source: UnsafeRawPointer) {
        self.source = source
    }

    /// Converts the whole output of one gumbo parse.
    mutating func convert(_ output: UnsafeMutablePointer<GumboOutput>) -> Document {
        let document = output.pointee.document.pointee.v.document
        var start = 0
        if document.has_doctype {
            // Gumbo keeps the doctype out of the child list; html5lib wants it after the
            // comments that preceded it in the source.
            start = commentsBeforeDoctype(document.children)
            for index in 0..<start {
                append(leaf: node(at: index, of: document.children), to: Document.root)
            }
            builder.appendDoctype(name: string(document.name) ?? "",
                                  publicIdentifier: identifier(document.public_identifier),
                                  systemIdentifier: identifier(document.system_identifier))
        }
        copy(document.children, from: start)
        return builder.finish()
    }

    /// Copies the document's `children[start...]` and all their descendants.
    private mutating func copy(_ children: GumboVector, from start: Int) {
        var stack = [Frame(children: children, next: start, parent: Document.root, depth: 0)]
        while let frame = stack.last {
            guard frame.next < Int(frame.children.length) else {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            let child = node(at: frame.next, of: frame.children)
            switch child.pointee.type {
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                let element = child.pointee.v.element
                let id = builder.appendElement(to: frame.parent, namespace: namespace(of: element),
                                               name: names.name(of: element),
                                               attributes: attributes(of: element))
                // When the depth cap refused the element, its children join the parent.
                var parent = id
                var depth = id == frame.parent ? frame.depth : frame.depth + 1
                // html5lib shows a content node even for an empty template; at the depth cap
                // there is no room for it, so the content joins the template itself.
                if child.pointee.type == GUMBO_NODE_TEMPLATE && id != frame.parent
                    && depth < DocumentBuilder.maximumDepth {
                    parent = builder.appendTemplateContent(to: id)
                    depth += 1
                }
                if element.children.length > 0 {
                    stack.append(Frame(children: element.children, next: 0, parent: parent, depth: depth))
                }
            default:
                append(leaf: child, to: frame.parent)
            }
        }
    }

    /// Appends a node that has no children: text, whitespace, CDATA or a comment.
    private mutating func append(leaf: UnsafeMutablePointer<GumboNode>, to parent: NodeID) {
        guard let text = leaf.pointee.v.text.text else { return }
        if leaf.pointee.type == GUMBO_NODE_COMMENT {
            builder.appendComment(to: parent, String(cString: text))
            return
        }
        // Straight from gumbo's buffer: no String per text node.
        let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        builder.appendText(to: parent, utf8: UnsafeBufferPointer(start: bytes, count: strlen(text)))
    }

    /// How many leading comments of the document came before the doctype in the source.
    private func commentsBeforeDoctype(_ children: GumboVector) -> Int {
        // Only whitespace and comments may precede a doctype, so a comment came before it
        // exactly when nothing but whitespace separates it from the previous comment.
        var cursor = source
        var count = 0
        while count < Int(children.length) {
            let child = node(at: count, of: children)
            guard child.pointee.type == GUMBO_NODE_COMMENT,
                  let start = child.pointee.v.text.original_text.data.map(UnsafeRawPointer.init),
                  start >= cursor else { break }
            let gap = UnsafeRawBufferPointer(start: cursor, count: start - cursor)
            guard gap.allSatisfy(TreeConverter.isWhitespace) else { break }
            cursor = start + child.pointee.v.text.original_text.length
            count += 1
        }
        return count
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private func node(at index: Int, of vector: GumboVector) -> UnsafeMutablePointer<GumboNode> {
        vector.data[index]!.assumingMemoryBound(to: GumboNode.self)
    }

    private func namespace(of element: GumboElement) -> Namespace {
        switch element.tag_namespace {
        case GUMBO_NAMESPACE_SVG: return .svg
        case GUMBO_NAMESPACE_MATHML: return .mathml
        default: return .html
        }
    }

    private func attributes(of element: GumboElement) -> [Attribute] {
        let vector = element.attributes
        guard vector.length > 0 else { return [] }
        var attributes: [Attribute] = []
        attributes.reserveCapacity(Int(vector.length))
        for index in 0..<Int(vector.length) {
            let attribute = vector.data[index]!.assumingMemoryBound(to: GumboAttribute.self).pointee
            attributes.append(Attribute(namespace: namespace(of: attribute),
                                        name: string(attribute.name) ?? "",
                                        value: string(attribute.value) ?? ""))
        }
        return attributes
    }

    private func namespace(of attribute: GumboAttribute) -> AttributeNamespace {
        switch attribute.attr_namespace {
        case GUMBO_ATTR_NAMESPACE_XLINK: return .xlink
        case GUMBO_ATTR_NAMESPACE_XML: return .xml
        case GUMBO_ATTR_NAMESPACE_XMLNS: return .xmlns
        default: return .none
        }
    }

    private func string(_ text: UnsafePointer<CChar>?) -> String? {
        text.map { String(cString: $0) }
    }

    /// A doctype identifier; gumbo 0.10 gives "" for a missing one, which Penny stores as nil.
    private func identifier(_ text: UnsafePointer<CChar>?) -> String? {
        guard let text, text.pointee != 0 else { return nil }
        return String(cString: text)
    }
}
