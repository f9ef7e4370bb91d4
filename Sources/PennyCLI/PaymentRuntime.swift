import BrowserConfig
import BrowserCore
import PaymentOffers

/// Runs the payment effects against the local wallet.
final class PaymentRuntime {
    private let paths: PennyPaths?

    init(paths: PennyPaths?) {
        self.paths = paths
    }

    func assess(session: Int, offers: [PaymentOffer], dispatch: (BrowserMessage) -> Void) {
        let assessments = offers.indices.map { index in
            OfferAssessment(offer: index, balance: nil, decision: .refuse("The wallet is not connected yet."))
        }
        dispatch(.paymentAssessed(session: session, assessments: assessments, pending: nil))
    }

    func prepare(_ order: PaymentOrder, dispatch: (BrowserMessage) -> Void) {
        dispatch(.paymentNotPrepared(session: order.session, reason: "The wallet is not connected yet."))
    }

    func settle(reservation: Int64, _ settlement: PaymentSettlement, dispatch: (BrowserMessage) -> Void) {
        dispatch(.paymentSettled(reservation: reservation, error: nil))
    }
}
