import HTMLDocument
import TerminalText

extension LayoutEngine {
    /// Draws a form control as visible text: `[text____]`, `[x]`, `(*)`, `[option ▾]`, `[ Submit ]`.
    func layoutField(_ id: NodeID, _ tag: Tag, _ style: InlineStyle) {
        let index = context.prepass.field(of: id)
        guard index >= 0 else { return }
        let field = context.prepass.fields[Int(index)]
        var attributes = style.attributes.adding(.formField)
        attributes.field = index
        switch field.kind {
        case .hidden:
            return
        case .text, .password:
            let shown = field.kind == .password ? String(repeating: "*", count: field.value.count) : field.value
            appendAtom("[" + FieldText.fit(shown, width: field.size, fill: "_") + "]", attributes)
        case .file:
            appendAtom("[Choose file…]", attributes)
        case .checkbox:
            appendAtom(field.checked ? "[x]" : "[ ]", attributes)
        case .radio:
            appendAtom(field.checked ? "(*)" : "( )", attributes)
        case .select:
            let selected = Whitespace.collapse(field.options.filter(\.selected).map(\.label).joined(separator: ", "))
            let widest = field.options.map { DisplayWidth.of(Whitespace.collapse($0.label)) }.max() ?? 0
            let shown = min(max(widest, DisplayWidth.of(selected), 1), 40)
            appendAtom("[" + FieldText.fit(selected, width: shown, fill: " ") + " ▾]", attributes)
        case .textarea:
            layoutTextArea(field, attributes)
        case .submit, .reset, .button, .image:
            if tag == .button {
                appendAtom("[ ", attributes)
                var inner = style
                inner.attributes = attributes
                let before = document[id].firstChild
                if before == Node.none {
                    appendAtom(field.kind == .reset ? "Reset" : "Submit", attributes)
                } else {
                    layoutChildren(of: id, inner)
                }
                appendAtom(" ]", attributes)
            } else {
                let label = field.value.isEmpty ? (field.kind == .reset ? "Reset" : "Submit") : field.value
                appendAtom("[ " + Whitespace.collapse(label) + " ]", attributes)
            }
        }
    }

    private func layoutTextArea(_ field: FormField, _ attributes: TextAttributes) {
        let rows = field.value.split(separator: "\n", omittingEmptySubsequences: false)
        let size = min(field.size, max(availableWidth - 2, 0))
        noteWidthSensitive()
        beginBlock(blankLines: 0)
        for row in 0..<field.rows {
            let text = row < rows.count ? String(rows[row]) : ""
            var content = "[" + FieldText.fit(text, width: size, fill: "_") + "]"
            // Rows are not wrapped: below 2 cells even the brackets are cut to the line.
            if DisplayWidth.of(content) > availableWidth {
                content = FieldText.fit(content, width: max(availableWidth, 1), fill: " ")
            }
            let contentWidth = DisplayWidth.of(content)
            emitPreformatted(StyledLine(text: content, spans: [StyledSpan(start: 0, end: Int32(contentWidth), attributes: attributes)],
                                        width: contentWidth))
        }
        endBlock(blankLines: 0)
    }
}

/// Fits field text into a fixed number of cells.
enum FieldText {
    /// `text` made safe, cut to `width` cells and padded with `fill`.
    static func fit(_ text: String, width: Int, fill: Character) -> String {
        var result = ""
        var used = 0
        for scalar in TerminalSafe.sanitize(text).unicodeScalars {
            let scalarWidth = DisplayWidth.of(scalar)
            if used + scalarWidth > width { break }
            result.unicodeScalars.append(scalar)
            used += scalarWidth
        }
        return result + String(repeating: fill, count: width - used)
    }
}
