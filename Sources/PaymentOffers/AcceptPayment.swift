/// The `Accept-Payment` request header (draft-httpauth-payment, "Client Payment
/// Preferences"): the `method/intent` pairs of the Payment scheme that Penny can answer.
///
/// It lists only what Penny can sign. x402 is not named: its schemes are not Payment
/// scheme intents, and x402 servers offer on every 402 whether asked or not.
public enum AcceptPayment {
    public static let headerName = "Accept-Payment"

    /// The payment ranges Penny announces, most preferred first.
    public static let supported: [(method: String, intent: String)] = [("evm", "charge")]

    /// The header value, e.g. "evm/charge".
    public static var headerValue: String {
        supported.map { "\($0.method)/\($0.intent)" }.joined(separator: ", ")
    }
}
