import BrowserConfig
import HTTPModel
import PageLayout
import ScreenGrid
import TerminalText
import WebAddress

/// The browser's behaviour: `reduce(state, message) -> (state, [effect])`, with no I/O.
public enum Browser {
    /// The state after a message, and what the runtime must do.
    public static func reduce(_ state: BrowserState, _ message: BrowserMessage) -> (BrowserState, [BrowserEffect]) {
        var state = state
        let effects = reduce(&state, message)
        return (state, effects)
    }

    /// Applies a message to the state in place.
    public static func reduce(_ state: inout BrowserState, _ message: BrowserMessage) -> [BrowserEffect] {
        switch message {
        case .start(let url):
            return open(&state, url ?? "about:start")
        case .input(let event):
            return handle(&state, event)
        case .progress(let id, let received, let expected):
            guard state.loading?.id == id else { return [] }
            state.loading?.received = received
            state.loading?.expected = expected
            return []
        case .loaded(let id, let response, let content, let width):
            guard let loading = state.loading, loading.id == id else { return [] }
            if case .paidRetry = loading.purpose {
                return finishPaidRetry(&state, loading, response, content, width)
            }
            var effects = finishLoad(&state, loading, response, content, width)
            if response.isPaymentRequired {
                effects += beginPayment(&state, request: loading.request, response: response)
            }
            return effects
        case .loadFailed(let id, let error):
            guard let loading = state.loading, loading.id == id else { return [] }
            if case .paidRetry = loading.purpose {
                return paidRetryFailed(&state, error)
            }
            state.loading = nil
            state.status = .error(TerminalSafe.sanitize(error.description))
            return []
        case .tick(let now):
            state.now = now
            return []
        case .paymentAssessed(let session, let assessments, let pending):
            return paymentAssessed(&state, session: session, assessments, pending: pending)
        case .paymentPrepared(let session, let payment):
            return paymentPrepared(&state, session: session, payment)
        case .paymentNotPrepared(let session, let reason):
            paymentNotPrepared(&state, session: session, reason: reason)
            return []
        case .paymentSettled(_, let error):
            if let error {
                state.status = .error("The wallet could not record the payment's outcome: " + TerminalSafe.sanitize(error))
            }
            return []
        case .relaidOut(let url, let content, let width):
            guard let current = state.current, current.url == url else { return [] }
            let anchor = current.page.map { TextAnchor(page: $0, line: current.scroll) }
            state.history.updateCurrent { entry in
                entry.content = content
                entry.layoutWidth = width
                entry.focus = nil
                if let anchor, let page = entry.page {
                    entry.scroll = anchor.line(in: page)
                }
            }
            clampScroll(&state)
            refreshSearch(&state)
            return []
        case .bookmarkSaved(let error):
            state.status = error.map { .error("Could not save the bookmark: " + TerminalSafe.sanitize($0)) } ?? .info("Bookmarked.")
            return []
        }
    }

    // MARK: Loading

    /// Starts loading what the user typed or clicked.
    static func open(_ state: inout BrowserState, _ input: String, method: HTTPMethod = .get, body: [UInt8]? = nil,
                     headers: HTTPHeaders = HTTPHeaders()) -> [BrowserEffect] {
        let base = state.current.flatMap { AbsoluteURL($0.url) }
        let url: AbsoluteURL?
        if input.hasPrefix("about:") {
            url = AbsoluteURL(input)
        } else if let base, !input.contains("://") && (input.hasPrefix("/") || input.hasPrefix("#") || input.hasPrefix("?")) {
            url = base.resolve(input)
        } else {
            url = UserInput.url(from: input, currentDirectory: "/", fileExists: { _ in false })
        }
        guard let url else {
            state.status = .error("Not a URL: " + TerminalSafe.sanitize(input))
            return []
        }
        // A link to a fragment of the page on screen just scrolls.
        if method == .get, let fragment = url.fragment, let current = state.current,
           AbsoluteURL(current.url)?.withoutFragment == url.withoutFragment, let page = current.page {
            if let line = page.anchors[fragment] {
                state.history.updateCurrent { $0.scroll = line }
                clampScroll(&state)
                state.status = nil
            } else {
                state.status = .error("No such place on this page: #" + TerminalSafe.sanitize(fragment))
            }
            return []
        }
        var request = HTTPRequest(url: url.withoutFragment.description, method: method, headers: headers, body: body)
        if url.scheme == "about" { request.url = url.description }
        return startLoad(&state, request, purpose: .navigate, fragment: url.fragment)
    }

