import BigInt
import FoundationEssentials
import HTTPModel
import PageLayout
import PaymentOffers
import ScreenGrid
import TerminalText
import WebAddress

extension Browser {
    /// A 402 arrived for a page the user asked for: read its offers and ask the wallet about them.
    static func beginPayment(_ state: inout BrowserState, request: HTTPRequest, response: HTTPResponse) -> [BrowserEffect] {
        let report = OfferParser.parse(response)
        guard !report.offers.isEmpty else {
            state.payment = nil
            let reason = report.informal?.message.map { ": " + $0 } ?? ""
            state.status = .info("402 Payment Required, with no offer Penny can read" + TerminalSafe.sanitize(String(reason.prefix(120))))
            return []
        }
        let id = state.nextPaymentID
        state.nextPaymentID += 1
        var retry = request
        retry.url = response.finalURL
        state.payment = PaymentSession(id: id, origin: report.origin, request: retry, resource: response.finalURL,
                                       report: report, order: PaymentSession.order(report.offers))
        state.status = .info("402 Payment Required: reading the wallet…")
        return [.assessPayment(session: id, origin: report.origin, resource: response.finalURL, offers: report.offers)]
    }

    static func paymentAssessed(_ state: inout BrowserState, session id: Int, _ assessments: [OfferAssessment],
                                pending: PendingCredential?) -> [BrowserEffect] {
        guard var session = state.payment, session.id == id, session.phase == .assessing else { return [] }
        for assessment in assessments { session.assessments[assessment.offer] = assessment }
        if let pending {
            // Signed before, outcome unknown: the same credential goes again; nothing new is signed.
            session.resending = true
            state.payment = session
            state.status = .info("Sending again the payment already signed for this page (nothing new is signed).")
            return sendCredential(&state, reservation: pending.reservation, headers: pending.headers)
        }
        // Show first the cheapest offer the wallet does not refuse.
        if let usable = session.order.firstIndex(where: { index in
            if case .refuse = session.assessments[index]?.decision { return false }
            return session.assessments[index] != nil
        }) {
            session.selected = usable
        }
        state.payment = session
        if session.assessment?.decision == .autoPay {
            state.status = .info("Paying within the allowance you gave this site…")
            return pay(&state)
        }
        state.payment?.phase = .choosing
        state.status = nil
        return []
    }

