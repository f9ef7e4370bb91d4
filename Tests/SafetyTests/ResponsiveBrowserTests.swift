import Foundation
import PseudoTerminal
import TestSupport
import Testing

/// The full-screen browser while a server misbehaves: it keeps answering keys (help, cancel,
/// quit) and says what it is waiting for.
@Suite("Servers that misbehave: the browser stays responsive", .serialized)
struct ResponsiveBrowserTests {
    @Test func keysWorkWhileAServerNeverAnswersOrTrickles() throws {
        let server = try LoopbackHTTPServer { request in
            request.path == "/slow"
                ? LoopbackHTTPServer.Response(headers: [("Content-Type", "text/html")], body: .generated(count: 100_000),
                                              delivery: .slowly(chunkSize: 1, pause: .milliseconds(200)))
                : .neverAnswer
        }
        let penny = try Penny(label: "responsive")
        defer { penny.remove() }
        let session = try PseudoTerminalSession(executable: Penny.executable, arguments: [server.url("/never")],
                                                environment: ["PENNY_HOME": penny.home], home: penny.home)
        try session.waitUntil(timeout: .seconds(10), "the loading line") { $0.screenRows.last?.contains("Loading") == true }
        // Help opens and closes while the page is still loading.
        session.press(.function(1))
        try session.waitFor(text: "Penny keys", timeout: .seconds(3))
        session.send(text: "x")
        try session.waitUntil(timeout: .seconds(3), "help closed") { !$0.screenText.contains("Penny keys") }
        // Esc stops the load.
        session.press(.escape)
        try session.waitUntil(timeout: .seconds(3), "the load stopped") { $0.screenRows.last?.contains("Loading") != true }
        // A page arriving one byte at a time shows its progress, and quitting does not wait for it.
        session.send(text: "o")
        session.press(.control("u"))
        session.send(text: server.url("/slow"))
        session.press(.enter)
        try session.waitUntil(timeout: .seconds(10), "progress of the slow page") { $0.screenRows.last?.contains("Loading") == true }
        let asked = ContinuousClock.now
        session.send(text: "q")
        #expect(try session.waitForExit(timeout: .seconds(5)) == 0)
        #expect(ContinuousClock.now - asked < .seconds(3), "quitting waited for the slow server")
        #expect(!session.isAlternateScreen)
    }
}
