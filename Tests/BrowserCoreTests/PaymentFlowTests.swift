import BigInt
import FoundationEssentials
import BrowserCore
import HTTPModel
import PaymentOffers
import ScreenGrid
import Testing
import Themes

/// The whole payment flow through the reducer, with a fake wallet and a fake server:
/// no socket, no disk, no key.
struct PaymentFlowTests {
    static let url = "https://news.test/paid"
    /// An x402 v2 offer of 0.01 USDC on Base Sepolia.
    static let paymentRequired: String = {
        let json = #"{"x402Version":2,"resource":{"url":"https://news.test/paid","description":"Premium article"},"accepts":[{"scheme":"exact","network":"eip155:84532","amount":"10000","asset":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","payTo":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","maxTimeoutSeconds":300,"extra":{"name":"USDC","version":"2"}}]}"#
        return Base64.standard(Array(json.utf8))
    }()

    /// A server that asks for payment unless the request carries a credential, then serves the article.
    func runtime(paidStatus: Int = 200, refusal: String? = nil) -> FakeRuntime {
        var runtime = FakeRuntime()
        runtime.responder = { request in
            guard request.url == PaymentFlowTests.url else { return nil }
            if request.headers["PAYMENT-SIGNATURE"] != nil {
                if let refusal {
                    return (402, [("PAYMENT-REQUIRED", PaymentFlowTests.paymentRequired)],
                            #"{"type":"https://paymentauth.org/problems/verification-failed","detail":"\#(refusal)"}"#)
                }
                return (paidStatus, [("PAYMENT-RESPONSE", "receipt-abc")], "<title>Article</title><p>The full article.</p>")
            }
            return (402, [("PAYMENT-REQUIRED", PaymentFlowTests.paymentRequired)], "<title>Teaser</title><p>First paragraph…</p>")
        }
        return runtime
    }

    @Test func aPaymentIsPromptedApprovedSignedRetriedAndCommitted() {
        var runtime = runtime()
        runtime.send(.start(url: PaymentFlowTests.url))
        #expect(runtime.state.current?.title == "Teaser", "the teaser shows behind the prompt")
        #expect(runtime.state.payment?.phase == .choosing)
        #expect(runtime.state.payment?.offer?.formattedAmount == "0.01 USDC")
        #expect(runtime.prepared.isEmpty, "nothing is signed before the user approves")
        runtime.press(.character("y"))
        #expect(runtime.prepared.count == 1)
        #expect(runtime.prepared[0].origin.description == "https://news.test")
        let retry = runtime.requests.last!
        #expect(retry.headers["PAYMENT-SIGNATURE"] == "credential-1")
        #expect(retry.followsRedirects == false)
        #expect(runtime.state.current?.title == "Article")
        #expect(runtime.state.current?.receipt == "receipt-abc")
        #expect(runtime.settlements.count == 1)
        #expect(runtime.settlements[0].0 == 1)
        #expect(runtime.settlements[0].1 == .commit(receipt: "receipt-abc"))
        #expect(runtime.state.status?.text.hasPrefix("Paid 0.01 USDC to news.test") == true)
        #expect(runtime.state.history.entries.count == 1, "the paid copy replaces the teaser")
    }

    @Test func decliningPaysNothingAndKeepsTheTeaser() {
        var runtime = runtime()
        runtime.send(.start(url: PaymentFlowTests.url))
        runtime.press(.character("n"))
        #expect(runtime.state.payment == nil)
        #expect(runtime.prepared.isEmpty)
        #expect(runtime.settlements.isEmpty)
        #expect(runtime.state.current?.title == "Teaser")
        #expect(runtime.state.status?.text == "Declined: nothing was paid.")
    }

    @Test func aRefusalReleasesTheReservationShowsTheReasonAndNeverRetriesAlone() {
        var runtime = runtime(refusal: "nonce_already_used")
        runtime.send(.start(url: PaymentFlowTests.url))
        runtime.press(.character("y"))
        #expect(runtime.settlements.map(\.1) == [.release(reason: "verification-failed: nonce_already_used")])
        #expect(runtime.prepared.count == 1, "one approval, one signature")
        #expect(runtime.state.payment?.serverReason == "verification-failed: nonce_already_used")
        #expect(runtime.state.payment?.phase == .choosing, "the prompt asks again")
        let text = PaymentPromptViewProbe.text(runtime.state)
        #expect(text.contains("nonce_already_used"))
    }

    @Test func aTimeoutAfterSendingLeavesThePaymentPendingAndReloadSendsTheSameCredential() {
        var runtime = runtime()
        runtime.send(.start(url: PaymentFlowTests.url))
        // The teaser came; now the paid retry times out.
        runtime.failures[PaymentFlowTests.url] = .timedOut(url: PaymentFlowTests.url, after: 60, receivedResponse: false)
        runtime.press(.character("y"))
        #expect(runtime.settlements.map(\.1) == [.pending])
        #expect(runtime.state.status?.text.contains("pending") == true)
        // Reloading: the wallet reports the pending credential, which is sent as it is.
        runtime.failures = [:]
        runtime.pendingCredential = PendingCredential(reservation: 1, headers: [HTTPHeader(name: "PAYMENT-SIGNATURE", value: "credential-1")])
        runtime.press(.character("r"))
        #expect(runtime.prepared.count == 1, "never signed anew")
        #expect(runtime.requests.last?.headers["PAYMENT-SIGNATURE"] == "credential-1")
        #expect(runtime.state.current?.title == "Article")
        #expect(runtime.settlements.last?.1 == .commit(receipt: "receipt-abc"))
    }

    @Test func aConnectionThatNeverOpenedReleasesTheMoney() {
        var runtime = runtime()
        runtime.send(.start(url: PaymentFlowTests.url))
        runtime.failures[PaymentFlowTests.url] = .couldNotConnect(url: PaymentFlowTests.url)
        runtime.press(.character("y"))
        guard case .release? = runtime.settlements.last?.1 else {
            Issue.record("expected a release, got \(runtime.settlements)")
            return
        }
    }

    @Test func cancellingWhileSendingKeepsThePaymentPending() {
        var runtime = runtime()
        runtime.send(.start(url: PaymentFlowTests.url))
        runtime.answerFetches = false
        runtime.press(.character("y"))
        runtime.press(.escape)
        #expect(runtime.settlements.map(\.1) == [.pending])
    }

    @Test func insufficientFundsSaysSoAndDoesNotSign() {
        var runtime = runtime()
        runtime.assess = { offers in offers.indices.map {
            OfferAssessment(offer: $0, balance: 5, decision: .refuse("Insufficient funds: 0.000005 USDC. Top up with penny wallet topup."))
        } }
        runtime.send(.start(url: PaymentFlowTests.url))
        runtime.press(.character("y"))
        #expect(runtime.prepared.isEmpty)
        #expect(runtime.state.status?.text.contains("Insufficient funds") == true)
        #expect(PaymentPromptViewProbe.text(runtime.state).contains("Insufficient funds"))
    }

    @Test func anAllowancePaysWithoutAPrompt() {
        var runtime = runtime()
        runtime.assess = { offers in offers.indices.map { OfferAssessment(offer: $0, balance: 5_000_000, decision: .autoPay) } }
        runtime.send(.start(url: PaymentFlowTests.url))
        #expect(runtime.prepared.count == 1)
        #expect(runtime.state.current?.title == "Article")
        #expect(runtime.state.status?.text.hasPrefix("Paid 0.01 USDC") == true)
    }

    @Test func payAndAllowSendsTheDailyAmount() {
        var runtime = runtime()
        runtime.send(.start(url: PaymentFlowTests.url))
        runtime.press(.character("a"), .control("u"))
        runtime.type("0.50")
        runtime.press(.enter)
        #expect(runtime.prepared.first?.allowancePerDay == 500_000)
        #expect(runtime.state.current?.title == "Article")
    }

    @Test func theWalletRefusingToSignLeavesThePromptWithTheReason() {
        var runtime = runtime()
        runtime.prepareFails = "The wallet file is damaged."
        runtime.send(.start(url: PaymentFlowTests.url))
        runtime.press(.character("y"))
        #expect(runtime.state.payment?.phase == .choosing)
        #expect(runtime.state.status?.text == "The wallet file is damaged.")
        #expect(runtime.requests.count == 1, "no retry without a credential")
    }

    @Test func reloadingAPaidPageAsksFirst() {
        var runtime = runtime()
        runtime.send(.start(url: PaymentFlowTests.url))
        runtime.press(.character("y"))
        let requests = runtime.requests.count
        runtime.press(.character("r"))
        #expect(runtime.requests.count == requests)
        #expect({ if case .confirm = runtime.state.mode { return true } else { return false } }())
        runtime.press(.character("y"))
        #expect(runtime.requests.last?.headers["PAYMENT-SIGNATURE"] == nil, "the old credential is not replayed")
    }

    @Test func aPageWithoutMachineReadableOffersJustShowsASummary() {
        var runtime = FakeRuntime()
        runtime.responder = { _ in (402, [("Retry-After", "300")], "Your subscription expired.") }
        runtime.send(.start(url: "https://x.test/"))
        #expect(runtime.state.payment == nil)
        #expect(runtime.state.status?.text.hasPrefix("402 Payment Required") == true)
    }

    @Test func thePromptShowsEverythingTheUserNeeds() {
        var runtime = runtime()
        runtime.send(.start(url: PaymentFlowTests.url))
        let text = PaymentPromptViewProbe.text(runtime.state)
        for expected in ["https://news.test asks for a payment", "0.01 USDC", "eip155:84532",
                         "0x209693Bc6afc0C5328bA36FaF03C514EF312287C", "x402 v2", "Balance:  5.00 USDC → 4.99 USDC after",
                         "[y] Pay", "[n] Decline", "[a] Pay and allow site", "Premium article"] {
            #expect(text.contains(expected), "missing \(expected) in\n\(text)")
        }
    }
}

extension PaymentFlowTests {
    /// Paying over plain http to anything but this machine warns in the prompt.
    @Test(arguments: [("http://news.test/paid", true), ("https://news.test/paid", false),
                      ("http://127.0.0.1:8402/paid", false), ("http://localhost:8402/paid", false)])
    func plainHTTPToAnotherMachineWarns(url: String, warns: Bool) {
        var runtime = FakeRuntime()
        runtime.responder = { request in
            request.url == url ? (402, [("PAYMENT-REQUIRED", PaymentFlowTests.paymentRequired)], "<p>Teaser</p>") : nil
        }
        runtime.send(.start(url: url))
        #expect(runtime.state.payment != nil, "no prompt for \(url)")
        let text = PaymentPromptViewProbe.text(runtime.state)
        #expect(text.contains("Plain http: anyone on the network can see and change this offer.") == warns, "\(url):\n\(text)")
    }
}

/// The screen text while the prompt is shown.
enum PaymentPromptViewProbe {
    static func text(_ state: BrowserState) -> String {
        var state = state
        state.width = 100
        state.height = 30
        return BrowserView.render(state, theme: .default).textRows.joined(separator: "\n")
    }
}

/// Standard base64, for building headers in tests.
enum Base64 {
    static func standard(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : "=")
            }
            index += 3
        }
        return output
    }
}

