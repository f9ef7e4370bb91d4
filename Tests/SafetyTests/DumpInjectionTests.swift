import Foundation
import TestSupport
import Testing

/// `penny --dump` on pages, headers and 402s full of escape sequences: standard output and
/// standard error carry plain text and newlines only (see `TerminalBytes.dumpViolations`).
@Suite("Terminal injection through --dump")
struct DumpInjectionTests {
    /// A server with a hostile answer on every path, including the paid retry.
    static func hostileServer() throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { request in
            let path = request.path
            switch path {
            case "/latin1":
                return LoopbackHTTPServer.Response(headers: [("Content-Type", "text/html; charset=iso-8859-1")],
                                                   body: .bytes(Hostile.latin1Page))
            case "/json":
                let body = #"{"message":"\#(Merchant.json(Hostile.text))","list":["\#(Merchant.json(Hostile.text))"]}"#
                return .text(body, contentType: "application/json")
            case "/text":
                return .text("plain " + Hostile.text + "\n", contentType: "text/plain; charset=utf-8")
            case "/error":
                return LoopbackHTTPServer.Response(status: 500, reason: "Broken \(Hostile.text)",
                                                   headers: [("Content-Type", "text/html"), ("X-Hostile", Hostile.text)],
                                                   body: .bytes(Array("<p>Error \(Hostile.text)</p>".utf8)))
            case "/redirect":
                return .redirect(to: "/" + Hostile.text)
            case "/paid", "/refuse", "/receipt-error":
                guard Merchant.carriesCredential(request) else { return Hostile.paymentRequired(url: "http://127.0.0.1" + path) }
                if path == "/paid" {
                    return LoopbackHTTPServer.Response(status: 200, headers: [
                        ("Content-Type", "text/html"),
                        ("PAYMENT-RESPONSE", Merchant.settlement(success: true, transaction: "0x" + Hostile.text)),
                    ], body: .bytes(Array("<title>Paid \(Hostile.text)</title><p>Article \(Hostile.text)</p>".utf8)))
                }
                if path == "/receipt-error" {
                    return LoopbackHTTPServer.Response(status: 502, reason: Hostile.text, headers: [
                        ("PAYMENT-RESPONSE", Merchant.settlement(success: false, transaction: "", errorReason: Hostile.text)),
                    ], body: .bytes(Array("oops".utf8)))
                }
                let problem = #"{"type":"https://paymentauth.org/problems/\#(Merchant.json(Hostile.text))","title":"\#(Merchant.json(Hostile.text))","status":402,"detail":"\#(Merchant.json(Hostile.text))"}"#
                return LoopbackHTTPServer.Response(status: 402, headers: [
                    ("Content-Type", "application/problem+json"),
                    ("PAYMENT-RESPONSE", Merchant.settlement(success: false, transaction: "", errorReason: Hostile.text)),
                ], body: .bytes(Array(problem.utf8)))
            default:
                return LoopbackHTTPServer.Response(status: 200, reason: "OK \(Hostile.text)",
                                                   headers: [("Content-Type", "text/html; charset=utf-8"), ("X-Hostile", Hostile.text)],
                                                   body: .bytes(Array(Hostile.page.utf8)))
            }
        }
    }

    static let paths = ["/", "/latin1", "/json", "/text", "/error", "/redirect", "/paid", "/refuse", "/receipt-error", "/offers"]

    @Test(arguments: paths)
    func nothingButTextReachesTheTerminal(_ path: String) throws {
        let server = try Self.hostileServer()
        let penny = try Penny(label: "inject")
        defer { penny.remove() }
        let paying = ["/paid", "/refuse", "/receipt-error"].contains(path)
        if paying { try penny.topUp("1") }
        var arguments = ["--dump", "--timeout", "10"]
        if paying { arguments += ["--pay", "auto", "--max", "1"] }
        // "/offers" lists the 402's offers without paying.
        let target = path == "/offers" ? "/refuse" : path

        let outcome = try penny.run(arguments + [server.url(target)])

        #expect(outcome.exitedNormally, "\(outcome.errorText)")
        let problems = TerminalBytes.dumpViolations(outcome.standardOutput).map { "stdout: " + $0 }
            + TerminalBytes.dumpViolations(outcome.standardError).map { "stderr: " + $0 }
        #expect(problems.isEmpty, "\(path), exit \(outcome.status):\n\(problems.prefix(10).joined(separator: "\n"))")
        // The hostile text was there to be cleaned, not silently left out.
        if !["/latin1", "/redirect", "/receipt-error"].contains(path) {
            #expect((outcome.outputText + outcome.errorText).contains("PWNED"), "\(path): nothing of the hostile text is shown")
        }
        print("dump injection \(path): exit \(outcome.status), \(outcome.standardOutput.count + outcome.standardError.count) bytes checked; stderr: \(outcome.errorText.prefix(300).debugDescription)")
        if paying {
            #expect(!outcome.errorText.isEmpty, "\(path): the payment's outcome is reported")
        }
    }

    /// Hostile text in what Penny is given on its command line and in its error messages.
    @Test func hostileURLsAndFileNamesAreCleanedInErrors() throws {
        let penny = try Penny(label: "inject")
        defer { penny.remove() }
        for target in ["http://127.0.0.1:1/\(Hostile.text)", "/nonexistent/\(Hostile.text).html", "\(Hostile.text)://x"] {
            let outcome = try penny.run(["--dump", "--timeout", "5", target])
            let problems = TerminalBytes.dumpViolations(outcome.standardOutput) + TerminalBytes.dumpViolations(outcome.standardError)
            #expect(problems.isEmpty, "\(target.debugDescription): \(problems.prefix(5))")
        }
    }
}
