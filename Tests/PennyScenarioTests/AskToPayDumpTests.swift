import Foundation
import PseudoTerminal
import Testing

/// `penny --dump --pay ask` on a pseudo-terminal: the question goes to the terminal, the
/// answer is typed there, and only the page goes to standard output (here a file, as in
/// `penny --dump --pay ask URL > page.txt`).
@Suite(.serialized)
struct AskToPayDumpTests {
    /// The demo site alone (`penny demo-site`), on its own pseudo-terminal.
    struct Site {
        let session: PseudoTerminalSession
        /// `http://127.0.0.1:PORT/`
        let url: String

        init(folder: String) throws {
            session = try PseudoTerminalSession(executable: PseudoTerminalSession.executable(named: "penny"),
                                                arguments: ["demo-site", "--port", "0", "--database", folder + "/site.sqlite"],
                                                width: 100, height: 10, home: folder, name: "AskToPayDump-site")
            try session.waitFor(text: "Stop it with Ctrl-C", timeout: .seconds(30))
            let text = session.screenText
            let start = try #require(text.firstRange(of: "http://127.0.0.1:"))
            url = String(text[start.lowerBound...].prefix { !$0.isWhitespace })
        }
    }

    /// Runs `penny ARGS` to completion with `PENNY_HOME=home`; its exit status and standard output.
    static func penny(_ arguments: [String], home: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try PseudoTerminalSession.executable(named: "penny"))
        process.arguments = arguments
        process.environment = ["PENNY_HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The demo USDC balance in base units, from `penny wallet balance --json`.
    static func balance(home: String) throws -> String {
        let json = try penny(["wallet", "balance", "--json"], home: home).output
        guard let range = json.firstRange(of: #""balance":""#) else { return "none" }
        return String(json[range.upperBound...].prefix { $0 != "\"" })
    }

    /// `penny --dump --pay ask URL > FILE` on a terminal, answering `answer` to the question;
    /// the exit status, the terminal's screen, and what went to standard output.
    static func dumpAsking(_ url: String, answer: String, home: String, name: String) throws
        -> (status: Int32, screen: String, output: String) {
        let outputFile = home + "/\(name).out"
        let penny = try PseudoTerminalSession.executable(named: "penny")
        let session = try PseudoTerminalSession(
            executable: "/bin/sh", arguments: ["-c", #"exec "$0" --dump --pay ask "$1" > "$2""#, penny, url, outputFile],
            width: 160, height: 20, home: home, name: "AskToPayDump-" + name)
        defer { session.stop() }
        try session.waitFor(text: "Pay? [y/N]", timeout: .seconds(30))
        let question = session.screenText
        #expect(question.contains("asks for 0.01 USDC to 0x"), "the question names the price and the payee: \(question)")
        #expect(question.contains("x402"), "and the protocol: \(question)")
        session.send(text: answer)
        session.press(.enter)
        let status = try session.waitForExit(timeout: .seconds(30))
        let output = String(decoding: FileManager.default.contents(atPath: outputFile) ?? Data(), as: UTF8.self)
        return (status, session.screenText, output)
    }

    @Test func answeringYesPaysTheArticleAndNoPaysNothing() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("penny-ask-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let site = try Site(folder: home + "/site")
        defer { site.session.stop() }
        let topUp = try Self.penny(["wallet", "topup", "1", "--network", "eip155:31337", "--asset", "USDC"], home: home)
        #expect(topUp.status == 0)
        #expect(try Self.balance(home: home) == "1000000")
        let url = site.url + "articles/reserved-for-future-use"

        let yes = try Self.dumpAsking(url, answer: "y", home: home, name: "yes")
        #expect(yes.status == 0, "exit status 0 for a page paid and printed: \(yes.screen)")
        #expect(yes.screen.contains("paid 0.01 USDC to 127.0.0.1"), "\(yes.screen)")
        #expect(yes.output.contains("Reserved for Future Use"), "the article is on standard output")
        #expect(yes.output.contains("Receipt"), "the whole article, not the teaser: \(yes.output.prefix(400))")
        #expect(!yes.output.contains("Pay? [y/N]"), "the question is not part of the page")
        #expect(try Self.balance(home: home) == "990000", "exactly the price left the wallet")

        let no = try Self.dumpAsking(url, answer: "n", home: home, name: "no")
        #expect(no.status == 4, "402 not paid has its own exit status: \(no.screen)")
        #expect(no.screen.contains("declined: nothing was paid."), "\(no.screen)")
        #expect(!no.output.contains("Receipt"), "the teaser only")
        #expect(try Self.balance(home: home) == "990000", "nothing more was paid")
        let pending = try Self.penny(["wallet", "pending", "--json"], home: home)
        #expect(pending.output.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "nothing held: \(pending.output)")
    }
}