struct ExpiredOfferTests {
    @Test func anExpiredPaymentSchemeOfferIsNotSignedAndSaysSo() {
        // A Payment-scheme challenge that expires at 2030-01-01T00:00:00Z.
        let request = #"{"amount":"10000","currency":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","recipient":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","methodDetails":{"chainId":84532,"decimals":6,"credentialTypes":["authorization"]}}"#
        let encoded = Base64.standard(Array(request.utf8)).replacing("+", with: "-").replacing("/", with: "_").replacing("=", with: "")
        let challenge = #"Payment id="x", realm="r", method="evm", intent="charge", request="\#(encoded)", expires="2030-01-01T00:00:00Z""#
        var runtime = FakeRuntime()
        runtime.responder = { _ in (402, [("WWW-Authenticate", challenge)], "<p>Teaser</p>") }
        runtime.send(.tick(now: Date(timeIntervalSince1970: 1_893_456_000 + 5)))
        runtime.send(.start(url: "https://late.test/"))
        let text = PaymentPromptViewProbe.text(runtime.state)
        #expect(text.contains("Expires:  expired"))
        #expect(text.contains("This offer has expired"))
        runtime.press(.character("y"))
        #expect(runtime.prepared.isEmpty, "an expired offer is never signed")
        #expect(runtime.state.status?.text.contains("expired") == true)
    }