    /// Keys while the payment prompt is shown.
    static func handlePaymentKey(_ state: inout BrowserState, _ session: PaymentSession, _ key: Key) -> [BrowserEffect] {
        var session = session
        if case .allowance(var editor) = session.phase {
            switch key {
            case .enter:
                guard let offer = session.offer, let decimals = offer.decimals,
                      let amount = try? AmountFormatter.parse(editor.string.trimmingCharacters(in: " "), decimals: decimals),
                      amount > 0 else {
                    state.status = .error("Type an amount such as 0.10 (in \(session.offer?.unitName ?? "the offer's unit")).")
                    return []
                }
                if let price = offer.amount, amount < price {
                    state.status = .error("The allowance must cover at least this payment.")
                    return []
                }
                session.allowancePerDay = amount
                state.payment = session
                return pay(&state)
            case .escape, .control("c"):
                session.phase = .choosing
            default:
                if let editing = editorKey(for: key) { _ = editor.handle(editing) }
                session.phase = .allowance(editor)
            }
            state.payment = session
            return []
        }
        switch key {
        case .character("y"), .character("Y"):
            return pay(&state)
        case .character("n"), .character("N"), .escape, .control("c"), .character("q"):
            state.payment = nil
            state.status = .info("Declined: nothing was paid.")
        case .character("a"), .character("A"):
            guard let offer = session.offer, offer.decimals != nil, offer.amount != nil else {
                state.status = .error("An allowance needs an offer with a known price.")
                return []
            }
            let suggestion = offer.amount.map { AmountFormatter.format($0 * 10, decimals: offer.decimals ?? 0) } ?? ""
            session.phase = .allowance(LineEditor(text: suggestion))
        case .character("o"), .character("O"), .tab:
            guard session.order.count > 1 else {
                state.status = .info("This page makes no other offer.")
                return []
            }
            session.selected = (session.selected + 1) % session.order.count
            session.phase = .choosing
        case .character("i"), .character("I"):
            session.phase = session.phase == .details ? .choosing : .details
        default:
            // Quitting at once works everywhere, the prompt included (nothing has been signed).
            if state.keyMap[key] == .quitNow {
                state.payment = nil
                state.quitting = true
                return [.quit]
            }
            return []
        }
        if state.payment != nil { state.payment = session }
        return []
    }

    /// The user approved (or an allowance covers) the offer shown: reserve and sign it.
    static func pay(_ state: inout BrowserState) -> [BrowserEffect] {
        guard var session = state.payment, let offer = session.offer, let origin = session.origin else { return [] }
        if let reason = refusal(session, offer, now: state.now) {
            state.payment?.phase = .choosing
            state.status = .error(reason)
            return []
        }
        session.phase = .preparing
        state.payment = session
        state.status = .info("Signing the payment…")
        return [.preparePayment(PaymentOrder(session: session.id, offer: offer, origin: origin, resource: session.resource,
                                             allowancePerDay: session.allowancePerDay))]
    }

    /// Why the offer shown cannot be paid now, if it cannot.
    static func refusal(_ session: PaymentSession, _ offer: PaymentOffer, now: Date) -> String? {
        if let reason = offer.signer.reason { return reason }
        if let expires = offer.expires, expires <= now { return "This offer has expired: reload the page for a fresh one." }
        switch session.assessment?.decision {
        case .refuse(let reason)?: return reason
        case nil: return "The wallet has not answered yet."
        default: return nil
        }
    }

    static func paymentPrepared(_ state: inout BrowserState, session id: Int, _ payment: PreparedPayment) -> [BrowserEffect] {
        guard state.payment?.id == id else {
            // The user moved on while signing: the reservation is released, nothing was sent.
            return [.settlePayment(reservation: payment.reservation, .release(reason: "abandoned before sending"))]
        }
        return sendCredential(&state, reservation: payment.reservation, headers: payment.headers)
    }

    /// Sends the request that got the 402 again, with the credential, to the same origin only.
    private static func sendCredential(_ state: inout BrowserState, reservation: Int64, headers: [HTTPHeader]) -> [BrowserEffect] {
        guard var session = state.payment else { return [] }
        session.phase = .sending(reservation: reservation)
        state.payment = session
        var request = session.request
        for header in headers {
            request.headers.set(header.name, header.value)
        }
        request.followsRedirects = false
        state.status = .info("Sending the payment…")
        return startLoad(&state, request, purpose: .paidRetry(session: session.id))
    }

    static func paymentNotPrepared(_ state: inout BrowserState, session id: Int, reason: String) {
        guard state.payment?.id == id else { return }
        state.payment?.phase = .choosing
        state.status = .error(TerminalSafe.sanitize(reason))
    }

    /// The paid retry came back: commit, release or leave pending, and show the result.
    static func finishPaidRetry(_ state: inout BrowserState, _ loading: Loading, _ response: HTTPResponse,
                                _ content: PageContent, _ width: Int) -> [BrowserEffect] {
        state.loading = nil
        guard var session = state.payment, case .sending(let reservation) = session.phase else { return [] }
        let paid = session.offer?.formattedAmount ?? "the payment"
        let host = session.origin?.host ?? "the site"
        if response.isSuccess {
            let receipt = PaymentReceipt.read(response)
            var entry = HistoryEntry(url: response.finalURL, request: session.request, response: response, content: content,
                                     layoutWidth: width)
            entry.receipt = receipt
            entry.paid = "\(paid) to \(host)"
            state.history.replaceCurrent(entry)
            state.payment = nil
            clampScroll(&state)
            let shortReceipt = receipt.map { " · receipt " + String($0.prefix(24)) } ?? ""
            state.status = .info(TerminalSafe.sanitize("Paid \(paid) to \(host)\(shortReceipt)"))
            var effects: [BrowserEffect] = [.settlePayment(reservation: reservation, .commit(receipt: receipt))]
            if width != state.width, let current = state.current {
                effects.append(.relayout(url: current.url, response: response, width: state.width))
            }
            return effects
        }
        if (300..<400).contains(response.status) {
            // The credential never follows a redirect; the target is opened without it.
            let receipt = PaymentReceipt.read(response)
            state.payment = nil
            var effects: [BrowserEffect] = []
            if receipt != nil || !session.resending {
                effects.append(.settlePayment(reservation: reservation, receipt != nil ? .commit(receipt: receipt) : .pending))
            }
            if let location = response.headers["Location"] {
                effects += open(&state, AbsoluteURL(response.finalURL)?.resolve(location)?.description ?? location)
            }
            return effects
        }
        let reason = PaymentReceipt.refusalReason(response)
        if session.resending {
            // The server may have taken this credential before: "already used" means it did
            // (commit); any other refusal leaves it pending — never released, never re-signed.
            state.payment = nil
            if PaymentReceipt.saysAlreadyUsed(reason) {
                state.status = .info("The server had already accepted this payment; recorded as paid.")
                return [.settlePayment(reservation: reservation, .commit(receipt: nil))]
            }
            state.status = .error("The payment stays pending (the server said: \(TerminalSafe.sanitize(reason))). See penny wallet pending.")
            return []
        }
        if response.status >= 500 {
            // The server may have settled before failing: keep the money held, never sign again.
            state.payment = nil
            state.status = .error("The server failed after receiving the payment (HTTP \(response.status)); it stays pending. Reload sends the same signed payment again.")
            return [.settlePayment(reservation: reservation, .pending)]
        }
        // A definite refusal: the money is released and the prompt shows why. No second attempt.
        session.phase = .choosing
        session.serverReason = reason
        if response.isPaymentRequired {
            let refreshed = OfferParser.parse(response)
            if !refreshed.offers.isEmpty {
                session.report = refreshed
                session.order = PaymentSession.order(refreshed.offers)
                session.selected = 0
                session.assessments = [:]
                session.phase = .assessing
            }
        }
        state.payment = session
        state.status = .error("The server refused the payment: " + reason)
        var effects: [BrowserEffect] = [.settlePayment(reservation: reservation, .release(reason: reason))]
        if session.phase == .assessing {
            effects.append(.assessPayment(session: session.id, origin: session.report.origin, resource: session.resource,
                                          offers: session.report.offers))
        }
        return effects
    }

    /// The paid retry failed in transit.
    static func paidRetryFailed(_ state: inout BrowserState, _ error: TransportError) -> [BrowserEffect] {
        state.loading = nil
        guard let session = state.payment, case .sending(let reservation) = session.phase else { return [] }
        state.payment = nil
        if session.resending {
            state.status = .error("The payment stays pending: \(TerminalSafe.sanitize(error.message)). Reload to send it again.")
            return []
        }
        if error.requestNeverLeft {
            // The credential never left this machine: the money is released.
            state.status = .error("Not paid: " + TerminalSafe.sanitize(error.description))
            return [.settlePayment(reservation: reservation, .release(reason: error.description))]
        }
        state.status = .error("The payment is pending: \(TerminalSafe.sanitize(error.message)). Reload sends the same signed payment again; nothing new is signed.")
        return [.settlePayment(reservation: reservation, .pending)]
    }
}

/// Receipts and refusal reasons in the answers to a paid retry.
public enum PaymentReceipt {
    /// `PAYMENT-RESPONSE` (x402 v2), `X-PAYMENT-RESPONSE` (v1) or `Payment-Receipt` (the Payment scheme).
    public static func read(_ response: HTTPResponse) -> String? {
        response.headers["PAYMENT-RESPONSE"] ?? response.headers["X-PAYMENT-RESPONSE"] ?? response.headers["Payment-Receipt"]
    }

