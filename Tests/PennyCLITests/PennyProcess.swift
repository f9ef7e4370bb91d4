import Foundation

/// Runs the built `penny` binary and collects what it printed.
struct PennyProcess {
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The `penny` executable next to the test bundle (or `PENNY_BINARY`).
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["PENNY_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("penny")
    }

    /// Runs penny with `arguments`, standard input from /dev/null, killing it after `timeout` seconds.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 30) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["PENNY_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("penny-cli-\(UUID().uuidString)").path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        // Read both pipes while the process runs so a large output cannot block it.
        let outputData = LockedData()
        let errorData = LockedData()
        let group = DispatchGroup()
        for (pipe, sink) in [(output, outputData), (error, errorData)] {
            group.enter()
            DispatchQueue.global().async {
                sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            usleep(10_000)
        }
        if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
        group.wait()
        return Outcome(status: process.terminationStatus,
                       standardOutput: String(decoding: outputData.get(), as: UTF8.self),
                       standardError: String(decoding: errorData.get(), as: UTF8.self))
    }
}

/// Data written by one thread and read by another.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.unlock()
    }

    func get() -> Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
