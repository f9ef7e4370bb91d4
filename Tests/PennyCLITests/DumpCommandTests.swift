import Foundation
import TestSupport
import Testing

/// `penny --dump` run as a user runs it, against a loopback server.
@Suite("penny --dump")
struct DumpCommandTests {
    /// The BOLT11 specification's example invoice for 2500 µBTC (250,000 sat).
    static let invoice = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh"

    @Test func aPageIsPrintedWithNumberedLinksAndReferences() throws {
        let server = try LoopbackHTTPServer { request in
            .html("<title>T</title><h1>Hello</h1><p>Read <a href='/next'>more</a>.</p>")
        }
        let outcome = try PennyProcess.run(["--dump", server.url("/")])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "Hello\n\nRead [1]more.\n\nReferences\n\n   1. \(server.url("/next"))\n")
        #expect(outcome.standardError.isEmpty)
        let agent = server.requests.first?.header("User-Agent") ?? ""
        #expect(agent.hasPrefix("Penny/"))
        #expect(!agent.lowercased().contains("mozilla"))
    }

    @Test func widthAndNoReferencesAreHonoured() throws {
        let server = try LoopbackHTTPServer { _ in .html("<p>one two three four five six</p><a href=/x>x</a>") }
        let outcome = try PennyProcess.run(["--dump", "--width", "10", "--no-references", server.url("/")])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "one two\nthree four\nfive six\n\n[1]x\n")
    }

    @Test func anErrorStatusPrintsThePageAndExitsThree() throws {
        let server = try LoopbackHTTPServer { _ in .html("<p>No such page</p>", status: 404) }
        let outcome = try PennyProcess.run(["--dump", server.url("/missing")])
        #expect(outcome.status == 3)
        #expect(outcome.standardOutput == "No such page\n")
        #expect(outcome.standardError.contains("HTTP 404 Not Found"))
    }

    @Test func paymentRequiredPrintsTheTeaserAndListsOffersOnStandardError() throws {
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(status: 402, headers: [
                ("Content-Type", "text/html"),
                ("WWW-Authenticate", #"L402 macaroon="AGIAJEemVQUTEyNCR0exk7ek90Cg==", invoice="\#(DumpCommandTests.invoice)""#),
            ], body: .bytes(Array("<p>Teaser paragraph.</p>".utf8)))
        }
        let outcome = try PennyProcess.run(["--dump", server.url("/paid")])
        #expect(outcome.status == 4)
        #expect(outcome.standardOutput == "Teaser paragraph.\n")
        #expect(outcome.standardError.contains("payment offer: L402"))
        #expect(outcome.standardError.contains("250000 sat"))
        #expect(outcome.standardError.contains("cannot pay"))
    }

    @Test func anX402OfferIsListedWithItsExactPriceAndPayee() throws {
        let required = #"{"x402Version":2,"resource":{"url":"http://127.0.0.1/a"},"accepts":[{"scheme":"exact","network":"eip155:84532","amount":"10000","asset":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","payTo":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C","maxTimeoutSeconds":300,"extra":{"name":"USDC","version":"2"}}]}"#
        let encoded = Base64Encoding.encode(Array(required.utf8))
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(status: 402, headers: [("Content-Type", "application/json"), ("PAYMENT-REQUIRED", encoded)],
                                        body: .bytes(Array("{}".utf8)))
        }
        let outcome = try PennyProcess.run(["--dump", server.url("/paid")])
        #expect(outcome.status == 4)
        #expect(outcome.standardError.contains("0.01 USDC"))
        #expect(outcome.standardError.contains("0x209693Bc6afc0C5328bA36FaF03C514EF312287C"))
    }

    @Test func aPaymentRequiredWithoutOffersSaysSo() throws {
        let server = try LoopbackHTTPServer { _ in .text("Your subscription expired.", status: 402) }
        let outcome = try PennyProcess.run(["--dump", server.url("/")])
        #expect(outcome.status == 4)
        #expect(outcome.standardError.contains("no machine-readable payment offer"))
    }

    @Test func binaryContentIsNotPrintedButCanBeSaved() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x1B, 0x5B]
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(status: 200, headers: [("Content-Type", "image/png")], body: .bytes(png))
        }
        let refused = try PennyProcess.run(["--dump", server.url("/image.png")])
        #expect(refused.status == 5)
        #expect(refused.standardOutput.isEmpty)
        #expect(refused.standardError.contains("image/png, 12 bytes"))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("penny-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        let saved = try PennyProcess.run(["--dump", "--output", file.path, server.url("/image.png")])
        #expect(saved.status == 0)
        #expect(try Data(contentsOf: file) == Data(png))
    }

    @Test func aDeadServerGivesAClearErrorAndExitsOne() throws {
        let server = try LoopbackHTTPServer { _ in .notFound }
        let url = server.url("/")
        server.stop()
        let outcome = try PennyProcess.run(["--dump", url])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.hasPrefix("penny: "))
        #expect(outcome.standardError.lowercased().contains("connect"))
    }

    @Test func aHangingServerTimesOut() throws {
        let server = try LoopbackHTTPServer { _ in .neverAnswer }
        let start = Date()
        let outcome = try PennyProcess.run(["--dump", "--timeout", "1", server.url("/")])
        #expect(outcome.status == 1)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(outcome.standardError.contains("did not answer"))
    }

    @Test func aLocalFileIsReadByPath() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("penny-\(UUID().uuidString).html")
        try Data("<ul><li>local</li></ul>".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try PennyProcess.run(["--dump", file.path])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "  • local\n")
        let missing = try PennyProcess.run(["--dump", file.path + ".missing"])
        #expect(missing.status == 1)
    }

    @Test func badArgumentsAreUsageErrors() throws {
        #expect(try PennyProcess.run(["--dump", "--width", "0", "x"]).status == 64)
        #expect(try PennyProcess.run(["--dump", "--width", "1001", "x"]).status == 64)
        #expect(try PennyProcess.run(["--dump"]).status == 64)
    }

    @Test func escapeSequencesFromAServerNeverReachStandardOutputOrError() throws {
        let server = try LoopbackHTTPServer { _ in
            LoopbackHTTPServer.Response(status: 404, reason: "Gone\u{1B}[2J", headers: [("Content-Type", "text/plain")],
                                        body: .bytes(Array("text\u{1B}]0;title\u{07} \u{9B}31m".utf8)))
        }
        let outcome = try PennyProcess.run(["--dump", server.url("/")])
        for text in [outcome.standardOutput, outcome.standardError] {
            #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) })
        }
        #expect(outcome.standardOutput.contains("␛]0;title␇"))
    }
}