    /// Whether a refusal says the credential was used already (so the money did move).
    public static func saysAlreadyUsed(_ reason: String) -> Bool {
        let lower = reason.lowercased()
        return lower.contains("nonce_already_used") || lower.contains("already been used") || lower.contains("already used")
    }

    /// Why a server refused a credential: its error report, a problem document, or the status.
    public static func refusalReason(_ response: HTTPResponse) -> String {
        let report = OfferParser.parse(response)
        if let first = report.serverErrors.first { return first }
        if let problem = ProblemDocument.summary(response.body) { return problem }
        if let message = report.informal?.message ?? report.informal?.errorCode { return message }
        return "HTTP \(response.status)"
    }
}

/// The code and words of an RFC 9457 problem document, as one line.
enum ProblemDocument {
    static func summary(_ body: [UInt8]) -> String? {
        guard body.count < 65_536, let document = JSONValue.parse(body), document.members != nil else { return nil }
        // `type` ends with the problem's code, e.g. …/problems/verification-failed.
        let code = document["type"]?.string.flatMap { $0.split(separator: "/").last.map(String.init) }
        let words = document["detail"]?.string ?? document["title"]?.string
        let parts = [code, words].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : TerminalSafe.sanitize(String(parts.joined(separator: ": ").prefix(200)))
    }
}
