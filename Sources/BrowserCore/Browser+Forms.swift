import HTTPModel
import PageLayout
import ScreenGrid

extension Browser {
    /// Enter on a form field: edit it, toggle it, open its list, or submit its form.
    static func activateField(_ state: inout BrowserState, _ index: Int) -> [BrowserEffect] {
        guard let entry = state.current, let page = entry.page, page.fields.indices.contains(index) else { return [] }
        let field = page.fields[index]
        if field.disabled {
            state.status = .info("This field is disabled.")
            return []
        }
        switch field.kind {
        case .text, .password, .textarea:
            if field.readOnly {
                state.status = .info("This field is read-only.")
                return []
            }
            guard case .text(let value) = entry.value(of: index) else { return [] }
            state.mode = .prompt(.init(purpose: .editField(index: index, multiline: field.kind == .textarea),
                                       editor: LineEditor(text: value)))
        case .checkbox:
            guard case .checked(let on) = entry.value(of: index) else { return [] }
            setValue(&state, index, .checked(!on))
        case .radio:
            for (other, candidate) in page.fields.enumerated()
            where candidate.kind == .radio && candidate.form == field.form && candidate.name == field.name && other != index {
                setValue(&state, other, .checked(false))
            }
            setValue(&state, index, .checked(true))
        case .select:
            guard !field.options.isEmpty, case .selected(let chosen) = entry.value(of: index) else {
                state.status = .info("This list has no options.")
                return []
            }
            state.mode = .choosing(.init(field: index, highlighted: chosen.first ?? 0, chosen: chosen, multiple: field.multiple))
        case .submit, .image:
            return submit(&state, form: field.form, submitter: index)
        case .reset:
            guard let form = field.form else { return [] }
            state.history.updateCurrent { entry in
                for (other, candidate) in page.fields.enumerated() where candidate.form == form {
                    entry.formValues[other] = nil
                }
            }
            state.status = .info("Form reset.")
        case .button:
            state.status = .info("This button runs a script; Penny does not run scripts.")
        case .file:
            state.status = .info("Penny cannot upload files yet.")
        case .hidden:
            break
        }
        return []
    }

    static func setValue(_ state: inout BrowserState, _ index: Int, _ value: FieldValue) {
        state.history.updateCurrent { entry in
            let initial = HistoryEntry.initialValue(of: entry.page?.fields[index])
            entry.formValues[index] = value == initial ? nil : value
        }
    }

    /// Sends a form: GET with the fields in the query, or POST with them in the body.
    static func submit(_ state: inout BrowserState, form: Int?, submitter: Int?) -> [BrowserEffect] {
        guard let form, let entry = state.current,
              let request = FormSubmission.request(form: form, submitter: submitter, entry: entry) else {
            state.status = .error("This button belongs to no form.")
            return []
        }
        state.history.updateCurrent { $0.formValues = [:] }
        return startLoad(&state, request, purpose: .navigate)
    }

    /// Saves an edited field; Enter in a one-line field also submits its form, as browsers do.
    static func finishFieldEdit(_ state: inout BrowserState, index: Int, text: String, submit shouldSubmit: Bool) -> [BrowserEffect] {
        setValue(&state, index, .text(text))
        guard shouldSubmit, let page = state.current?.page, let form = page.fields[index].form else { return [] }
        let submitter = page.fields.indices.first { page.fields[$0].form == form && (page.fields[$0].kind == .submit || page.fields[$0].kind == .image) }
        let textFields = page.fields.filter { $0.form == form && ($0.kind == .text || $0.kind == .password) }
        // Implicit submission: only with a submit button, or when this is the form's only text field.
        guard submitter != nil || textFields.count == 1 else { return [] }
        return submit(&state, form: form, submitter: submitter)
    }

    static func handleChoiceKey(_ state: inout BrowserState, _ choice: BrowserState.Choice, _ key: Key) -> [BrowserEffect] {
        guard let field = state.current?.page?.fields[choice.field] else {
            state.mode = .browsing
            return []
        }
        var choice = choice
        let count = field.options.count
        switch key {
        case .up, .character("k"): choice.highlighted = max(choice.highlighted - 1, 0)
        case .down, .character("j"): choice.highlighted = min(choice.highlighted + 1, count - 1)
        case .home, .character("g"): choice.highlighted = 0
        case .end, .character("G"): choice.highlighted = count - 1
        case .character(" ") where choice.multiple:
            if let position = choice.chosen.firstIndex(of: choice.highlighted) {
                choice.chosen.remove(at: position)
            } else {
                choice.chosen.append(choice.highlighted)
                choice.chosen.sort()
            }
        case .enter:
            let chosen = choice.multiple ? choice.chosen : [choice.highlighted]
            state.mode = .browsing
            setValue(&state, choice.field, .selected(chosen))
            return []
        case .escape, .control("c"), .character("q"):
            state.mode = .browsing
            return []
        default:
            return []
        }
        state.mode = .choosing(choice)
        return []
    }
}

extension HistoryEntry {
    /// A field's value as the page set it.
    static func initialValue(of field: FormField?) -> FieldValue {
        guard let field else { return .text("") }
        switch field.kind {
        case .checkbox, .radio: return .checked(field.checked)
        case .select: return .selected(field.options.indices.filter { field.options[$0].selected })
        default: return .text(field.value)
        }
    }
}
