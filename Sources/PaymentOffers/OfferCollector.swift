import WebAddress

/// Gathers offers and refusals while a response is read, enforcing the caps that keep
/// a hostile response (a thousand offers, a thousand broken ones) small.
struct OfferCollector {
    let maximumOffers: Int
    let maximumUnusableLines: Int
    /// The response's final URL, for resolving links and as the resource of offers
    /// that name none.
    let finalURL: String
    let baseURL: AbsoluteURL?

    private(set) var offers: [PaymentOffer] = []
    private(set) var unusable: [String] = []
    private(set) var droppedOffers = 0
    private var droppedLines = 0
    private(set) var serverErrors: [String] = []

    init(finalURL: String, maximumOffers: Int, maximumUnusableLines: Int) {
        self.finalURL = finalURL
        self.baseURL = AbsoluteURL(finalURL)
        self.maximumOffers = maximumOffers
        self.maximumUnusableLines = maximumUnusableLines
    }

    /// Whether no more offers will be kept.
    var isFull: Bool { offers.count >= maximumOffers }

    mutating func add(_ offer: PaymentOffer) {
        if isFull {
            droppedOffers += 1
        } else {
            offers.append(offer)
        }
    }

    /// Counts offers that were found but not even read, because the cap was reached.
    mutating func drop(_ count: Int) {
        droppedOffers += count
    }

    /// Records an offer that cannot be used: "<source>: <reason>", sanitized.
    mutating func reject(_ source: String, _ reason: String) {
        guard unusable.count < maximumUnusableLines else {
            droppedLines += 1
            return
        }
        unusable.append(DisplayText.clean(source + ": " + reason, limit: 300))
    }

    mutating func serverError(_ text: String) {
        guard serverErrors.count < 10, !text.isEmpty else { return }
        serverErrors.append(DisplayText.clean(text, limit: DisplayText.messageLimit))
    }

    /// The resource URL for an offer, sanitized, with a note when it is on another origin.
    func resource(_ stated: String?, notes: inout [String]) -> String {
        guard let stated, !stated.isEmpty else { return DisplayText.clean(finalURL, limit: 2000) }
        if let own = baseURL?.origin, let other = baseURL?.resolve(stated)?.origin, own != other {
            notes.append("The offer is for a resource on another site: \(DisplayText.clean(other.description))")
        }
        return DisplayText.clean(stated, limit: 2000)
    }

    /// The finished lists, with a closing line for whatever the caps left out.
    func finish() -> (offers: [PaymentOffer], unusable: [String], dropped: Int, serverErrors: [String]) {
        var lines = unusable
        if droppedOffers > 0 {
            let noun = droppedOffers == 1 ? "offer was" : "offers were"
            lines.append("\(droppedOffers) more \(noun) left out: Penny keeps the first \(maximumOffers)")
        }
        if droppedLines > 0 {
            lines.append("\(droppedLines) more unusable offers are not listed")
        }
        return (offers, lines, droppedOffers, serverErrors)
    }
}
