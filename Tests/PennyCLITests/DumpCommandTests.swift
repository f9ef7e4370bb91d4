import Foundation
import TestSupport
import Testing

/// `penny --dump` run as a user runs it, against a loopback server.
@Suite("penny --dump")
struct DumpCommandTests {
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
                ("WWW-Authenticate", #"L402 macaroon="AGIAJEemVQUTEyNCR0exk7ek90Cg==", invoice="lnbc100n1p3kpt9"#),
            ], body: .bytes(Array("<p>Teaser paragraph.</p>".utf8)))
        }
        let outcome = try PennyProcess.run(["--dump", server.url("/paid")])
        #expect(outcome.status == 4)
        #expect(outcome.standardOutput == "Teaser paragraph.\n")
        #expect(outcome.standardError.contains("L402"))
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