    @Test func theTimeLeftIsShownBeforeExpiry() {
        let request = #"{"amount":"10000","currency":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","recipient":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","methodDetails":{"chainId":84532,"decimals":6,"credentialTypes":["authorization"]}}"#
        let encoded = Base64.standard(Array(request.utf8)).replacing("+", with: "-").replacing("/", with: "_").replacing("=", with: "")
        let challenge = #"Payment id="x", realm="r", method="evm", intent="charge", request="\#(encoded)", expires="2030-01-01T00:00:00Z""#
        var runtime = FakeRuntime()
        runtime.responder = { _ in (402, [("WWW-Authenticate", challenge)], "<p>Teaser</p>") }
        runtime.send(.tick(now: Date(timeIntervalSince1970: 1_893_456_000 - 125)))
        runtime.send(.start(url: "https://soon.test/"))
        #expect(PaymentPromptViewProbe.text(runtime.state).contains("Expires:  in 2 min 5 s"))
    }
}

struct ResentPaymentTests {
    func resending(refusal: String) -> FakeRuntime {
        var runtime = FakeRuntime()
        runtime.pendingCredential = PendingCredential(reservation: 7, headers: [HTTPHeader(name: "PAYMENT-SIGNATURE", value: "old")])
        runtime.responder = { request in
            if request.headers["PAYMENT-SIGNATURE"] != nil {
                return (402, [("Content-Type", "application/problem+json")],
                        #"{"type":"https://paymentauth.org/problems/verification-failed","detail":"\#(refusal)"}"#)
            }
            return (402, [("PAYMENT-REQUIRED", PaymentFlowTests.paymentRequired)], "<p>Teaser</p>")
        }
        runtime.send(.start(url: PaymentFlowTests.url))
        return runtime
    }

    @Test func aResentCredentialTheServerAlreadyTookIsCommittedNeverReleased() {
        let runtime = resending(refusal: "EVM authorization has already been used.")
        #expect(runtime.prepared.isEmpty, "nothing new is signed")
        #expect(runtime.settlements.map(\.1) == [.commit(receipt: nil)])
    }

    @Test func anyOtherRefusalOfAResentCredentialLeavesItPending() {
        let runtime = resending(refusal: "signature invalid")
        #expect(runtime.settlements.isEmpty, "no release: the money stays held")
        #expect(runtime.state.status?.text.contains("stays pending") == true)
    }
}