    static func startLoad(_ state: inout BrowserState, _ request: HTTPRequest, purpose: Loading.Purpose,
                          fragment: String? = nil) -> [BrowserEffect] {
        var effects = abandonLoad(&state)
        if case .paidRetry = purpose {} else {
            effects += abandonPayment(&state)
        }
        let id = state.nextRequestID
        state.nextRequestID += 1
        state.loading = Loading(id: id, request: request, purpose: purpose, fragment: fragment)
        state.status = nil
        effects.append(.fetch(id: id, request: request, width: state.width))
        return effects
    }

    /// Stops the load in progress. A paid retry stopped midway may have delivered its
    /// credential, so its payment stays pending rather than being released.
    static func abandonLoad(_ state: inout BrowserState) -> [BrowserEffect] {
        guard let loading = state.loading else { return [] }
        state.loading = nil
        var effects: [BrowserEffect] = [.cancel(id: loading.id)]
        if case .paidRetry = loading.purpose, let session = state.payment, case .sending(let reservation) = session.phase {
            state.payment = nil
            if !session.resending {
                effects.append(.settlePayment(reservation: reservation, .pending))
            }
        }
        return effects
    }

    /// Drops a payment prompt the user navigated away from (nothing was signed yet).
    static func abandonPayment(_ state: inout BrowserState) -> [BrowserEffect] {
        guard let session = state.payment else { return [] }
        if case .sending = session.phase { return [] }
        state.payment = nil
        return []
    }

    private static func finishLoad(_ state: inout BrowserState, _ loading: Loading, _ response: HTTPResponse,
                                   _ content: PageContent, _ width: Int) -> [BrowserEffect] {
        state.loading = nil
        var entry = HistoryEntry(url: response.finalURL, request: loading.request, response: response, content: content,
                                 layoutWidth: width)
        if let fragment = loading.fragment {
            if let line = entry.page?.anchors[fragment] { entry.scroll = line }
            entry.url += "#" + fragment
        }
        switch loading.purpose {
        case .navigate:
            state.history.push(entry)
        case .reload, .paidRetry:
            entry.scroll = state.current?.scroll ?? 0
            state.history.replaceCurrent(entry)
        }
        state.visited.insert(AbsoluteURL(response.finalURL)?.withoutFragment.description ?? response.finalURL)
        state.search = nil
        state.typedNumber = ""
        if case .overlay = state.mode { state.mode = .browsing }
        if case .hints = state.mode { state.mode = .browsing }
        clampScroll(&state)
        state.status = statusAfterLoad(response, content)
        if width != state.width {
            return [.relayout(url: entry.url, response: response, width: state.width)]
        }
        return []
    }

    private static func statusAfterLoad(_ response: HTTPResponse, _ content: PageContent) -> StatusMessage? {
        if case .binary(let type, let size) = content {
            return .info("Not shown: \(TerminalSafe.sanitize(type)), \(size) bytes.")
        }
        if response.isPaymentRequired {
            return .info("402 Payment Required: this page asks for a payment.")
        }
        if response.status >= 400 {
            let reason = response.reason.isEmpty ? "" : " " + TerminalSafe.sanitize(response.reason)
            return .error("HTTP \(response.status)\(reason)")
        }
        return nil
    }

    // MARK: Scrolling

    static func maxScroll(_ state: BrowserState) -> Int {
        max((state.current?.page?.lines.count ?? 0) - state.pageHeight, 0)
    }

    static func clampScroll(_ state: inout BrowserState) {
        let limit = maxScroll(state)
        state.history.updateCurrent { $0.scroll = min(max($0.scroll, 0), limit) }
    }

    static func scroll(_ state: inout BrowserState, by lines: Int) {
        state.history.updateCurrent { $0.scroll += lines }
        clampScroll(&state)
    }

    static func scroll(_ state: inout BrowserState, to line: Int) {
        state.history.updateCurrent { $0.scroll = line }
        clampScroll(&state)
    }

    /// Scrolls the least needed to show `line`.
    static func reveal(_ state: inout BrowserState, line: Int) {
        guard let current = state.current else { return }
        if line < current.scroll {
            scroll(&state, to: line)
        } else if line >= current.scroll + state.pageHeight {
            scroll(&state, to: line - state.pageHeight / 2)
        }
    }
}
