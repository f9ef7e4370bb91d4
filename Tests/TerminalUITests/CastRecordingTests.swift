import Foundation
@testable import PseudoTerminal
import JSONWriting
import Testing

/// The asciicast files sessions leave behind, and what a failing wait reports.
@Suite(.serialized)
struct CastRecordingTests {
    @Test func writesAValidAsciicastWithTheHeaderFirst() throws {
        let session = try startProbe()
        session.send(text: "日x")
        _ = try session.lastEvent(afterCount: 2)
        session.resize(width: 90, height: 25)
        _ = try session.lastEvent(afterCount: 3)
        session.send(text: "q")
        #expect(try session.waitForExit() == 0)
        session.stop()

        let lines = try String(contentsOf: session.castFile, encoding: .utf8).split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 80)
        #expect(header["height"] as? Int == 24)
        #expect((header["timestamp"] as? Int ?? 0) > 1_600_000_000)
        #expect((header["env"] as? [String: String])?["TERM"] == "xterm-256color")

        var output = ""
        var input = ""
        var lastTime = 0.0
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], "\(line)")
            let time = try #require(event[0] as? Double)
            let code = try #require(event[1] as? String)
            let data = try #require(event[2] as? String)
            #expect(event.count == 3)
            #expect(time >= lastTime)
            lastTime = time
            switch code {
            case "o": output += data
            case "i": input += data
            case "r": #expect(data == "90x25")
            default: Issue.record("unexpected event type \(code)")
            }
        }
        #expect(output.contains("TerminalProbe"))
        #expect(output.contains("\u{1B}[?1049h"))
        #expect(output.contains("\u{1B}[?1049l"))
        #expect(input.contains("日x"))
        #expect(input.hasSuffix("q"))
        #expect(session.castFile.lastPathComponent == "TerminalUI-writesAValidAsciicastWithTheHeaderFirst.cast")
    }

    @Test func keepsEveryLineValidJSONForBytesThatAreNotUTF8() throws {
        // printf writes an invalid byte, ESC, a quote, a backslash and a split-free "é".
        let session = try PseudoTerminalSession(executable: "/usr/bin/printf",
                                                arguments: [#"a\377b\033[1m"q\\é\n"#])
        #expect(try session.waitForExit() == 0)
        session.stop()
        let lines = try String(contentsOf: session.castFile, encoding: .utf8).split(separator: "\n")
        var output = ""
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            output += event[2] as? String ?? ""
        }
        #expect(output == "a\u{FFFD}b\u{1B}[1m\"q\\é\r\n")
    }

    @Test func aTimeoutReportsTheScreenAndTheLastBytes() throws {
        let session = try startProbe()
        let error = try #require(throws: PseudoTerminalError.self) {
            try session.waitFor(text: "never shown", timeout: .milliseconds(100))
        }
        let report = error.description
        #expect(report.contains("Timed out after"))
        #expect(report.contains("the text \"never shown\""))
        #expect(report.contains("  0|TerminalProbe"))
        #expect(report.contains("  2|wide:日本語|"))
        #expect(report.contains("Screen 80x24 (alternate), cursor at"))
        #expect(report.contains("bytes received: \\e[?1049h"))
                #expect(report.contains("is still running"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
    func answersTerminalQueries() throws {
        // Asks for the cursor position (what curses' u7 probe sends) and prints the answer.
        let script = #"printf 'abc'; IFS= read -rs -d R -p $'\e[6n' reply; echo " got ${reply#*[}""#
        let session = try PseudoTerminalSession(executable: "/bin/bash", arguments: ["--norc", "--noprofile", "-c", script])
        try session.waitFor(text: "abc got 1;4")
        #expect(try session.waitForExit() == 0)
    }

    @Test func findsTheBuiltExecutable() throws {
        let path = try PseudoTerminalSession.executable(named: "TerminalProbe")
        #expect(FileManager.default.isExecutableFile(atPath: path))
        #expect(throws: PseudoTerminalError.self) { try PseudoTerminalSession.executable(named: "no-such-program") }
    }

    @Test func clicksSendNothingWhenTheProgramDidNotAskForTheMouse() throws {
        let session = try PseudoTerminalSession(executable: "/bin/cat")
        #expect(!session.reportsMouse)
        session.click(x: 3, y: 3)
        session.send(text: "typed\r")
        try session.waitFor(text: "typed\ntyped")
        #expect(session.screenRows[0] == "typed")
    }

    @Test func givesEachSessionAFreshHomeAndRemovesIt() throws {
        let session = try PseudoTerminalSession(executable: "/bin/sh", arguments: ["-c", "echo \"home=$PENNY_HOME lang=$LANG term=$TERM\""])
        let home = session.homeDirectory
        #expect(FileManager.default.fileExists(atPath: home))
        try session.waitFor(text: "home=\(home) lang=C.UTF-8 term=xterm-256color")
        session.stop()
        #expect(!FileManager.default.fileExists(atPath: home))
    }

    @Test func killsAndReapsAProgramStillRunningAtStop() throws {
        let session = try PseudoTerminalSession(executable: "/bin/sleep", arguments: ["30"])
        let pid = session.processID
        session.stop()
        #expect(session.terminationSignal == SIGKILL)
        // Reaped: no such process any more (not even a zombie).
        #expect(kill(pid, 0) == -1)
    }
}

