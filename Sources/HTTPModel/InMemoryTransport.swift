/// A transport with canned answers, for testing code that loads pages without a network.
///
/// Routes match the request URL exactly, ignoring any `#fragment` (which is never sent).
/// It records every request it sees. Unrouted URLs fail with `couldNotConnect`.
public final class InMemoryTransport: HTTPTransport {
    /// What a route answers.
    public enum Answer: Sendable, Hashable {
        /// A response; its URLs are filled in from the request.
        case response(status: Int, headers: HTTPHeaders, body: [UInt8])
        /// A redirect to another URL, followed like a real transport does.
        case redirect(to: String, status: Int)
        case failure(TransportError.Kind)
    }

    private struct State {
        var routes: [String: Answer] = [:]
        var requests: [HTTPRequest] = []
    }

    private let state = Locked(State())
    /// The most redirects followed before `tooManyRedirects`, as the real transport.
    public let maximumRedirects: Int

    public init(maximumRedirects: Int = 10) {
        self.maximumRedirects = maximumRedirects
    }

    /// Answers `url` with `answer`, replacing any earlier route for it.
    public func route(_ url: String, _ answer: Answer) {
        state.withLock { $0.routes[Self.withoutFragment(url)] = answer }
    }

    /// Answers `url` with a body and status.
    public func respond(to url: String, status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8]) {
        route(url, .response(status: status, headers: headers, body: body))
    }

    /// Answers `url` with UTF-8 text of the given media type (HTML by default).
    public func respond(to url: String, status: Int = 200, contentType: String = "text/html; charset=utf-8",
                        text: String) {
        respond(to: url, status: status, headers: ["Content-Type": contentType], body: Array(text.utf8))
    }

    /// Redirects `url` to `target`.
    public func redirect(_ url: String, to target: String, status: Int = 302) {
        route(url, .redirect(to: target, status: status))
    }

    /// Fails requests for `url` with an error of this kind.
    public func fail(_ url: String, with kind: TransportError.Kind) {
        route(url, .failure(kind))
    }

    /// Every request performed so far, in order.
    public var requests: [HTTPRequest] {
        state.withLock { $0.requests }
    }

    public func perform(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        var url = request.url
        var redirects = 0
        while true {
            let answer = state.withLock { state -> Answer? in
                state.requests.append(HTTPRequest(url: url, method: request.method,
                                                  headers: request.headers, body: request.body))
                return state.routes[Self.withoutFragment(url)]
            }
            switch answer {
            case nil:
                throw TransportError(kind: .couldNotConnect, url: url,
                                     message: "InMemoryTransport has no answer for \(url)")
            case .failure(let kind)?:
                throw TransportError(kind: kind, url: url, message: "canned \(kind) for \(url)")
            case .redirect(let target, _)?:
                redirects += 1
                if redirects > maximumRedirects {
                    throw .tooManyRedirects(url: request.url, limit: maximumRedirects)
                }
                url = target
            case .response(let status, let headers, let body)?:
                return HTTPResponse(requestedURL: request.url, finalURL: url, status: status,
                                    headers: headers, body: request.method == .head ? [] : body)
            }
        }
    }

    private static func withoutFragment(_ url: String) -> String {
        String(url.prefix { $0 != "#" })
    }
}
