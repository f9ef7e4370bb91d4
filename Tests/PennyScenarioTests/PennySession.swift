import Foundation
import PseudoTerminal
import Testing

/// The real `penny` on a pseudo-terminal, with helpers for the scenarios.
struct PennySession {
    let terminal: PseudoTerminalSession
    /// The demo site's address, read from the top bar ("http://127.0.0.1:PORT/").
    var baseURL = ""

    static func start(_ arguments: [String], width: Int = 100, height: Int = 30, home: String? = nil,
                      name: String = #function) throws -> PennySession {
        let terminal = try PseudoTerminalSession(executable: PseudoTerminalSession.executable(named: "penny"),
                                                 arguments: arguments, width: width, height: height, home: home,
                                                 name: "Penny-" + name)
        return PennySession(terminal: terminal)
    }

    /// `penny --demo`, waiting for the front page.
    static func demo(width: Int = 100, height: Int = 30, home: String? = nil, name: String = #function) throws -> PennySession {
        var session = try start(["--demo"], width: width, height: height, home: home, name: name)
        try session.terminal.waitFor(text: "The Penny Post", timeout: .seconds(30))
        let top = session.terminal.screenRows[0]
        guard let start = top.firstRange(of: "http://127.0.0.1:") else {
            Issue.record("no demo URL in the top bar: \(top)")
            return session
        }
        let rest = top[start.lowerBound...]
        session.baseURL = String(rest.prefix { !$0.isWhitespace })
        return session
    }

    /// Opens a path of the demo site through the URL prompt.
    func open(_ path: String) {
        terminal.send(text: "o")
        terminal.press(.control("u"))
        terminal.send(text: baseURL + path)
        terminal.press(.enter)
    }

    func waitFor(_ text: String, timeout: Duration = .seconds(15)) throws {
        try terminal.waitFor(text: text, timeout: timeout)
    }

    /// Waits until the screen is the stored checkpoint `Screens/NAME.txt` (masked: see
    /// `screenMasks`); `PENNY_RECORD_SCREENS=1` records it instead.
    func expectScreen(_ name: String, timeout: Duration = .seconds(10)) throws {
        try terminal.expectScreen(matching: Self.screensFolder + "/" + name + ".txt", masks: Self.screenMasks,
                                  timeout: timeout)
    }

    static let screensFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Screens").path

    /// What changes from one run to the next: loopback ports, the keys of a new wallet and
    /// of the demo site's payee, transaction hashes, the seconds an offer has left. Hex keeps its width, so boxes stay whole.
    static let screenMasks: [ScreenMask] = [
        .regex("loopback port", #"127\.0\.0\.1:[0-9]+"#, "127.0.0.1:PORT"),
        .regex("transaction hash", #"\b0x[0-9a-fA-F]{64}\b"#, "0x" + String(repeating: "#", count: 64)),
        .regex("address", #"\b0x[0-9a-fA-F]{40}\b"#, "0x" + String(repeating: "#", count: 40)),
        .regex("time left on an offer", #"Expires:  in [0-9]+ [hmins]+( [0-9]+ [mins]+)?"#, "Expires:  in <time left>"),
    ]

    var screen: String { terminal.screenText }
    var statusLine: String { terminal.screenRows.last ?? "" }

    /// Runs `penny ARGS` to completion with this session's PENNY_HOME.
    func command(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try PseudoTerminalSession.executable(named: "penny"))
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PENNY_HOME"] = terminal.homeDirectory
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The demo USDC balance in base units, from `penny wallet balance --json`.
    func balance() throws -> String {
        let json = try command(["wallet", "balance", "--json"])
        guard let range = json.firstRange(of: #""balance":""#) else { return "none" }
        return String(json[range.upperBound...].prefix { $0 != "\"" })
    }

    func quit() throws {
        terminal.send(text: "Q")
        _ = try terminal.waitForExit(timeout: .seconds(10))
    }
}