/// The pure helpers behind the harness.
struct HarnessHelperTests {
    @Test func splitsCombinedDECModes() {
        var splitter = DECModeSplitter()
        let input = Array("a\u{1B}[?1006;1000hb\u{1B}[?25l\u{1B}[1;2H\u{1B}[?1049".utf8)
        let first = input.withUnsafeBytes { splitter.process($0) }
        #expect(String(decoding: first, as: UTF8.self) == "a\u{1B}[?1006h\u{1B}[?1000hb\u{1B}[?25l\u{1B}[1;2H")
        // The held sequence completes in the next read.
        let second = Array("hc".utf8).withUnsafeBytes { splitter.process($0) }
        #expect(String(decoding: second, as: UTF8.self) == "\u{1B}[?1049hc")
    }

    @Test func findsIncompleteUTF8AtTheEnd() {
        #expect(Escaping.incompleteSuffixLength([]) == 0)
        #expect(Escaping.incompleteSuffixLength(Array("abc".utf8)) == 0)
        #expect(Escaping.incompleteSuffixLength(Array("é".utf8)) == 0)
        #expect(Escaping.incompleteSuffixLength(Array(Array("日".utf8).prefix(2))) == 2)
        #expect(Escaping.incompleteSuffixLength(Array(Array("😀".utf8).prefix(1))) == 1)
        #expect(Escaping.incompleteSuffixLength([0x61, 0xFF]) == 0)
    }

    @Test func escapesBytesReadably() {
        #expect(Escaping.readable(Array("\u{1B}[1mé\r\n".utf8) + [0xFF, 0x07]) == "\\e[1mé\\r\\n\\xff\\x07")
        #expect(JSONWriter.string("a\"\\\u{1B}\n", escapingTerminalControls: true) == "\"a\\\"\\\\\\u001b\\n\"")
        // DEL and the C1 controls are escaped for terminals, as \u00xx; other text stays UTF-8.
        #expect(JSONWriter.string("\u{7F}\u{80}\u{9B}\u{A0}é€🎉", escapingTerminalControls: true) == "\"\\u007f\\u0080\\u009b\u{A0}é€🎉\"")
        #expect(JSONWriter.string("\u{7F}\u{9B}\u{8}\u{C}\u{1}") == "\"\u{7F}\u{9B}\\b\\f\\u0001\"")
    }

    @Test func namesCastsAfterTests() {
        #expect(PseudoTerminalSession.fileName(for: "keysAreDecoded()") == "keysAreDecoded")
        #expect(PseudoTerminalSession.fileName(for: "resize(width:height:)") == "resize-width-height")
    }
}
