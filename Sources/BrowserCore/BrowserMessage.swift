import FoundationEssentials
import HTTPModel
import PageLayout
import PaymentOffers
import ScreenGrid
import WebAddress

/// Everything that can happen to the browser: input from the user and answers to effects.
public enum BrowserMessage: Sendable {
    /// Open this URL (or the start page when nil) as the first page.
    case start(url: String?)
    case input(InputEvent)
    /// Bytes of a load arrived.
    case progress(id: Int, received: Int, expected: Int?)
    /// A load finished and its content was laid out at `width`.
    case loaded(id: Int, response: HTTPResponse, content: PageContent, width: Int)
    case loadFailed(id: Int, error: TransportError)
    /// The current entry laid out again at a new width.
    case relaidOut(url: String, content: PageContent, width: Int)
    /// A bookmark was written (or could not be).
    case bookmarkSaved(error: String?)
    /// The time, so offers can show how long they stay valid.
    case tick(now: Date)
    /// The wallet's view of a 402's offers; `pending` when this resource already has a
    /// signed payment whose outcome is unknown.
    case paymentAssessed(session: Int, assessments: [OfferAssessment], pending: PendingCredential?)
    /// The payment was reserved and signed.
    case paymentPrepared(session: Int, payment: PreparedPayment)
    /// The wallet refused to reserve or sign (insufficient funds, a damaged wallet…).
    case paymentNotPrepared(session: Int, reason: String)
    /// The wallet recorded how a payment ended (or could not).
    case paymentSettled(reservation: Int64, error: String?)
}

/// What the browser asks the runtime to do; the runtime answers with messages.
public enum BrowserEffect: Equatable, Sendable {
    /// Fetch and lay out at `width`; answer `.progress`, then `.loaded` or `.loadFailed`.
    case fetch(id: Int, request: HTTPRequest, width: Int)
    /// Abandon a fetch; no answer.
    case cancel(id: Int)
    /// Lay a response out again; answer `.relaidOut`.
    case relayout(url: String, response: HTTPResponse, width: Int)
    case addBookmark(url: String, title: String)
    /// Look up balances, allowances and pending payments for a 402's offers; answer `.paymentAssessed`.
    case assessPayment(session: Int, origin: Origin?, resource: String, offers: [PaymentOffer])
    /// Reserve the amount, sign, store the credential with the reservation; answer
    /// `.paymentPrepared` or `.paymentNotPrepared`.
    case preparePayment(PaymentOrder)
    /// Record how the payment ended; answer `.paymentSettled`.
    case settlePayment(reservation: Int64, PaymentSettlement)
    case quit
}
