import CurlTransport
@testable import DemoSite
import EVMSigning
import Foundation
import HTTPModel
import PaymentCredentials
import PaymentOffers
import Testing

/// The site's pages by the kind of 402 they answer with.
enum Paths {
    static let x402v2 = "/articles/reserved-for-future-use"
    static let paymentScheme = "/articles/scrip-and-blind-signatures"
    static let both = "/articles/two-ways-to-say-402"
    static let x402v1 = "/articles/flattr-brave-and-the-tip-jar"
    static let longRead = "/articles/what-a-cent-could-change"
    static let subscription = "/articles/the-subscription-maze"
    static let creditsAPI = "/api/summaries/streaming-cents"
    static let lightning = "/articles/invoices-over-lightning"
    static let unknownToken = "/articles/a-token-nobody-knows"
    static let free = "/articles/streaming-cents"
}

enum Keys {
    /// The shared test vector key: address 0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A.
    static let payer = try! PrivateKey(rawBytes: Array(repeating: 0x11, count: 32))
    static let payee = try! PrivateKey(rawBytes: Array(repeating: 0x22, count: 32))
    static let stranger = try! PrivateKey(rawBytes: Array(repeating: 0x33, count: 32))
}

/// A clock the tests can move; the site reads it for every request.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0

    func now() -> Date { lock.withLock { Date().addingTimeInterval(offset) } }
    func advance(by seconds: TimeInterval) { lock.withLock { offset += seconds } }
}

let transport = CurlEasyTransport(configuration: .init(connectTimeout: .seconds(5), timeout: .seconds(30)))

func startSite(port: Int = 0, databasePath: String? = nil, payeeKey: PrivateKey? = Keys.payee,
               clock: TestClock? = nil) async throws -> RunningDemoSite {
    try await DemoSite.start(DemoSite.Options(port: port, databasePath: databasePath, payeeKey: payeeKey,
                                              clock: { clock?.now() ?? Date() }))
}

/// Runs `body` against a fresh site on 127.0.0.1 and stops the site afterwards.
func withSite<T>(databasePath: String? = nil, payeeKey: PrivateKey? = Keys.payee, clock: TestClock? = nil,
                 _ body: (RunningDemoSite) async throws -> T) async throws -> T {
    let site = try await startSite(databasePath: databasePath, payeeKey: payeeKey, clock: clock)
    do {
        let result = try await body(site)
        await site.stop()
        return result
    } catch {
        await site.stop()
        throw error
    }
}

/// Runs blocking work (libcurl) on a thread of its own, off the cooperative pool.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            do {
                continuation.resume(returning: try body())
            } catch {
                continuation.resume(throwing: error)
            }
        }.start()
    }
}

/// A request through Penny's own transport.
func fetch(_ site: RunningDemoSite, _ path: String, headers: [(String, String)] = [],
           method: HTTPMethod = .get) async throws -> HTTPResponse {
    let request = HTTPRequest(url: "http://127.0.0.1:\(site.port)" + path, method: method,
                              headers: HTTPHeaders(headers), followsRedirects: false)
    return try await onThread { try transport.perform(request) }
}

func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

/// What Penny does after a 402: parse the offers, take the one in `paymentProtocol`, sign it.
func pennyPays(_ response: HTTPResponse, with paymentProtocol: PaymentProtocol, key: PrivateKey = Keys.payer,
               now: Date = Date()) throws -> SignedCredential {
    let offers = OfferParser.parse(response).offers
    let offer = try #require(offers.first { $0.paymentProtocol == paymentProtocol },
                             "no \(paymentProtocol) offer in \(offers.map(\.summary))")
    return try CredentialBuilder.build(offer: offer, key: key, nonce: CredentialBuilder.nonce(for: offer), now: now)
}

extension SignedCredential {
    var headerPairs: [(String, String)] { headers.map { ($0.name, $0.value) } }
}

// MARK: - Decoding what the site sent

/// Base64 in either alphabet, with or without padding.
func base64Bytes(_ text: String) -> [UInt8]? {
    var normalized = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while normalized.count % 4 != 0 { normalized += "=" }
    return Data(base64Encoded: normalized).map { Array($0) }
}

func jsonObject(_ bytes: [UInt8]) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
}

func base64JSON(_ text: String?) -> [String: Any]? {
    text.flatMap(base64Bytes).flatMap(jsonObject)
}

func standardBase64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

func urlBase64(_ text: String) -> String {
    Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
        .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
}

/// The x402 `errorReason` of a failure `PAYMENT-RESPONSE` (or `X-PAYMENT-RESPONSE`).
func settlementFailure(_ response: HTTPResponse, header: String = "PAYMENT-RESPONSE") -> String? {
    let json = base64JSON(response.headers[header])
    guard json?["success"] as? Bool == false else { return nil }
    return json?["errorReason"] as? String
}

/// The problem type code of a Payment-scheme refusal ("verification-failed").
func problemCode(_ response: HTTPResponse) -> String? {
    guard response.headers["Content-Type"]?.hasPrefix("application/problem+json") == true,
          let type = jsonObject(response.body)?["type"] as? String,
          type.hasPrefix("https://paymentauth.org/problems/") else { return nil }
    return String(type.dropFirst("https://paymentauth.org/problems/".count))
}

func problemDetail(_ response: HTTPResponse) -> String {
    jsonObject(response.body)?["detail"] as? String ?? ""
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The first `WWW-Authenticate: Payment` challenge, as Penny read it.
func paymentChallenge(_ response: HTTPResponse) throws -> PaymentChallenge {
    for offer in OfferParser.parse(response).offers {
        if case .paymentScheme(let challenge) = offer.answer { return challenge }
    }
    throw TestFailure("no Payment challenge in the response")
}

/// The first x402 v2 requirement, exactly as sent.
func x402Accepted(_ response: HTTPResponse) throws -> String {
    for offer in OfferParser.parse(response).offers {
        if case .x402v2(let answer) = offer.answer { return String(decoding: answer.acceptedJSON, as: UTF8.self) }
    }
    throw TestFailure("no x402 v2 offer in the response")
}

/// `response` with one header value rewritten, as a tampering client would see it.
func rewriting(_ response: HTTPResponse, header: String, _ change: (String) -> String) -> HTTPResponse {
    var copy = response
    let fields = response.headers.fields.map { field in
        field.name.lowercased() == header.lowercased() ? HTTPHeader(name: field.name, value: change(field.value)) : field
    }
    copy.headers = HTTPHeaders(fields)
    return copy
}

/// `response` with its `PAYMENT-REQUIRED` offer's first requirement changed.
func rewritingX402Offer(_ response: HTTPResponse, _ change: @escaping (inout [String: Any]) -> Void) -> HTTPResponse {
    rewriting(response, header: "PAYMENT-REQUIRED") { value in
        var document = base64JSON(value)!
        var accepts = document["accepts"] as! [[String: Any]]
        change(&accepts[0])
        document["accepts"] = accepts
        let data = try! JSONSerialization.data(withJSONObject: document)
        return data.base64EncodedString()
    }
}
