import BrowserConfig
import PageLayout
import ScreenGrid
import TerminalText

extension Browser {
    static func handle(_ state: inout BrowserState, _ event: InputEvent) -> [BrowserEffect] {
        switch event {
        case .resize(let width, let height):
            return resize(&state, width: max(width, 1), height: max(height, 1))
        case .endOfInput:
            state.quitting = true
            return [.quit]
        case .mouse(let mouse):
            return handleMouse(&state, mouse)
        case .key(let key):
            if let session = state.payment, session.isPrompting, state.mode == .browsing {
                return handlePaymentKey(&state, session, key)
            }
            switch state.mode {
            case .prompt(let prompt):
                return handlePromptKey(&state, prompt, key)
            case .hints(let typed):
                return handleHintKey(&state, typed, key)
            case .overlay(let overlay):
                return handleOverlayKey(&state, overlay, key)
            case .confirm(let confirmation):
                return handleConfirmKey(&state, confirmation, key)
            case .choosing(let choice):
                return handleChoiceKey(&state, choice, key)
            case .browsing:
                return handleBrowsingKey(&state, key)
            }
        }
    }

    private static func resize(_ state: inout BrowserState, width: Int, height: Int) -> [BrowserEffect] {
        let widthChanged = width != state.width
        state.width = width
        state.height = height
        clampScroll(&state)
        if case .overlay(var overlay) = state.mode {
            overlay.lines = overlayLines(&state, overlay.kind)
            state.mode = .overlay(overlay)
        }
        guard widthChanged, let current = state.current, current.page != nil else { return [] }
        return [.relayout(url: current.url, response: current.response, width: width)]
    }

    private static func handleBrowsingKey(_ state: inout BrowserState, _ key: Key) -> [BrowserEffect] {
        if case .character(let character) = key, character.isASCII, character.isNumber {
            state.typedNumber.append(character)
            state.status = .info("Follow link number \(state.typedNumber) (Enter)")
            return []
        }
        if key == .enter, !state.typedNumber.isEmpty {
            let number = Int(state.typedNumber) ?? 0
            state.typedNumber = ""
            guard let page = state.current?.page, page.links.indices.contains(number - 1) else {
                state.status = .error("No link number \(number) on this page.")
                return []
            }
            return followLink(&state, number - 1)
        }
        if key == .backspace, !state.typedNumber.isEmpty {
            state.typedNumber.removeLast()
            state.status = state.typedNumber.isEmpty ? nil : .info("Follow link number \(state.typedNumber) (Enter)")
            return []
        }
        guard let action = state.keyMap[key] else {
            state.status = .info("\(key.displayName) does nothing here; F1 lists the keys.")
            return []
        }
        if action != .cancel {
            state.typedNumber = ""
        }
        return perform(&state, action)
    }

    static func perform(_ state: inout BrowserState, _ action: BrowserAction) -> [BrowserEffect] {
        let page = state.pageHeight
        switch action {
        case .scrollDown: scroll(&state, by: 1)
        case .scrollUp: scroll(&state, by: -1)
        case .pageDown: scroll(&state, by: max(page - 2, 1))
        case .pageUp: scroll(&state, by: -max(page - 2, 1))
        case .halfPageDown: scroll(&state, by: max(page / 2, 1))
        case .halfPageUp: scroll(&state, by: -max(page / 2, 1))
        case .top: scroll(&state, to: 0)
        case .bottom: scroll(&state, to: Int.max / 2)
        case .nextLink: moveFocus(&state, forward: true)
        case .previousLink: moveFocus(&state, forward: false)
        case .followLink: return activateFocus(&state)
        case .linkHints:
            guard !hintTargets(state).isEmpty else {
                state.status = .info("No links on screen.")
                return []
            }
            state.mode = .hints(typed: "")
        case .openURL:
            state.mode = .prompt(.init(purpose: .openURL, editor: LineEditor(text: state.current?.url ?? "", history: state.typedURLs)))
        case .reload:
            return reload(&state)
        case .back:
            return goBack(&state, by: -1)
        case .forward:
            return goBack(&state, by: 1)
        case .searchForward:
            state.mode = .prompt(.init(purpose: .search(forward: true), editor: LineEditor()))
        case .searchBackward:
            state.mode = .prompt(.init(purpose: .search(forward: false), editor: LineEditor()))
        case .nextMatch: stepSearch(&state, reverse: false)
        case .previousMatch: stepSearch(&state, reverse: true)
        case .bookmarks:
            guard let bookmarks = state.bookmarksURL else {
                state.status = .error("No bookmarks file.")
                return []
            }
            return open(&state, bookmarks)
        case .addBookmark:
            guard let current = state.current, !current.url.hasPrefix("about:") else {
                state.status = .error("Nothing to bookmark here.")
                return []
            }
            return [.addBookmark(url: current.url, title: current.title)]
        case .pageInfo:
            state.mode = .overlay(.init(kind: .pageInfo, lines: overlayLines(&state, .pageInfo), scroll: 0))
        case .help:
            state.mode = .overlay(.init(kind: .help, lines: overlayLines(&state, .help), scroll: 0))
        case .quit:
            if state.history.entries.contains(where: \.hasUnsentEdits) {
                state.mode = .confirm(.init(question: "Forms have changes not sent. Quit anyway? (y/n)", action: .quitWithUnsentEdits))
                return []
            }
            state.quitting = true
            return [.quit]
        case .quitNow:
            state.quitting = true
            return [.quit]
        case .cycleTheme:
            let names = state.themeNames
            guard !names.isEmpty else { return [] }
            let index = names.firstIndex(of: state.themeName).map { ($0 + 1) % names.count } ?? 0
            state.themeName = names[index]
            state.status = .info("Theme: \(state.themeName)")
        case .cancel:
            return cancel(&state)
        }
        return []
    }

