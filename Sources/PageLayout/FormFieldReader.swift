import HTMLDocument
import TerminalText

/// Reads a form control's initial state from the document.
enum FormFieldReader {
    static func read(_ document: Document, _ id: NodeID) -> FormField {
        let attribute = { (name: String) in document.attribute(name, of: id) }
        var field = FormField(kind: .text, name: attribute("name") ?? "", value: "", checked: false, options: [],
                              multiple: document.hasAttribute("multiple", of: id), form: nil, size: 20, rows: 1,
                              disabled: document.hasAttribute("disabled", of: id),
                              readOnly: document.hasAttribute("readonly", of: id), positions: [])
        switch document[id].tag {
        case .input:
            field.kind = kind(ofInputType: attribute("type")?.lowercased() ?? "text")
            field.value = attribute("value") ?? ""
            field.checked = document.hasAttribute("checked", of: id)
            if field.kind == .image {
                field.value = attribute("alt") ?? attribute("value") ?? ""
            }
            if let size = attribute("size").flatMap({ Int($0.trimmingCharacters(in: [" "])) }) {
                field.size = min(max(size, 1), 80)
            }
        case .textarea:
            field.kind = .textarea
            field.value = document.textContent(of: id)
            field.size = min(max(attribute("cols").flatMap { Int($0) } ?? 40, 1), 120)
            field.rows = min(max(attribute("rows").flatMap { Int($0) } ?? 2, 1), 20)
        case .select:
            field.kind = .select
            field.options = options(of: id, in: document)
            if !field.multiple, !field.options.isEmpty, !field.options.contains(where: \.selected) {
                field.options[0].selected = true
            }
            field.value = field.options.first(where: \.selected)?.value ?? ""
        case .button:
            switch attribute("type")?.lowercased() {
            case "reset": field.kind = .reset
            case "button": field.kind = .button
            default: field.kind = .submit
            }
            field.value = attribute("value") ?? ""
        default:
            break
        }
        return field
    }

    static func kind(ofInputType type: String) -> FormField.Kind {
        switch type {
        case "password": return .password
        case "checkbox": return .checkbox
        case "radio": return .radio
        case "submit": return .submit
        case "reset": return .reset
        case "button": return .button
        case "image": return .image
        case "hidden": return .hidden
        case "file": return .file
        default: return .text
        }
    }

    private static func options(of select: NodeID, in document: Document) -> [FormField.Option] {
        var options: [FormField.Option] = []
        document.forEachDescendant(of: select) { id in
            let node = document[id]
            guard node.kind == .element else { return false }
            if node.tag == .option {
                let text = Whitespace.collapse(TerminalSafe.sanitize(document.textContent(of: id)))
                let label = document.attribute("label", of: id).map { TerminalSafe.sanitize($0) } ?? text
                options.append(FormField.Option(label: label, value: document.attribute("value", of: id) ?? text,
                                                selected: document.hasAttribute("selected", of: id)))
                return false
            }
            return node.tag == .optgroup
        }
        return options
    }
}
