import Foundation
import PseudoTerminal
import Testing

/// The interactive prompt paying a server built on the official x402 SDK (interop/x402_server.py).
/// Needs the interop venv (`interop/run.sh --setup`, which `make test` runs first); without it
/// the test fails and says how to make it, never skips.
@Suite(.serialized)
struct InteropScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func thePromptPaysTheX402SDKServer() throws {
        let python = InteropScenarioTests.root.appendingPathComponent(".build-interop/venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("the interop venv is missing: run `interop/run.sh --setup` (make test does) and try again")
            return
        }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = [InteropScenarioTests.root.appendingPathComponent("interop/x402_server.py").path, "--port", "0"]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            // Uvicorn shuts down gracefully on SIGTERM and may wait on open connections.
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        // The first line says where it listens.
        var announced = Data()
        let deadline = Date().addingTimeInterval(30)
        while !announced.contains(UInt8(ascii: "\n")) && Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            announced += chunk
        }
        let line = String(decoding: announced, as: UTF8.self)
        guard let range = line.firstRange(of: "http://127.0.0.1:") else {
            Issue.record("the x402 SDK server did not start: \(line)")
            return
        }
        let base = String(line[range.lowerBound...].prefix { !$0.isWhitespace })

        let home = FileManager.default.temporaryDirectory.appendingPathComponent("penny-interop-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        let topUp = Process()
        topUp.executableURL = URL(fileURLWithPath: try PseudoTerminalSession.executable(named: "penny"))
        topUp.arguments = ["wallet", "topup", "1", "--network", "eip155:84532", "--asset", "USDC"]
        topUp.environment = ProcessInfo.processInfo.environment.merging(["PENNY_HOME": home]) { $1 }
        topUp.standardOutput = FileHandle.nullDevice
        try topUp.run()
        topUp.waitUntilExit()

        let penny = try PennySession.start([base + "/paid"], home: home)
        try penny.waitFor("Payment required", timeout: .seconds(30))
        try penny.expectScreen("prompt-x402-sdk-server")
        #expect(penny.screen.contains("Price:    0.01 USDC"))
        #expect(penny.screen.contains("eip155:84532"))
        #expect(penny.screen.contains("Protocol: x402 v2"))
        penny.terminal.send(text: "y")
        try penny.terminal.waitUntil("paid") { $0.screenRows.last?.hasPrefix("Paid 0.01 USDC to 127.0.0.1") == true }
        #expect(try penny.balance() == "990000")
        try penny.quit()
    }
}