    static func cancel(_ state: inout BrowserState) -> [BrowserEffect] {
        state.typedNumber = ""
        if state.loading != nil {
            let effects = abandonLoad(&state)
            state.status = .info(effects.count > 1 ? "Stopped. The payment stays pending: reload sends the same signed payment again."
                                                   : "Stopped loading.")
            return effects
        }
        state.mode = .browsing
        state.status = nil
        return []
    }

    private static func reload(_ state: inout BrowserState) -> [BrowserEffect] {
        guard let current = state.current else { return [] }
        if current.receipt != nil {
            state.mode = .confirm(.init(question: "This page was paid for; reloading may ask for a new payment. Reload? (y/n)",
                                        action: .reloadPaidPage))
            return []
        }
        if current.request.method == .post {
            state.mode = .confirm(.init(question: "Send the form again? (y/n)", action: .resendPost))
            return []
        }
        return startLoad(&state, current.request, purpose: .reload)
    }

    private static func goBack(_ state: inout BrowserState, by offset: Int) -> [BrowserEffect] {
        var effects = abandonLoad(&state)
        effects += abandonPayment(&state)
        guard state.history.move(by: offset) else {
            state.status = .info(offset < 0 ? "Already at the first page." : "Already at the last page.")
            return effects
        }
        state.search = nil
        state.status = nil
        clampScroll(&state)
        if let current = state.current, current.layoutWidth != state.width, current.page != nil {
            effects.append(.relayout(url: current.url, response: current.response, width: state.width))
        }
        return effects
    }

    // MARK: Focus

    static func focusables(_ state: BrowserState) -> [Focusable] {
        guard let page = state.current?.page else { return [] }
        return Focusable.all(in: page)
    }

    private static func moveFocus(_ state: inout BrowserState, forward: Bool) {
        let items = focusables(state)
        guard let current = state.current, !items.isEmpty else {
            state.status = .info("No links on this page.")
            return
        }
        let next: Int
        if let focus = current.focus, items.indices.contains(focus) {
            next = forward ? min(focus + 1, items.count - 1) : max(focus - 1, 0)
        } else {
            // Start from the first item on screen.
            let top = current.scroll
            let visible = items.firstIndex { $0.position.line >= top } ?? (items.count - 1)
            next = forward ? visible : max(visible - 1, 0)
        }
        state.history.updateCurrent { $0.focus = next }
        reveal(&state, line: items[next].position.line)
        state.status = nil
    }

    private static func activateFocus(_ state: inout BrowserState) -> [BrowserEffect] {
        let items = focusables(state)
        guard let focus = state.current?.focus, items.indices.contains(focus) else {
            state.status = .info("No link selected: Tab moves to the next one.")
            return []
        }
        switch items[focus].target {
        case .link(let index): return followLink(&state, index)
        case .field(let index):
            return activateField(&state, index)
        }
    }

    static func followLink(_ state: inout BrowserState, _ index: Int) -> [BrowserEffect] {
        guard let page = state.current?.page, page.links.indices.contains(index) else { return [] }
        let url = page.links[index].url
        guard url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("file:") || url.hasPrefix("about:") else {
            state.status = .error("Penny does not open \(TerminalSafe.sanitize(String(url.prefix(60)))) links.")
            return []
        }
        if let focus = focusables(state).firstIndex(where: { $0.target == .link(index) }) {
            state.history.updateCurrent { $0.focus = focus }
        }
        return open(&state, url)
    }

    // MARK: Mouse

    private static func handleMouse(_ state: inout BrowserState, _ mouse: MouseEvent) -> [BrowserEffect] {
        switch mouse {
        case .wheelUp:
            if case .overlay(var overlay) = state.mode {
                overlay.scroll = max(overlay.scroll - 3, 0)
                state.mode = .overlay(overlay)
            } else {
                scroll(&state, by: -3)
            }
        case .wheelDown:
            if case .overlay(var overlay) = state.mode {
                overlay.scroll = min(overlay.scroll + 3, max(overlay.lines.count - state.pageHeight, 0))
                state.mode = .overlay(overlay)
            } else {
                scroll(&state, by: 3)
            }
        case .press(let x, let y):
            guard state.mode == .browsing, y >= 1, y <= state.pageHeight, let current = state.current else { return [] }
            let line = current.scroll + y - 1
            let items = focusables(state)
            guard let page = current.page else { return [] }
            for (index, field) in page.fields.enumerated()
            where field.positions.contains(where: { $0.line == line && x >= $0.start && x < $0.end }) {
                if let focus = items.firstIndex(where: { $0.target == .field(index) }) {
                    state.history.updateCurrent { $0.focus = focus }
                }
                return activateField(&state, index)
            }
            for (index, link) in page.links.enumerated()
            where link.positions.contains(where: { $0.line == line && x >= $0.start && x < $0.end }) {
                if let focus = items.firstIndex(where: { $0.target == .link(index) }) {
                    state.history.updateCurrent { $0.focus = focus }
                }
                return followLink(&state, index)
            }
        }
        return []
    }
}
