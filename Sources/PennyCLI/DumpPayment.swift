import BigInt
import BrowserCore
import CurlTransport
import FoundationEssentials
import Glibc
import HTTPModel
import PaymentOffers
import PennyDump
import TerminalText
import WebAddress

/// `--dump --pay ask|auto`: answers a 402 from the command line with the same wallet steps
/// as the browser (reserve, sign, store the credential, one retry, settle).
struct DumpPayment {
    typealias Outcome = DumpCommand.PaymentStep

    var transport: CurlEasyTransport
    var mode: PayMode
    var max: String?
    /// The wallet, opened while the page was fetched.
    var wallet: WalletWarmUp

    func pay(request: HTTPRequest, response: HTTPResponse) -> Outcome {
        let report = OfferParser.parse(response)
        guard let origin = report.origin else {
            Console.error("not paid: the page has no web origin to pay.")
            return .notPaid(ExitStatus.paymentRequired)
        }
        let payments = wallet.runtime()
        defer { payments.leaveOpenForExit() }
        var assessments: [OfferAssessment] = []
        var pending: PendingCredential?
        payments.assess(session: 1, origin: origin, resource: response.finalURL, offers: report.offers) { message in
            if case .paymentAssessed(_, let answered, let pendingCredential) = message {
                assessments = answered
                pending = pendingCredential
            }
        }
        if let pending {
            Console.error("sending again the payment already signed for this page (nothing new is signed)")
            return send(request, response, headers: pending.headers, reservation: pending.reservation, offer: nil, payments: payments)
        }
        guard let choice = choose(report, assessments) else { return .notPaid(ExitStatus.paymentRequired) }
        let offer = report.offers[choice]
        if mode == .ask && !confirm(offer, origin: origin) {
            Console.error("declined: nothing was paid.")
            return .notPaid(ExitStatus.paymentRequired)
        }
        var prepared: PreparedPayment?
        var refusal: String?
        let order = PaymentOrder(session: 1, offer: offer, origin: origin, resource: response.finalURL, allowancePerDay: nil)
        payments.prepare(order) { message in
            switch message {
            case .paymentPrepared(_, let payment): prepared = payment
            case .paymentNotPrepared(_, let reason): refusal = reason
            default: break
            }
        }
        guard let prepared else {
            Console.error("not paid: " + TerminalSafe.sanitize(refusal ?? "the wallet did not answer"))
            return .notPaid(ExitStatus.walletFailed)
        }
        return send(request, response, headers: prepared.headers, reservation: prepared.reservation, offer: offer, payments: payments)
    }

    /// The cheapest offer Penny can pay within `--max` (auto) or at all (ask).
    private func choose(_ report: OfferReport, _ assessments: [OfferAssessment]) -> Int? {
        var best: (index: Int, amount: BigUInt)?
        var reasons: [String] = []
        for assessment in assessments {
            let offer = report.offers[assessment.offer]
            if case .refuse(let reason) = assessment.decision {
                reasons.append(offer.summary + ": " + reason)
                continue
            }
            guard let amount = offer.amount, let decimals = offer.decimals else {
                reasons.append(offer.summary + ": the price or its decimals are unknown")
                continue
            }
            if mode == .auto, let max {
                guard let limit = try? AmountFormatter.parse(max, decimals: decimals), amount <= limit else {
                    reasons.append(offer.summary + ": above --max \(max)")
                    continue
                }
            }
            if best == nil || amount < best!.amount {
                best = (assessment.offer, amount)
            }
        }
        if best == nil {
            Console.error("not paid: no offer Penny can pay" + (reasons.isEmpty ? "." : ":"))
            for reason in reasons { Console.error("  " + TerminalSafe.sanitize(reason)) }
        }
        return best?.index
    }

    /// Asks on the terminal (not standard input, which may be a pipe).
    private func confirm(_ offer: PaymentOffer, origin: Origin) -> Bool {
        guard let terminal = fopen("/dev/tty", "r+") else {
            Console.error("--pay ask needs a terminal to ask on.")
            return false
        }
        defer { fclose(terminal) }
        let question = TerminalSafe.sanitize("\(origin) asks for \(offer.formattedAmount ?? "a payment") to \(offer.payee ?? "?") (\(offer.summary)). Pay? [y/N] ")
        fputs(question, terminal)
        fflush(terminal)
        var buffer = [CChar](repeating: 0, count: 16)
        guard fgets(&buffer, 16, terminal) != nil else { return false }
        let answer = String(cString: buffer).lowercased()
        return answer.hasPrefix("y")
    }

    /// Retries once with the credential (no redirects), then commits, releases or leaves it pending.
    private func send(_ request: HTTPRequest, _ response: HTTPResponse, headers: [HTTPHeader], reservation: Int64,
                      offer: PaymentOffer?, payments: PaymentRuntime) -> Outcome {
        var retry = request
        retry.url = response.finalURL
        retry.followsRedirects = false
        for header in headers { retry.headers.set(header.name, header.value) }
        let settle = { (settlement: PaymentSettlement) in
            payments.settle(reservation: reservation, settlement) { message in
                if case .paymentSettled(_, let error?) = message {
                    Console.error("the wallet could not record the outcome: " + TerminalSafe.sanitize(error))
                }
            }
        }
        let answer: HTTPResponse
        do {
            answer = try transport.perform(retry)
        } catch {
            // A resent credential stays pending whatever happens now: an earlier send may have been taken.
            if error.requestNeverLeft && offer != nil {
                settle(.release(reason: error.description))
                Console.error("not paid: " + TerminalSafe.sanitize(error.description))
            } else {
                if offer != nil { settle(.pending) }
                Console.error("the payment is pending (\(TerminalSafe.sanitize(error.message))); running the same command again sends the same signed payment.")
            }
            return .notPaid(ExitStatus.loadFailed)
        }
        let receipt = PaymentReceipt.read(answer)
        if answer.isSuccess {
            settle(.commit(receipt: receipt))
            let what = offer?.formattedAmount ?? "the payment"
            let host = AbsoluteURL(answer.finalURL)?.host ?? "the site"
            Console.error(TerminalSafe.sanitize("paid \(what) to \(host)" + (receipt.map { " · receipt " + String($0.prefix(40)) } ?? "")))
            return .paid(answer)
        }
        let resending = offer == nil
        if answer.status >= 500 || (300..<400).contains(answer.status) && receipt == nil {
            if !resending { settle(.pending) }
            Console.error("the server answered HTTP \(answer.status) after receiving the payment; it stays pending.")
            return .notPaid(ExitStatus.httpError)
        }
        let reason = PaymentReceipt.refusalReason(answer)
        if resending {
            // This credential may have been taken before: never release it on a refusal.
            if PaymentReceipt.saysAlreadyUsed(reason) {
                settle(.commit(receipt: nil))
                Console.error("the server had already accepted this payment; recorded as paid.")
            } else {
                Console.error("the payment stays pending (the server said: \(TerminalSafe.sanitize(reason))); see penny wallet pending.")
            }
            return .notPaid(ExitStatus.paymentRequired)
        }
        settle(.release(reason: reason))
        Console.error("not paid: the server refused the payment: " + TerminalSafe.sanitize(reason))
        return .notPaid(ExitStatus.paymentRequired)
    }
}
