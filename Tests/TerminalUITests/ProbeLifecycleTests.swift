import Foundation
import PseudoTerminal
import Testing

/// Starting, refusing, quitting, signals and Ctrl-Z: the terminal always comes back.
@Suite(.serialized)
struct ProbeLifecycleTests {
    @Test func quitsWithStatusZeroAndLeavesTheAlternateScreen() throws {
        let session = try startProbe()
        #expect(session.isAlternateScreen)
        session.send(text: "q")
        #expect(try session.waitForExit() == 0)
        #expect(session.isRestored)
        #expect(!session.screenText.contains("TerminalProbe"))
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func restoresTheTerminalOnFatalSignals(signal: Int32) throws {
        let session = try startProbe(name: "restoresTheTerminalOnSignal\(signal)")
        session.signal(signal)
        #expect(try session.waitForExit() == 128 + signal)
        #expect(session.terminationSignal == signal)
        #expect(session.isRestored)
    }

    @Test func restoresTheTerminalOnCtrlC() throws {
        let session = try startProbe()
        session.press(.control("c"))
        #expect(try session.waitForExit() == 128 + SIGINT)
        #expect(session.isRestored)
    }

    @Test func restoresTheTerminalWhenItRaisesSIGTERM() throws {
        let session = try PseudoTerminalSession(executable: probePath(), arguments: ["--crash"],
                                                name: "TerminalUI-crash")
        #expect(try session.waitForExit() == 128 + SIGTERM)
        #expect(session.isRestored)
        session.stop()
        // It did paint on the alternate screen before dying.
        let cast = try String(contentsOf: session.castFile, encoding: .utf8)
        #expect(cast.contains("TerminalProbe"))
        #expect(cast.contains(#"\u001b[?1049h"#))
    }

    @Test func suspendsOnCtrlZAndRedrawsOnContinue() throws {
        let session = try startProbe()
        session.press(.control("z"))
        try session.waitUntil("the primary screen after Ctrl-Z") { $0.isRestored }
        #expect(session.exitCode == nil)
        session.signal(SIGCONT)
        // The resume is reported as a resize, so the probe paints a whole frame.
        #expect(try session.lastEvent(afterCount: 1) == "last: resize 80x24")
        #expect(session.isAlternateScreen)
        #expect(session.screenRows[0] == "TerminalProbe")
        #expect(!session.cursor.isVisible)
        #expect(session.cell(x: 0, y: 0).isBold)
        session.press(.up)
        #expect(try session.lastEvent(afterCount: 2) == "last: key: up")
        session.send(text: "q")
        #expect(try session.waitForExit() == 0)
        #expect(session.isRestored)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
    func stopsUnderAJobControlShellAndComesBackWithFg() throws {
        let session = try PseudoTerminalSession(executable: "/bin/bash", arguments: ["--norc", "--noprofile", "-i"],
                                                environment: ["PS1": "prompt$ "], name: "TerminalUI-jobControl")
        try session.waitFor(text: "prompt$")
        session.send(text: "\(try probePath())\r")
        try session.waitForFrame(count: 0)
        session.press(.control("z"))
        try session.waitFor(text: "Stopped")
        #expect(session.isRestored)
        session.send(text: "fg\r")
        #expect(try session.lastEvent(afterCount: 1) == "last: resize 80x24")
        #expect(session.isAlternateScreen)
        session.send(text: "q")
        try session.waitUntil("the shell back") { $0.isRestored && $0.screenText.contains("prompt$ fg") }
        session.send(text: "exit\r")
        #expect(try session.waitForExit() == 0)
    }

    @Test func endsOnHangUpWhenSIGHUPIsIgnored() throws {
        let session = try startProbe(["--nohup"])
        session.hangUp()
        #expect(try session.waitForExit() == 0)
    }

    @Test(arguments: [("dumb", "TERM is \"dumb\""), ("", "TERM is not set")])
    func refusesAnUnusableTerm(term: String, message: String) throws {
        let session = try PseudoTerminalSession(executable: probePath(), environment: ["TERM": term],
                                                name: "TerminalUI-refusesTerm-\(term.isEmpty ? "unset" : term)")
        #expect(try session.waitForExit() == 2)
        #expect(session.screenText.contains(message))
        #expect(session.screenText.contains("--dump"))
        #expect(!session.isAlternateScreen)
    }

    @Test func refusesAnUnsetTerm() throws {
        let session = try PseudoTerminalSession(executable: probePath(), unsetting: ["TERM"])
        #expect(try session.waitForExit() == 2)
        #expect(session.screenText.contains("TERM is not set"))
    }

    @Test func refusesWhenStandardInputIsNotATerminal() throws {
        // The shell only redirects and execs, so the probe runs with its input at /dev/null.
        let session = try PseudoTerminalSession(executable: "/bin/sh",
                                                arguments: ["-c", "exec \"$0\" </dev/null", probePath()])
        #expect(try session.waitForExit() == 2)
        #expect(session.screenText.contains("standard input is not a terminal"))
        #expect(session.screenText.contains("--dump"))
    }
}
