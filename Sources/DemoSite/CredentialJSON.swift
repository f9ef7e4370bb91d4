import FoundationEssentials

/// The JSON shapes of the credentials the site accepts, decoded strictly: every field
/// that is read must be present with the right JSON type. Unknown members are ignored.
enum CredentialJSON {
    /// The largest credential header value read, in bytes. Real ones are under 2 KB.
    static let maximumHeaderBytes = 8 * 1024

    /// EIP-3009 parameters as x402's "exact" scheme writes them: every number a decimal string.
    struct Authorization: Decodable {
        let from: String
        let to: String
        let value: String
        let validAfter: String
        let validBefore: String
        let nonce: String
    }

    struct ExactPayload: Decodable {
        let signature: String
        let authorization: Authorization
    }

    /// x402 v2 `PaymentRequirements` as echoed in `accepted`.
    struct Requirements: Decodable {
        let scheme: String
        let network: String
        let amount: String
        let asset: String
        let payTo: String
        let maxTimeoutSeconds: Int
        let extra: [String: JSONValue]?
    }

    /// x402 v2 `PAYMENT-SIGNATURE`.
    struct X402V2Payload: Decodable {
        let x402Version: Int
        let accepted: Requirements
        let payload: ExactPayload
    }

    /// x402 v1 `X-PAYMENT`.
    struct X402V1Payload: Decodable {
        let x402Version: Int
        let scheme: String
        let network: String
        let payload: ExactPayload
    }

    /// Only the version, to tell a wrong version from a wrong shape.
    struct VersionProbe: Decodable {
        let x402Version: Int
    }

    /// The Payment scheme's echoed challenge.
    struct EchoedChallenge: Decodable {
        let id: String
        let realm: String
        let method: String
        let intent: String
        let request: String
        let expires: String?
        let description: String?
        let digest: String?
        let opaque: String?
    }

    /// The `evm` method's `authorization` credential payload.
    struct ChargePayload: Decodable {
        let type: String
        let from: String
        let to: String
        let value: String
        let validAfter: String
        let validBefore: String
        let nonce: String
        let signature: String
    }

    /// `Authorization: Payment <base64url of this>`.
    struct PaymentCredential: Decodable {
        let challenge: EchoedChallenge
        let payload: ChargePayload
        let source: String?
    }

    /// Decodes `bytes` as `T`, or nil. A JSON document must be an object.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) -> T? {
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == UInt8(ascii: "{")
        else { return nil }
        return try? JSONDecoder().decode(T.self, from: Data(bytes))
    }
}

/// Any JSON value, for the few members compared as a whole.
enum JSONValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