@Suite("penny without a terminal")
struct NoTerminalTests {
    @Test func theFullScreenBrowserRefusesWithoutATerminalAndSuggestsDump() throws {
        let outcome = try PennyProcess.run(["https://example.com/"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("--dump"))
    }
}

@Suite("penny wallet")
struct WalletCommandTests {
    @Test func theKeyIsMadeOnceWithModeSixHundredAndNeverPrinted() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("penny-key-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        let first = try PennyProcess.run(["wallet", "address"], environment: ["PENNY_HOME": home])
        #expect(first.status == 0)
        let address = first.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(address.hasPrefix("0x") && address.count == 42)
        let second = try PennyProcess.run(["wallet", "address", "--json"], environment: ["PENNY_HOME": home])
        #expect(second.standardOutput == "{\"address\":\"\(address)\"}\n")
        let keyPath = home + "/data/wallet.key"
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let key = try String(contentsOfFile: keyPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(key.count == 64)
        #expect(!first.standardOutput.contains(key) && !second.standardOutput.contains(key))
    }

    @Test func mainNetworksRefuseTopUpsAndTakeABudget() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("penny-main-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        let topUp = try PennyProcess.run(["wallet", "topup", "5", "--network", "eip155:8453", "--asset", "USDC"], environment: ["PENNY_HOME": home])
        #expect(topUp.status == 6)
        let budget = try PennyProcess.run(["wallet", "budget", "2.50", "--network", "eip155:8453", "--asset", "USDC"], environment: ["PENNY_HOME": home])
        #expect(budget.status == 0, "\(budget.standardError)")
        let balance = try PennyProcess.run(["wallet", "balance", "--json"], environment: ["PENNY_HOME": home])
        #expect(balance.standardOutput.contains(#""balance":"2500000""#))
        #expect(balance.standardOutput.contains(#""kind":"main""#))
    }
}
