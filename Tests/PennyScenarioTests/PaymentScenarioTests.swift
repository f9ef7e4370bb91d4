import Foundation
import PseudoTerminal
import TestSupport
import Testing

/// Recorded scenarios of paying on the demo site through the interactive prompt.
@Suite(.serialized)
struct PaymentScenarioTests {
    @Test func approvingAPaymentShowsTheArticleAndMovesExactlyThePrice() throws {
        let penny = try PennySession.demo()
        #expect(try penny.balance() == "5000000", "the demo tops up 5.00 play USDC")
        penny.open("articles/reserved-for-future-use")
        try penny.waitFor("Payment required")
        try penny.expectScreen("prompt-x402-v2")
        let prompt = penny.screen
        #expect(prompt.contains("asks for a payment"))
        #expect(prompt.contains("Price:    0.01 USDC"))
        #expect(prompt.contains("Payee:    0x"))
        #expect(prompt.contains("Protocol: x402 v2"))
        #expect(prompt.contains("Balance:  5.00 USDC → 4.99 USDC after"))
        penny.terminal.send(text: "y")
        try penny.terminal.waitUntil("paid") { $0.screenRows.last?.hasPrefix("Paid 0.01 USDC to 127.0.0.1") == true }
        #expect(!penny.screen.contains("Payment required"))
        try penny.expectScreen("paid-article")
        #expect(try penny.balance() == "4990000")
        penny.open("earnings")
        try penny.waitFor("reserved-for-future-use")
        try penny.quit()
    }

    @Test func decliningKeepsTheTeaserAndTheMoney() throws {
        let penny = try PennySession.demo()
        penny.open("articles/scrip-and-blind-signatures")
        try penny.waitFor("Payment required")
        #expect(penny.screen.contains("HTTP Payment scheme"))
        try penny.expectScreen("prompt-payment-scheme")
        penny.terminal.send(text: "n")
        try penny.terminal.waitUntil("declined") { $0.screenRows.last?.hasPrefix("Declined: nothing was paid.") == true }
        try penny.expectScreen("declined-teaser")
        #expect(penny.screen.contains("Scrip and Blind Signatures"), "the teaser stays")
        #expect(try penny.balance() == "5000000")
        try penny.quit()
    }

    @Test func unpayableOffersExplainThemselves() throws {
        let penny = try PennySession.demo()
        penny.open("articles/invoices-over-lightning")
        try penny.waitFor("Payment required")
        #expect(penny.screen.contains("L402"))
        try penny.expectScreen("prompt-l402")
        #expect(penny.screen.lowercased().contains("lightning"))
        penny.terminal.send(text: "y")
        #expect(try penny.balance() == "5000000")
        penny.terminal.send(text: "n")
        penny.open("articles/a-token-nobody-knows")
        // Wait for this article's own prompt, not the one still on screen from the last page.
        try penny.terminal.waitUntil("the unknown asset's prompt, with its warning") { session in
            session.screenRows[0].contains("a-token-nobody-knows") && session.screenText.contains("Payment required")
                && session.screenText.contains("⚠")
        }
        try penny.expectScreen("prompt-unknown-asset")
        penny.terminal.send(text: "n")
        penny.open("articles/the-subscription-maze")
        try penny.terminal.waitUntil("a summary") { $0.screenRows.last?.hasPrefix("402 Payment Required") == true }
        #expect(!penny.screen.contains("Payment required"), "nothing machine-payable: no prompt")
        try penny.expectScreen("informal-402")
        try penny.quit()
    }

    @Test func anAllowancePaysTheNextArticleWithoutAPrompt() throws {
        let penny = try PennySession.demo()
        penny.open("articles/reserved-for-future-use")
        try penny.waitFor("Payment required")
        penny.terminal.send(text: "a")
        try penny.waitFor("a day")
        try penny.expectScreen("allowance-question")
        penny.terminal.press(.control("u"))
        penny.terminal.send(text: "0.05")
        penny.terminal.press(.enter)
        try penny.terminal.waitUntil("paid") { $0.screenRows.last?.hasPrefix("Paid 0.01 USDC") == true }
        penny.open("articles/two-ways-to-say-402")
        try penny.terminal.waitUntil("paid without a prompt") { session in
            session.screenRows.last?.hasPrefix("Paid 0.01 USDC") == true && session.screenRows[0].contains("two-ways")
        }
        try penny.expectScreen("paid-by-allowance")
        #expect(try penny.balance() == "4980000")
        try penny.quit()
    }

