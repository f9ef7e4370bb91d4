import EVMSigning

/// Why the site refused a payment credential, and how each protocol says so.
struct Refusal: Error, Sendable {
    enum Reason: Sendable, Hashable {
        /// Not decodable: bad base64, not JSON, wrong shape, a field that cannot be read.
        case malformed
        /// An x402 payload of another version than the article offers.
        case unsupportedVersion
        case wrongScheme
        case wrongNetwork
        /// The x402 `accepted` requirements are not the ones the site offers for this page.
        case requirementsMismatch
        case recipientMismatch
        case valueMismatch(tooLow: Bool)
        case notYetValid
        case authorizationExpired
        /// validBefore further ahead than the site allows.
        case validityTooLong
        case badSignature
        case nonceAlreadyUsed
        /// A Payment challenge this site did not issue for this page, or one that was changed.
        case invalidChallenge
        case challengeExpired
        /// The Payment scheme's nonce is not keccak256(`["<id>","<realm>"]`).
        case nonceNotBound
        case sourceMismatch
        case methodUnsupported
        /// A credential for a protocol the article does not offer, or several at once.
        case notOffered
    }

    let reason: Reason
    /// A sentence for people, never containing the credential.
    let detail: String
    /// The payer, once known (for the x402 failure response).
    var payer: EthereumAddress?

    init(_ reason: Reason, _ detail: String, payer: EthereumAddress? = nil) {
        self.reason = reason
        self.detail = detail
        self.payer = payer
    }

    /// x402's `errorReason` code.
    var x402Code: String {
        switch reason {
        case .malformed, .notOffered: "invalid_payload"
        case .unsupportedVersion: "invalid_x402_version"
        case .wrongScheme: "invalid_scheme"
        case .wrongNetwork: "invalid_network"
        case .requirementsMismatch, .invalidChallenge, .challengeExpired, .nonceNotBound, .sourceMismatch,
             .methodUnsupported: "invalid_payment_requirements"
        case .recipientMismatch: "invalid_exact_evm_payload_recipient_mismatch"
        case .valueMismatch: "invalid_exact_evm_payload_authorization_value"
        case .notYetValid: "invalid_exact_evm_payload_authorization_valid_after"
        case .authorizationExpired, .validityTooLong: "invalid_exact_evm_payload_authorization_valid_before"
        case .badSignature: "invalid_exact_evm_payload_signature"
        case .nonceAlreadyUsed: "nonce_already_used"
        }
    }

    /// x402 over HTTP: 400 for a payload that cannot be read, 402 for one that failed.
    var x402Status: Int {
        switch reason {
        case .malformed, .unsupportedVersion, .notOffered: 400
        default: 402
        }
    }

    /// The Payment scheme's problem code (`https://paymentauth.org/problems/<code>`).
    var problemCode: String {
        switch reason {
        case .malformed: "malformed-credential"
        case .invalidChallenge: "invalid-challenge"
        case .challengeExpired, .authorizationExpired: "payment-expired"
        case .valueMismatch(tooLow: true): "payment-insufficient"
        case .methodUnsupported, .wrongScheme, .wrongNetwork, .notOffered: "method-unsupported"
        default: "verification-failed"
        }
    }

    var problemTitle: String {
        switch problemCode {
        case "malformed-credential": "Malformed Credential"
        case "invalid-challenge": "Invalid Challenge"
        case "payment-expired": "Payment Expired"
        case "payment-insufficient": "Payment Insufficient"
        case "method-unsupported": "Method Unsupported"
        default: "Verification Failed"
        }
    }
}
