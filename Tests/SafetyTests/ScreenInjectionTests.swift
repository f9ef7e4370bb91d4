import Foundation
import PseudoTerminal
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The full-screen browser on a pseudo-terminal, visiting hostile pages, their page
/// information (`=`), a 402's prompt (its details `i` and other offers `o`), paying (the
/// receipt), a refused payment and a server error: every byte Penny writes is checked
/// (`TerminalBytes.screenViolations`).
///
/// The bytes come exactly as written from `script` (util-linux), which runs Penny on a
/// terminal of its own inside the session's and logs its raw output; the session's asciicast
/// (decoded as UTF-8) is checked too.
@Suite("Terminal injection through the screen", .serialized)
struct ScreenInjectionTests {
    @Test func hostilePagesPromptsAndReceiptsNeverReachTheTerminalRaw() throws {
        let candidates: [String] = ["/usr/bin/script", "/bin/script"]
        let script = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) },
                                  "util-linux's script is needed to log Penny's raw output")
        let server = try DumpInjectionTests.hostileServer()
        let penny = try Penny(label: "screen")
        defer { penny.remove() }
        try penny.topUp("1")
        let raw = penny.home + "/raw.log"
        let command = "exec '\(Penny.executable)' '\(server.url("/"))'"
        let session = try PseudoTerminalSession(executable: script, arguments: ["-q", "-f", "-e", "-c", command, raw],
                                                environment: ["PENNY_HOME": penny.home, "HOME": penny.home],
                                                width: 100, height: 30, home: penny.home,
                                                name: "SafetyTests-hostilePagesPromptsAndReceipts")
        defer { session.stop() }

        func open(_ path: String) {
            session.send(text: "o")
            session.press(.control("u"))
            session.send(text: server.url(path))
            session.press(.enter)
        }

        try session.waitFor(text: "Hostile page", timeout: .seconds(30))
        session.send(text: "=")
        try session.waitFor(text: "Response headers:")
        session.send(text: "x")
        session.press(.tab)
        session.press(.tab)
        open("/latin1")
        try session.waitFor(text: "café")
        session.send(text: "=")
        try session.waitFor(text: "Response headers:")
        session.send(text: "x")
        open("/error")
        try session.waitUntil("the error status") { $0.screenText.contains("500") }
        open("/text")
        try session.waitFor(text: "plain")
        open("/paid")
        try session.waitFor(text: "Payment required")
        session.send(text: "i")
        usleep(300_000)
        session.send(text: "i")
        session.send(text: "o")
        usleep(300_000)
        session.send(text: "o")
        usleep(300_000)
        session.send(text: "y")
        try session.waitUntil("paid") { $0.screenRows.last?.hasPrefix("Paid") == true }
        session.send(text: "=")
        try session.waitFor(text: "Receipt:")
        session.send(text: "x")
        open("/refuse")
        try session.waitFor(text: "Payment required")
        session.send(text: "y")
        try session.waitUntil("the refusal") { $0.screenText.contains("refused") }
        usleep(300_000)
        session.send(text: "n")
        try session.waitUntil("the prompt closed") { !$0.screenText.contains("Payment required") }
        open("/receipt-error")
        try session.waitFor(text: "Payment required")
        session.send(text: "y")
        try session.waitUntil("the failed settlement") { $0.screenText.contains("pending") }
        session.send(text: "Q")
        _ = try session.waitForExit(timeout: .seconds(15))

        var bytes = try #require(fileBytes(raw), "script wrote no log")
        // script's own first line ("Script started on …") and last ("Script done on …").
        if let newline = bytes.firstIndex(of: 0x0A) { bytes.removeFirst(newline + 1) }
        if let trailer = bytes.lastRange(of: Array("\nScript done on".utf8)) { bytes.removeSubrange(trailer.lowerBound...) }
        let text = String(decoding: bytes, as: UTF8.self)
        // Single words: curses may draw a space as a cursor movement.
        for shown in ["Hostile", "headers:", "café", "Payment", "Receipt:", "refused", "pending"] {
            #expect(text.contains(shown), "the raw log holds what was on screen: \(shown)")
        }
        let problems = TerminalBytes.screenViolations(bytes)
        #expect(problems.isEmpty, "\(problems.count) unsafe sequences in Penny's \(bytes.count) bytes:\n\(problems.prefix(15).joined(separator: "\n"))")

        let cast = try String(contentsOf: session.castFile, encoding: .utf8)
        let output = Array(Self.castOutput(cast).utf8)
        let castProblems = TerminalBytes.screenViolations(output)
        #expect(castProblems.isEmpty, "the cast: \(castProblems.prefix(10).joined(separator: "\n"))")
        print("screen injection: \(bytes.count) bytes written by Penny checked, \(problems.count) unsafe sequences")
    }

    /// The output events of an asciicast v2 file, joined.
    static func castOutput(_ cast: String) -> String {
        var output = ""
        for line in cast.split(separator: "\n").dropFirst() {
            guard let data = line.data(using: .utf8),
                  let event = try? JSONSerialization.jsonObject(with: data) as? [Any], event.count == 3,
                  event[1] as? String == "o", let text = event[2] as? String else { continue }
            output += text
        }
        return output
    }
}

extension Array where Element == UInt8 {
    /// The range of the last occurrence of `needle`.
    func lastRange(of needle: [UInt8]) -> Range<Int>? {
        guard count >= needle.count else { return nil }
        for start in stride(from: count - needle.count, through: 0, by: -1) where self[start..<(start + needle.count)].elementsEqual(needle) {
            return start..<(start + needle.count)
        }
        return nil
    }
}