    @Test func goingBackToAPaidArticleAndReloadingNeverPaysWithoutAsking() throws {
        let penny = try PennySession.demo()
        penny.open("articles/reserved-for-future-use")
        try penny.waitFor("Payment required")
        penny.terminal.send(text: "y")
        try penny.terminal.waitUntil("paid") { $0.screenRows.last?.hasPrefix("Paid") == true }
        penny.open("about")
        try penny.terminal.waitUntil("about") { $0.screenRows[0].contains("/about") }
        penny.terminal.send(text: "H")
        try penny.terminal.waitUntil("back on the paid copy") { $0.screenRows[0].contains("reserved-for-future-use") }
        #expect(!penny.screen.contains("Payment required"), "history shows the paid copy")
        penny.terminal.send(text: "r")
        try penny.waitFor("reloading may ask for a new payment")
        try penny.expectScreen("reload-paid-question")
        penny.terminal.send(text: "n")
        #expect(try penny.balance() == "4990000")
        try penny.quit()
    }

    @Test func resizingWhileThePromptIsOpenRedrawsIt() throws {
        let penny = try PennySession.demo()
        penny.open("articles/reserved-for-future-use")
        try penny.waitFor("Payment required")
        penny.terminal.resize(width: 70, height: 24)
        try penny.terminal.waitUntil("prompt redrawn at 70") { session in
            session.screenText.contains("Payment required") && session.screenText.contains("[y] Pay")
                && session.screenRows.allSatisfy { $0.count <= 70 }
        }
        #expect(penny.screen.contains("[y] Pay"))
        try penny.expectScreen("prompt-70x24")
        penny.terminal.send(text: "n")
        try penny.quit()
    }
}

extension PaymentScenarioTests {
    @Test func insufficientFundsExplainsHowToTopUp() throws {
        // A wallet with 0.20 demo USDC: the demo does not top up a wallet that has an account.
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("penny-poor-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        let setup = Process()
        setup.executableURL = URL(fileURLWithPath: try PseudoTerminalSession.executable(named: "penny"))
        setup.arguments = ["wallet", "topup", "0.20", "--network", "eip155:31337", "--asset", "USDC"]
        setup.environment = ProcessInfo.processInfo.environment.merging(["PENNY_HOME": home]) { $1 }
        setup.standardOutput = FileHandle.nullDevice
        try setup.run()
        setup.waitUntilExit()
        #expect(setup.terminationStatus == 0)
        let penny = try PennySession.demo(home: home)
        penny.open("articles/what-a-cent-could-change")
        try penny.waitFor("Payment required")
        #expect(penny.screen.contains("0.25 USDC"))
        #expect(penny.screen.contains("(not enough)"))
        #expect(penny.screen.lowercased().contains("insufficient"))
        try penny.expectScreen("prompt-insufficient-funds")
        penny.terminal.send(text: "y")
        #expect(try penny.balance() == "200000")
        penny.terminal.send(text: "n")
        try penny.quit()
    }
}

extension PaymentScenarioTests {
    @Test func anExpiredOfferSaysSoAndIsNotPaid() throws {
        // A Payment-scheme challenge that expired in 2020, for the demo token.
        let request = #"{"amount":"10000","currency":"0x5FbDB2315678afecb367f032d93F642f64180aa3","recipient":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","methodDetails":{"chainId":31337,"decimals":6,"credentialTypes":["authorization"]}}"#
        let encoded = Data(request.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let challenge = #"Payment id="old", realm="127.0.0.1", method="evm", intent="charge", request="\#(encoded)", expires="2020-01-01T00:00:00Z""#
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(status: 402, headers: [("Content-Type", "text/html"), ("WWW-Authenticate", challenge)],
                                        body: .bytes(Array("<h1>Old news</h1><p>Teaser.</p>".utf8)))
        }
        let penny = try PennySession.start([server.url("/old")])
        try penny.waitFor("Payment required")
        #expect(penny.screen.contains("Expires:  expired"))
        #expect(penny.screen.contains("This offer has expired"))
        try penny.expectScreen("prompt-expired")
        penny.terminal.send(text: "y")
        try penny.terminal.waitUntil("refused") { $0.screenRows.last?.contains("expired") == true }
        #expect(server.requests.count == 1, "nothing was sent with a credential")
        try penny.quit()
    }
}
