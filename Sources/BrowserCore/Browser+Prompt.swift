import ScreenGrid

extension Browser {
    static func handlePromptKey(_ state: inout BrowserState, _ prompt: BrowserState.Prompt, _ key: Key) -> [BrowserEffect] {
        var prompt = prompt
        if case .editField(let index, let multiline) = prompt.purpose {
            switch key {
            case .enter where multiline:
                _ = prompt.editor.handle(.insert("\n"))
                state.mode = .prompt(prompt)
                return []
            case .enter:
                state.mode = .browsing
                return finishFieldEdit(&state, index: index, text: prompt.editor.string, submit: true)
            case .control("d") where multiline:
                state.mode = .browsing
                return finishFieldEdit(&state, index: index, text: prompt.editor.string, submit: false)
            default:
                break
            }
        }
        switch key {
        case .enter:
            state.mode = .browsing
            let text = prompt.editor.string
            switch prompt.purpose {
            case .openURL:
                guard !text.trimmingCharacters(in: " ").isEmpty else { return [] }
                state.typedURLs.removeAll { $0 == text }
                state.typedURLs.append(text)
                if state.typedURLs.count > 100 { state.typedURLs.removeFirst() }
                return open(&state, text)
            case .search(let forward):
                runSearch(&state, query: text, forward: forward)
                return []
            case .editField:
                return []
            }
        case .escape, .control("c"), .control("g"):
            state.mode = .browsing
            state.status = nil
            return []
        default:
            guard let editing = editorKey(for: key) else { return [] }
            _ = prompt.editor.handle(editing)
            state.mode = .prompt(prompt)
            return []
        }
    }

    /// The line-editing operation a key stands for.
    static func editorKey(for key: Key) -> EditorKey? {
        switch key {
        case .character(let character): return .insert(character)
        case .backspace, .control("h"): return .backspace
        case .delete, .control("d"): return .delete
        case .left, .control("b"): return .left
        case .right, .control("f"): return .right
        case .home, .control("a"): return .home
        case .end, .control("e"): return .end
        case .control("u"): return .killToStart
        case .control("k"): return .killToEnd
        case .control("w"): return .killWord
        case .up, .control("p"): return .historyPrevious
        case .down, .control("n"): return .historyNext
        default: return nil
        }
    }

    static func handleConfirmKey(_ state: inout BrowserState, _ confirmation: BrowserState.Confirmation, _ key: Key) -> [BrowserEffect] {
        state.mode = .browsing
        guard key == .character("y") || key == .character("Y") else {
            state.status = .info("Not sent.")
            return []
        }
        switch confirmation.action {
        case .resendPost:
            guard let current = state.current else { return [] }
            return startLoad(&state, current.request, purpose: .reload)
        case .quitWithUnsentEdits:
            state.quitting = true
            return [.quit]
        case .reloadPaidPage:
            guard let current = state.current else { return [] }
            var request = current.request
            // The paid copy's credential is not sent again: the server decides afresh.
            for name in ["PAYMENT-SIGNATURE", "X-PAYMENT", "Authorization", "Payment-Authorization"] {
                request.headers.remove(name)
            }
            request.followsRedirects = true
            return startLoad(&state, request, purpose: .reload)
        }
    }
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
