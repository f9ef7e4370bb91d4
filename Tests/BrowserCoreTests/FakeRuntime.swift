import BrowserCore
import GumboHTML
import HTTPModel
import PageLayout
import PaymentOffers
import ScreenGrid
import WebAddress

/// Runs effects the way the real runtime does, against pages held in memory.
struct FakeRuntime {
    var pages: [String: (status: Int, html: String)] = [:]
    var state: BrowserState
    /// Every effect seen, in order.
    var effects: [BrowserEffect] = []
    /// Fetches not answered yet (when `answerFetches` is false).
    var pending: [(id: Int, request: HTTPRequest, width: Int)] = []
    var answerFetches = true
    var bookmarks: [String] = []
    /// Every request fetched, in order.
    var requests: [HTTPRequest] = []
    /// Answers requests before `pages`: status, headers and body, or nil to fall through.
    var responder: ((HTTPRequest) -> (status: Int, headers: [(String, String)], body: String)?)?
    /// Failures to report instead of an answer, by URL (the paid retry's timeout, say).
    var failures: [String: TransportError] = [:]
    /// The fake wallet: what it says about offers, and what happened to reservations.
    var assess: ([PaymentOffer]) -> [OfferAssessment] = { offers in
        offers.indices.map { OfferAssessment(offer: $0, balance: 5_000_000, decision: .ask) }
    }
    var pendingCredential: PendingCredential?
    var prepareFails: String?
    var prepared: [PaymentOrder] = []
    var settlements: [(Int64, PaymentSettlement)] = []
    var nextReservation: Int64 = 1

    init(width: Int = 80, height: Int = 24, pages: [String: String] = [:]) {
        state = BrowserState(width: width, height: height, bookmarksURL: "file:///bookmarks.html")
        for (url, html) in pages { self.pages[url] = (200, html) }
    }

    mutating func send(_ message: BrowserMessage) {
        run(Browser.reduce(&state, message))
    }

    mutating func press(_ keys: Key...) {
        for key in keys { send(.input(.key(key))) }
    }

    mutating func type(_ text: String) {
        for character in text { send(.input(.key(.character(character)))) }
    }

    mutating func run(_ new: [BrowserEffect]) {
        effects += new
        for effect in new {
            switch effect {
            case .fetch(let id, let request, let width):
                if answerFetches {
                    answer(id: id, request: request, width: width)
                } else {
                    pending.append((id, request, width))
                }
            case .cancel(let id):
                pending.removeAll { $0.id == id }
            case .relayout(let url, let response, let width):
                send(.relaidOut(url: url, content: FakeRuntime.layout(response, width: width), width: width))
            case .addBookmark(let url, _):
                bookmarks.append(url)
                send(.bookmarkSaved(error: nil))
            case .assessPayment(let session, _, _, let offers):
                send(.paymentAssessed(session: session, assessments: assess(offers), pending: pendingCredential))
            case .preparePayment(let order):
                prepared.append(order)
                if let reason = prepareFails {
                    send(.paymentNotPrepared(session: order.session, reason: reason))
                } else {
                    let reservation = nextReservation
                    nextReservation += 1
                    send(.paymentPrepared(session: order.session, payment: PreparedPayment(
                        reservation: reservation, headers: [HTTPHeader(name: "PAYMENT-SIGNATURE", value: "credential-\(reservation)")])))
                }
            case .settlePayment(let reservation, let settlement):
                settlements.append((reservation, settlement))
                send(.paymentSettled(reservation: reservation, error: nil))
            case .quit:
                break
            }
        }
    }

    mutating func answerPending() {
        let waiting = pending
        pending = []
        for fetch in waiting { answer(id: fetch.id, request: fetch.request, width: fetch.width) }
    }

    private mutating func answer(id: Int, request: HTTPRequest, width: Int) {
        requests.append(request)
        if let failure = failures[request.url] {
            send(.loadFailed(id: id, error: failure))
            return
        }
        if let answer = responder?(request) {
            var headers = HTTPHeaders()
            headers.add("Content-Type", "text/html; charset=utf-8")
            for (name, value) in answer.headers { headers.add(name, value) }
            let response = HTTPResponse(requestedURL: request.url, finalURL: request.url, status: answer.status,
                                        reason: "", httpVersion: "HTTP/1.1", headers: headers, body: Array(answer.body.utf8))
            send(.loaded(id: id, response: response, content: FakeRuntime.layout(response, width: width), width: width))
            return
        }
        let path = request.url.split(separator: "?").first.map(String.init) ?? request.url
        guard let page = pages[request.url] ?? pages[path + "?*"] else {
            send(.loadFailed(id: id, error: .couldNotConnect(url: request.url)))
            return
        }
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/html; charset=utf-8")
        let response = HTTPResponse(requestedURL: request.url, finalURL: request.url, status: page.status,
                                    reason: page.status == 200 ? "OK" : "", httpVersion: "HTTP/1.1", headers: headers,
                                    body: Array(page.html.utf8))
        send(.loaded(id: id, response: response, content: FakeRuntime.layout(response, width: width), width: width))
    }

    static func layout(_ response: HTTPResponse, width: Int) -> PageContent {
        let document = GumboParser().parse(response.body)
        return .page(PageLayout.render(document, url: AbsoluteURL(response.finalURL), options: LayoutOptions(width: width)))
    }

    /// The fetches effects asked for, by URL.
    var fetchedURLs: [String] {
        effects.compactMap { effect in
            if case .fetch(_, let request, _) = effect { return request.url }
            return nil
        }
    }
}
