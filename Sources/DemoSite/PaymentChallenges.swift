import JSONWriting
import BigInt
import EVMSigning
import FoundationEssentials

/// `WWW-Authenticate: Payment` challenges whose id the site can recognise again without
/// storing them.
///
/// The id is base64url(salt ‖ HMAC-SHA256(secret, message)), where the salt is 16 random
/// bytes (so two challenges issued in the same second differ, and so do their nonces) and
/// the message is, length-prefixed, the page's path and every echoed parameter the site
/// sent: realm, method, intent, request, expires, description (and digest and opaque,
/// which it never sends). Changing any of them, or presenting the challenge on another
/// page, breaks the HMAC.
struct PaymentChallenges {
    static let lifetimeSeconds: Int64 = 300
    static let saltBytes = 16
    static let method = "evm"
    static let intent = "charge"

    let secret: [UInt8]
    let payee: EthereumAddress

    /// One issued challenge, with every parameter as sent.
    struct Challenge {
        let id: String
        let realm: String
        let request: String
        let expires: String
        let description: String

        var headerValue: String {
            "Payment id=\(quoted(id)), realm=\(quoted(realm)), method=\(quoted(PaymentChallenges.method)), "
                + "intent=\(quoted(PaymentChallenges.intent)), request=\(quoted(request)), expires=\(quoted(expires)), "
                + "description=\(quoted(description))"
        }

        private func quoted(_ text: String) -> String {
            var result = "\""
            for character in text {
                if character == "\"" || character == "\\" { result.append("\\") }
                result.append(character)
            }
            return result + "\""
        }
    }

    /// The request JSON for `price` (JCS: members sorted, no whitespace).
    static func requestJSON(_ price: Price, payee: EthereumAddress) -> String {
        JSONWriter.canonicalObject([
            ("amount", JSONWriter.string(String(price.amount))),
            ("currency", JSONWriter.string(price.token.address)),
            ("recipient", JSONWriter.string(payee.checksummed)),
            ("methodDetails", JSONWriter.canonicalObject([
                ("chainId", String(price.token.chainID)),
                ("decimals", String(price.token.decimals)),
                ("credentialTypes", JSONWriter.array([JSONWriter.string("authorization")])),
            ])),
        ])
    }

    /// The `request` parameter: base64url without padding of `requestJSON`.
    func request(_ price: Price) -> String {
        Base64Codec.encode(Array(Self.requestJSON(price, payee: payee).utf8), alphabet: .url, padding: false)
    }

    func issue(for article: Article, price: Price, realm: String, now: Int64,
               salt: [UInt8] = SecureRandom.bytes(PaymentChallenges.saltBytes)) -> Challenge {
        let request = request(price)
        let expires = RFC3339.format(unixSeconds: now + Self.lifetimeSeconds)
        let description = X402Offers.description(article)
        let mac = authenticationCode(salt: salt, path: article.path, realm: realm, method: Self.method,
                                     intent: Self.intent, request: request, expires: expires, description: description,
                                     digest: nil, opaque: nil)
        let id = Base64Codec.encode(salt + mac, alphabet: .url, padding: false)
        return Challenge(id: id, realm: realm, request: request, expires: expires, description: description)
    }

    /// Whether `echoed` is a challenge this site issued for `path`, unchanged.
    func isGenuine(_ echoed: CredentialJSON.EchoedChallenge, path: String) -> Bool {
        guard echoed.id.utf8.count <= 128,
              let bytes = Base64Codec.decode(echoed.id, alphabet: .url), bytes.count == Self.saltBytes + 32
        else { return false }
        let salt = Array(bytes[..<Self.saltBytes])
        let mac = Array(bytes[Self.saltBytes...])
        let expected = authenticationCode(salt: salt, path: path, realm: echoed.realm, method: echoed.method,
                                          intent: echoed.intent, request: echoed.request, expires: echoed.expires,
                                          description: echoed.description, digest: echoed.digest,
                                          opaque: echoed.opaque)
        return HMACSHA256.constantTimeEqual(mac, expected)
    }

    private func authenticationCode(salt: [UInt8], path: String, realm: String, method: String, intent: String,
                                    request: String, expires: String?, description: String?, digest: String?,
                                    opaque: String?) -> [UInt8] {
        var message = Array("penny-demo-challenge-v1;".utf8) + salt
        for field in [path, realm, method, intent, request, expires, description, digest, opaque] {
            if let field {
                message += Array("\(field.utf8.count):".utf8) + Array(field.utf8) + [UInt8(ascii: ";")]
            } else {
                message += Array("-;".utf8)
            }
        }
        return HMACSHA256.authenticationCode(key: secret, message: message)
    }

    /// The `Payment-Receipt` value: base64url of {status, method, timestamp, reference}.
    static func receipt(reference: String, now: Int64) -> String {
        let json = JSONWriter.object([
            ("status", JSONWriter.string("success")),
            ("method", JSONWriter.string(method)),
            ("timestamp", JSONWriter.string(RFC3339.format(unixSeconds: now))),
            ("reference", JSONWriter.string(reference)),
        ])
        return Base64Codec.encode(Array(json.utf8), alphabet: .url, padding: false)
    }
}
