import HTMLDocument

/// Serializes a `Document` in html5lib's tree-construction format (`| <html>`, two spaces a level).
func treeDump(_ document: Document) -> String {
    var lines: [String] = []
    // Iterative, like the parser: (node, indentation level) pairs still to print, last on top.
    var pending: [(NodeID, Int)] = Array(document.children(of: Document.root).map { ($0, 0) }.reversed())
    while let (id, level) = pending.popLast() {
        let indent = "| " + String(repeating: "  ", count: level)
        let node = document[id]
        switch node.kind {
        case .document:
            break
        case .doctype:
            lines.append(indent + doctypeLine(document, id))
        case .element:
            lines.append(indent + "<" + prefix(of: node.namespace) + document.name(of: id) + ">")
            let attributes = document.attributes(of: id)
                .map { (name: prefix(of: $0.namespace) + $0.name, value: $0.value) }
                // html5lib sorts by UTF-16 code unit.
                .sorted { $0.name.utf16.lexicographicallyPrecedes($1.name.utf16) }
            for attribute in attributes {
                lines.append(indent + "  " + attribute.name + "=\"" + attribute.value + "\"")
            }
        case .text:
            lines.append(indent + "\"" + document.text(of: id) + "\"")
        case .comment:
            lines.append(indent + "<!-- " + document.text(of: id) + " -->")
        case .templateContent:
            lines.append(indent + "content")
        }
        pending.append(contentsOf: document.children(of: id).map { ($0, level + 1) }.reversed())
    }
    return lines.joined(separator: "\n")
}

private func doctypeLine(_ document: Document, _ id: NodeID) -> String {
    let name = document.text(of: id)
    let identifiers = document.doctypeIdentifiers(of: id)
    let publicIdentifier = identifiers?.publicIdentifier ?? ""
    let systemIdentifier = identifiers?.systemIdentifier ?? ""
    if publicIdentifier.isEmpty && systemIdentifier.isEmpty {
        return "<!DOCTYPE \(name)>"
    }
    return "<!DOCTYPE \(name) \"\(publicIdentifier)\" \"\(systemIdentifier)\">"
}

private func prefix(of namespace: Namespace) -> String {
    switch namespace {
    case .html: return ""
    case .svg: return "svg "
    case .mathml: return "math "
    }
}

private func prefix(of namespace: AttributeNamespace) -> String {
    switch namespace {
    case .none: return ""
    case .xlink: return "xlink "
    case .xml: return "xml "
    case .xmlns: return "xmlns "
    }
}
